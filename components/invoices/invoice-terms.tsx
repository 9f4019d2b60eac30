import { formatCalendarDate, fromCalendarDate } from "@/lib/dates";
import type { TJobInvoiceView } from "@/lib/invoicing/job-invoice-view";
import { formatCents } from "@/lib/money";

type TTermsView = Pick<Extract<TJobInvoiceView, { state: "document" }>, "dueDate" | "termName" | "taxCents">;

/** The invoice's terms and sales tax as QuickBooks computed them: "Due Dec 2, 2026 (Net 30)", "Sales tax $8.25". */
export function InvoiceTermsRows({ view }: { view: TTermsView }) {
  return (
    <>
      {view.dueDate && (
        <>
          <dt className="text-slate-500">Terms</dt>
          <dd className="col-span-2" data-testid="invoice-due">
            Due {formatCalendarDate(fromCalendarDate(view.dueDate))}
            {view.termName && ` (${view.termName})`}
          </dd>
        </>
      )}
      {view.taxCents !== null && (
        <>
          <dt className="text-slate-500">Sales tax</dt>
          <dd className="col-span-2 tabular-nums" data-testid="invoice-sales-tax">
            {view.taxCents === 0 ? "None (not taxable)" : `${formatCents(view.taxCents)}, included in the amount`}
          </dd>
        </>
      )}
    </>
  );
}
