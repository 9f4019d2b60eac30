import type { TTransaction } from "@/lib/db/client";
import { toCalendarDateString } from "@/lib/dates";
import type { TDomainEvent } from "@/lib/events/domain-events";
import { createSync } from "@/lib/sync/create-sync";
import { getActiveIntegration } from "@/lib/sync/integration";
import { buildDepositPayload } from "./deposit-payload";
import type { TPaymentPayload } from "./payment-payload";

type TOptions = { trigger: string; backfillRunId?: string };

/**
 * The payout's QuickBooks documents under the current configuration, in the caller's transaction:
 * with automated payments on, one payment for the lines not paid earlier by FastPay; with deposits
 * on, one deposit for the whole payout. Each row is unique per payout, so calling again adds nothing.
 * Returns how many rows were added.
 */
export async function queuePayoutDocuments(tx: TTransaction, organizationId: string, payoutId: string, options: TOptions): Promise<number> {
  const integration = await getActiveIntegration(organizationId, tx);
  const configuration = integration?.configuration;
  if (!integration || !configuration?.paymentsEnabled || configuration.jobSources === "IN_HOUSE") return 0;
  const payout = await loadPayout(tx, organizationId, payoutId);
  const txnDate = toCalendarDateString(payout.paidAt);
  const common = { organizationId, payoutId, realmId: integration.connection.realmId, trigger: options.trigger, backfillRunId: options.backfillRunId, status: integration.connection.status === "CONNECTED" ? ("PENDING" as const) : ("PAUSED" as const) };
  let added = 0;
  const toPay = payout.lines.filter((line) => !line.paidEarlierByPayoutId);
  if (toPay.length) {
    const payload: TPaymentPayload = {
      payoutNumber: payout.externalId,
      txnDate,
      depositAccountId: configuration.depositAccountId,
      lines: toPay.map((line) => ({ jobId: line.jobId, jobNumber: line.job.number, amountCents: line.amountCents })),
    };
    if ((await createSync(tx, { ...common, kind: "PAYMENT", payload })).isNew) added += 1;
  }
  if (configuration.depositsEnabled) {
    const payload = buildDepositPayload(payout, txnDate, configuration);
    if ((await createSync(tx, { ...common, kind: "DEPOSIT", payload })).isNew) added += 1;
  }
  return added;
}

async function loadPayout(tx: TTransaction, organizationId: string, payoutId: string) {
  const payout = await tx.payout.findFirstOrThrow({
    where: { id: payoutId, organizationId },
    include: {
      lines: { include: { job: { select: { number: true } } } },
      deductions: { include: { job: { select: { number: true } } } },
    },
  });
  const earlier = await tx.payout.findMany({ where: { id: { in: payout.lines.flatMap((line) => line.paidEarlierByPayoutId ?? []) } }, select: { id: true, externalId: true } });
  const earlierNumber = new Map(earlier.map((other) => [other.id, other.externalId]));
  const lines = payout.lines.map((line) => ({ ...line, paidEarlierBy: line.paidEarlierByPayoutId ? (earlierNumber.get(line.paidEarlierByPayoutId) ?? "an earlier payout") : null }));
  return { ...payout, lines };
}

/**
 * Before a person's Retry: a deposit not yet made takes the accounts configured now (the Retry is
 * the consent; fixing an account in the configuration is how a person answers "needs attention").
 */
export async function refreshDepositAccounts(tx: TTransaction, organizationId: string, payoutId: string): Promise<void> {
  const configuration = await tx.quickBooksConfiguration.findUnique({ where: { organizationId } });
  if (!configuration) return;
  const payout = await loadPayout(tx, organizationId, payoutId);
  const payload = buildDepositPayload(payout, toCalendarDateString(payout.paidAt), configuration);
  await tx.quickBooksSync.updateMany({ where: { organizationId, payoutId, kind: "DEPOSIT", status: { in: ["FAILED", "PENDING"] } }, data: { payload } });
}

/** In the payout's transaction: its payment and deposit, as configured. */
export async function triggerPayoutPayment(tx: TTransaction, event: TDomainEvent): Promise<void> {
  if (!event.payoutId) return;
  await queuePayoutDocuments(tx, event.organizationId, event.payoutId, { trigger: event.type });
}
