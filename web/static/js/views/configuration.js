// Configuration: the editable settings grouped as the station groups them, an input by each kind, a
// checked preview (the configuration file's own messages per field, the tariff's price lines in every
// language), apply, and the history with revert. A setting above the caller's role is shown read-only.

import { ApiError, get, post } from "../api.js";
import { h } from "../dom.js";
import { dateTime } from "../format.js";
import { label, t } from "../i18n.js";
import { button, confirm, errorNote, field, note, section, table } from "../ui.js";

const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

// A setting's name: "chargers.CP00.phases" is named as "chargers.phases" in the catalogue.
function settingName(key) {
  const generic = key.startsWith("chargers.") ? `chargers.${key.split(".").slice(2).join(".")}` : key;
  return { text: label("setting", generic) };
}

function groupTitle(group) {
  const [name, id] = group.split(":");
  return id ? t("configuration.group_charger", { id }) : label("configuration.group", name);
}

function numberInput(name, value, setting, integer) {
  return h("input", { name, type: "number", value: value ?? "", step: integer ? "1" : "any", min: setting.minimum ?? null, max: setting.maximum ?? null, inputMode: integer ? "numeric" : "decimal" });
}

function readNumber(input, integer) {
  if (input.value === "") return null;
  const value = Number(input.value);
  return integer && Number.isInteger(value) ? value : Number.isNaN(value) ? input.value : value;
}

// Each editor: {element, read()} for one setting.
function editor(setting, enabled) {
  const key = setting.key;
  const disable = (el) => {
    for (const input of el.querySelectorAll("input, select, textarea")) input.disabled = !enabled;
    return el;
  };
  switch (setting.kind) {
    case "int":
    case "float": {
      const input = numberInput(key, setting.value, setting, setting.kind === "int");
      return { element: disable(field(settingName(key), input, setting.doc)), read: () => readNumber(input, setting.kind === "int") };
    }
    case "choice": {
      // Options carry their index: a choice keeps its type (3, not "3") when read back.
      const input = h("select", { name: key }, setting.choices.map((c, i) => new Option(label("choice", c), String(i))));
      input.value = String(setting.choices.findIndex((c) => same(c, setting.value)));
      return { element: disable(field(settingName(key), input, setting.doc)), read: () => setting.choices[Number(input.value)] };
    }
    case "choices": {
      const boxes = setting.choices.map((c) => h("input", { type: "checkbox", name: key, value: c, checked: (setting.value || []).includes(c) }));
      const element = h("fieldset", { class: "field" }, h("legend", { text: settingName(key).text }), boxes.map((box) => h("label", { class: "check" }, box, label("choice", box.value))), h("small", { class: "muted", text: setting.doc }));
      return { element: disable(element), read: () => boxes.filter((b) => b.checked).map((b) => b.value) };
    }
    case "limits": {
      const inputs = (setting.value || [null, null, null]).map((v, i) => h("input", { name: `${key}.${i}`, type: "number", step: "1", value: v ?? "", min: setting.minimum ?? null, max: setting.maximum ?? null, "aria-label": t("overview.phase", { n: i + 1 }) }));
      const element = h("fieldset", { class: "field" }, h("legend", { text: settingName(key).text }), h("div", { class: "inline" }, inputs), h("small", { class: "muted", text: setting.doc }));
      return { element: disable(element), read: () => inputs.map((i) => readNumber(i, true)) };
    }
    case "tariff":
      return tariffEditor(setting, disable);
    default: {
      const input = h("input", { name: key, value: setting.value ?? "" });
      return { element: disable(field(settingName(key), input, setting.doc)), read: () => input.value };
    }
  }
}

// The tariff's plain form (docs/tariffs.md): prices as decimal text, flags as checkboxes, the
// time-of-use windows as JSON text.
function tariffEditor(setting, disable) {
  const value = setting.value || {};
  const readers = {};
  const rows = Object.entries(value).map(([name, v]) => {
    const full = `tariff.${name}`;
    if (typeof v === "boolean") {
      const box = h("input", { type: "checkbox", name: full, checked: v });
      readers[name] = () => box.checked;
      return h("label", { class: "check field", dataset: { key: full } }, box, label("tariff", name));
    }
    if (v !== null && typeof v === "object") {
      const area = h("textarea", { name: full, rows: 3, spellcheck: false, value: JSON.stringify(v) });
      readers[name] = () => {
        try {
          return JSON.parse(area.value || "null");
        } catch {
          return area.value;
        }
      };
      const wrapped = field({ text: label("tariff", name) }, area);
      wrapped.dataset.key = full;
      return wrapped;
    }
    const input = h("input", { name: full, value: v ?? "", inputMode: typeof v === "number" ? "numeric" : "decimal", spellcheck: false });
    readers[name] = () => (typeof v === "number" && input.value.trim() !== "" && !Number.isNaN(Number(input.value)) ? Number(input.value) : input.value.trim());
    const wrapped = field({ text: label("tariff", name) }, input);
    wrapped.dataset.key = full;
    return wrapped;
  });
  const element = h("fieldset", { class: "field tariff" }, h("legend", { text: label("setting", "tariff") }), h("div", { class: "tariff-grid" }, rows), h("small", { class: "muted", text: setting.doc }));
  return {
    element: disable(element),
    read: () => Object.fromEntries(Object.entries(readers).map(([name, read]) => [name, read()])),
  };
}

