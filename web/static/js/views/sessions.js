// Sessions: the search form (days, connector, card prefix, method, state), a paged table, one session's
// detail (meter chart, transitions, cost lines, payments), its receipt and, for the operator role, a
// refund with a confirmation and the provider's result.

import { get, post } from "../api.js";
import { meterChart } from "../chart.js";
import { h } from "../dom.js";
import { dateTime, kWh, money, number } from "../format.js";
import { label, t } from "../i18n.js";
import { button, confirm, errorNote, field, note, section, select, table } from "../ui.js";

const PAGE = 25;
const DAYS = [1, 7, 30, 90, 365];
const REASONS = ["requested_by_customer", "duplicate", "fraudulent"];

function searchForm(choices, run) {
  const days = select("last_days", DAYS.map((d) => [String(d), t("sessions.last_days", { n: d })]), "30");
  const connector = select("connector", [["", t("common.all")], ...choices.connectors.map((c) => [c, c])]);
  const card = h("input", { name: "id_tag", maxLength: 20, autocomplete: "off", spellcheck: false });
  const method = select("method", [["", t("common.all")], ...choices.methods.map((m) => [m, label("method", m)])]);
  const state = select("state", [["", t("common.all")], ...choices.states.map((s) => [s, label("session_state", s)])]);
  const form = h(
    "form",
    { class: "filters" },
    field("sessions.days", days),
    field("sessions.connector", connector),
    field("sessions.card_prefix", card),
    field("sessions.method", method),
    field("sessions.state", state),
    h("div", { class: "field actions" }, h("button", { type: "submit", text: t("common.search") })),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    run({ last_days: days.value, connector: connector.value, id_tag: card.value.trim(), method: method.value, state: state.value }, 0);
  });
  return form;
}

// redraw(notice): the session's detail fetched and drawn again, `notice` beside the payment.
function refundForm(detail, payment, redraw) {
  const digits = detail.minor_digits;
  const amount = h("input", { name: "amount", inputMode: "decimal", placeholder: money(payment.refundable_minor, payment.currency, digits) });
  const reason = select("reason", REASONS.map((r) => [r, label("refund_reason", r)]), REASONS[0]);
  const noteInput = h("input", { name: "note", maxLength: 200 });
  const result = h("div");
  const form = h(
    "form",
    { class: "refund" },
    h("h3", { text: t("sessions.refund") }),
    field("sessions.refund_amount", amount, t("sessions.refund_amount_hint")),
    field("sessions.refund_reason", reason),
    field("sessions.refund_note", noteInput),
    h("button", { type: "submit", class: "danger", text: t("sessions.refund") }),
    result,
  );
  amount.addEventListener("input", () => result.replaceChildren()); // a corrected amount: the refusal goes
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const text = amount.value.trim().replace(",", ".");
    let minor = null;
    if (text) {
      if (!/^\d+(\.\d{1,2})?$/.test(text)) return result.replaceChildren(note("error", t("sessions.refund_amount_bad")));
      minor = Math.round(Number(text) * 10 ** digits);
    }
    const shown = money(minor ?? payment.refundable_minor, payment.currency, digits);
    if (!(await confirm(t("sessions.refund_confirm", { amount: shown, session: detail.row.session_id }), "sessions.refund"))) return;
    try {
      const done = await post(`/sessions/${detail.row.session_id}/refund`, { amount_minor: minor, reason: reason.value, note: noteInput.value });
      const ok = done.state !== "failed" && !done.error;
      // Drawn again at once: what was refunded and what may still be are the ledger's new figures.
      await redraw(note(ok ? "ok" : "error", t(ok ? "sessions.refund_done" : "sessions.refund_failed", { amount: money(done.amount_minor, done.currency, digits), state: label("refund_state", done.state), error: done.error || "" })));
    } catch (error) {
      result.replaceChildren(errorNote(error));
    }
  });
  return form;
}

