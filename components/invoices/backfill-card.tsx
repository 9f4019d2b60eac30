"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { formatCalendarDate } from "@/lib/dates";
import { formatCents } from "@/lib/money";
import { percentDone, ProgressBar } from "@/components/ui/progress-bar";

type TBackfill = {
  preview: { count: number; jobs: { id: string; number: string; txnDate: string; amountCents: number }[] };
  progress: { runId: string; total: number; done: number; failed: number; paused: number; isFinished: boolean } | null;
};

/** Bulk backfill: earlier jobs without an invoice → preview → Generate all, with progress that survives a reload. */
export function BackfillCard() {
  const queryClient = useQueryClient();
  const [isPreviewOpen, setIsPreviewOpen] = useState(false);
  const query = useQuery({
    queryKey: ["backfill"],
    queryFn: async () => {
      const response = await fetch("/api/integrations/quickbooks/backfill", { cache: "no-store" });
      const body = await response.json();
      if (!response.ok) throw new Error(body.message ?? "Could not read the backfill.");
      return body as TBackfill;
    },
    refetchInterval: (current) => (current.state.data?.progress && !current.state.data.progress.isFinished ? 1000 : 10_000),
  });
  const act = useMutation({
    mutationFn: async (action: "start" | "retry-failed") => {
      const response = await fetch("/api/integrations/quickbooks/backfill", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ action }) });
      const body = await response.json();
      if (!response.ok) throw new Error(body.message ?? "Could not start.");
      return body;
    },
    onSuccess: () => setIsPreviewOpen(false),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ["backfill"] }),
  });
  const data = query.data;
  if (!data) return null;
  const { preview, progress } = data;
  const isRunning = progress && !progress.isFinished;
  if (!progress && preview.count === 0) return null;
  const percent = percentDone(progress);
  return (
    <Card title="Earlier jobs" className="mt-6">
      <div className="space-y-4" data-testid="backfill">
        {act.error && (
          <p role="alert" className="text-sm text-red-700">
            {act.error.message}
          </p>
        )}
        {progress && (
          <div className="space-y-1">
            <div className="flex justify-between text-sm">
              <span>{isRunning ? "Generating invoices within QuickBooks' limits…" : "Last backfill"}</span>
              <span data-testid="backfill-count">
                {progress.done} of {progress.total} invoiced{progress.failed ? `, ${progress.failed} failed` : ""}
              </span>
            </div>
            <ProgressBar percent={percent} label="Backfill progress" />
            {progress.failed > 0 && !isRunning && (
              <Button variant="secondary" onClick={() => act.mutate("retry-failed")} disabled={act.isPending}>
                Retry failed
              </Button>
            )}
          </div>
        )}
        {preview.count > 0 && !isRunning && (
          <div className="space-y-3">
            <p className="text-sm">
              <strong>{preview.count}</strong> earlier {preview.count === 1 ? "job has" : "jobs have"} no invoice.
            </p>
            {isPreviewOpen ? (
              <>
                <div className="max-h-64 overflow-y-auto rounded-md ring-1 ring-slate-200">
                  <table className="w-full text-left text-sm">
                    <thead className="sticky top-0 bg-slate-50 text-xs uppercase text-slate-500">
                      <tr>
                        <th className="px-3 py-2">Job</th>
                        <th className="px-3 py-2">Invoice date</th>
                        <th className="px-3 py-2 text-right">Amount</th>
                      </tr>
                    </thead>
                    <tbody className="divide-y divide-slate-100">
                      {preview.jobs.map((job) => (
                        <tr key={job.id}>
                          <td className="px-3 py-1.5">{job.number}</td>
                          <td className="px-3 py-1.5">{formatCalendarDate(new Date(`${job.txnDate}T00:00:00Z`))}</td>
                          <td className="px-3 py-1.5 text-right tabular-nums">{formatCents(job.amountCents)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
                <Button onClick={() => act.mutate("start")} disabled={act.isPending}>
                  {act.isPending ? "Starting…" : `Generate all (${preview.count})`}
                </Button>
              </>
            ) : (
              <Button variant="secondary" onClick={() => setIsPreviewOpen(true)}>
                Preview
              </Button>
            )}
          </div>
        )}
      </div>
    </Card>
  );
}
