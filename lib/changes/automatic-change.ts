import type { TTransaction } from "@/lib/db/client";
import type { TDomainEvent } from "@/lib/events/domain-events";
import type { QuickBooksSync } from "@/lib/generated/prisma/client";
import { getActiveIntegration } from "@/lib/sync/integration";
import { decideInvoiceChange } from "./decide-change";
import { loadInvoiceChangeState } from "./invoice-change-state";
import { writeChange } from "./write-change";

/**
 * In the re-price's or cancellation's own transaction (the job row is held by it): when the
 * configuration says "Update QuickBooks automatically" and the invoice is unpaid as last known,
 * the update or void is written right away, authorized by that configuration. The pusher checks
 * QuickBooks again and touches nothing paid. Paid invoices (credit memo, second invoice) always
 * wait for a person, and nothing is ever deleted.
 */
export async function onJobChangedAutomatically(tx: TTransaction, event: TDomainEvent): Promise<void> {
  if (!event.jobId) return;
  const integration = await getActiveIntegration(event.organizationId, tx);
  if (!integration || integration.configuration.changePolicy !== "AUTOMATIC") return;
  let state = await loadInvoiceChangeState(tx, event.organizationId, event.jobId);
  if (state?.inFlight) {
    if (!(await setAsideUnsent(tx, state.inFlight))) return;
    state = await loadInvoiceChangeState(tx, event.organizationId, event.jobId);
  }
  const decision = state && decideInvoiceChange(state);
  if (!state || !decision || decision.isPaid || decision.blockedReason) return;
  if (decision.action !== "update" && decision.action !== "void") return;
  await writeChange(tx, state, decision, { by: "automatic", configuration: integration.configuration });
}

/**
 * An automatic change not sent yet (never attempted) is replaced when the job changes again, so
 * QuickBooks gets the latest price once; anything possibly sent waits for a person instead.
 */
async function setAsideUnsent(tx: TTransaction, change: QuickBooksSync): Promise<boolean> {
  if (change.authorizedBy !== "automatic") return false;
  const replaced = await tx.quickBooksSync.updateMany({
    where: { id: change.id, status: { in: ["PENDING", "PAUSED"] }, attempts: 0, generation: 0 },
    data: { status: "SKIPPED", errorCode: null, errorMessage: "Not sent: the job changed again before it went out, and a newer change replaces it." },
  });
  return replaced.count === 1;
}
