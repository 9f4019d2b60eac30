// The Accounting API pipeline: bearer check (legacy 401/403) → throttle (429/3001) → latency → requestid replay → faults → handler.
import type { Emulator } from "../emulator";
import { Faults, QboFault, buildLegacyAuthFault, buildThrottleFault } from "../faults";
import { type FaultOutcome, runWithFaults } from "../fault-responses";
import { type EmuRequest, type EmuResponse, getHeader } from "../http";
import { MAX_REQUEST_ID_LENGTH } from "../idempotency";
import { sampleLatencyMs, sleep } from "../latency";
import { toIntuitXml } from "../xml";
import { dispatchApi } from "./dispatch";

const AUTH_DETAILS: Record<string, string> = {
  missing: "Token is missing: Authorization header is missing or malformed",
  invalid: "Token invalid: the access token is not recognized",
  expired: "Token expired: the access token has expired",
  revoked: "Token revoked: the app's access has been revoked",
};

async function runHandler(emu: Emulator, realmId: string, req: EmuRequest, rest: string[]): Promise<EmuResponse> {
  const realm = emu.store.getRealm(realmId);
  if (!realm) return buildLegacyAuthFault(403, "Authorization failure: unknown company");
  try {
    return await dispatchApi(emu, realm, req, rest);
  } catch (e) {
    if (e instanceof QboFault) return e.toResponse();
    throw e;
  }
}

async function runWithRequestId(emu: Emulator, realmId: string, req: EmuRequest, rest: string[]): Promise<FaultOutcome> {
  const requestId = req.query.get("requestid");
  if (requestId === null) return runWithFaults(emu, req, realmId, () => runHandler(emu, realmId, req, rest));
  if (requestId.length > MAX_REQUEST_ID_LENGTH) {
    return { response: Faults.lengthExceeded("requestid", MAX_REQUEST_ID_LENGTH, requestId.length).toResponse() };
  }
  const waiting = emu.idempotency.waitFor(realmId, requestId);
  if (waiting) await waiting;
  const cached = emu.idempotency.get(realmId, requestId);
  if (cached) return { response: cached, note: "requestid replay" };
  const finish = emu.idempotency.begin(realmId, requestId);
  let committed: EmuResponse | undefined;
  try {
    return await runWithFaults(emu, req, realmId, async () => {
      committed = await runHandler(emu, realmId, req, rest);
      return committed;
    });
  } finally {
    finish(committed && committed.status < 500 ? committed : undefined);
  }
}

/** Intuit answers XML unless the client asks for JSON (Accept) or passes format=json (node-quickbooks does). */
function wantsXml(req: EmuRequest): boolean {
  const accept = (getHeader(req, "accept") ?? "").toLowerCase();
  return req.query.get("format")?.toLowerCase() !== "json" && !accept.includes("json");
}

function negotiate(req: EmuRequest, outcome: FaultOutcome): FaultOutcome {
  const res = outcome.response;
  if (!res?.payload || res.status === 401 || res.status === 403 || !wantsXml(req)) return outcome;
  const body = toIntuitXml(res.payload);
  return { ...outcome, response: { ...res, body, headers: { ...res.headers, "Content-Type": "application/xml;charset=UTF-8" } } };
}

export async function handleApi(emu: Emulator, req: EmuRequest, realmId: string, rest: string[]): Promise<FaultOutcome> {
  return negotiate(req, await runApi(emu, req, realmId, rest));
}

async function runApi(emu: Emulator, req: EmuRequest, realmId: string, rest: string[]): Promise<FaultOutcome> {
  const header = getHeader(req, "authorization") ?? "";
  const bearer = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
  const check = emu.grants.checkAccessToken(bearer);
  if (!check.ok) return { response: buildLegacyAuthFault(401, AUTH_DETAILS[check.reason] ?? "Token invalid") };
  if (check.grant.realmId !== realmId) {
    return { response: buildLegacyAuthFault(403, "Authorization failure: the token was not issued for this company") };
  }
  const isBatch = req.method === "POST" && rest[0]?.toLowerCase() === "batch";
  const slot = emu.limiter.acquire(realmId, check.grant.clientId, isBatch);
  if (!slot.ok) return { response: buildThrottleFault(), note: `throttled (${slot.reason})` };
  try {
    await sleep(sampleLatencyMs(emu.options.latency), req.signal);
    return await runWithRequestId(emu, realmId, req, rest);
  } finally {
    slot.release();
  }
}
