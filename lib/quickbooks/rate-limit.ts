import crypto from "node:crypto";
import { db } from "@/lib/db/client";
import { releaseSlot, tryTakeSlot, type TSlot } from "./realm-slots";

/**
 * Per-realm request budget shared by every process: at most `maxInFlight` requests at once
 * (leased slot rows, freed within seconds if a process dies; see realm-slots.ts) and at most
 * `perMinute` in any 60 s (a request log, counted under a transaction-level lock). After a 429 the
 * realm pauses for 60 s. Defaults sit a little under Intuit's limits (10 at once, 500/min).
 */
export function getRealmLimits() {
  return {
    maxInFlight: Number(process.env.QBO_MAX_IN_FLIGHT ?? 8),
    perMinute: Number(process.env.QBO_MAX_PER_MINUTE ?? 480),
    /** Batch requests per minute (Intuit: 40 per company and app); each also counts in `perMinute`. */
    batchPerMinute: Number(process.env.QBO_MAX_BATCH_PER_MINUTE ?? 36),
  };
}

/** After a 429 the realm rests this long (Intuit: 60 s); tests shorten it with QBO_THROTTLE_PAUSE_MS. */
export function getThrottlePauseMs(): number {
  return Number(process.env.QBO_THROTTLE_PAUSE_MS ?? 60_000);
}
const WINDOW_MS = 60_000;
const POLL_MS = 40;

/** The realm cannot take another request before `retryAt`; callers reschedule instead of waiting. */
export class RealmBusyError extends Error {
  constructor(readonly realmId: string, readonly retryAt: Date, readonly reason: "paused" | "budget" | "in_flight") {
    super(`QuickBooks realm busy (${reason}) until ${retryAt.toISOString()}`);
    this.name = "RealmBusyError";
  }
}

function realmKey(realmId: string): number {
  return crypto.createHash("sha256").update(`quickbooks-realm:${realmId}`).digest().readInt32BE(0);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function getPausedUntil(realmId: string): Promise<Date | null> {
  const pause = await db.quickBooksRealmPause.findUnique({ where: { realmId } });
  return pause && pause.pausedUntil > new Date() ? pause.pausedUntil : null;
}

export async function pauseRealm(realmId: string, ms = getThrottlePauseMs()): Promise<Date> {
  const pausedUntil = new Date(Date.now() + ms);
  await db.quickBooksRealmPause.upsert({ where: { realmId }, create: { realmId, pausedUntil }, update: { pausedUntil } });
  return pausedUntil;
}

/** The batch requests of a realm are counted under this key of the same request log. */
const batchKey = (realmId: string) => `${realmId}#batch`;

async function countWindow(tx: Parameters<Parameters<typeof db.$transaction>[0]>[0], key: string, limit: number): Promise<Date | null> {
  const [window] = await tx.$queryRaw<{ n: number; oldest: Date | null }[]>`
    SELECT count(*)::int AS n, min("at") AS oldest FROM "QuickBooksRealmRequest"
    WHERE "realmId" = ${key} AND "at" > clock_timestamp() - make_interval(secs => ${WINDOW_MS / 1000})`;
  return window && window.n >= limit && window.oldest ? new Date(window.oldest.getTime() + WINDOW_MS + 5) : null;
}

/**
 * Records one request in the realm's minute window (a batch request also in the realm's batch
 * window), or says when the window has room again.
 */
async function reserveBudget(realmId: string, limits: ReturnType<typeof getRealmLimits>, isBatch: boolean): Promise<Date | null> {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${realmKey(realmId)}, 0)`;
    const full = (await countWindow(tx, realmId, limits.perMinute)) ?? (isBatch ? await countWindow(tx, batchKey(realmId), limits.batchPerMinute) : null);
    if (full) return full;
    await tx.$executeRaw`INSERT INTO "QuickBooksRealmRequest" ("realmId", "at") VALUES (${realmId}, clock_timestamp())`;
    if (isBatch) await tx.$executeRaw`INSERT INTO "QuickBooksRealmRequest" ("realmId", "at") VALUES (${batchKey(realmId)}, clock_timestamp())`;
    if (Math.random() < 0.02) {
      await tx.$executeRaw`DELETE FROM "QuickBooksRealmRequest" WHERE "at" < clock_timestamp() - interval '5 minutes'`;
    }
    return null;
  });
}

/**
 * Runs `send` inside the realm's limits, waiting up to `maxWaitMs` for room; past that it throws
 * RealmBusyError with the time to try again. A batch request takes one slot and one place in the
 * minute like any request, and one in the realm's batch minute.
 */
export async function withRealmSlot<T>(realmId: string, send: () => Promise<T>, options: { maxWaitMs: number; isBatch?: boolean }): Promise<T> {
  const limits = getRealmLimits();
  const deadline = Date.now() + options.maxWaitMs;
  const pausedUntil = await getPausedUntil(realmId);
  if (pausedUntil) throw new RealmBusyError(realmId, pausedUntil, "paused");
  let slot: TSlot | null = null;
  try {
    while (!slot) {
      slot = await tryTakeSlot(realmId, limits.maxInFlight);
      if (!slot) {
        if (Date.now() > deadline) throw new RealmBusyError(realmId, new Date(Date.now() + 1000), "in_flight");
        await sleep(POLL_MS + Math.random() * POLL_MS);
      }
    }
    for (;;) {
      const retryAt = await reserveBudget(realmId, limits, options.isBatch === true);
      if (!retryAt) break;
      if (retryAt.getTime() > deadline) throw new RealmBusyError(realmId, retryAt, "budget");
      await sleep(Math.max(retryAt.getTime() - Date.now(), POLL_MS));
    }
    return await send();
  } finally {
    if (slot) await releaseSlot(slot).catch(() => {});
  }
}
