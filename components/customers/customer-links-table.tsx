"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Card } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import type { TCustomerLinksView } from "@/lib/customers/customer-links-view";
import { CustomerChooser } from "./customer-chooser";
import { useCustomerLinkAction } from "./use-customer-link";

/** The Customers page: each link with change and unlink; links QuickBooks merged or deleted are flagged first. */
export function CustomerLinksTable({ view }: { view: TCustomerLinksView }) {
  const router = useRouter();
  const [changing, setChanging] = useState<string | null>(null);
  const refresh = () => {
    setChanging(null);
    router.refresh();
  };
  const unlink = useCustomerLinkAction(refresh);
  if (view.links.length === 0) {
    return <Card><p className="p-5 text-sm text-slate-600">No customers linked yet. A customer is linked the first time one of its in-house jobs is invoiced.</p></Card>;
  }
  return (
    <Card>
      {unlink.error && <p role="alert" className="m-4 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">{unlink.error.message}</p>}
      <ul className="divide-y divide-slate-200" data-testid="customer-links">
        {view.links.map((link) => (
          <li key={link.id} className="space-y-2 px-5 py-4">
            <div className="flex flex-wrap items-center justify-between gap-3">
              <div className="text-sm">
                <p className="font-medium text-slate-900">{link.customerName}</p>
                <p className="text-slate-600">→ {link.qboDisplayName} <span className="text-slate-400">(QuickBooks id {link.qboCustomerId})</span></p>
                {link.itemName && <p className="text-slate-500">Product/service: {link.itemName}</p>}
              </div>
              {view.canManage && (
                <div className="flex gap-2">
                  <Button variant="secondary" onClick={() => setChanging(changing === link.id ? null : link.id)}>{changing === link.id ? "Close" : "Change"}</Button>
                  <Button variant="danger" disabled={unlink.isPending} onClick={() => unlink.mutate({ action: "unlink", linkId: link.id })}>Unlink</Button>
                </div>
              )}
            </div>
            {link.problem && <p role="alert" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">{link.problem}</p>}
            {changing === link.id && <CustomerChooser customerName={link.customerName} onLinked={refresh} />}
          </li>
        ))}
      </ul>
    </Card>
  );
}