// notice: a refund's outcome, shown with the payment it concerns once the detail is drawn again.
async function showDetail(id, area, context, notice = null, paymentIndex = 0) {
  area.replaceChildren(note("info", t("common.loading")));
  let detail;
  try {
    detail = await get(`/sessions/${id}`);
  } catch (error) {
    area.replaceChildren(errorNote(error));
    return;
  }
  const row = detail.row;
  const digits = detail.minor_digits;
  const transitions = table(
    ["sessions.at", "sessions.from", "sessions.to", "sessions.meter", "sessions.reason"],
    detail.transitions.map((tr) => ({ cells: [dateTime(tr.at), label("session_state", tr.from_state), label("session_state", tr.to_state), tr.meter_Wh === null ? "—" : kWh(tr.meter_Wh), tr.reason || "—"] })),
  );
  const costs = h("dl", { class: "figures" }, detail.cost_lines.flatMap((line) => [h("dt", { text: line.description + (line.quantity ? ` (${line.quantity})` : "") }), h("dd", { text: money(line.amount_minor, row.currency, digits) })]));
  const payments = detail.payments.map((p, index) =>
    h(
      "div",
      { class: "payment" },
      h("p", { text: t("sessions.payment_line", { method: label("method", p.method), state: label("payment_state", p.state), captured: money(p.captured_minor, p.currency, digits), refunded: money(p.refunded_minor, p.currency, digits), card: p.card_last4 ? `${p.card_brand || ""} •••• ${p.card_last4}` : "" }) }),
      index === paymentIndex ? notice : null,
      context.can("operator") && p.refundable_minor > 0 ? refundForm(detail, p, (shown) => showDetail(id, area, context, shown, index)) : null,
    ),
  );
  area.replaceChildren(
    section(
      "sessions.detail",
      h("p", { class: "lead", text: t("sessions.summary", { id: row.session_id, connector: row.connector, state: label("session_state", row.state), energy: kWh(row.energy_Wh), cost: money(row.cost_total_minor, row.currency, digits) }) }),
      h("p", { class: "muted", text: `${dateTime(row.started_at || row.created_at)} → ${dateTime(row.stopped_at)}` }),
      detail.meter.length ? meterChart(t("sessions.meter_chart"), detail.meter, (wh) => (wh >= 1000 ? kWh(wh) : `${number(wh)} Wh`)) : h("p", { class: "muted", text: t("sessions.no_meter") }),
      h("h3", { text: t("sessions.transitions") }),
      transitions,
      detail.cost_lines.length ? [h("h3", { text: t("sessions.cost") }), costs] : null,
      payments.length ? [h("h3", { text: t("sessions.payments") }), payments] : null,
      detail.receipt ? h("p", {}, h("a", { class: "button secondary", href: `/api/v1/sessions/${row.session_id}/receipt.pdf`, download: "", text: t("sessions.receipt", { number: detail.receipt.receipt_no }) })) : null,
    ),
  );
  (notice || area).scrollIntoView({ behavior: "smooth", block: "start" });
}

export default {
  async render(main, context, route) {
    const choices = await get("/sessions/choices");
    const results = h("div");
    const detail = h("div", { class: "detail" });
    let last = null;
    const run = async (params, offset) => {
      last = params;
      results.replaceChildren(note("info", t("common.loading")));
      try {
        const page = await get("/sessions", { ...params, limit: PAGE, offset });
        const rows = page.rows.map((r) => ({
          id: r.session_id,
          cells: [String(r.session_id), r.connector, dateTime(r.started_at || r.created_at), kWh(r.energy_Wh), money(r.cost_total_minor, r.currency), label("session_state", r.state), label("method", r.method)],
        }));
        results.replaceChildren(
          rows.length ? table(["sessions.id", "sessions.connector", "sessions.started", "sessions.energy", "sessions.cost", "sessions.state", "sessions.method"], rows, (row) => {
            history.replaceState(null, "", `#/sessions/${row.id}`);
            showDetail(row.id, detail, context);
          }) : note("info", t("sessions.none")),
          h(
            "div",
            { class: "pager" },
            offset > 0 ? button("common.previous", () => run(last, Math.max(0, offset - PAGE)), "secondary") : null,
            h("span", { class: "muted", text: t("common.page", { n: Math.floor(offset / PAGE) + 1 }) }),
            page.next_offset !== null ? button("common.next", () => run(last, page.next_offset), "secondary") : null,
          ),
        );
      } catch (error) {
        results.replaceChildren(errorNote(error));
      }
    };
    main.append(h("h1", { text: t("nav.sessions") }), section("sessions.search", searchForm(choices, run)), results, detail);
    await run({ last_days: "30" }, 0);
    if (route[0]) await showDetail(Number(route[0]), detail, context);
  },
};
