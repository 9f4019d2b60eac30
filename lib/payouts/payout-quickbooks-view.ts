import { can, type TActor } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { getActiveIntegration } from "@/lib/sync/integration";
import { toPayoutSyncView, type TPayoutSyncView } from "./payout-sync-view";

export type TPayoutQuickBooksView = {
  sync: TPayoutSyncView | null;
  /** The bank account the deposit goes to, when it is still the one configured. */
  bankAccountName: string | null;
  deductionsCents: number;
  /** The configuration asks for a payment or deposit this payout does not have (recorded before it was turned on). */
  canPost: boolean;
  canRetry: boolean;
  /** Why nothing is in QuickBooks, when nothing is. */
  explanation: string | null;
};

/** The payout's QuickBooks card, for this member of its organization (another shop's payout is not found). */
export async function getPayoutQuickBooksView(actor: TActor, payoutId: string): Promise<TPayoutQuickBooksView> {
  const payout = await db.payout.findFirst({
    where: { id: payoutId, organizationId: actor.organizationId },
    select: { deductionsCents: true, syncs: true, lines: { where: { paidEarlierByPayoutId: null }, select: { id: true }, take: 1 } },
  });
  if (!payout) throw notFound("This payout");
  const sync = toPayoutSyncView(payout.syncs.filter((row) => row.kind !== "INVOICE"));
  const configuration = (await getActiveIntegration(actor.organizationId))?.configuration;
  const isPaying = !!configuration?.paymentsEnabled && configuration.jobSources !== "IN_HOUSE";
  const lacksPayment = !sync?.payment && payout.lines.length > 0;
  const lacksDeposit = !!configuration?.depositsEnabled && !sync?.deposit;
  const mayPost = can(actor.role, "invoices.manage");
  return {
    sync,
    bankAccountName: configuration && sync?.deposit?.bankAccountId === configuration.bankAccountId ? configuration.bankAccountName : null,
    deductionsCents: payout.deductionsCents,
    canPost: mayPost && isPaying && (lacksPayment || lacksDeposit),
    canRetry: mayPost && sync?.status === "FAILED",
    explanation: sync
      ? null
      : !configuration
        ? "Nothing is in QuickBooks for this payout: QuickBooks is not connected and set up."
        : isPaying
          ? "Nothing is in QuickBooks for this payout yet: it was recorded before automated payments were turned on."
          : "Nothing is in QuickBooks for this payout: automated payments are off in the QuickBooks configuration.",
  };
}
