"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { postJson, readJson } from "@/components/activity/fetch-json";
import { buttonClass } from "@/components/ui/button";
import type { TNotice } from "@/lib/notifications/notices";

const QUERY_KEY = ["notifications"];

/**
 * The app shell's notices for owners and admins (a connection to reconnect, documents that need a
 * person): read again every 10 s, so one appears, counts up and turns resolved by itself; Dismiss
 * hides it for the shop.
 */
export function NoticesArea() {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: QUERY_KEY,
    queryFn: async () => readJson<{ notices: TNotice[] }>(await fetch("/api/notifications", { cache: "no-store" })),
    refetchInterval: 10_000,
  });
  const dismiss = useMutation({
    mutationFn: (notificationId: string) => postJson("/api/notifications/dismiss", { notificationId }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: QUERY_KEY }),
  });
  const notices = query.data?.notices ?? [];
  if (notices.length === 0 && !dismiss.error) return null;
  return (
    <section aria-label="Notices" className="mx-auto max-w-6xl space-y-2 px-6 pt-4">
      {dismiss.error && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {dismiss.error.message}
        </p>
      )}
      {notices.map((notice) => (
        <div
          key={notice.id}
          data-testid="notice"
          data-kind={notice.kind}
          className={`flex flex-wrap items-start justify-between gap-3 rounded-md px-4 py-3 text-sm ring-1 ${notice.resolvedAt ? "bg-slate-50 text-slate-700 ring-slate-200" : "bg-amber-50 text-amber-950 ring-amber-200"}`}
        >
          <div className="min-w-0 flex-1">
            <p className="font-medium">
              {notice.resolvedAt && <span className="mr-2 rounded bg-emerald-100 px-1.5 py-0.5 text-xs font-semibold text-emerald-800">Resolved</span>}
              {notice.title}
            </p>
            <p className="mt-0.5">{notice.message}</p>
          </div>
          <div className="flex items-center gap-2">
            <Link href={notice.href} className={buttonClass("secondary")}>
              {notice.linkLabel}
            </Link>
            <button type="button" className={buttonClass("ghost")} onClick={() => dismiss.mutate(notice.id)} disabled={dismiss.isPending} aria-label={`Dismiss: ${notice.title}`}>
              Dismiss
            </button>
          </div>
        </div>
      ))}
    </section>
  );
}