function showErrors(form, errors) {
  for (const old of form.querySelectorAll(".field-error")) old.remove();
  for (const el of form.querySelectorAll("[aria-invalid]")) el.removeAttribute("aria-invalid");
  for (const [key, message] of Object.entries(errors)) {
    // The most precise block that names this key: "tariff.session_fee", else "tariff".
    let target = null;
    for (let k = key; k && !target; k = k.includes(".") ? k.slice(0, k.lastIndexOf(".")) : "") {
      target = form.querySelector(`[data-key="${CSS.escape(k)}"]`);
    }
    const text = h("p", { class: "field-error", role: "alert", text: target ? message : `${key}: ${message}` });
    (target || form).append(text);
    if (target) for (const input of target.querySelectorAll("input, select, textarea")) input.setAttribute("aria-invalid", "true");
  }
}

function previewBlock(preview) {
  const lines = preview.changes.map((c) => h("li", { text: t("configuration.change_line", { key: c.key, old: JSON.stringify(c.old), new: JSON.stringify(c.new), timing: label("timing", c.timing) }) }));
  const prices = Object.entries(preview.price_lines || {}).map(([language, words]) => h("div", { class: "price-lines", lang: language }, h("h4", { text: t(`language.${language}`) }), h("ul", { class: "plain" }, words.map((w) => h("li", { text: w })))));
  return h("div", { class: "preview" }, h("ul", { class: "plain" }, lines), prices);
}

export default {
  async render(main, context) {
    const [view, history] = await Promise.all([get("/configuration"), get("/configuration/history", { limit: 20 }).catch((e) => e)]);
    const editors = {};
    const groups = new Map();
    for (const setting of view.settings) {
      const ed = editor(setting, context.can(setting.role));
      ed.element.dataset.key = setting.key;
      editors[setting.key] = { setting, ...ed };
      if (!groups.has(setting.group)) groups.set(setting.group, []);
      groups.get(setting.group).push(ed.element);
    }
    const outcome = h("div", { class: "outcome", "aria-live": "polite" });
    const form = h("form", { class: "settings", novalidate: true }, [...groups].map(([group, elements]) => h("section", { class: "card" }, h("h2", { text: groupTitle(group) }), elements)));
    const changes = () => {
      const changed = {};
      for (const [key, ed] of Object.entries(editors)) {
        const now = ed.read();
        if (!same(now, ed.setting.value)) changed[key] = now;
      }
      return changed;
    };
    const check = async () => {
      const changed = changes();
      if (!Object.keys(changed).length) {
        outcome.replaceChildren(note("info", t("configuration.no_changes")));
        return null;
      }
      try {
        const answer = await post("/configuration/preview", { changes: changed });
        showErrors(form, answer.preview.errors);
        outcome.replaceChildren(note(answer.valid ? "ok" : "error", t(answer.valid ? "configuration.valid" : "configuration.invalid")), previewBlock(answer.preview));
        return answer.valid ? changed : null;
      } catch (error) {
        outcome.replaceChildren(errorNote(error));
        return null;
      }
    };
    const applyChanges = async () => {
      const changed = await check();
      if (!changed) return;
      try {
        const applied = await post("/configuration", { changes: changed });
        const done = note("ok", t("configuration.applied", { id: applied.change_id, live: applied.live.join(", ") || "—", scheduled: applied.scheduled.join(", ") || "—" }));
        done.classList.add("applied");
        outcome.replaceChildren(done);
        for (const [key, value] of Object.entries(changed)) editors[key].setting.value = value;
        refreshHistory();
      } catch (error) {
        if (error instanceof ApiError && error.fields.length) showErrors(form, Object.fromEntries(error.fields.map((f) => [f.field, f.message])));
        outcome.replaceChildren(errorNote(error));
      }
    };
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      check();
    });
    const historyArea = h("div");
    const renderHistory = (entries) => {
      if (entries instanceof Error) return historyArea.replaceChildren(errorNote(entries));
      historyArea.replaceChildren(
        table(
          ["configuration.at", "configuration.actor", "configuration.action", "configuration.changes", "common.actions"],
          entries.map((e) => ({
            cells: [
              dateTime(e.at),
              e.actor,
              label("configuration.action", e.action),
              e.changes.map((c) => `${c.key}: ${JSON.stringify(c.old)} → ${JSON.stringify(c.new)}`).join("; "),
              context.can("technician")
                ? button("configuration.revert", async () => {
                    if (!(await confirm(t("configuration.revert_confirm", { id: e.change_id }), "configuration.revert"))) return;
                    try {
                      const done = await post(`/configuration/history/${e.change_id}/revert`);
                      outcome.replaceChildren(note("ok", t("configuration.reverted", { id: done.change_id })));
                      refreshHistory();
                    } catch (error) {
                      outcome.replaceChildren(errorNote(error));
                    }
                  }, "secondary")
                : "",
            ],
          })),
        ),
      );
    };
    const refreshHistory = async () => renderHistory(await get("/configuration/history", { limit: 20 }).catch((e) => e));
    const pending = view.pending.length ? note("info", t("configuration.pending", { list: view.pending.map((p) => `${p.charger_id}: ${p.keys.join(", ")}`).join("; ") })) : null;
    const actions = h("div", { class: "actions sticky" }, h("button", { type: "button", class: "secondary", text: t("configuration.preview"), onclick: check }), context.can("technician") ? h("button", { type: "button", text: t("configuration.apply"), onclick: applyChanges }) : null);
    main.append(...[h("h1", { text: t("nav.configuration") }), pending, form, actions, outcome, section("configuration.history", historyArea)].filter(Boolean));
    renderHistory(history);
  },
};
