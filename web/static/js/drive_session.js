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
let last = null;
let timer = null;

function show(s) {
  last = s;
  $("#connector-name").textContent = t("drive.at_connector", { connector: s.connector_label });
  $("#state").textContent = label("phone", s.state);
  $("#state").dataset.state = s.state;
  $("#energy").textContent = kWh(s.energy_Wh);
  $("#power").textContent = kW(s.power_W);
  $("#elapsed").textContent = duration(s.elapsed_s);
  $("#cost").textContent = s.cost_minor === null ? "—" : money(s.cost_minor, s.currency);
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
      clear($("#outcome"), note("error", t("drive.not_found")));
      return; // a link that is not (or no longer) valid: nothing more to ask
    }
    clear($("#outcome"), errorNote(error));
    timer = setTimeout(refresh, POLL_MS * 2);
  }
}

async function stop() {
  const button = $("#stop");
  button.disabled = true;
  clear($("#outcome"), note("info", t("drive.stopping")));
  try {
    await post(`${path}/stop`);
    clear($("#outcome"), note("ok", t("drive.stopped")));
    clearTimeout(timer);
    await refresh();
  } catch (error) {
    clear($("#outcome"), errorNote(error));
  } finally {
    button.disabled = false;
  }
}

async function boot() {
  await loadLanguage();
  apply(document);
  languageSwitch($("#language"), () => last && show(last));
  $("#stop").addEventListener("click", stop);
  await refresh();
}

boot();
