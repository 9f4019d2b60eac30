// Per-realm throttling: requests per minute (per realm), requests in flight and batch per minute (per realm + app, and per realm).
import type { Limits } from "./options";

const WINDOW_MS = 60_000;

export type ThrottleResult = { ok: true; release: () => void } | { ok: false; reason: "perMinute" | "concurrent" | "batchPerMinute" | "batchPerMinuteAllApps" };

export class Limiter {
  private minute = new Map<string, number[]>();
  private batchMinute = new Map<string, number[]>();
  private inFlight = new Map<string, number>();

  constructor(private readonly getLimits: () => Limits) {}

  private prune(list: number[], at: number): number[] {
    let i = 0;
    while (i < list.length && (list[i] ?? 0) <= at - WINDOW_MS) i += 1;
    return i > 0 ? list.slice(i) : list;
  }

  /** Takes a slot or says which limit was hit. Throttled requests are not counted. */
  acquire(realmId: string, clientId: string, isBatch: boolean): ThrottleResult {
    const limits = this.getLimits();
    const at = Date.now();
    const appKey = `${realmId}|${clientId}`;
    const recent = this.prune(this.minute.get(realmId) ?? [], at);
    this.minute.set(realmId, recent);
    if (recent.length >= limits.perMinute) return { ok: false, reason: "perMinute" };
    const running = this.inFlight.get(appKey) ?? 0;
    if (running >= limits.concurrent) return { ok: false, reason: "concurrent" };
    if (isBatch) {
      const batches = this.prune(this.batchMinute.get(appKey) ?? [], at);
      this.batchMinute.set(appKey, batches);
      if (batches.length >= limits.batchPerMinute) return { ok: false, reason: "batchPerMinute" };
      const realmBatches = this.prune(this.batchMinute.get(realmId) ?? [], at);
      this.batchMinute.set(realmId, realmBatches);
      // Never below one app's limit: raising batchPerMinute (tests' bulk set-up) raises both.
      if (realmBatches.length >= Math.max(limits.batchPerMinuteAllApps, limits.batchPerMinute)) return { ok: false, reason: "batchPerMinuteAllApps" };
      batches.push(at);
      realmBatches.push(at);
    }
    recent.push(at);
    this.inFlight.set(appKey, running + 1);
    let isReleased = false;
    return {
      ok: true,
      release: () => {
        if (isReleased) return;
        isReleased = true;
        this.inFlight.set(appKey, Math.max(0, (this.inFlight.get(appKey) ?? 1) - 1));
      },
    };
  }

  reset(): void {
    this.minute.clear();
    this.batchMinute.clear();
  }
}
