"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import type { TJobInvoiceView } from "@/lib/invoicing/job-invoice-view";
import { CreateInvoiceDialog } from "./create-invoice-dialog";
import { InvoiceDocument } from "./invoice-document";

const UNSETTLED = new Set(["PENDING", "SYNCING"]);

/** The invoice, its payment, its automatic email (once the invoice is there) or a change to it is still on its way: poll fast until it settles. */
function isUnsettled(view: TJobInvoiceView | undefined): boolean {
  if (view?.state !== "document") return false;
  const isEmailing = view.status === "SYNCED" && view.autoEmail !== null && UNSETTLED.has(view.autoEmail.status);
  return UNSETTLED.has(view.status) || (view.payment !== null && UNSETTLED.has(view.payment.status)) || isEmailing || view.changes.some((change) => UNSETTLED.has(change.status));
}

async function readJson<T>(response: Response): Promise<T> {
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error((body as { message?: string }).message ?? "Something went wrong. Please try again.");
  return body as T;
}

/** The Job Overview's Invoice tab: live while the invoice is on its way, no reload needed. */
export function InvoiceTab({ jobId, initial }: { jobId: string; initial: TJobInvoiceView }) {
  const queryClient = useQueryClient();
  const key = ["job-invoice", jobId];
  const query = useQuery({
    queryKey: key,
    initialData: initial,
    queryFn: async () => readJson<TJobInvoiceView>(await fetch(`/api/jobs/${jobId}/invoice`, { cache: "no-store" })),
    refetchInterval: (current) => (isUnsettled(current.state.data) ? 700 : 5000),
  });
  const act = useMutation({
    mutationFn: async ({ path, body }: { path: string; body?: unknown }) =>
      readJson(await fetch(path, { method: "POST", ...(body === undefined ? {} : { headers: { "content-type": "application/json" }, body: JSON.stringify(body) }) })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: key }),
  });
  const view = query.data;
  return (
    <div className="space-y-4" data-testid="invoice-tab">
      {act.error && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {act.error.message}
        </p>
      )}
      {view.state === "not_configured" || view.state === "not_due" ? (
        <p className="text-sm text-slate-600">{view.message}</p>
      ) : view.state === "can_generate" ? (
        <div className="space-y-2">
          <p className="text-sm text-slate-600">This job was accepted or shipped before QuickBooks was set up, so it has no invoice yet.</p>
          {view.canAct && (
            <Button onClick={() => act.mutate({ path: `/api/jobs/${jobId}/invoice` })} disabled={act.isPending}>
              {act.isPending ? "Starting…" : "Generate Invoice"}
            </Button>
          )}
        </div>
      ) : view.state === "can_create" ? (
        view.canAct ? (
          <CreateInvoiceDialog jobId={jobId} lines={view.lines} defaultItem={view.defaultItem} linkedCustomer={view.linkedCustomer} onCreated={() => void queryClient.invalidateQueries({ queryKey: key })} />
        ) : (
          <p className="text-sm text-slate-600">A bookkeeper, owner or admin can create this job&apos;s invoice.</p>
        )
      ) : (
        <InvoiceDocument jobId={jobId} view={view} act={(path, body) => act.mutate({ path, body })} isPending={act.isPending} onLinked={() => void queryClient.invalidateQueries({ queryKey: key })} />
      )}
    </div>
  );
}
