import type { IncomingMessage, ServerResponse } from "node:http";
import { foreignOrigin, type AppError } from "@/lib/errors";
import { MAX_BODY_BYTES, payloadTooLarge } from "@/lib/http/body";
import { resolveClientAddress } from "./client-address";
import { buildSecurityHeaders, createNonce, type TSecurityHeaderOptions } from "./headers";

export type TRequestGateOptions = Omit<TSecurityHeaderOptions, "nonce"> & {
  /** APP_URL's origin: browser posts must come from it (or from the Host they were sent to). */
  appOrigin: string;
  trustedProxyHops: number;
};

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const NON_PAGE_PREFIXES = ["/api/", "/_next/static/", "/_next/image", "/favicon.ico"];

function isForeignOrigin(request: IncomingMessage, appOrigin: string): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return false;
  if (origin === appOrigin) return false;
  try {
    return new URL(origin).host !== request.headers.host;
  } catch {
    return true;
  }
}

/** The same JSON as the route handlers' errors (lib/http/route-helpers.ts), and the connection closes. */
function refuse(response: ServerResponse, error: AppError): true {
  response.statusCode = error.httpStatus;
  response.setHeader("content-type", "application/json");
  response.setHeader("connection", "close");
  response.end(JSON.stringify({ error: error.code.toLowerCase(), message: error.userMessage, reasons: error.details ?? [] }));
  return true;
}

/**
 * Runs before Next.js sees a request (scripts/serve.ts). It records the client address the app may
 * trust, sets the security headers of every response (pages get a fresh script nonce, which Next.js
 * reads from the request's Content-Security-Policy header), and answers two attacks itself without
 * reading a byte of their body: a post from another site (403, e.g. a forged server action) and a
 * body declared larger than any endpoint accepts (413). Returns true when it answered.
 */
export function applyRequestGate(request: IncomingMessage, response: ServerResponse, options: TRequestGateOptions): boolean {
  request.headers["x-forwarded-for"] = resolveClientAddress(request.socket.remoteAddress, request.headers["x-forwarded-for"], options.trustedProxyHops);
  const path = (request.url ?? "/").split("?")[0]!;
  const isPage = !NON_PAGE_PREFIXES.some((prefix) => path.startsWith(prefix));
  const nonce = isPage ? createNonce() : undefined;
  const headers = buildSecurityHeaders({ ...options, nonce });
  for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
  delete request.headers["content-security-policy-report-only"];
  if (nonce) request.headers["content-security-policy"] = headers["content-security-policy"];
  else delete request.headers["content-security-policy"];

  const declared = Number(request.headers["content-length"] ?? 0);
  if (!(declared <= MAX_BODY_BYTES)) return refuse(response, payloadTooLarge(MAX_BODY_BYTES));
  if (!SAFE_METHODS.has(request.method ?? "GET") && isForeignOrigin(request, options.appOrigin)) return refuse(response, foreignOrigin());
  return false;
}
