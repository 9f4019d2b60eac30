// What QuickBooks saw, per company, from the emulator's own request log: the most requests in any
// rolling 60 s and the most in flight at once. The log keeps its last 5,000 entries, so it is read
// every second and merged by id (an entry still in flight is read again once it has finished).
import type { RunningEmulator } from "../qbo-emulator/src/index";

type TEntry = { id: number; time: string; method: string; path: string; realmId?: string; status: number | null; durationMs?: number; note?: string };

export type TRequestPeaks = { requests: number; byKind: Record<string, number>; throttled: number; perMinute: { max: number; realmId?: string }; inFlight: { max: number; realmId?: string } };

/** Starts reading the log (after clearing it); `stop()` reads it a last time and returns every API request. */
export async function watchRequestLog(emulator: RunningEmulator, intervalMs = 1000) {
  await fetch(`${emulator.url}/__emulator/requests`, { method: "DELETE" });
  const seen = new Map<number, TEntry>();
  const read = async () => {
    const { requests } = (await (await fetch(`${emulator.url}/__emulator/requests`)).json()) as { requests: TEntry[] };
    for (const entry of requests) if (entry.realmId) seen.set(entry.id, entry);
  };
  let reading = Promise.resolve();
  const timer = setInterval(() => (reading = reading.then(read).catch(() => {})), intervalMs);
  return {
    stop: async (): Promise<TEntry[]> => {
      clearInterval(timer);
      await reading;
      await read();
      return [...seen.values()];
    },
  };
}

/** Per company: the busiest rolling minute and the most requests in flight (from arrival to answer). */
export function findRequestPeaks(entries: TEntry[]): TRequestPeaks {
  const byRealm = new Map<string, TEntry[]>();
  for (const entry of entries) {
    const list = byRealm.get(entry.realmId!) ?? [];
    list.push(entry);
    byRealm.set(entry.realmId!, list);
  }
  const byKind: Record<string, number> = {};
  for (const entry of entries) {
    const kind = `${entry.method} ${entry.path.split("/")[4] ?? ""}`;
    byKind[kind] = (byKind[kind] ?? 0) + 1;
  }
  const peaks: TRequestPeaks = { requests: entries.length, byKind, throttled: entries.filter((entry) => entry.status === 429).length, perMinute: { max: 0 }, inFlight: { max: 0 } };
  for (const [realmId, list] of byRealm) {
    const starts = list.map((entry) => Date.parse(entry.time)).sort((a, b) => a - b);
    let first = 0;
    for (let last = 0; last < starts.length; last++) {
      while (starts[last]! - starts[first]! >= 60_000) first++;
      if (last - first + 1 > peaks.perMinute.max) peaks.perMinute = { max: last - first + 1, realmId };
    }
    // Ends sort before starts at the same millisecond: a request answered as another arrives is not overlap.
    const events = list.flatMap((entry) => {
      const start = Date.parse(entry.time);
      return [[start, 1], [start + (entry.durationMs ?? 0), -1]] as const;
    }).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    let open = 0;
    for (const [, change] of events) {
      open += change;
      if (open > peaks.inFlight.max) peaks.inFlight = { max: open, realmId };
    }
  }
  return peaks;
}

export function describePeaks(peaks: TRequestPeaks, caps: { perMinute: number; inFlight: number }): string {
  const within = peaks.perMinute.max <= caps.perMinute && peaks.inFlight.max <= caps.inFlight;
  return `busiest company: ${peaks.perMinute.max} requests in a rolling minute (cap ${caps.perMinute}), ${peaks.inFlight.max} in flight (cap ${caps.inFlight}); ${peaks.throttled} × 429 — ${within ? "within the caps" : "CAPS EXCEEDED"}`;
}
