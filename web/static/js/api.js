// The pages' one way to the API: JSON in and out, the page's language as Accept-Language, the session
// cookie sent by the browser (same origin only) and the CSRF token in X-CSRF-Token on every change
// (OWASP CSRF Prevention: synchronizer token). Refusals become ApiError with the API's error shape.

import { language, t } from "./i18n.js";

let csrfToken = "";

export function setCsrf(token) {
  csrfToken = token || "";
}

export class ApiError extends Error {
  constructor(status, error) {
    super(error.message || t("error.generic"));
    this.status = status;
    this.code = error.code || "unknown";
    this.fields = error.fields || [];
    this.retryAfter = error.retry_after_s;
  }
}

export function query(params) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params || {})) {
    if (value === null || value === undefined || value === "") continue;
    for (const one of Array.isArray(value) ? value : [value]) search.append(name, String(one));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

export function headers(extra = {}) {
  const all = { Accept: "application/json", "Accept-Language": language(), ...extra };
  if (csrfToken) all["X-CSRF-Token"] = csrfToken;
  return all;
}

export async function api(method, path, { body, params } = {}) {
  const init = { method, credentials: "same-origin", headers: headers() };
  if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers["Content-Type"] = "application/json";
  }
  let answer;
  try {
    answer = await fetch(`/api/v1${path}${query(params)}`, init);
  } catch {
    throw new ApiError(0, { code: "network", message: t("error.network") });
  }
  if (answer.status === 204) return null;
  const data = await answer.json().catch(() => null);
  if (!answer.ok) throw new ApiError(answer.status, (data && data.error) || { code: `http_${answer.status}` });
  return data;
}

export const get = (path, params) => api("GET", path, { params });
export const post = (path, body) => api("POST", path, { body: body ?? {} });
export const del = (path) => api("DELETE", path);
