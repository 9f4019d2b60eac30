import { db } from "@/lib/db/client";
import type { QuickBooksSync } from "@/lib/generated/prisma/client";
import { getLogger } from "@/lib/logger";
import { recordPushLatency } from "@/lib/metrics/registry";
import { enqueuePushSync } from "@/lib/queue/tasks";
import { QuickBooksApi } from "@/lib/quickbooks/api";
import { QuickBooksError, QuickBooksReconnectRequiredError } from "@/lib/quickbooks/errors";
import { getThrottlePauseMs, RealmBusyError } from "@/lib/quickbooks/rate-limit";
import { assertClaim, claimSync, ClaimLostError, releaseSync, type TClaim } from "./claim";
import { PAUSED_MESSAGE } from "./create-sync";
import { getPusher } from "./pushers";
import { REALM_CHANGED, realmChangedMessage } from "./realm-change";
import { getPulledTransport } from "./transport";
import type { TPushOutcome } from "./push-outcome";

const log = getLogger("sync");

/** Automatic attempts before a row waits for a person's Retry. */
export const MAX_AUTOMATIC_ATTEMPTS = 8;
const MAX_BACKOFF_MS = 5 * 60 * 1000;

/** Exponential backoff with full jitter: ~1 s, 2 s, 4 s … capped at 5 minutes (base: SYNC_BACKOFF_BASE_MS). */
export function getBackoffMs(attempts: number, random = Math.random): number {
  const base = Number(process.env.SYNC_BACKOFF_BASE_MS ?? 1000);
  const ceiling = Math.min(base * 2 ** Math.max(attempts - 1, 0), MAX_BACKOFF_MS);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

async function reschedule(claim: TClaim, at: Date, data: { errorCode?: string | null; errorMessage?: string | null; attempts?: number } = {}) {
  if (await releaseSync(claim, { status: "PENDING", nextAttemptAt: at, ...data })) await enqueuePushSync(claim.sync.id, { startAfter: at });
}

/**
 * The worker's task: claim the row, push it through its pusher, record the outcome. Expected
 * failures never throw: they become a reschedule (transient, throttled, busy), PAUSED (reconnect)
 * or FAILED (a person must act). Only a lost claim or a database outage throws to pg-boss.
 */
export async function runPushSync(syncId: string): Promise<void> {
  const claim = await claimSync(syncId);
  if (!claim) return;
  const { sync } = claim;
  // A pulled realm's rows wait for their own transport: released as they were, not counted as a try.
  const pulled = getPulledTransport(sync.realmId);
  if (pulled) return void (await releaseSync(claim, { status: "PENDING", attempts: sync.attempts - 1, nextAttemptAt: sync.nextAttemptAt, errorMessage: pulled.waitingMessage }));
  const connection = await db.quickBooksConnection.findUnique({ where: { organizationId: sync.organizationId } });
  if (connection && connection.realmId !== sync.realmId) {
    return void (await releaseSync(claim, { status: "FAILED", errorCode: REALM_CHANGED, errorMessage: realmChangedMessage("the previous QuickBooks company", connection.companyName) }));
  }
  if (!connection || connection.status !== "CONNECTED") return void (await releaseSync(claim, { status: "PAUSED", errorMessage: PAUSED_MESSAGE }));
  const pusher = getPusher(sync.kind);
  if (!pusher) throw new Error(`No pusher registered for ${sync.kind}`);
  // The process heartbeat keeps the claim while QuickBooks answers; every request first checks
  // that the claim still holds, so a worker that froze past its lease sends nothing more.
  try {
    const outcome = await pusher(sync, new QuickBooksApi(connection.id, { maxWaitMs: 5000, beforeRequest: () => assertClaim(claim) }));
    await recordOutcome(claim, outcome);
  } catch (error) {
    await handleFailure(claim, error);
  }
}

async function recordOutcome(claim: TClaim, outcome: TPushOutcome) {
  const { sync } = claim;
  if (outcome.kind === "synced") {
    const { kind: _kind, notes, driftReason, ...fields } = outcome;
    await releaseSync(claim, { status: "SYNCED", ...fields, notes: notes ?? undefined, ...(driftReason ? { driftReason } : {}), errorCode: null, errorMessage: null, syncedAt: new Date() });
    log.info({ syncId: sync.id, kind: sync.kind, qboId: outcome.qboId, attempts: sync.attempts }, "synced to QuickBooks");
    recordPushLatency(sync.kind, sync.createdAt);
  } else if (outcome.kind === "skipped") {
    await releaseSync(claim, { status: "SKIPPED", errorMessage: outcome.message });
  } else if (outcome.kind === "paused") {
    await releaseSync(claim, { status: "PAUSED", errorMessage: outcome.message });
  } else if (outcome.kind === "wait") {
    await reschedule(claim, outcome.retryAt, { attempts: sync.attempts - 1, errorCode: null, errorMessage: outcome.message });
  } else {
    await releaseSync(claim, { status: "FAILED", errorCode: outcome.code, errorMessage: outcome.message });
  }
}

async function handleFailure(claim: TClaim, error: unknown) {
  const { sync } = claim;
  if (error instanceof ClaimLostError) {
    // Another worker owns the row now; its first step is the marker lookup.
    log.warn({ syncId: sync.id }, "claim lost while pushing; stopped");
    return;
  }
  if (error instanceof QuickBooksReconnectRequiredError) return releaseSync(claim, { status: "PAUSED", errorMessage: PAUSED_MESSAGE });
  if (error instanceof RealmBusyError) {
    // Waiting for room in the realm's budget is not an attempt.
    return reschedule(claim, error.retryAt, { attempts: sync.attempts - 1 });
  }
  if (error instanceof QuickBooksError && error.kind === "throttled") {
    return reschedule(claim, new Date(Date.now() + getThrottlePauseMs()), { attempts: sync.attempts - 1, errorCode: "THROTTLED", errorMessage: error.userMessage });
  }
  const isRetryable = !(error instanceof QuickBooksError) || error.isRetryable;
  if (isRetryable && sync.attempts < MAX_AUTOMATIC_ATTEMPTS) {
    log.warn({ syncId: sync.id, attempts: sync.attempts, err: error instanceof Error ? error.message : String(error) }, "push failed; will retry");
    return reschedule(claim, new Date(Date.now() + getBackoffMs(sync.attempts)), {
      errorCode: error instanceof QuickBooksError ? `QBO_${error.kind.toUpperCase()}` : "UNEXPECTED",
      errorMessage: error instanceof QuickBooksError ? error.userMessage : "A temporary problem interrupted sending. Trying again.",
    });
  }
  const message =
    error instanceof QuickBooksError
      ? isRetryable
        ? "QuickBooks kept failing, so we stopped trying for now. Press Retry to try again."
        : error.userMessage
      : "Something went wrong on our side while sending. Press Retry to try again.";
  if (!(error instanceof QuickBooksError)) log.error({ syncId: sync.id, err: error instanceof Error ? error.message : String(error) }, "push failed");
  await releaseSync(claim, { status: "FAILED", errorCode: error instanceof QuickBooksError ? (error.faultCode ?? error.kind.toUpperCase()) : "UNEXPECTED", errorMessage: message });
}
