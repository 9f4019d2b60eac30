"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { percentDone, ProgressBar } from "@/components/ui/progress-bar";
import type { TRetryAllProgress } from "@/lib/activity/retry-activity";
import { postJson, readJson } from "./fetch-json";

const PATH = "/api/quickbooks/activity/retry-all";

/** *Retry all failed*: one confirmation, then the run's progress, read from its rows (survives a reload). */
export function RetryAllCard({ needsAttention, onProgress }: { needsAttention: number; onProgress: () => void }) {
  const queryClient = useQueryClient();
  const [isConfirming, setIsConfirming] = useState(false);
  const query = useQuery({
    queryKey: ["quickbooks-retry-all"],
    queryFn: async () => readJson<{ progress: TRetryAllProgress }>(await fetch(PATH, { cache: "no-store" })),
    refetchInterval: (current) => (current.state.data?.progress && !current.state.data.progress.isFinished ? 1000 : 10_000),
  });
  const start = useMutation({
    mutationFn: () => postJson(PATH, { action: "start" }),
    onSuccess: () => setIsConfirming(false),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: ["quickbooks-retry-all"] });
      onProgress();
    },
  });
  const progress = query.data?.progress ?? null;
  const isRunning = !!progress && !progress.isFinished;
  const progressKey = progress ? `${progress.done}/${progress.failed}` : "";
  useEffect(() => {
    if (progressKey) onProgress();
  }, [progressKey, onProgress]);
  const percent = percentDone(progress);
  if (!isRunning && needsAttention === 0 && !progress) return null;
  return (
    <div className="space-y-3 rounded-lg bg-white px-5 py-4 text-sm shadow-sm ring-1 ring-slate-200" data-testid="retry-all">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p data-testid="needs-attention">
          {needsAttention === 0 ? "Nothing needs attention." : <><strong>{needsAttention}</strong> {needsAttention === 1 ? "document needs" : "documents need"} attention.</>}
        </p>
        {needsAttention > 0 && !isRunning && (
          <Button onClick={() => setIsConfirming(true)}>Retry all failed</Button>
        )}
      </div>
      {progress && (
        <div className="space-y-1">
          <p data-testid="retry-all-progress">
            {isRunning ? "Retrying…" : "Last Retry all"}: {progress.done} of {progress.total} in QuickBooks{progress.failed ? `, ${progress.failed} failed again` : ""}
          </p>
          <ProgressBar percent={percent} label="Retry all progress" />
        </div>
      )}
      {start.error && (
        <p role="alert" className="text-red-700">
          {start.error.message}
        </p>
      )}
      <Dialog open={isConfirming} onOpenChange={setIsConfirming} title="Retry all failed documents?" description={`Workcenter sends the ${needsAttention} failed ${needsAttention === 1 ? "document" : "documents"} again. Each is first looked up in QuickBooks, so nothing is created twice.`}>
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={() => setIsConfirming(false)}>
            Cancel
          </Button>
          <Button onClick={() => start.mutate()} disabled={start.isPending}>
            {start.isPending ? "Retrying…" : `Retry ${needsAttention}`}
          </Button>
        </div>
      </Dialog>
    </div>
  );
}
