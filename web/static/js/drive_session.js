// The driver's own session page (/s/SECRET, the link the driver was given when paying): its progress
// from GET /drive/SECRET every few seconds, the Stop button and, once finished, the receipt. The
// secret is the only key; the page never shows anybody else's session (docs/web.md "Pages").

import { ApiError, get, post } from "./api.js";
import { $, clear } from "./dom.js";
import { duration, kW, kWh, money } from "./format.js";
import { apply, label, languageSwitch, loadLanguage, t } from "./i18n.js";
import { errorNote, note } from "./ui.js";

const secret = decodeURIComponent(location.pathname.split("/")[2] || "");
const path = `/drive/${encodeURIComponent(secret)}`;
const POLL_MS = 3000;
// PhoneView.state (app/driver/phone.py PHONE_STATES): those a driver may still stop or cancel.
const STOPPABLE = new Set(["awaiting_payment", "waiting_for_car", "charging", "paused"]);
// While the money held caps the session (PhoneView.limit_minor): charging stops before it is used up.
const CAPPED = new Set(["waiting_for_car", "charging", "paused"]);
// Why nothing was charged (PhoneView.reason of a failed or cancelled link); other reasons say nothing more.
const REASONS = new Set(["declined", "expired", "cancelled", "unavailable", "failed", "connector_taken", "driver"]);
let last = null;
let timer = null;
let said = null; // [kind, key] of the page's own note, said again in a newly chosen language

function say(kind, key) {
  said = [kind, key];
  clear($("#outcome"), note(kind, t(key)));
}

function sayError(error) {
  said = null; // the API's message, in the language of the request that failed
  clear($("#outcome"), errorNote(error));
}

function show(s) {
  last = s;
  $("#connector-name").textContent = t("drive.at_connector", { connector: s.connector_label });
  $("#state").textContent = label("phone", s.state);
  $("#state").dataset.state = s.state;
  // To the watt-hour, as the bill's energy line (the tariff bills 0.001 kWh): one figure, one rounding.
  $("#energy").textContent = kWh(s.energy_Wh, 3);
  $("#power").textContent = kW(s.power_W);
  $("#elapsed").textContent = duration(s.elapsed_s);
  $("#cost").textContent = s.cost_minor === null ? "—" : money(s.cost_minor, s.currency);
  // Once finished the figure is the bill, no longer a running cost.
  $("#cost-label").textContent = t(s.state === "ended" ? "drive.total" : "drive.cost");
  const limit = $("#limit");
  limit.hidden = !(CAPPED.has(s.state) && s.limit_minor);
  if (!limit.hidden) limit.textContent = t("drive.limit", { amount: money(s.limit_minor, s.currency) });
  const lines = $("#cost-lines");
  lines.replaceChildren(...(s.cost_lines || []).map((line) => Object.assign(document.createElement("li"), { textContent: line })));
  lines.hidden = !lines.children.length;
  const reason = $("#reason");
  reason.hidden = !((s.state === "failed" || s.state === "cancelled") && REASONS.has(s.reason));
  if (!reason.hidden) reason.textContent = label("phone_reason", s.reason);
  $("#stop").hidden = !STOPPABLE.has(s.state);
  const receipt = $("#receipt");
  receipt.hidden = !s.receipt_url;
  if (s.receipt_url) receipt.href = new URL(s.receipt_url, location.href).protocol.startsWith("http") ? s.receipt_url : "#";
}

async function refresh() {
  try {
    show(await get(path));
    timer = setTimeout(refresh, POLL_MS);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) {
      $("#progress").hidden = true;
      $("#stop").hidden = true;
      say("error", "drive.not_found");
      return; // a link that is not (or no longer) valid: nothing more to ask
    }
    sayError(error);
    timer = setTimeout(refresh, POLL_MS * 2);
  }
}

async function stop() {
  const button = $("#stop");
  button.disabled = true;
  say("info", "drive.stopping");
  try {
    await post(`${path}/stop`);
    say("ok", "drive.stopped");
    clearTimeout(timer);
    await refresh();
  } catch (error) {
    sayError(error);
  } finally {
    button.disabled = false;
  }
}

async function boot() {
  await loadLanguage();
  apply(document);
  languageSwitch($("#language"), () => {
    if (last) show(last);
    if (said) say(...said);
  });
  $("#stop").addEventListener("click", stop);
  await refresh();
}

boot();
