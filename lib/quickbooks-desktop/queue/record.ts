import type { TClaim } from "@/lib/sync/claim";
import { releaseSync } from "@/lib/sync/claim";
import { recordPushOutcome, getBackoffMs, MAX_AUTOMATIC_ATTEMPTS } from "@/lib/sync/record-outcome";
import type { TPushOutcome } from "@/lib/sync/push-outcome";

/**
 * Records a Desktop row's outcome exactly as the Online worker does (one shared function), except
 * that nothing is queued for the push worker: a row told to wait keeps its time and goes at the
 * first poll after it.
 */
export async function recordDesktopOutcome(claim: TClaim, outcome: TPushOutcome): Promise<void> {
  if (outcome.kind === "wait") {
    await releaseSync(claim, { status: "PENDING", nextAttemptAt: outcome.retryAt, attempts: claim.sync.attempts - 1, errorCode: null, errorMessage: outcome.message });
    return;
  }
  await recordPushOutcome(claim, outcome);
}

export const KEPT_FAILING = "QuickBooks Desktop kept failing, so we stopped trying for now. Press Retry to try again.";

/**
 * QuickBooks Desktop was busy, or its answer was lost: the row goes again at a later poll (backoff
 * as on Online), until the automatic attempts are spent; then it waits for a person's Retry.
 */
export async function recordDesktopTrouble(claim: TClaim, code: string, words: string): Promise<void> {
  if (claim.sync.attempts >= MAX_AUTOMATIC_ATTEMPTS) {
    await releaseSync(claim, { status: "FAILED", errorCode: code, errorMessage: KEPT_FAILING });
    return;
  }
  await releaseSync(claim, { status: "PENDING", nextAttemptAt: new Date(Date.now() + getBackoffMs(claim.sync.attempts)), errorCode: code, errorMessage: words });
}
