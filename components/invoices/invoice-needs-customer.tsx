"use client";

import { CustomerChooser } from "@/components/customers/customer-chooser";

/** An in-house invoice waiting for its customer: *Choose the QuickBooks customer*, once for every job with that name. */
export function InvoiceNeedsCustomer({ needsCustomer, message, onLinked }: { needsCustomer: { customerName: string; canChoose: boolean }; message: string | null; onLinked: () => void }) {
  return (
    <div role="alert" className="space-y-3 rounded-md bg-amber-50 px-4 py-3 text-sm text-amber-900" data-testid="invoice-needs-customer">
      <p className="font-medium">Needs attention: choose the QuickBooks customer.</p>
      {message && <p>{message}</p>}
      {needsCustomer.canChoose ? (
        <div className="rounded-md bg-white p-3 text-slate-800">
          <h3 className="mb-2 text-sm font-semibold">Choose the QuickBooks customer for “{needsCustomer.customerName}”</h3>
          <CustomerChooser customerName={needsCustomer.customerName} onLinked={onLinked} />
        </div>
      ) : (
        <p>A bookkeeper, owner or admin can choose it.</p>
      )}
    </div>
  );
}
