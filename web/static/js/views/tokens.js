// API tokens: the caller's tokens, a new one (its secret shown this once, with a copy button) and
// revoking one. The station keeps only each token's hash (docs/web.md).

import { del, get, post } from "../api.js";
import { h } from "../dom.js";
import { dateTime } from "../format.js";
import { label, t } from "../i18n.js";
import { button, confirm, errorNote, field, note, section, table } from "../ui.js";

// Each scope acts with a role (app/admin/api_tokens.py SCOPE_ROLES); a token's scopes stay within
// its account's role, so only those are offered.
const SCOPES = [["read", "viewer"], ["control", "technician"], ["manage", "operator"]];

export default {
  async render(main, context) {
    const list = h("div");
    const outcome = h("div", { "aria-live": "polite" });
    const refresh = async () => {
      try {
        const tokens = await get("/tokens");
        list.replaceChildren(
          tokens.length
            ? table(
                ["tokens.name", "tokens.scopes", "tokens.created", "tokens.expires", "tokens.last_used", "common.actions"],
                tokens.map((tok) => ({
                  cells: [
                    tok.name,
                    tok.scopes.map((s) => label("scope", s)).join(", "),
                    dateTime(tok.created_at),
                    tok.expires_at ? dateTime(tok.expires_at) : t("tokens.never"),
                    tok.last_used_at ? dateTime(tok.last_used_at) : "—",
                    tok.revoked_at
                      ? t("tokens.revoked", { at: dateTime(tok.revoked_at) })
                      : button("tokens.revoke", async () => {
                          if (!(await confirm(t("tokens.revoke_confirm", { name: tok.name }), "tokens.revoke"))) return;
                          try {
                            await del(`/tokens/${tok.token_id}`);
                            outcome.replaceChildren(note("ok", t("tokens.revoked_now", { name: tok.name })));
                            refresh();
                          } catch (error) {
                            outcome.replaceChildren(errorNote(error));
                          }
                        }, "danger"),
                  ],
                })),
              )
            : note("info", t("tokens.none")),
        );
      } catch (error) {
        list.replaceChildren(errorNote(error));
      }
    };
    const name = h("input", { name: "name", required: true, maxLength: 64, autocomplete: "off" });
    const scopes = SCOPES.filter(([, role]) => context.can(role)).map(([s]) => h("input", { type: "checkbox", name: "scopes", value: s, checked: s === "read" }));
    const days = h("input", { name: "expires_days", type: "number", min: 1, max: 3650, step: 1, value: 90 });
    const form = h(
      "form",
      { class: "filters" },
      field("tokens.name", name),
      h("fieldset", { class: "field" }, h("legend", { text: t("tokens.scopes") }), scopes.map((box) => h("label", { class: "check" }, box, label("scope", box.value)))),
      field("tokens.expires_days", days, t("tokens.expires_hint")),
      h("div", { class: "field actions" }, h("button", { type: "submit", text: t("tokens.create") })),
    );
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const chosen = scopes.filter((b) => b.checked).map((b) => b.value);
      try {
        const created = await post("/tokens", { name: name.value.trim(), scopes: chosen, expires_days: days.value ? Number(days.value) : null });
        const secret = h("input", { class: "secret", readOnly: true, value: created.secret, "aria-label": t("tokens.secret") });
        const copied = h("span", { class: "muted", "aria-live": "polite" });
        outcome.replaceChildren(
          h(
            "div",
            { class: "note ok" },
            h("p", { text: t("tokens.secret_once") }),
            h("div", { class: "inline" }, secret, button("tokens.copy", async () => {
              secret.select();
              try {
                await navigator.clipboard.writeText(created.secret);
                copied.textContent = t("tokens.copied");
              } catch {
                copied.textContent = t("tokens.copy_by_hand");
              }
            })),
            copied,
          ),
        );
        form.reset();
        refresh();
      } catch (error) {
        outcome.replaceChildren(errorNote(error));
      }
    });
    main.append(h("h1", { text: t("nav.tokens") }), section("tokens.new", form), outcome, section("tokens.list", list));
    await refresh();
  },
};
