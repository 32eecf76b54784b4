// Overview: every charger and connector as the live feed tells it (state, power, energy, cost, faults,
// link), the site's phase currents against their limits, the central system's link and queue, and the
// open maintenance alarms. Falls back to polling GET /overview when the feed cannot be reached.

import { get } from "../api.js";
import { h } from "../dom.js";
import { amps, kW, kWh, money, number } from "../format.js";
import { label, t } from "../i18n.js";
import { LiveItems } from "../live.js";
import { section } from "../ui.js";

const ONLINE = new Set(["online", "degraded"]);
const toA = (list) => (list || []).map((mA) => (mA === null || mA === undefined ? null : mA / 1000));

function node(load) {
  return { id: load.node_id, parent: load.parent_id, limit_A: toA(load.limit_mA), drawn_A: toA(load.drawn_mA), offered_A: toA(load.offered_mA) };
}

function connectorState(c) {
  if (!ONLINE.has(c.link_state)) return "offline";
  if (c.faults.length) return "faulted";
  if (c.session_state) return c.session_state;
  if (!c.available) return "unavailable";
  return c.vehicle_present ? "preparing" : "available";
}

// The same items the feed sends, from the REST API (docs/web.md "Pages": the fallback).
export async function pollItems() {
  const [overview, ocpp] = await Promise.all([get("/overview"), get("/ocpp").catch(() => null)]);
  const items = [{ kind: "site", id: "", data: { online: overview.chargers.some((c) => ONLINE.has(c.link_state)), ...node(overview.site), groups: overview.groups.map(node) } }];
  for (const charger of overview.chargers) {
    items.push({
      kind: "charger",
      id: charger.charger_id,
      data: {
        id: charger.charger_id,
        link_state: charger.link_state,
        online: ONLINE.has(charger.link_state),
        connectors: charger.connectors.map((c) => c.connector_id),
        firmware: charger.firmware,
        temperature_C: charger.temperature_dC === null ? null : Math.round(charger.temperature_dC / 10),
      },
    });
    for (const c of charger.connectors) {
      items.push({
        kind: "connector",
        id: c.connector_id,
        data: { id: c.connector_id, charger: c.charger_id, number: c.number, state: connectorState(c), faults: c.faults, vehicle_present: c.vehicle_present, power_W: c.power_W, energy_Wh: c.energy_Wh, cost: null },
      });
    }
  }
  if (ocpp) items.push({ kind: "ocpp", id: "", data: { configured: ocpp.configured, online: ocpp.links.length > 0 && ocpp.links.every((l) => l.connected && l.registered), links: ocpp.links, queued: ocpp.queued, parked: ocpp.parked } });
  return items;
}

function phaseBars(site) {
  const limits = site.limit_A || [];
  const drawn = site.drawn_A || [];
  return h(
    "div",
    { class: "bars" },
    limits.map((limit, i) =>
      h(
        "div",
        { class: "bar-row" },
        h("span", { class: "bar-label", text: t("overview.phase", { n: i + 1 }) }),
        h("meter", { min: 0, max: limit || 1, low: (limit || 1) * 0.8, high: (limit || 1) * 0.95, optimum: 0, value: drawn[i] ?? 0 }),
        h("span", { class: "bar-value", text: `${amps(drawn[i])} / ${amps(limit)}` }),
      ),
    ),
  );
}

function siteCard(site) {
  if (!site) return null;
  return section(
    "overview.site",
    h("p", { class: site.online ? "ok" : "bad", text: t(site.online ? "overview.site_online" : "overview.site_offline") }),
    site.limit_A ? phaseBars(site) : null,
    (site.groups || []).map((group) => h("div", { class: "group" }, h("h3", { text: t("overview.group", { id: group.id }) }), phaseBars(group))),
  );
}

