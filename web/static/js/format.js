// Numbers, energy, power, money and times in the page's language (Intl, ECMA-402).

import { language } from "./i18n.js";

const locale = () => (language() === "ms" ? "ms-MY" : "en-MY");

export function number(value, digits = 0) {
  if (value === null || value === undefined || Number.isNaN(value)) return "—";
  return new Intl.NumberFormat(locale(), { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}

export const kWh = (wh, digits = 2) => (wh === null || wh === undefined ? "—" : `${number(wh / 1000, digits)} kWh`);
export const kW = (w) => (w === null || w === undefined ? "—" : `${number(w / 1000, 1)} kW`);
export const amps = (a) => (a === null || a === undefined ? "—" : `${number(a, 1)} A`);
export const percent = (p) => (p === null || p === undefined ? "—" : `${number(p, 1)} %`);

export function money(minor, currency = "MYR", digits = 2) {
  if (minor === null || minor === undefined) return "—";
  try {
    return new Intl.NumberFormat(locale(), { style: "currency", currency }).format(minor / 10 ** digits);
  } catch {
    return `${currency} ${number(minor / 10 ** digits, digits)}`;
  }
}

export function dateTime(value) {
  if (!value) return "—";
  const date = typeof value === "number" ? new Date(value * 1000) : new Date(value);
  return new Intl.DateTimeFormat(locale(), { dateStyle: "medium", timeStyle: "short" }).format(date);
}

// The station's local calendar: seconds since the epoch shifted by the station's UTC offset, read
// as UTC, so a browser in another zone shows the station's days.
export function day(seconds, offset = 0) {
  return new Intl.DateTimeFormat(locale(), { day: "numeric", month: "short", timeZone: "UTC" }).format(new Date((seconds + offset) * 1000));
}

export function month(seconds, offset = 0) {
  return new Intl.DateTimeFormat(locale(), { month: "short", year: "2-digit", timeZone: "UTC" }).format(new Date((seconds + offset) * 1000));
}

export function duration(seconds) {
  if (seconds === null || seconds === undefined) return "—";
  const s = Math.max(0, Math.round(seconds));
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const rest = s % 60;
  const pad = (n) => String(n).padStart(2, "0");
  return hours ? `${hours}:${pad(minutes)}:${pad(rest)}` : `${minutes}:${pad(rest)}`;
}
