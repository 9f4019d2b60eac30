"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { retryPayoutPaymentAction } from "@/app/(app)/payouts/actions";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { formatCents } from "@/lib/money";
import type { TPayoutSyncView } from "@/lib/payouts/payout-sync-view";
import { PayoutSyncBadge } from "./payout-sync-badge";

/** The payout's QuickBooks payment: status, what was posted, differences, and Retry on failure. */
export function PayoutQuickBooksCard({ payoutId, sync, canRetry, deductionsCents }: { payoutId: string; sync: TPayoutSyncView | null; canRetry: boolean; deductionsCents: number }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  return (
    <Card title="QuickBooks" actions={<PayoutSyncBadge sync={sync} />}>
      <div className="space-y-3 text-sm" data-testid="payout-quickbooks">
        {!sync && <p className="text-slate-600">No payment is recorded in QuickBooks for this payout (automated payments were off, or QuickBooks was not set up).</p>}
        {sync?.message && <p className={sync.status === "FAILED" ? "text-red-800" : "text-slate-600"}>{sync.message}</p>}
        {sync?.payments.map((payment) => (
          <p key={payment.qboId}>
            Payment {payment.qboId}
            {payment.customerName ? ` to ${payment.customerName}` : ""}: <strong>{formatCents(payment.totalCents)}</strong>
          </p>
        ))}
        {sync && sync.differences.length > 0 && (
          <ul role="note" className="list-disc space-y-1 rounded-md bg-amber-50 py-2 pl-6 pr-3 text-amber-900">
            {sync.differences.map((difference) => (
              <li key={difference}>{difference}</li>
            ))}
          </ul>
        )}
        {deductionsCents > 0 && (
          <p className="rounded-md bg-slate-100 px-3 py-2 text-slate-700">
            Deductions ({formatCents(deductionsCents)}) are not in QuickBooks yet: the payment covers the gross, so the deposit in QuickBooks will be higher than what reached your bank.
          </p>
        )}
        {error && (
          <p role="alert" className="text-red-700">
            {error}
          </p>
        )}
        {sync?.status === "FAILED" && canRetry && (
          <Button
            disabled={isPending}
            onClick={() =>
              startTransition(async () => {
                const result = await retryPayoutPaymentAction(payoutId);
                setError(result.ok ? null : result.message);
                router.refresh();
              })
            }
          >
            {isPending ? "Retrying…" : "Retry"}
          </Button>
        )}
      </div>
    </Card>
  );
}