function ocppCard(ocpp) {
  if (!ocpp) return null;
  const state = !ocpp.configured ? "overview.ocpp_none" : ocpp.online ? "overview.ocpp_online" : "overview.ocpp_offline";
  return section(
    "overview.ocpp",
    h("p", { class: ocpp.online || !ocpp.configured ? "ok" : "bad", text: t(state) }),
    h("ul", { class: "plain" }, (ocpp.links || []).map((l) => h("li", { text: `${l.identity}: ${label("registration", l.registration)}${l.connected ? "" : ` · ${t("overview.disconnected")}`}` }))),
    h("p", { class: "muted", text: t("overview.queue", { queued: ocpp.queued, parked: ocpp.parked }) }),
  );
}

function alarmsCard(alarms) {
  if (!alarms) return null;
  return section(
    "overview.alarms",
    alarms.count ? h("ul", { class: "plain" }, alarms.open.map((a) => h("li", { class: "warn", text: `${a.subject}: ${a.message}` }))) : h("p", { class: "ok", text: t("overview.no_alarms") }),
  );
}

function connectorRow(c) {
  const faults = c.faults || (c.fault ? [c.fault] : []);
  return h(
    "div",
    { class: `connector state-${c.state}`, dataset: { connector: c.id } },
    h("div", { class: "connector-head" }, h("strong", { text: t("overview.connector", { n: c.number }) }), h("span", { class: "state badge", text: label("state", c.state) })),
    h(
      "dl",
      { class: "figures" },
      h("dt", { text: t("overview.power") }), h("dd", { class: "power", text: kW(c.power_W) }),
      h("dt", { text: t("overview.energy") }), h("dd", { class: "energy", text: kWh(c.energy_Wh) }),
      h("dt", { text: t("overview.cost") }), h("dd", { class: "cost", text: c.cost ? c.cost.text || money(c.cost.minor, c.cost.currency) : "—" }),
    ),
    faults.length ? h("p", { class: "bad faults", text: faults.map((f) => label("fault", f)).join(", ") }) : null,
  );
}

function chargerCard(charger, connectors) {
  return h(
    "section",
    { class: "card charger", dataset: { charger: charger.id } },
    h(
      "div",
      { class: "charger-head" },
      h("h2", { text: charger.id }),
      h("span", { class: `badge link-${charger.link_state}`, text: label("link", charger.link_state) }),
    ),
    h("p", { class: "muted", text: [charger.firmware ? t("overview.firmware", { version: charger.firmware }) : null, charger.temperature_C !== null && charger.temperature_C !== undefined ? `${number(charger.temperature_C)} °C` : null].filter(Boolean).join(" · ") }),
    h("div", { class: "connectors" }, connectors.map(connectorRow)),
  );
}

export default {
  render(main) {
    const status = h("p", { class: "feed-state muted", "aria-live": "polite" });
    const top = h("div", { class: "grid three" });
    const chargers = h("div", { class: "grid chargers" });
    main.append(h("div", { class: "view-head" }, h("h1", { text: t("nav.overview") }), status), top, chargers);
    let pending = false;
    const live = new LiveItems({
      poll: pollItems,
      onState: (state) => {
        status.textContent = t(`feed.${state}`);
        status.dataset.state = state;
      },
      onUpdate: () => {
        if (pending) return;
        pending = true;
        requestAnimationFrame(() => {
          pending = false;
          top.replaceChildren(...[siteCard(live.get("site")), ocppCard(live.get("ocpp")), alarmsCard(live.get("alarms"))].filter(Boolean));
          const byCharger = new Map();
          for (const c of live.of("connector").sort((a, b) => a.id.localeCompare(b.id))) {
            if (!byCharger.has(c.charger)) byCharger.set(c.charger, []);
            byCharger.get(c.charger).push(c);
          }
          const known = live.of("charger").sort((a, b) => a.id.localeCompare(b.id));
          chargers.replaceChildren(...known.map((ch) => chargerCard(ch, byCharger.get(ch.id) || [])));
        });
      },
    }).start();
    return () => live.stop();
  },
};
