"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { percentDone, ProgressBar } from "@/components/ui/progress-bar";
import type { TPayoutPostingState } from "@/lib/payouts/payout-posting-state";

const PATH = "/api/payouts/posting";

async function readJson<T>(response: Response): Promise<T> {
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error((body as { message?: string }).message ?? "Something went wrong. Please try again.");
  return body as T;
}

/** Earlier payouts (recorded before payments or deposits were on) → Post all, with progress that survives a reload. */
export function PayoutsPostingCard() {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: ["payout-posting"],
    queryFn: async () => readJson<TPayoutPostingState>(await fetch(PATH, { cache: "no-store" })),
    refetchInterval: (current) => (current.state.data?.progress && !current.state.data.progress.isFinished ? 1000 : 10_000),
  });
  const start = useMutation({
    mutationFn: async () => readJson(await fetch(PATH, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ action: "start" }) })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ["payout-posting"] }),
  });
  if (!query.data) return null;
  const { count, progress } = query.data;
  const isRunning = progress && !progress.isFinished;
  if (!progress && count === 0) return null;
  const percent = percentDone(progress);
  return (
    <Card title="Earlier payouts" className="mb-6">
      <div className="space-y-4 text-sm" data-testid="payout-posting">
        {start.error && (
          <p role="alert" className="text-red-700">
            {start.error.message}
          </p>
        )}
        {progress && (
          <div className="space-y-1">
            <div className="flex justify-between">
              <span>{isRunning ? "Posting payments and deposits within QuickBooks' limits…" : "Last run"}</span>
              <span data-testid="payout-posting-count">
                {progress.done} of {progress.total} documents posted{progress.failed ? `, ${progress.failed} need attention` : ""}
              </span>
            </div>
            <ProgressBar percent={percent} label="Posting progress" />
            {progress.failed > 0 && !isRunning && <p className="text-slate-600">Payouts marked Needs attention below say why on their page, with a Retry.</p>}
          </div>
        )}
        {count > 0 && !isRunning && (
          <div className="flex flex-wrap items-center justify-between gap-3">
            <p>
              <strong>{count}</strong> earlier {count === 1 ? "payout lacks" : "payouts lack"} the payment or deposit your QuickBooks configuration now asks for (recorded before it was turned on).
            </p>
            <Button onClick={() => start.mutate()} disabled={start.isPending}>
              {start.isPending ? "Starting…" : `Post all (${count})`}
            </Button>
          </div>
        )}
      </div>
    </Card>
  );
}
