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

/** Records one request in the realm's minute window, or says when the window has room again. */
async function reserveBudget(realmId: string, perMinute: number): Promise<Date | null> {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${realmKey(realmId)}, 0)`;
    const [window] = await tx.$queryRaw<{ n: number; oldest: Date | null }[]>`
      SELECT count(*)::int AS n, min("at") AS oldest FROM "QuickBooksRealmRequest"
      WHERE "realmId" = ${realmId} AND "at" > clock_timestamp() - make_interval(secs => ${WINDOW_MS / 1000})`;
    if (window && window.n >= perMinute && window.oldest) return new Date(window.oldest.getTime() + WINDOW_MS + 5);
    await tx.$executeRaw`INSERT INTO "QuickBooksRealmRequest" ("realmId", "at") VALUES (${realmId}, clock_timestamp())`;
    if (Math.random() < 0.02) {
      await tx.$executeRaw`DELETE FROM "QuickBooksRealmRequest" WHERE "at" < clock_timestamp() - interval '5 minutes'`;
    }
    return null;
  });
}

/**
 * Runs `send` inside the realm's limits, waiting up to `maxWaitMs` for room; past that it throws
 * RealmBusyError with the time to try again.
 */
export async function withRealmSlot<T>(realmId: string, send: () => Promise<T>, options: { maxWaitMs: number }): Promise<T> {
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
      const retryAt = await reserveBudget(realmId, limits.perMinute);
      if (!retryAt) break;
      if (retryAt.getTime() > deadline) throw new RealmBusyError(realmId, retryAt, "budget");
      await sleep(Math.max(retryAt.getTime() - Date.now(), POLL_MS));
    }
    return await send();
  } finally {
    if (slot) await releaseSlot(slot).catch(() => {});
  }
}
