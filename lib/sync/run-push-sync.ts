import { db } from "@/lib/db/client";
import type { QuickBooksSync } from "@/lib/generated/prisma/client";
import { pushInvoice } from "@/lib/invoicing/push-invoice";
import { getLogger } from "@/lib/logger";
import { enqueuePushSync } from "@/lib/queue/tasks";
import { QuickBooksApi } from "@/lib/quickbooks/api";
import { QuickBooksError, QuickBooksReconnectRequiredError } from "@/lib/quickbooks/errors";
import { getThrottlePauseMs, RealmBusyError } from "@/lib/quickbooks/rate-limit";
import { PAUSED_MESSAGE } from "./create-sync";
import { REALM_CHANGED, realmChangedMessage } from "./realm-change";
import type { TPushOutcome } from "./push-outcome";

const log = getLogger("sync");

/** Automatic attempts before a row waits for a person's Retry. */
export const MAX_AUTOMATIC_ATTEMPTS = 8;
// How long a worker owns a row before another may take it over (a worker that died mid-push).
const CLAIM_MS = Number(process.env.QBO_SYNC_CLAIM_MS ?? 3 * 60 * 1000);
const MAX_BACKOFF_MS = 5 * 60 * 1000;

type TPusher = (sync: QuickBooksSync, api: QuickBooksApi) => Promise<TPushOutcome>;
const pushers: Partial<Record<QuickBooksSync["kind"], TPusher>> = { INVOICE: pushInvoice };

/** Payments register their pusher here (lib/payouts), keeping this module free of their rules. */
export function registerPusher(kind: QuickBooksSync["kind"], pusher: TPusher): void {
  pushers[kind] = pusher;
}

/** Exponential backoff with full jitter: ~1 s, 2 s, 4 s … capped at 5 minutes. */
export function getBackoffMs(attempts: number, random = Math.random): number {
  const ceiling = Math.min(1000 * 2 ** Math.max(attempts - 1, 0), MAX_BACKOFF_MS);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** Takes the row for this worker: PENDING, or SYNCING whose worker stopped answering. */
async function claim(syncId: string): Promise<QuickBooksSync | null> {
  const now = new Date();
  const claimed = await db.quickBooksSync.updateMany({
    where: { id: syncId, OR: [{ status: "PENDING" }, { status: "SYNCING", lockedUntil: { lt: now } }] },
    data: { status: "SYNCING", attempts: { increment: 1 }, lockedUntil: new Date(now.getTime() + CLAIM_MS), nextAttemptAt: null },
  });
  return claimed.count === 1 ? db.quickBooksSync.findUnique({ where: { id: syncId } }) : null;
}

async function renewClaim(sync: QuickBooksSync) {
  await db.quickBooksSync.updateMany({ where: { id: sync.id, status: "SYNCING", attempts: sync.attempts }, data: { lockedUntil: new Date(Date.now() + CLAIM_MS) } });
}

async function release(sync: QuickBooksSync, data: Parameters<typeof db.quickBooksSync.update>[0]["data"]) {
  await db.quickBooksSync.updateMany({ where: { id: sync.id, status: "SYNCING", attempts: sync.attempts }, data: { lockedUntil: null, ...data } });
}

async function reschedule(sync: QuickBooksSync, at: Date, data: { errorCode?: string | null; errorMessage?: string | null; attempts?: number } = {}) {
  await release(sync, { status: "PENDING", nextAttemptAt: at, ...data });
  await enqueuePushSync(sync.id, { startAfter: at });
}

/**
 * The worker's task: claim the row, push it through its pusher, record the outcome. Expected
 * failures never throw: they become a reschedule (transient, throttled, busy), PAUSED (reconnect)
 * or FAILED (a person must act). Only a lost claim or a database outage throws to pg-boss.
 */
export async function runPushSync(syncId: string): Promise<void> {
  const sync = await claim(syncId);
  if (!sync) return;
  const connection = await db.quickBooksConnection.findUnique({ where: { organizationId: sync.organizationId } });
  if (connection && connection.realmId !== sync.realmId) {
    return release(sync, { status: "FAILED", errorCode: REALM_CHANGED, errorMessage: realmChangedMessage("the previous QuickBooks company", connection.companyName) });
  }
  if (!connection || connection.status !== "CONNECTED") return release(sync, { status: "PAUSED", errorMessage: PAUSED_MESSAGE });
  const pusher = pushers[sync.kind];
  if (!pusher) throw new Error(`No pusher registered for ${sync.kind}`);
  // Keep the claim while pushing, however long QuickBooks takes, so no second worker takes over.
  const heartbeat = setInterval(() => void renewClaim(sync).catch(() => {}), Math.max(CLAIM_MS / 3, 500));
  try {
    const outcome = await pusher(sync, new QuickBooksApi(connection.id, { maxWaitMs: 5000 }));
    await recordOutcome(sync, outcome);
  } catch (error) {
    await handleFailure(sync, error);
  } finally {
    clearInterval(heartbeat);
  }
}

async function recordOutcome(sync: QuickBooksSync, outcome: TPushOutcome) {
  if (outcome.kind === "synced") {
    const { kind: _kind, notes, driftReason, ...fields } = outcome;
    await release(sync, { status: "SYNCED", ...fields, notes: notes ?? undefined, ...(driftReason ? { driftReason } : {}), errorCode: null, errorMessage: null, syncedAt: new Date() });
    log.info({ syncId: sync.id, kind: sync.kind, qboId: outcome.qboId, attempts: sync.attempts }, "synced to QuickBooks");
  } else if (outcome.kind === "skipped") {
    await release(sync, { status: "SKIPPED", errorMessage: outcome.message });
  } else if (outcome.kind === "paused") {
    await release(sync, { status: "PAUSED", errorMessage: outcome.message });
  } else if (outcome.kind === "wait") {
    await reschedule(sync, outcome.retryAt, { attempts: sync.attempts - 1, errorCode: null, errorMessage: outcome.message });
  } else {
    await release(sync, { status: "FAILED", errorCode: outcome.code, errorMessage: outcome.message });
  }
}

async function handleFailure(sync: QuickBooksSync, error: unknown) {
  if (error instanceof QuickBooksReconnectRequiredError) return release(sync, { status: "PAUSED", errorMessage: PAUSED_MESSAGE });
  if (error instanceof RealmBusyError) {
    // Waiting for room in the realm's budget is not an attempt.
    return reschedule(sync, error.retryAt, { attempts: sync.attempts - 1 });
  }
  if (error instanceof QuickBooksError && error.kind === "throttled") {
    return reschedule(sync, new Date(Date.now() + getThrottlePauseMs()), { attempts: sync.attempts - 1, errorCode: "THROTTLED", errorMessage: error.userMessage });
  }
  const isRetryable = !(error instanceof QuickBooksError) || error.isRetryable;
  if (isRetryable && sync.attempts < MAX_AUTOMATIC_ATTEMPTS) {
    log.warn({ syncId: sync.id, attempts: sync.attempts, err: error instanceof Error ? error.message : String(error) }, "push failed; will retry");
    return reschedule(sync, new Date(Date.now() + getBackoffMs(sync.attempts)), {
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
  await release(sync, { status: "FAILED", errorCode: error instanceof QuickBooksError ? (error.faultCode ?? error.kind.toUpperCase()) : "UNEXPECTED", errorMessage: message });
}
