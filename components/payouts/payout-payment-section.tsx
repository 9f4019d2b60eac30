import { Badge } from "@/components/ui/badge";
import { formatCents } from "@/lib/money";
import type { TPaymentView } from "@/lib/payouts/payout-sync-view";
import { SYNC_LABELS } from "./payout-sync-badge";

/** The payout's Payment(s) into Undeposited Funds: QuickBooks ids, amounts, and differences worth a look. */
export function PayoutPaymentSection({ payment }: { payment: TPaymentView }) {
  const { label, tone } = SYNC_LABELS[payment.status];
  return (
    <section aria-labelledby="payout-payment-heading" className="space-y-2" data-testid="payout-payment">
      <h3 id="payout-payment-heading" className="flex items-center gap-2 text-sm font-semibold text-slate-900">
        Payment <Badge tone={tone}>{label}</Badge>
      </h3>
      {payment.status !== "SYNCED" && payment.message && <p className={payment.status === "FAILED" ? "text-red-800" : "text-slate-600"}>{payment.message}</p>}
      {payment.payments.map((posted) => (
        <p key={posted.qboId}>
          Payment {posted.qboId}
          {posted.customerName ? ` to ${posted.customerName}` : ""}: <strong className="tabular-nums">{formatCents(posted.totalCents)}</strong>
          <span className="text-slate-500"> · the gross, into Undeposited Funds</span>
        </p>
      ))}
      {payment.differences.length > 0 && (
        <ul role="note" className="list-disc space-y-1 rounded-md bg-amber-50 py-2 pl-6 pr-3 text-amber-900">
          {payment.differences.map((difference) => (
            <li key={difference}>{difference}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
