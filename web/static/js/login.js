// Sign-in: POST /auth/login with the account's name and web password; the station sets the session
// cookie (HttpOnly, so this script never sees it) and the dashboard then asks /auth/me for the rest.

import { post } from "./api.js";
import { $, clear } from "./dom.js";
import { apply, languageSwitch, loadLanguage, t } from "./i18n.js";
import { errorNote, note } from "./ui.js";

function next() {
  const wanted = new URLSearchParams(location.search).get("next") || "";
  // Only a hash route of the dashboard: never an address elsewhere (OWASP: unvalidated redirects).
  return /^#\/[a-z]+(\/[0-9]+)?$/.test(wanted) ? `/admin/${wanted}` : "/admin/";
}

async function boot() {
  await loadLanguage();
  apply(document);
  languageSwitch($("#language"));
  const form = $("#sign-in");
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const button = form.querySelector("button");
    button.disabled = true;
    clear($("#outcome"), note("info", t("login.checking")));
    try {
      await post("/auth/login", { name: $("#name").value.trim(), password: $("#password").value });
      location.assign(next());
    } catch (error) {
      clear($("#outcome"), errorNote(error));
      $("#password").select();
    } finally {
      button.disabled = false;
    }
  });
}

boot();
