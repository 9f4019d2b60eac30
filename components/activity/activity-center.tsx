"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { buttonClass } from "@/components/ui/button";
import { Pager } from "@/components/ui/pager";
import type { TActivityPage } from "@/lib/activity/list-activity";
import { ActivityTable } from "./activity-table";
import { postJson, readJson } from "./fetch-json";
import { RetryAllCard } from "./retry-all-card";

const UNSETTLED = new Set(["PENDING", "SYNCING"]);

/**
 * The QuickBooks activity list, live while open: the page shown is read again every few seconds
 * (fast while a row on it is on its way). `filters` is the query string without the cursor.
 */
export function ActivityCenter({ initial, filters, cursor }: { initial: TActivityPage; filters: string; cursor: string | null }) {
  const queryClient = useQueryClient();
  const pageQuery = [filters, cursor ? `cursor=${encodeURIComponent(cursor)}` : ""].filter(Boolean).join("&");
  const query = useQuery({
    queryKey: ["quickbooks-activity", pageQuery],
    initialData: initial,
    queryFn: async () => readJson<TActivityPage>(await fetch(`/api/quickbooks/activity?${pageQuery}`, { cache: "no-store" })),
    refetchInterval: (current) => (current.state.data?.rows.some((row) => UNSETTLED.has(row.status)) ? 1000 : 5000),
  });
  const retry = useMutation({
    mutationFn: (syncId: string) => postJson("/api/quickbooks/activity/retry", { syncId }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ["quickbooks-activity"] }),
  });
  const refresh = useCallback(() => void queryClient.invalidateQueries({ queryKey: ["quickbooks-activity"] }), [queryClient]);
  const page = query.data;
  return (
    <div className="space-y-4">
      <RetryAllCard needsAttention={page.needsAttention} onProgress={refresh} />
      {retry.error && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {retry.error.message}
        </p>
      )}
      <section className="rounded-lg bg-white px-5 py-4 shadow-sm ring-1 ring-slate-200" data-testid="activity-list">
        <ActivityTable rows={page.rows} onRetry={(syncId) => retry.mutate(syncId)} retryingId={retry.isPending ? (retry.variables ?? null) : null} />
        <div className="mt-4 flex justify-end">
          <a href={`/api/quickbooks/activity/export?${filters}`} className={buttonClass("secondary")} download>
            Export CSV
          </a>
        </div>
        <Pager filters={filters} cursor={cursor} nextCursor={page.nextCursor} />
      </section>
    </div>
  );
}
