import { notFound } from "next/navigation";
import { PayoutLinesCard } from "@/components/payouts/payout-lines-card";
import { PayoutQuickBooksCard } from "@/components/payouts/payout-quickbooks-card";
import { PayoutTypeBadge } from "@/components/payouts/payout-sync-badge";
import { PayoutTotalsCard } from "@/components/payouts/payout-totals-card";
import { PageHeader } from "@/components/ui/card";
import { requirePageSession } from "@/lib/auth/current";
import { formatCalendarDate } from "@/lib/dates";
import { AppError } from "@/lib/errors";
import { getPayoutQuickBooksView } from "@/lib/payouts/payout-quickbooks-view";
import { getPayout } from "@/lib/payouts/queries";

async function load<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

export default async function PayoutPage({ params }: { params: Promise<{ payoutId: string }> }) {
  const session = await requirePageSession();
  const { payoutId } = await params;
  const payout = await load(() => getPayout(session.organizationId, payoutId));
  const quickBooks = await load(() => getPayoutQuickBooksView(session, payout.id));
  const kind = payout.type === "FASTPAY" ? "FastPay payout: jobs paid early, for a fee" : "Weekly payout";
  return (
    <>
      <PageHeader
        title={`Payout ${payout.externalId}`}
        description={`${kind} · paid ${formatCalendarDate(payout.paidAt)}${payout.source === "SIMULATED" ? " · simulated" : ""}`}
        actions={<PayoutTypeBadge type={payout.type} />}
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <PayoutLinesCard payout={payout} />
        <PayoutTotalsCard payout={payout} />
        <div className="lg:col-span-3">
          <PayoutQuickBooksCard payoutId={payout.id} initial={quickBooks} />
        </div>
      </div>
    </>
  );
}
