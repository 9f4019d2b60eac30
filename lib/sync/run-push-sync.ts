import { db } from "@/lib/db/client";
import { QuickBooksApi } from "@/lib/quickbooks/api";
import { claimBatchLead, isBatchCandidate } from "./batch-claim";
import { assertClaim, claimSync, releaseSync } from "./claim";
import { PAUSED_MESSAGE } from "./create-sync";
import { getBatchPusher, getPusher } from "./pushers";
import { REALM_CHANGED, realmChangedMessage } from "./realm-change";
import { recordPushFailure, recordPushOutcome } from "./record-outcome";
import { runBatchPush } from "./run-batch-push";
import { getPulledTransport } from "./transport";

export { getBackoffMs, MAX_AUTOMATIC_ATTEMPTS } from "./record-outcome";

/**
 * The worker's task: claim the row, push it through its pusher, record the outcome. Expected
 * failures never throw: they become a reschedule (transient, throttled, busy), PAUSED (reconnect)
 * or FAILED (a person must act). Only a lost claim or a database outage throws to pg-boss.
 */
export async function runPushSync(syncId: string): Promise<void> {
  // A bulk row's task claims its whole batch in one go (batch-claim.ts); any other row alone.
  const batch = await claimBatchLead(syncId);
  const claim = batch[0] ?? (await claimSync(syncId));
  if (!claim) return;
  const claims = batch.length > 0 ? batch : [claim];
  const { sync } = claim;
  // A pulled realm's rows wait for their own transport: released as they were, not counted as a try.
  const pulled = getPulledTransport(sync.realmId);
  if (pulled) {
    for (const each of claims) await releaseSync(each, { status: "PENDING", attempts: each.sync.attempts - 1, nextAttemptAt: each.sync.nextAttemptAt, errorMessage: pulled.waitingMessage });
    return;
  }
  const connection = await db.quickBooksConnection.findUnique({ where: { organizationId: sync.organizationId } });
  if (connection && connection.realmId !== sync.realmId) {
    const errorMessage = realmChangedMessage("the previous QuickBooks company", connection.companyName);
    for (const each of claims) await releaseSync(each, { status: "FAILED", errorCode: REALM_CHANGED, errorMessage });
    return;
  }
  if (!connection || connection.status !== "CONNECTED") {
    for (const each of claims) await releaseSync(each, { status: "PAUSED", errorMessage: PAUSED_MESSAGE });
    return;
  }
  // A backfill's or a bulk Retry's rows go out up to 30 to a batch request.
  const batchPusher = getBatchPusher(sync.kind);
  if (batchPusher && isBatchCandidate(sync)) return runBatchPush(claims, connection.id, batchPusher);
  const pusher = getPusher(sync.kind);
  if (!pusher) throw new Error(`No pusher registered for ${sync.kind}`);
  // The process heartbeat keeps the claim while QuickBooks answers; every request first checks
  // that the claim still holds, so a worker that froze past its lease sends nothing more.
  try {
    const outcome = await pusher(sync, new QuickBooksApi(connection.id, { maxWaitMs: 5000, beforeRequest: () => assertClaim(claim) }));
    await recordPushOutcome(claim, outcome);
  } catch (error) {
    await recordPushFailure(claim, error);
  }
}
