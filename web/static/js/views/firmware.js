// Firmware (technician role): what each charger runs and what is kept for rollback, a package upload
// with its progress (XMLHttpRequest upload events), the station's verdict on the package's signature,
// and an update or rollback per charger followed step by step (the shapes: docs/web.md "Pages").

import { ApiError, get, headers, post } from "../api.js";
import { h } from "../dom.js";
import { number } from "../format.js";
import { label, t } from "../i18n.js";
import { button, confirm, errorNote, field, note, section, table } from "../ui.js";

const POLL_MS = 1000;

function upload(file, onProgress) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/v1/firmware/packages");
    for (const [name, value] of Object.entries(headers())) xhr.setRequestHeader(name, value);
    xhr.responseType = "json";
    xhr.upload.addEventListener("progress", (e) => e.lengthComputable && onProgress(e.loaded / e.total));
    xhr.addEventListener("load", () => {
      const body = xhr.response;
      if (xhr.status >= 200 && xhr.status < 300) resolve(body);
      else reject(new ApiError(xhr.status, (body && body.error) || { code: `http_${xhr.status}` }));
    });
    xhr.addEventListener("error", () => reject(new ApiError(0, { code: "network", message: t("error.network") })));
    const form = new FormData();
    form.append("package", file);
    xhr.send(form);
  });
}

// Follows a job until it is done; each step's name and fraction on the given bar and line.
async function follow(jobId, bar, line) {
  for (;;) {
    const job = await get(`/firmware/jobs/${encodeURIComponent(jobId)}`);
    bar.value = job.fraction ?? 0;
    line.textContent = label("firmware_step", job.step);
    if (job.state !== "running") return job;
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

export default {
  async render(main, context) {
    const inventoryArea = h("div");
    const outcome = h("div", { "aria-live": "polite" });
    let chosenPackage = null;
    const mayChange = context.can("technician");

    const run = async (what, charger, path, body) => {
      if (!(await confirm(t(`firmware.${what}_confirm`, { charger }), `firmware.${what}`))) return;
      const bar = h("progress", { max: 1, value: 0 });
      const line = h("span", { class: "muted" });
      outcome.replaceChildren(h("div", { class: "note info" }, h("p", { text: t(`firmware.${what}_running`, { charger }) }), bar, line));
      try {
        const started = await post(path, body);
        const job = await follow(started.job_id, bar, line);
        outcome.replaceChildren(job.state === "done" ? note("ok", t("firmware.done", { charger, version: job.version ?? "—", reported: job.reported_version ?? "—" })) : note("error", t("firmware.failed", { charger, code: job.error ?? "—" })));
        refresh();
      } catch (error) {
        outcome.replaceChildren(errorNote(error));
      }
    };

    const refresh = async () => {
      try {
        const inventory = await get("/firmware");
        inventoryArea.replaceChildren(
          h("p", { class: "muted", text: t("firmware.station", { running: inventory.station_running, previous: inventory.station_previous || "—" }) }),
          table(
            ["firmware.charger", "firmware.link", "firmware.version", "firmware.rollback_version", "common.actions"],
            inventory.chargers.map((c) => ({
              cells: [
                c.charger_id,
                label("link", c.link_state),
                c.version || "—",
                c.rollback_version || "—",
                mayChange && c.can_flash
                  ? h(
                      "div",
                      { class: "inline" },
                      button("firmware.update", () => (chosenPackage ? run("update", c.charger_id, `/chargers/${encodeURIComponent(c.charger_id)}/firmware`, { package_id: chosenPackage.package_id }) : outcome.replaceChildren(note("info", t("firmware.upload_first")))), ""),
                      c.rollback_version ? button("firmware.rollback", () => run("rollback", c.charger_id, `/chargers/${encodeURIComponent(c.charger_id)}/firmware/rollback`, {}), "secondary") : null,
                    )
                  : t(c.can_flash ? "firmware.no_role" : "firmware.no_flasher"),
              ],
            })),
          ),
        );
      } catch (error) {
        // A station without the firmware routes (an older build) answers 404: said as such.
        inventoryArea.replaceChildren(error.status === 404 ? note("info", t("firmware.not_available")) : errorNote(error));
      }
    };

    const file = h("input", { type: "file", name: "package", accept: ".tar.gz,.tgz,.gz,.tar,.zip,.bin,.pkg,application/gzip,application/octet-stream", required: true });
    const bar = h("progress", { max: 1, value: 0, hidden: true });
    const verdict = h("div", { "aria-live": "polite" });
    const form = h("form", { class: "filters" }, field("firmware.package", file), h("div", { class: "field actions" }, h("button", { type: "submit", text: t("firmware.upload") })), bar, verdict);
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      if (!file.files.length) return;
      bar.hidden = false;
      bar.value = 0;
      verdict.replaceChildren();
      try {
        const pkg = await upload(file.files[0], (fraction) => (bar.value = fraction));
        bar.value = 1;
        chosenPackage = pkg.valid ? pkg : null;
        verdict.replaceChildren(
          pkg.valid
            ? note("ok", t("firmware.valid", { file: pkg.file_name, version: pkg.version, target: pkg.target, size: number(pkg.size), key: pkg.signer_key_id || "—" }))
            : note("error", t("firmware.refused", { file: pkg.file_name, reason: pkg.reason })),
        );
      } catch (error) {
        verdict.replaceChildren(errorNote(error));
      }
    });
    main.append(...[h("h1", { text: t("nav.firmware") }), section("firmware.inventory", inventoryArea), mayChange ? section("firmware.new_package", form) : null, outcome].filter(Boolean));
    await refresh();
  },
};
