// The admin dashboard: who is signed in (GET /auth/me gives the role and the CSRF token), the menu
// for that role, and one view per hash route (#/overview ...). The role only hides what it cannot
// do; the API decides, and a 403 is shown as the API words it.

import { ApiError, get, post, setCsrf } from "./api.js";
import { $, clear, h } from "./dom.js";
import { apply, languageSwitch, loadLanguage, t } from "./i18n.js";
import { errorNote } from "./ui.js";
import analytics from "./views/analytics.js";
import configuration from "./views/configuration.js";
import events from "./views/events.js";
import firmware from "./views/firmware.js";
import overview from "./views/overview.js";
import sessions from "./views/sessions.js";
import tokens from "./views/tokens.js";

const VIEWS = { overview, sessions, configuration, firmware, events, analytics, tokens };
const RANK = { viewer: 0, technician: 1, operator: 2 };

const context = {
  me: null,
  can(role) {
    return (RANK[this.me?.role] ?? -1) >= RANK[role];
  },
};
let cleanup = null;

function signIn() {
  location.assign(`/admin/login?next=${encodeURIComponent(location.hash || "#/overview")}`);
}

async function show() {
  const [name, ...rest] = (location.hash.replace(/^#\/?/, "") || "overview").split("/");
  const view = VIEWS[name] ? name : "overview";
  for (const link of document.querySelectorAll("#nav a")) {
    link.classList.toggle("active", link.dataset.route === view);
    if (link.dataset.route === view) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  }
  document.body.classList.remove("menu-open");
  $("#menu-toggle").setAttribute("aria-expanded", "false");
  if (cleanup) cleanup();
  cleanup = null;
  const main = clear($("#view"));
  try {
    cleanup = (await VIEWS[view].render(main, context, rest)) || null;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return signIn();
    // A refusal (403 for this role, 503 for a part that is down) is the view's whole content.
    clear(main, h("h1", { text: t(`nav.${view}`) }), errorNote(error));
  }
}

function showRole() {
  for (const link of document.querySelectorAll("[data-role]")) link.hidden = !context.can(link.dataset.role);
  $("#who").textContent = `${context.me.name} · ${context.me.role}`;
}

async function boot() {
  await loadLanguage();
  apply(document);
  try {
    context.me = await get("/auth/me");
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return signIn();
    clear($("#view"), errorNote(error));
    return;
  }
  setCsrf(context.me.csrf_token);
  showRole();
  languageSwitch($("#language"), () => show());
  $("#menu-toggle").addEventListener("click", () => {
    const open = document.body.classList.toggle("menu-open");
    $("#menu-toggle").setAttribute("aria-expanded", String(open));
  });
  $("#sign-out").addEventListener("click", async () => {
    try {
      await post("/auth/logout");
    } finally {
      location.assign("/admin/login");
    }
  });
  // A 401 anywhere later (the session ended) goes back to the sign-in page.
  window.addEventListener("unhandledrejection", (event) => {
    if (event.reason instanceof ApiError && event.reason.status === 401) signIn();
  });
  window.addEventListener("hashchange", show);
  await show();
}

boot();
