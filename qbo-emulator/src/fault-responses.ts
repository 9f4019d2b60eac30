// Runs a handler under any injected fault that matches the request.
import type { Emulator } from "./emulator";
import { Faults, buildThrottleFault } from "./faults";
import { type EmuRequest, type EmuResponse, buildHtml } from "./http";
import { sleep } from "./latency";

function buildGatewayPage(status: number, title: string): EmuResponse {
  return buildHtml(status, `<html><head><title>${status} ${title}</title></head><body><center><h1>${status} ${title}</h1></center><hr><center>nginx</center></body></html>`);
}

export function buildInjectedStatus(status: number): EmuResponse {
  if (status === 429) return buildThrottleFault();
  if (status === 502) return buildGatewayPage(502, "Bad Gateway");
  if (status === 503) return buildGatewayPage(503, "Service Temporarily Unavailable");
  return Faults.systemFailure().toResponse();
}

export interface FaultOutcome {
  /** undefined = never answer (the client gives up). */
  response: EmuResponse | undefined;
  note?: string;
}

function waitForAbort(signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => signal.addEventListener("abort", () => resolve(), { once: true }));
}

export async function runWithFaults(
  emu: Emulator,
  req: EmuRequest,
  realmId: string | undefined,
  handler: () => Promise<EmuResponse>,
): Promise<FaultOutcome> {
  const rule = emu.faults.take(req.method, req.path, realmId);
  if (!rule) return { response: await handler() };
  const note = `injected ${rule.kind}${rule.status ? ` ${rule.status}` : ""} (rule ${rule.id})`;
  if (rule.kind === "status") return { response: buildInjectedStatus(rule.status ?? 500), note };
  if (rule.kind === "commit_then_fail") {
    await handler();
    return { response: buildInjectedStatus(502), note };
  }
  if (rule.commit) await handler();
  if (rule.delayMs !== undefined) {
    await sleep(rule.delayMs, req.signal);
    return { response: buildGatewayPage(504, "Gateway Time-out"), note };
  }
  await waitForAbort(req.signal);
  return { response: undefined, note };
}
