// Analytics: a period and a scope, then the figures as SVG charts (usage and revenue bars, the 7x24
// peak-hour heat map, uptime per month, the open maintenance alarms) and the monthly report's files.

import { get, query } from "../api.js";
import { barChart, heatMap, lineChart } from "../chart.js";
import { h } from "../dom.js";
import { day, duration, kWh, money, month, number, percent } from "../format.js";
import { label, language, t } from "../i18n.js";
import { errorNote, field, note, section, select } from "../ui.js";

// A tick's number: whole when it is, else one decimal (a scale of 0..1 has a 0.5 tick).
const fine = (v) => number(v, Number.isInteger(v) ? 0 : 1);
const PERIODS = ["this_month", "last_month", "last_12_months"];
const FILES = ["report", "sessions", "days"];

function figures(f) {
  const cards = [];
  const offset = f.utc_offset_s;
  const when = (s) => (f.granularity === "month" ? month(s, offset) : f.granularity === "hour" ? `${day(s, offset)} ${new Date((s + offset) * 1000).getUTCHours()}h` : day(s, offset));
  if (f.usage) {
    const u = f.usage;
    cards.push(
      section(
        "analytics.usage",
        h("p", { class: "lead", text: t("analytics.usage_line", { sessions: number(u.sessions), energy: kWh(u.energy_Wh), occupancy: percent(u.occupancy_percent), mean: duration(u.length_mean_s), cards: number(u.unique_cards) }) }),
        h("h3", { text: t("analytics.energy_chart") }),
        barChart(t("analytics.energy_chart"), u.series.map((b) => ({ label: when(b.start_s), value: b.energy_Wh / 1000 })), (v) => `${fine(v)} kWh`),
        h("h3", { text: t("analytics.sessions_chart") }),
        barChart(t("analytics.sessions_chart"), u.series.map((b) => ({ label: when(b.start_s), value: b.sessions })), fine),
      ),
    );
  }
  if (f.revenue) {
    const r = f.revenue;
    cards.push(
      section(
        "analytics.revenue",
        h("p", { class: "lead", text: t("analytics.revenue_line", { gross: money(r.gross_minor, r.currency), net: money(r.net_minor, r.currency), tax: money(r.tax_minor, r.currency), refunds: money(r.refunds_minor, r.currency) }) }),
        h("h3", { text: t("analytics.revenue_chart") }),
        barChart(t("analytics.revenue_chart"), r.by_method.map((m) => ({ label: label("method", m.method), value: m.gross_minor / 100 })), (v) => money(v * 100, r.currency)),
      ),
    );
  }
  if (f.load) {
    const days = t("analytics.weekdays").split(",");
    cards.push(
      section(
        "analytics.peak_hours",
        heatMap(t("analytics.heat_title"), f.load.heat_map.map((c) => ({ weekday: c.weekday, hour: c.hour, value: c.energy_Wh, title: `${days[c.weekday]} ${c.hour}:00 · ${kWh(c.energy_Wh)}` })), days),
      ),
    );
  }
  if (f.uptime_months && f.uptime_months.length) {
    cards.push(
      section(
        "analytics.uptime",
        f.uptime ? h("p", { class: "lead", text: t("analytics.uptime_line", { percent: percent(f.uptime.known_s ? 100 * (1 - f.uptime.outage_s / f.uptime.known_s) : null) }) }) : null,
        lineChart(t("analytics.uptime_chart"), f.uptime_months.map((m) => ({ label: month(m.month_start_s, offset), value: m.known_s ? m.percent : null })), (v) => percent(v), 100),
      ),
    );
  }
  if (f.maintenance) {
    const alarms = f.maintenance.alarms.filter((a) => a.cleared_at_s === null);
    cards.push(section("analytics.maintenance", alarms.length ? h("ul", { class: "plain" }, alarms.map((a) => h("li", { class: "warn", text: `${a.subject}: ${a.message}` }))) : h("p", { class: "ok", text: t("analytics.no_alarms") })));
  }
  return cards;
}

function previousMonth() {
  const now = new Date();
  const d = new Date(now.getFullYear(), now.getMonth() - 1, 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}`;
}

export default {
  async render(main) {
    const scopes = await get("/analytics/scopes");
    const period = select("period", PERIODS.map((p) => [p, label("period", p)]), "this_month");
    const scope = select("scope", [["", t("analytics.site")], ...scopes.chargers.map((c) => [`charger:${c}`, c]), ...scopes.connectors.map((c) => [`connector:${c}`, c])]);
    const area = h("div", { class: "grid two" });
    const form = h("form", { class: "filters" }, field("analytics.period", period), field("analytics.scope", scope), h("div", { class: "field actions" }, h("button", { type: "submit", text: t("common.show") })));
    const monthInput = h("input", { type: "month", name: "month", value: previousMonth() });
    const links = h("div", { class: "inline" });
    const drawLinks = () =>
      links.replaceChildren(...FILES.map((file) => h("a", { class: "button secondary", download: "", href: `/api/v1/analytics/report${query({ month: monthInput.value, file, language: language() })}`, text: t(`analytics.file_${file}`) })));
    monthInput.addEventListener("change", drawLinks);
    drawLinks();
    const run = async () => {
      area.replaceChildren(note("info", t("common.loading")));
      const [kind, id] = scope.value.split(":");
      try {
        const f = await get("/analytics/figures", { period: period.value, [kind || "site"]: id });
        const cards = figures(f);
        area.replaceChildren(...(cards.length ? cards : [note("info", t("analytics.nothing"))]));
      } catch (error) {
        area.replaceChildren(errorNote(error));
      }
    };
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      run();
    });
    main.append(h("h1", { text: t("nav.analytics") }), section("analytics.choose", form), area, section("analytics.reports", field("analytics.month", monthInput), links));
    await run();
  },
};
