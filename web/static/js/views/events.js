// Events: the station's event log, newest first, filtered by kind, level, charger and text.

import { get } from "../api.js";
import { h } from "../dom.js";
import { dateTime } from "../format.js";
import { label, t } from "../i18n.js";
import { errorNote, field, note, section, select, table } from "../ui.js";

const KINDS = ["fault", "event"];
const LEVELS = ["info", "warning", "error", "critical"];

export default {
  async render(main) {
    const chargers = await get("/analytics/scopes").then((s) => s.chargers).catch(() => []);
    const kind = select("kind", [["", t("common.all")], ...KINDS.map((k) => [k, label("event_kind", k)])]);
    const level = select("level", [["", t("common.all")], ...LEVELS.map((l) => [l, label("level", l)])]);
    const charger = select("charger", [["", t("common.all")], ...chargers.map((c) => [c, c])]);
    const text = h("input", { name: "text", type: "search", maxLength: 100 });
    const results = h("div");
    const form = h("form", { class: "filters" }, field("events.kind", kind), field("events.level", level), field("events.charger", charger), field("events.text", text), h("div", { class: "field actions" }, h("button", { type: "submit", text: t("common.search") })));
    const run = async () => {
      results.replaceChildren(note("info", t("common.loading")));
      try {
        const events = await get("/events", { kind: kind.value, level: level.value, charger: charger.value, text: text.value.trim(), limit: 200 });
        results.replaceChildren(
          events.length
            ? table(
                ["events.at", "events.level", "events.where", "events.message"],
                events.map((e) => ({ cells: [dateTime(e.at), h("span", { class: `badge level-${e.severity}`, text: label("level", e.severity) }), e.connector_name || e.charger_id || "—", e.message] })),
              )
            : note("info", t("events.none")),
        );
      } catch (error) {
        results.replaceChildren(errorNote(error));
      }
    };
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      run();
    });
    main.append(h("h1", { text: t("nav.events") }), section("events.filters", form), results);
    await run();
  },
};
