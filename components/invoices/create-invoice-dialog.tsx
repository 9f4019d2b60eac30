"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { QuickBooksPicker, type TPickerValue } from "@/components/integrations/quickbooks/quickbooks-picker";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import type { TLookupPage } from "@/lib/quickbooks/setup/lookups";
import type { TLinkedCustomer } from "@/lib/customers/customer-links";
import { formatCents } from "@/lib/money";

type TLine = { id: string; description: string; quantity: number; unitPriceCents: number };

/** In-house Create Invoice: the QuickBooks customer, each line's description (editable) and product/service. */
export function CreateInvoiceDialog({ jobId, lines, defaultItem, linkedCustomer, onCreated }: { jobId: string; lines: TLine[]; defaultItem: { id: string; name: string }; linkedCustomer: TLinkedCustomer | null; onCreated: () => void }) {
  const [open, setOpen] = useState(false);
  const [customer, setCustomer] = useState<TPickerValue>(linkedCustomer);
  const startItem = linkedCustomer?.item ?? defaultItem;
  const [drafts, setDrafts] = useState(() => lines.map((line) => ({ lineItemId: line.id, description: line.description, itemId: startItem.id })));
  const [error, setError] = useState<string | null>(null);
  const [invoiceDate, setInvoiceDate] = useState(() => {
    const now = new Date();
    return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
  });
  const [isSubmitting, setIsSubmitting] = useState(false);
  const items = useQuery({
    queryKey: ["quickbooks-items-all"],
    enabled: open,
    queryFn: async () => {
      const response = await fetch("/api/integrations/quickbooks/lookup/items?page=1");
      const body = await response.json();
      if (!response.ok) throw new Error(body.message ?? "QuickBooks could not be read.");
      return body as TLookupPage;
    },
  });
  const known = [defaultItem, ...(linkedCustomer?.item && linkedCustomer.item.id !== defaultItem.id ? [linkedCustomer.item] : [])];
  const loaded = items.data?.options ?? [];
  const options = [...loaded, ...known.filter((item) => !loaded.some((option) => option.id === item.id)).map((item) => ({ ...item, isUsable: true }))];
  const submit = async () => {
    if (!customer) return setError("Choose the QuickBooks customer to invoice.");
    setIsSubmitting(true);
    setError(null);
    const response = await fetch(`/api/jobs/${jobId}/invoice`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ customerId: customer.id, invoiceDate, lines: drafts }) });
    const body = await response.json().catch(() => ({}));
    setIsSubmitting(false);
    if (!response.ok) return setError((body as { message?: string }).message ?? "The invoice could not be created.");
    setOpen(false);
    onCreated();
  };
  return (
    <>
      <Button onClick={() => setOpen(true)}>Create Invoice</Button>
      <Dialog open={open} onOpenChange={setOpen} title="Create Invoice" description="The invoice goes to QuickBooks Online; QuickBooks fills in the customer's address.">
        <div className="max-h-[70vh] space-y-5 overflow-y-auto pr-1">
          {error && (
            <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
              {error}
            </p>
          )}
          <QuickBooksPicker label="QuickBooks customer" kind="customers" value={customer} onChange={setCustomer} unusableHint="not USD" />
          <label className="block text-sm">
            <span className="mb-1 block font-medium text-slate-700">Invoice date</span>
            <input type="date" value={invoiceDate} onChange={(event) => setInvoiceDate(event.target.value)} className="rounded-md border border-slate-300 px-3 py-2 text-sm" />
          </label>
          <fieldset className="space-y-4">
            <legend className="text-sm font-medium text-slate-700">Line items</legend>
            {lines.map((line, index) => (
              <div key={line.id} className="space-y-2 rounded-md p-3 ring-1 ring-slate-200">
                <label className="block text-xs font-medium text-slate-600" htmlFor={`line-${line.id}`}>
                  Description {index + 1}
                </label>
                <textarea
                  id={`line-${line.id}`}
                  className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
                  rows={2}
                  value={drafts[index]!.description}
                  onChange={(event) => setDrafts((current) => current.map((draft, at) => (at === index ? { ...draft, description: event.target.value } : draft)))}
                />
                <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
                  <span className="text-slate-600">
                    {line.quantity} × {formatCents(line.unitPriceCents)} = <strong>{formatCents(line.quantity * line.unitPriceCents)}</strong>
                  </span>
                  <select
                    aria-label={`Product/Service ${index + 1}`}
                    className="rounded-md border border-slate-300 px-2 py-1 text-sm"
                    value={drafts[index]!.itemId}
                    onChange={(event) => setDrafts((current) => current.map((draft, at) => (at === index ? { ...draft, itemId: event.target.value } : draft)))}
                  >
                    {options.map((option) => (
                      <option key={option.id} value={option.id}>
                        {option.name}
                      </option>
                    ))}
                  </select>
                </div>
              </div>
            ))}
          </fieldset>
        </div>
        <div className="mt-4 flex justify-end gap-2">
          <Button variant="secondary" onClick={() => setOpen(false)}>
            Cancel
          </Button>
          <Button onClick={() => void submit()} disabled={isSubmitting}>
            {isSubmitting ? "Creating…" : "Create"}
          </Button>
        </div>
      </Dialog>
    </>
  );
}
