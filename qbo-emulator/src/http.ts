// Request/response values passed between the server and the handlers (handlers never touch sockets).
import { formatEnvelopeTime } from "./clock";
import { buildIntuitTid } from "./ids";
import { toIntuitJson } from "./json";

export interface EmuRequest {
  method: string;
  /** Path without the query string, percent-decoded segments kept raw. */
  path: string;
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
  rawBody: Buffer;
  /** Set when the request has been aborted by the client. */
  signal: AbortSignal;
}

export interface EmuResponse {
  status: number;
  headers: Record<string, string>;
  body: string | Buffer;
  /** The Intuit payload behind a JSON body (lets the API answer in XML instead). */
  payload?: Record<string, unknown>;
}

export function getHeader(req: EmuRequest, name: string): string | undefined {
  const v = req.headers[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
}

const API_HEADERS = {
  "Cache-Control": "max-age=0, no-cache, no-store, must-revalidate, private",
  Server: "nginx",
  "Qbo-Version": "1944.190",
};

export function buildJsonResponse(status: number, body: Record<string, unknown>, extra: Record<string, string> = {}): EmuResponse {
  return {
    payload: body,
    status,
    headers: {
      "Content-Type": status < 300 ? "application/json;charset=utf-8" : "application/json",
      "Intuit-Tid": buildIntuitTid(),
      ...API_HEADERS,
      ...extra,
    },
    body: toIntuitJson(body),
  };
}

/** `{"<Entity>": {...}, "time": ...}` */
export function buildEnvelope(payload: Record<string, unknown>): EmuResponse {
  return buildJsonResponse(200, { ...payload, time: formatEnvelopeTime() });
}

/** Plain JSON (admin API, OAuth endpoints). */
export function buildPlainJson(status: number, body: unknown, extra: Record<string, string> = {}): EmuResponse {
  return {
    status,
    headers: { "Content-Type": "application/json;charset=UTF-8", ...extra },
    body: status === 204 ? "" : JSON.stringify(body),
  };
}

/** The emulator's pages (sign-in, consent, company UI) run no scripts, and nothing may frame them. */
const PAGE_SECURITY_HEADERS = {
  "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; frame-ancestors 'none'",
  "X-Frame-Options": "DENY",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
};

export function buildHtml(status: number, html: string, extra: Record<string, string> = {}): EmuResponse {
  return { status, headers: { "Content-Type": "text/html; charset=utf-8", ...PAGE_SECURITY_HEADERS, ...extra }, body: html };
}

export function buildRedirect(location: string, status = 302): EmuResponse {
  return { status, headers: { Location: location, "Content-Type": "text/plain" }, body: "" };
}

export function parseForm(req: EmuRequest): URLSearchParams {
  return new URLSearchParams(req.rawBody.toString("utf8"));
}

export function escapeHtml(value: unknown): string {
  return String(value ?? "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** decodeURIComponent that returns undefined instead of throwing on malformed escapes. */
export function safeDecode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}
