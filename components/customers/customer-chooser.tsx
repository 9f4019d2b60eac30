"use client";

import { useState } from "react";
import { QuickBooksPicker, type TPickerValue } from "@/components/integrations/quickbooks/quickbooks-picker";
import { Button } from "@/components/ui/button";
import type { TLookupOption } from "@/lib/quickbooks/setup/lookups";
import { useCustomerLinkAction, useCustomerSuggestions } from "./use-customer-link";

/**
 * *Choose the QuickBooks customer* for a name typed on jobs: exact matches, then close ones, live
 * from QuickBooks; another customer by search; or *Create this customer in QuickBooks* (display
 * name only). One click links it for every job with that name.
 */
export function CustomerChooser({ customerName, onLinked }: { customerName: string; onLinked: () => void }) {
  const suggestions = useCustomerSuggestions(customerName);
  const act = useCustomerLinkAction(() => {
    void suggestions.refetch();
    onLinked();
  });
  const [other, setOther] = useState<TPickerValue>(null);
  const link = (qboCustomerId: string) => act.mutate({ action: "link", customerName, qboCustomerId });
  const data = suggestions.data;
  return (
    <div className="space-y-3" data-testid="customer-chooser">
      {act.error && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {act.error.message}
        </p>
      )}
      {suggestions.isPending ? (
        <p className="text-sm text-slate-500">Looking for “{customerName}” in QuickBooks…</p>
      ) : suggestions.error ? (
        <p role="alert" className="text-sm text-red-700">
          {suggestions.error.message}
        </p>
      ) : (
        <>
          <Suggestions title="Same name in QuickBooks" options={data?.exact ?? []} onLink={link} isPending={act.isPending} />
          <Suggestions title="Close matches" options={data?.close ?? []} onLink={link} isPending={act.isPending} />
          {data && data.exact.length === 0 && data.close.length === 0 && <p className="text-sm text-slate-600">No QuickBooks customer is named like “{customerName}”.</p>}
        </>
      )}
      <Button variant="secondary" disabled={act.isPending} onClick={() => act.mutate({ action: "create", customerName })}>
        Create this customer in QuickBooks
      </Button>
      <details className="text-sm">
        <summary className="cursor-pointer text-slate-600">Another QuickBooks customer…</summary>
        <div className="mt-2 space-y-2">
          <QuickBooksPicker label="QuickBooks customer" kind="customers" value={other} onChange={setOther} unusableHint="not USD" />
          <Button disabled={!other || act.isPending} onClick={() => other && link(other.id)}>
            Link {other?.name ?? "this customer"}
          </Button>
        </div>
      </details>
    </div>
  );
}

function Suggestions({ title, options, onLink, isPending }: { title: string; options: TLookupOption[]; onLink: (id: string) => void; isPending: boolean }) {
  if (options.length === 0) return null;
  return (
    <div className="space-y-1">
      <p className="text-xs font-medium uppercase tracking-wide text-slate-500">{title}</p>
      <ul className="space-y-1">
        {options.map((option) => (
          <li key={option.id} className="flex items-center justify-between gap-3 rounded-md px-3 py-2 text-sm ring-1 ring-slate-200">
            <span>
              {option.name} {option.detail && <span className="text-slate-500">({option.detail})</span>}
            </span>
            <Button disabled={!option.isUsable || isPending} onClick={() => onLink(option.id)} aria-label={`Link ${option.name}`}>
              {option.isUsable ? "Link" : "Not USD"}
            </Button>
          </li>
        ))}
      </ul>
    </div>
  );
}
