"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { postPayoutAction, retryPayoutAction } from "@/app/(app)/payouts/actions";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { formatCents } from "@/lib/money";
import type { TPayoutQuickBooksView } from "@/lib/payouts/payout-quickbooks-view";
import { PayoutDepositSection } from "./payout-deposit-section";
import { PayoutPaymentSection } from "./payout-payment-section";
import { isUnsettled, PayoutSyncBadge } from "./payout-sync-badge";

async function readView(payoutId: string): Promise<TPayoutQuickBooksView> {
  const response = await fetch(`/api/payouts/${payoutId}/quickbooks`, { cache: "no-store" });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error((body as { message?: string }).message ?? "Could not read the payout's QuickBooks status.");
  return body as TPayoutQuickBooksView;
}

/** The payout's Payment(s) and Deposit in QuickBooks, live until they settle; Post and Retry for those who may. */
export function PayoutQuickBooksCard({ payoutId, initial }: { payoutId: string; initial: TPayoutQuickBooksView }) {
  const queryClient = useQueryClient();
  const key = ["payout-quickbooks", payoutId];
  const { data: view } = useQuery({
    queryKey: key,
    initialData: initial,
    queryFn: () => readView(payoutId),
    refetchInterval: (current) => (isUnsettled(current.state.data?.sync) ? 700 : 5000),
  });
  const act = useMutation({
    mutationFn: async (action: "post" | "retry") => {
      const result = action === "post" ? await postPayoutAction(payoutId) : await retryPayoutAction(payoutId);
      if (!result.ok) throw new Error(result.message);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: key }),
  });
  const { sync } = view;
  return (
    <Card title="QuickBooks" actions={<PayoutSyncBadge sync={sync} />}>
      <div className="space-y-4 text-sm" data-testid="payout-quickbooks">
        {act.error && (
          <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-red-800">
            {act.error.message}
          </p>
        )}
        {view.explanation && <p className="text-slate-600">{view.explanation}</p>}
        {sync?.payment && <PayoutPaymentSection payment={sync.payment} />}
        {sync?.deposit && <PayoutDepositSection deposit={sync.deposit} bankAccountName={view.bankAccountName} />}
        {!sync?.deposit && view.deductionsCents > 0 && (
          <p className="rounded-md bg-slate-100 px-3 py-2 text-slate-700">
            The deductions ({formatCents(view.deductionsCents)}) are not in QuickBooks: without a deposit, the payment covers the gross, so QuickBooks shows more than reached your bank. Turn on
            payout deposits in the QuickBooks configuration to book them.
          </p>
        )}
        <div className="flex gap-2">
          {view.canPost && (
            <Button onClick={() => act.mutate("post")} disabled={act.isPending}>
              {act.isPending ? "Posting…" : sync ? "Post the deposit to QuickBooks" : "Post to QuickBooks"}
            </Button>
          )}
          {view.canRetry && (
            <Button onClick={() => act.mutate("retry")} disabled={act.isPending}>
              {act.isPending ? "Retrying…" : "Retry"}
            </Button>
          )}
        </div>
      </div>
    </Card>
  );
}
