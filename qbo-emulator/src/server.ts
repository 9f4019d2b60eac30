// The HTTP server: reads the request, routes it (admin, OAuth, Accounting API, company UI), logs it, never crashes.
import http from "node:http";
import { handleAdmin } from "./admin/router";
import { handleApi } from "./api/router";
import type { Emulator } from "./emulator";
import { type FaultOutcome, runWithFaults } from "./fault-responses";
import { Faults, QboFault } from "./faults";
import { type EmuRequest, type EmuResponse, buildPlainJson, buildRedirect, safeDecode } from "./http";
import { sampleLatencyMs, sleep } from "./latency";
import { handleAuthorize, handleConsent, handleSignIn } from "./oauth/authorize";
import { DISCOVERY_PATHS, JWKS_PATH, handleDiscovery, handleJwks } from "./oauth/openid";
import { handleRevoke, handleToken, parseParams } from "./oauth/token";
import { handleUserInfo } from "./oauth/userinfo";
import { redactQuery } from "./request-log";
import { handleUi } from "./ui/router";

const MAX_BODY_BYTES = 10 * 1024 * 1024;
const API_PREFIX = /^\/v3\/company\/([^/]+)(?:\/(.*))?$/;
const TOKEN_PATHS = new Set(["/oauth2/v1/tokens/bearer"]);
const REVOKE_PATHS = new Set(["/oauth2/v1/tokens/revoke", "/v2/oauth2/tokens/revoke"]);

class BodyTooLargeError extends Error {}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new BodyTooLargeError());
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

async function route(emu: Emulator, req: EmuRequest): Promise<FaultOutcome> {
  const api = API_PREFIX.exec(req.path);
  if (api) {
    const segments = [api[1] ?? "", ...(api[2] ?? "").split("/").filter(Boolean)].map(safeDecode);
    const [realmId, ...rest] = segments;
    if (realmId === undefined || rest.some((s) => s === undefined)) {
      return { response: Faults.unsupportedOperation(req.path, `${emu.baseUrl}${req.path}`).toResponse() };
    }
    return handleApi(emu, req, realmId, rest as string[]);
  }
  const run = (handler: () => EmuResponse | Promise<EmuResponse>): Promise<FaultOutcome> =>
    runWithFaults(emu, req, undefined, async () => handler());
  if (req.path === "/connect/oauth2" && req.method === "GET") return run(() => handleAuthorize(emu, req));
  if (req.path === "/connect/oauth2/signin" && req.method === "POST") return run(() => handleSignIn(emu, req));
  if (req.path === "/connect/oauth2/consent" && req.method === "POST") return run(() => handleConsent(emu, req));
  if (TOKEN_PATHS.has(req.path) && req.method === "POST") {
    await sleep(sampleLatencyMs(emu.options.latency), req.signal);
    return run(() => handleToken(emu, req));
  }
  if (REVOKE_PATHS.has(req.path) && req.method === "POST") {
    await sleep(sampleLatencyMs(emu.options.latency), req.signal);
    return run(() => handleRevoke(emu, req));
  }
  if (req.path === "/v1/openid_connect/userinfo" && req.method === "GET") return run(() => handleUserInfo(emu, req));
  if (DISCOVERY_PATHS.has(req.path) && req.method === "GET") return run(() => handleDiscovery(emu, req));
  if (req.path === JWKS_PATH && req.method === "GET") return run(() => handleJwks(emu));
  if (req.path === "/" || req.path.startsWith("/app")) {
    return run(() => (req.path === "/" ? buildRedirect("/app") : handleUi(emu, req)));
  }
  if (req.path.startsWith("/v3/")) return { response: Faults.unsupportedOperation(req.path, `${emu.baseUrl}${req.path}`).toResponse() };
  return { response: buildPlainJson(404, { error: "not_found", path: req.path }) };
}

function writeResponse(res: http.ServerResponse, out: EmuResponse): void {
  const body = typeof out.body === "string" ? Buffer.from(out.body, "utf8") : out.body;
  res.writeHead(out.status, { ...out.headers, "Content-Length": String(body.length) });
  res.end(body);
}

function buildCrashResponse(): EmuResponse {
  return new QboFault(
    [{ Message: "An application error has occurred while processing your request", Detail: "System Failure Error: unexpected emulator error", code: "10000" }],
    500,
    "SystemFault",
  ).toResponse();
}

function countBatchItems(req: EmuRequest): number | undefined {
  if (req.method !== "POST" || !/\/batch$/i.test(req.path)) return undefined;
  try {
    const items = (JSON.parse(req.rawBody.toString("utf8")) as { BatchItemRequest?: unknown }).BatchItemRequest;
    return Array.isArray(items) ? items.length : undefined;
  } catch {
    return undefined;
  }
}

function describeRequest(req: EmuRequest): { realmId?: string; grantType?: string; batchItems?: number } {
  const realmId = API_PREFIX.exec(req.path)?.[1];
  const grantType = TOKEN_PATHS.has(req.path) ? parseParams(req).get("grant_type") ?? undefined : undefined;
  const batchItems = realmId ? countBatchItems(req) : undefined;
  return { realmId, grantType, ...(batchItems === undefined ? {} : { batchItems }) };
}

async function handle(emu: Emulator, raw: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const url = new URL(raw.url ?? "/", "http://emulator.local");
  const abort = new AbortController();
  res.on("close", () => {
    if (!res.writableFinished) abort.abort();
  });
  let rawBody: Buffer;
  try {
    rawBody = await readBody(raw);
  } catch (e) {
    if (e instanceof BodyTooLargeError) writeResponse(res, buildPlainJson(413, { error: "request_too_large" }));
    return;
  }
  const req: EmuRequest = {
    method: (raw.method ?? "GET").toUpperCase(), path: url.pathname, query: url.searchParams,
    headers: raw.headers, rawBody, signal: abort.signal,
  };
  if (req.path.startsWith("/__emulator/") || req.path === "/__emulator") {
    writeResponse(res, await handleAdmin(emu, req));
    return;
  }
  const started = Date.now();
  const entry = emu.requestLog.start({ method: req.method, path: req.path, query: redactQuery(req.query), ...describeRequest(req) });
  let outcome: FaultOutcome;
  try {
    outcome = await route(emu, req);
  } catch (e) {
    if (!emu.options.quiet) console.error("[qbo-emulator] handler error:", e);
    outcome = { response: buildCrashResponse(), note: "emulator error" };
  }
  entry.durationMs = Date.now() - started;
  if (outcome.note) entry.note = outcome.note;
  if (!outcome.response || res.destroyed) {
    entry.note = `${entry.note ?? ""}${entry.note ? "; " : ""}no response (client gave up)`;
    res.destroy();
    return;
  }
  entry.status = outcome.response.status;
  writeResponse(res, outcome.response);
}

export function createHttpServer(emu: Emulator): http.Server {
  return http.createServer((req, res) => {
    handle(emu, req, res).catch((e: unknown) => {
      if (!emu.options.quiet) console.error("[qbo-emulator] unexpected error:", e);
      if (!res.headersSent) writeResponse(res, buildCrashResponse());
      else res.destroy();
    });
  });
}
