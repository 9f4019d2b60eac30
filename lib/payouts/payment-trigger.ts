import type { TTransaction } from "@/lib/db/client";
import { toCalendarDateString } from "@/lib/dates";
import type { TDomainEvent } from "@/lib/events/domain-events";
import { createSync } from "@/lib/sync/create-sync";
import { getActiveIntegration } from "@/lib/sync/integration";
import type { TPaymentPayload } from "./payment-payload";

/** In the payout's transaction: when automated payments are on, owe QuickBooks one payment for it. */
export async function triggerPayoutPayment(tx: TTransaction, event: TDomainEvent): Promise<void> {
  if (!event.payoutId) return;
  const integration = await getActiveIntegration(event.organizationId, tx);
  if (!integration || !integration.configuration.paymentsEnabled || integration.configuration.jobSources === "IN_HOUSE") return;
  const payout = await tx.payout.findUniqueOrThrow({ where: { id: event.payoutId }, include: { lines: { include: { job: { select: { number: true } } } } } });
  const payload: TPaymentPayload = {
    payoutNumber: payout.externalId,
    txnDate: toCalendarDateString(payout.paidAt),
    depositAccountId: integration.configuration.depositAccountId,
    lines: payout.lines.map((line) => ({ jobId: line.jobId, jobNumber: line.job.number, amountCents: line.amountCents })),
  };
  await createSync(tx, {
    organizationId: event.organizationId,
    kind: "PAYMENT",
    payoutId: payout.id,
    realmId: integration.connection.realmId,
    trigger: event.type,
    payload,
    status: integration.connection.status === "CONNECTED" ? "PENDING" : "PAUSED",
  });
}
