// Small building blocks the views share: messages, labelled fields, tables, confirmation, downloads.

import { h } from "./dom.js";
import { t } from "./i18n.js";

export function note(kind, text) {
  return h("p", { class: `note ${kind}`, role: kind === "error" ? "alert" : "status", text });
}

export function errorNote(error) {
  const retry = error.retryAfter ? ` ${t("error.retry_after", { seconds: Math.ceil(error.retryAfter) })}` : "";
  return note("error", (error.message || t("error.generic")) + retry);
}

let fieldId = 0;

// labelKey: a catalogue key, or {text} for words already chosen.
export function field(labelKey, input, hint = null) {
  const id = input.id || `f${++fieldId}`;
  input.id = id;
  const text = typeof labelKey === "string" ? t(labelKey) : labelKey.text;
  return h("div", { class: "field" }, h("label", { for: id, text }), input, hint ? h("small", { class: "muted", text: hint }) : null);
}

export function select(name, options, value = "") {
  const el = h("select", { name });
  for (const [optionValue, text] of options) el.append(new Option(text, optionValue));
  el.value = value;
  return el;
}

export function button(labelKey, onclick, kind = "") {
  return h("button", { type: "button", class: kind, onclick, text: t(labelKey) });
}

export function table(headKeys, rows, onRow = null) {
  const body = h("tbody");
  for (const row of rows) {
    const tr = h("tr", {}, row.cells.map((cell, i) => h("td", { "data-label": t(headKeys[i]) }, cell)));
    if (onRow) {
      tr.classList.add("clickable");
      tr.tabIndex = 0;
      tr.addEventListener("click", () => onRow(row));
      tr.addEventListener("keydown", (e) => e.key === "Enter" && onRow(row));
    }
    body.append(tr);
  }
  return h("div", { class: "table-wrap" }, h("table", {}, h("thead", {}, h("tr", {}, headKeys.map((k) => h("th", { text: t(k) })))), body));
}

// A modal question (the <dialog> element); resolves true when confirmed.
export function confirm(text, confirmKey = "common.confirm") {
  return new Promise((resolve) => {
    const dialog = h(
      "dialog",
      { class: "confirm" },
      h("p", { text }),
      h(
        "div",
        { class: "actions" },
        h("button", { type: "button", class: "secondary", text: t("common.cancel"), onclick: () => dialog.close("no") }),
        h("button", { type: "button", class: "danger", text: t(confirmKey), onclick: () => dialog.close("yes") }),
      ),
    );
    dialog.addEventListener("close", () => {
      resolve(dialog.returnValue === "yes");
      dialog.remove();
    });
    document.body.append(dialog);
    dialog.showModal();
  });
}

export function section(titleKey, ...children) {
  return h("section", { class: "card" }, h("h2", { text: t(titleKey) }), ...children);
}

// Replaces a container's content with a spinner-free "loading" note until `work` settles.
export async function loading(container, work) {
  container.replaceChildren(note("info", t("common.loading")));
  try {
    await work();
  } catch (error) {
    container.replaceChildren(errorNote(error));
  }
}
