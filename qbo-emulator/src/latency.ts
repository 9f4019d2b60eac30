// Simulated network/service latency: fixed or log-normal (e.g. median 600 ms).
import type { LatencyProfile } from "./options";

function sampleStandardNormal(): number {
  const u = 1 - Math.random();
  const v = Math.random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

export function sampleLatencyMs(profile: LatencyProfile): number {
  if (profile.kind === "fixed") return Math.max(0, profile.ms);
  if (profile.kind === "lognormal") {
    const ms = profile.medianMs * Math.exp(profile.sigma * sampleStandardNormal());
    return Math.min(Math.max(0, ms), 120_000);
  }
  return 0;
}

/** Resolves after `ms`, or early when the client goes away. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    }
    signal?.addEventListener("abort", done, { once: true });
  });
}
