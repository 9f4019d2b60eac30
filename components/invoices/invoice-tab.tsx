"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Badge } from "@/components/ui/badge";
import { Button, buttonClass } from "@/components/ui/button";
import { formatCalendarDate } from "@/lib/dates";
import type { TJobInvoiceView } from "@/lib/invoicing/job-invoice-view";
import { formatCents } from "@/lib/money";
import { CreateInvoiceDialog } from "./create-invoice-dialog";

const UNSETTLED = new Set(["PENDING", "SYNCING"]);

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
    refetchInterval: (current) => {
      const view = current.state.data;
      return view?.state === "document" && (UNSETTLED.has(view.status) || (view.payment && UNSETTLED.has(view.payment.status))) ? 700 : 5000;
    },
  });
  const act = useMutation({
    mutationFn: async (path: string) => readJson(await fetch(path, { method: "POST" })),
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
            <Button onClick={() => act.mutate(`/api/jobs/${jobId}/invoice`)} disabled={act.isPending}>
              {act.isPending ? "Starting…" : "Generate Invoice"}
            </Button>
          )}
        </div>
      ) : view.state === "can_create" ? (
        view.canAct ? (
          <CreateInvoiceDialog jobId={jobId} lines={view.lines} defaultItem={view.defaultItem} onCreated={() => void queryClient.invalidateQueries({ queryKey: key })} />
        ) : (
          <p className="text-sm text-slate-600">A bookkeeper, owner or admin can create this job&apos;s invoice.</p>
        )
      ) : (
        <DocumentStatus jobId={jobId} view={view} onRetry={() => act.mutate(`/api/jobs/${jobId}/invoice/retry`)} isRetrying={act.isPending} />
      )}
    </div>
  );
}

function DocumentStatus({ jobId, view, onRetry, isRetrying }: { jobId: string; view: Extract<TJobInvoiceView, { state: "document" }>; onRetry: () => void; isRetrying: boolean }) {
  if (view.status === "PENDING" || view.status === "SYNCING") {
    return (
      <p role="status" className="flex items-center gap-2 text-sm text-slate-700">
        <span className="inline-block h-3 w-3 animate-spin rounded-full border-2 border-brand-600 border-t-transparent" aria-hidden />
        Generating… {view.message && <span className="text-slate-500">({view.message})</span>}
      </p>
    );
  }
  if (view.status === "FAILED" || view.status === "PAUSED" || view.status === "SKIPPED") {
    const tone = view.status === "FAILED" ? "bg-red-50 text-red-800" : "bg-amber-50 text-amber-900";
    return (
      <div role="alert" className={`space-y-2 rounded-md px-4 py-3 text-sm ${tone}`}>
        <p className="font-medium">{view.status === "FAILED" ? "The invoice could not be created." : view.status === "PAUSED" ? "Waiting for QuickBooks." : "No invoice was created."}</p>
        {view.message && <p>{view.message}</p>}
        {view.canRetry && (
          <Button onClick={onRetry} disabled={isRetrying}>
            {isRetrying ? "Retrying…" : "Retry"}
          </Button>
        )}
      </div>
    );
  }
  return (
    <div className="space-y-3">
      <dl className="grid grid-cols-3 gap-y-2 text-sm">
        <dt className="text-slate-500">Invoice number</dt>
        <dd className="col-span-2 font-medium" data-testid="invoice-number">
          {view.number ?? "—"}
        </dd>
        <dt className="text-slate-500">Invoice date</dt>
        <dd className="col-span-2">{view.txnDate ? formatCalendarDate(new Date(`${view.txnDate}T00:00:00Z`)) : "—"}</dd>
        <dt className="text-slate-500">Amount</dt>
        <dd className="col-span-2 tabular-nums">{view.totalCents === null ? "—" : formatCents(view.totalCents)}</dd>
        <dt className="text-slate-500">Customer</dt>
        <dd className="col-span-2">{view.customerName ?? "—"}</dd>
        <dt className="text-slate-500">Payment</dt>
        <dd className="col-span-2" data-testid="invoice-payment">
          <PaymentState payment={view.payment} />
        </dd>
      </dl>
      {view.driftReason && (
        <p role="alert" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {view.driftReason}
        </p>
      )}
      {view.canDownload && (
        <a href={`/api/jobs/${jobId}/invoice/pdf`} className={buttonClass("secondary")} download>
          Download PDF
        </a>
      )}
    </div>
  );
}

function PaymentState({ payment }: { payment: Extract<TJobInvoiceView, { state: "document" }>["payment"] }) {
  if (!payment) return <span className="text-slate-500">Not paid yet</span>;
  if (payment.status === "SYNCED") {
    return (
      <span className="flex items-center gap-2">
        <Badge tone="green">Paid</Badge>
        {payment.amountCents !== null && formatCents(payment.amountCents)}
        {payment.txnDate && ` on ${formatCalendarDate(new Date(`${payment.txnDate}T00:00:00Z`))}`}
      </span>
    );
  }
  if (payment.status === "PENDING" || payment.status === "SYNCING") return <span>Recording the payout in QuickBooks…</span>;
  return <span className="text-amber-800">{payment.message ?? "The payout's payment needs attention on the Payouts page."}</span>;
}
