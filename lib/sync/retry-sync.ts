import { ensureCan, type TActor } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import { enqueuePushSync } from "@/lib/queue/tasks";
import { REALM_CHANGED } from "./realm-change";

/** The error code of a row that waits for a person's choice rather than a Retry. */
export const WAITING_FOR_A_CHOICE = "CUSTOMER_NOT_LINKED";
import { rebaseOnCurrentCompany } from "./rebase-sync";

/**
 * A person's Retry of a failed document. A new requestid generation, so QuickBooks does not replay
 * the old failure; the pusher still looks for an earlier success by marker first. A document meant
 * for a previous company is re-aimed at the current one first (the person's Retry is the consent).
 * `retryRunId`: the Retry of many it belongs to, marked in the same update, so its invoices share
 * QuickBooks batch requests from their first try.
 */
export async function retrySync(actor: TActor, syncId: string, options: { retryRunId?: string } = {}): Promise<void> {
  ensureCan(actor, "invoices.manage");
  const sync = await db.quickBooksSync.findFirst({ where: { id: syncId, organizationId: actor.organizationId } });
  if (!sync) throw notFound("This QuickBooks document");
  if (sync.status !== "FAILED") throw new AppError("CONFLICT", sync.status === "SYNCED" ? "It is already in QuickBooks." : "It is already being sent.");
  // Waiting for a person's choice (e.g. the QuickBooks customer of an in-house job): a Retry would only be refused again.
  if (sync.errorCode === WAITING_FOR_A_CHOICE) throw new AppError("CONFLICT", sync.errorMessage ?? "Make the choice this document waits for first.");
  const rebased = sync.errorCode === REALM_CHANGED ? await rebaseOnCurrentCompany(sync) : {};
  const updated = await db.quickBooksSync.updateMany({
    where: { id: sync.id, status: "FAILED" },
    data: { status: "PENDING", generation: { increment: 1 }, attempts: 0, errorCode: null, errorMessage: null, nextAttemptAt: null, ...rebased, ...(options.retryRunId ? { retryRunId: options.retryRunId } : {}) },
  });
  if (updated.count === 1) await enqueuePushSync(sync.id);
}
