import { getLogger } from "@/lib/logger";
import { recordPushLatency } from "@/lib/metrics/registry";
import { enqueuePushSync } from "@/lib/queue/tasks";
import { QuickBooksError, QuickBooksReconnectRequiredError } from "@/lib/quickbooks/errors";
import { getThrottlePauseMs, RealmBusyError } from "@/lib/quickbooks/rate-limit";
import { ClaimLostError, releaseSync, type TClaim } from "./claim";
import { PAUSED_MESSAGE } from "./create-sync";
import type { TPushOutcome } from "./push-outcome";

/**
 * How a claimed row's push ends, for single pushes (run-push-sync.ts) and batches
 * (run-batch-push.ts) alike: only the claim's owner records, and a failure becomes a reschedule
 * (transient, throttled, busy), PAUSED (reconnect) or FAILED (a person must act).
 */
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

export async function recordPushOutcome(claim: TClaim, outcome: TPushOutcome): Promise<void> {
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

export async function recordPushFailure(claim: TClaim, error: unknown): Promise<void> {
  const { sync } = claim;
  if (error instanceof ClaimLostError) {
    // Another worker owns the row now; its first step is the marker lookup.
    log.warn({ syncId: sync.id }, "claim lost while pushing; stopped");
    return;
  }
  if (error instanceof QuickBooksReconnectRequiredError) return void (await releaseSync(claim, { status: "PAUSED", errorMessage: PAUSED_MESSAGE }));
  if (error instanceof RealmBusyError) {
    // Waiting for room in the realm's budget is not an attempt.
    log.debug({ syncId: sync.id, reason: error.reason }, "company busy; rescheduled");
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
