import { Button, buttonClass } from "@/components/ui/button";
import { formatCalendarDate } from "@/lib/dates";
import type { TJobInvoiceView } from "@/lib/invoicing/job-invoice-view";
import { formatCents } from "@/lib/money";
import { ChangeDecision } from "./change-decision";
import { ChangeList } from "./change-list";
import { InvoiceEmail } from "./invoice-email";
import { InvoiceNeedsCustomer } from "./invoice-needs-customer";
import { InvoicePaymentState, InvoiceQuickBooksState } from "./invoice-payment-state";
import { InvoiceTermsRows } from "./invoice-terms";

type TDocumentView = Extract<TJobInvoiceView, { state: "document" }>;
export type TInvoiceAct = (path: string, body?: unknown) => void;

/** The job's invoice: its status on the way to QuickBooks, then what QuickBooks holds, the decision it waits for and its changes. */
export function InvoiceDocument({ jobId, view, act, isPending, onLinked }: { jobId: string; view: TDocumentView; act: TInvoiceAct; isPending: boolean; onLinked: () => void }) {
  const base = `/api/jobs/${jobId}/invoice`;
  return (
    <div className="space-y-4">
      <InvoiceStatus view={view} jobId={jobId} act={act} isPending={isPending} onLinked={onLinked} />
      {view.decision && (
        <ChangeDecision
          decision={view.decision}
          isPending={isPending}
          onAuthorize={() => act(`${base}/changes`, { action: view.decision!.action, fromCents: view.decision!.fromCents, toCents: view.decision!.toCents })}
        />
      )}
      <ChangeList changes={view.changes} isPending={isPending} onRetry={(changeId) => act(`${base}/changes/retry`, { changeId })} />
    </div>
  );
}

function InvoiceStatus({ jobId, view, act, isPending, onLinked }: { jobId: string; view: TDocumentView; act: TInvoiceAct; isPending: boolean; onLinked: () => void }) {
  if (view.status === "PENDING" || view.status === "SYNCING") {
    return (
      <p role="status" className="flex items-center gap-2 text-sm text-slate-700">
        <span className="inline-block h-3 w-3 animate-spin rounded-full border-2 border-brand-600 border-t-transparent" aria-hidden />
        Generating… {view.message && <span className="text-slate-500">({view.message})</span>}
      </p>
    );
  }
  if (view.needsCustomer) return <InvoiceNeedsCustomer needsCustomer={view.needsCustomer} message={view.message} onLinked={onLinked} />;
  if (view.status === "FAILED" || view.status === "PAUSED" || view.status === "SKIPPED") {
    const tone = view.status === "FAILED" ? "bg-red-50 text-red-800" : "bg-amber-50 text-amber-900";
    return (
      <div role="alert" className={`space-y-2 rounded-md px-4 py-3 text-sm ${tone}`}>
        <p className="font-medium">{view.status === "FAILED" ? "The invoice could not be created." : view.status === "PAUSED" ? "Waiting for QuickBooks." : "No invoice was created."}</p>
        {view.message && <p>{view.message}</p>}
        {view.canRetry && (
          <Button onClick={() => act(`/api/jobs/${jobId}/invoice/retry`)} disabled={isPending}>
            {isPending ? "Retrying…" : "Retry"}
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
        <InvoiceTermsRows view={view} />
        <dt className="text-slate-500">Amount</dt>
        <dd className="col-span-2 tabular-nums" data-testid="invoice-amount">
          {view.totalCents === null ? "—" : formatCents(view.totalCents)}
        </dd>
        <dt className="text-slate-500">Customer</dt>
        <dd className="col-span-2">{view.customerName ?? "—"}</dd>
        <dt className="text-slate-500">Payment</dt>
        <dd className="col-span-2" data-testid="invoice-payment">
          <InvoicePaymentState payment={view.payment} status={view.paymentStatus} />
        </dd>
        <dt className="text-slate-500">In QuickBooks</dt>
        <dd className="col-span-2" data-testid="invoice-quickbooks-state">
          <InvoiceQuickBooksState view={view} />
        </dd>
      </dl>
      {view.driftReason && (
        <p role="alert" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {view.driftReason}
        </p>
      )}
      <div className="flex flex-wrap gap-3">
        {view.canCreateAgain && (
          <Button onClick={() => act(`/api/jobs/${jobId}/invoice/create-again`)} disabled={isPending}>
            {isPending ? "Starting…" : "Create again"}
          </Button>
        )}
        <InvoiceEmail emailedAt={view.emailedAt} autoEmail={view.autoEmail} canEmail={view.canEmail} onEmail={() => act(`/api/jobs/${jobId}/invoice/email`)} isPending={isPending} />
        {view.canDownload && (
          <a href={`/api/jobs/${jobId}/invoice/pdf`} className={buttonClass("secondary")} download>
            Download PDF
          </a>
        )}
      </div>
    </div>
  );
}
