// The driver's phone page for one connector (/c/CHARGER/NUMBER, the QR code on the charger): its state
// live from the anonymous feed (public fields only), the price before the start (EU AFIR Art. 5), and
// "Pay and start", which asks the station for a checkout and goes there.

import { ApiError, get, post } from "./api.js";
import { $, clear } from "./dom.js";
import { kW } from "./format.js";
import { apply, label, language, languageSwitch, loadLanguage, t } from "./i18n.js";
import { LiveItems } from "./live.js";
import { errorNote, note } from "./ui.js";

const [, , charger, number] = location.pathname.split("/").map(decodeURIComponent);
const connectorId = `${charger}/${number}`;
let connector = null;
let priceHeadline = null;

function showConnector() {
  if (!connector) return;
  $("#connector-name").textContent = t("driver.connector", { label: connector.label || connector.number, charger });
  const state = $("#state");
  state.textContent = label("state", connector.state);
  state.dataset.state = connector.state;
  $("#power").textContent = connector.max_power_W ? t("driver.max_power", { power: kW(connector.max_power_W) }) : "";
  $("#start").disabled = !connector.available;
  $("#start").hidden = false;
}

async function showPrice() {
  try {
    const price = await get("/tariff", { language: language() });
    priceHeadline = price.headline;
    $("#headline").textContent = price.headline;
    clear($("#price-lines"), ...price.lines.map((line) => Object.assign(document.createElement("li"), { textContent: line })));
  } catch (error) {
    clear($("#price-lines"), errorNote(error));
  }
}

async function start() {
  const button = $("#start");
  button.disabled = true;
  clear($("#outcome"), note("info", t("driver.starting")));
  try {
    const answer = await post("/drive", { connector: connectorId, language: language() });
    const target = new URL(answer.checkout_url, location.href);
    // Only a web page address: never a javascript: or data: one from a misbehaving answer.
    if (target.protocol !== "https:" && target.protocol !== "http:") throw new ApiError(502, { code: "bad_checkout", message: t("error.generic") });
    location.assign(target.href);
  } catch (error) {
    clear($("#outcome"), errorNote(error));
    button.disabled = !(connector && connector.available);
  }
}

async function boot() {
  await loadLanguage();
  apply(document);
  languageSwitch($("#language"), () => {
    showConnector();
    showPrice();
  });
  $("#start").hidden = true;
  $("#start").addEventListener("click", start);
  get("/station").then((s) => ($("#station").textContent = s.name)).catch(() => {});
  try {
    connector = await get(`/connectors/${encodeURIComponent(charger)}/${encodeURIComponent(number)}`);
  } catch (error) {
    $("#connector-name").textContent = t("driver.no_connector");
    clear($("#outcome"), errorNote(error));
    return;
  }
  showConnector();
  await showPrice();
  const live = new LiveItems({
    filter: { connector: connectorId },
    poll: async () => [{ kind: "connector", id: connectorId, data: await get(`/connectors/${encodeURIComponent(charger)}/${encodeURIComponent(number)}`) }],
    onUpdate: () => {
      const data = live.get("connector", connectorId);
      if (!data) return;
      connector = { ...connector, ...data, label: connector.label };
      showConnector();
      if (data.price && data.price.language === language() && data.price.headline !== priceHeadline) showPrice();
    },
  }).start();
}

boot();
