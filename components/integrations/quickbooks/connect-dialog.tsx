"use client";

import { useState } from "react";
import { Button, buttonClass } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";

/** Connect Account → Web Browser (OAuth with Intuit) or Desktop (in development). */
export function ConnectDialog({ label }: { label: string }) {
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<"web" | "desktop">("web");
  const [isSubmitting, setIsSubmitting] = useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)}>{label}</Button>
      <Dialog open={open} onOpenChange={setOpen} title="Connect QuickBooks" description="Which QuickBooks does your shop use?">
        <fieldset className="space-y-2">
          <legend className="sr-only">QuickBooks version</legend>
          {(
            [
              ["web", "Web Browser", "QuickBooks Online, used in a web browser."],
              ["desktop", "Desktop", "QuickBooks Desktop, installed on a computer."],
            ] as const
          ).map(([value, title, hint]) => (
            <label key={value} className={`flex cursor-pointer gap-3 rounded-md p-3 ring-1 ${kind === value ? "ring-brand-600 bg-brand-50" : "ring-slate-200"}`}>
              <input type="radio" name="quickbooks-kind" value={value} checked={kind === value} onChange={() => setKind(value)} aria-label={title} />
              <span>
                <span className="block text-sm font-medium">{title}</span>
                <span className="block text-xs text-slate-500">{hint}</span>
              </span>
            </label>
          ))}
        </fieldset>
        {kind === "desktop" ? (
          <p role="status" className="mt-4 rounded-md bg-slate-100 px-3 py-2 text-sm text-slate-700">
            The QuickBooks Desktop integration is in development. For now Workcenter connects to QuickBooks Online only.
          </p>
        ) : (
          <form action="/api/integrations/quickbooks/connect" method="post" className="mt-4" onSubmit={() => setIsSubmitting(true)}>
            <p className="mb-3 text-sm text-slate-600">You will sign in to QuickBooks and choose the company to connect. Workcenter never sees your QuickBooks password.</p>
            <button type="submit" className={buttonClass("primary", "w-full")} disabled={isSubmitting}>
              {isSubmitting ? "Opening QuickBooks…" : "Sync with QuickBooks"}
            </button>
          </form>
        )}
      </Dialog>
    </>
  );
}
