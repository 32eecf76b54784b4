// The pages' words: every string comes from /static/i18n/<language>.json; the markup names its keys
// in data-i18n attributes and the scripts call t(). The chosen language is kept in localStorage and
// sent to the API as Accept-Language (RFC 9110 section 12.5.4), so its error messages match.

export const LANGUAGES = ["en", "ms"];
const STORE = "evse.language";
let current = "en";
let strings = {};
let fallback = {};

function pick() {
  const kept = localStorage.getItem(STORE);
  if (LANGUAGES.includes(kept)) return kept;
  const query = new URLSearchParams(location.search).get("lang");
  if (LANGUAGES.includes(query)) return query;
  const browser = (navigator.language || "en").toLowerCase();
  return browser.startsWith("ms") ? "ms" : "en";
}

async function fetchStrings(language) {
  const answer = await fetch(`/static/i18n/${language}.json`, { credentials: "same-origin" });
  if (!answer.ok) throw new Error(`i18n ${language}: ${answer.status}`);
  return answer.json();
}

export async function loadLanguage(language = pick()) {
  current = LANGUAGES.includes(language) ? language : "en";
  if (!Object.keys(fallback).length) fallback = await fetchStrings("en");
  strings = current === "en" ? fallback : await fetchStrings(current);
  document.documentElement.lang = current;
  return current;
}

export async function setLanguage(language) {
  localStorage.setItem(STORE, language);
  await loadLanguage(language);
  apply(document);
}

export function language() {
  return current;
}

// t("key", {name: value}) with {name} placeholders; a key missing in Malay falls back to English.
export function t(key, vars = {}) {
  const text = strings[key] ?? fallback[key];
  if (text === undefined) return key;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in vars ? String(vars[name]) : whole));
}

// A value's label when the catalogue has one ("state.charging"), else the value itself.
export function label(group, value) {
  if (value === null || value === undefined || value === "") return "—";
  const key = `${group}.${value}`;
  return strings[key] ?? fallback[key] ?? String(value);
}

export function apply(root) {
  for (const el of root.querySelectorAll("[data-i18n]")) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll("[data-i18n-placeholder]")) el.placeholder = t(el.dataset.i18nPlaceholder);
  for (const el of root.querySelectorAll("[data-i18n-label]")) el.setAttribute("aria-label", t(el.dataset.i18nLabel));
  if (document.body.dataset.title) document.title = t(document.body.dataset.title);
}

// A language switch: a <select> filled with the languages, each named in its own words.
export function languageSwitch(select, onChange) {
  select.replaceChildren(...LANGUAGES.map((code) => new Option(t(`language.${code}`), code)));
  select.value = current;
  select.addEventListener("change", async () => {
    await setLanguage(select.value);
    for (const option of select.options) option.textContent = t(`language.${option.value}`);
    if (onChange) onChange(select.value);
  });
}
