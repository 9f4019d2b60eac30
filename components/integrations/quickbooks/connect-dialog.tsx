"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button, buttonClass } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { DesktopConnect } from "./desktop-connect";

/** Connect Account → Web Browser (OAuth with Intuit) or Desktop (the Web Connector). */
export function ConnectDialog({ label }: { label: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<"web" | "desktop">("web");
  const [isSubmitting, setIsSubmitting] = useState(false);
  const [isDesktopConnected, setIsDesktopConnected] = useState(false);
  function onOpenChange(next: boolean) {
    setOpen(next);
    // The password was shown; closing the dialog shows the Desktop connection on the page.
    if (!next && isDesktopConnected) router.refresh();
  }
  return (
    <>
      <Button onClick={() => setOpen(true)}>{label}</Button>
      <Dialog open={open} onOpenChange={onOpenChange} title="Connect QuickBooks" description="Which QuickBooks does your shop use?">
        <fieldset className="space-y-2">
          <legend className="sr-only">QuickBooks version</legend>
          {(
            [
              ["web", "Web Browser", "QuickBooks Online, used in a web browser."],
              ["desktop", "Desktop", "QuickBooks Desktop, installed on a computer."],
            ] as const
          ).map(([value, title, hint]) => (
            <label key={value} className={`flex cursor-pointer gap-3 rounded-md p-3 ring-1 ${kind === value ? "ring-brand-600 bg-brand-50" : "ring-slate-200"}`}>
              <input type="radio" name="quickbooks-kind" value={value} checked={kind === value} onChange={() => setKind(value)} aria-label={title} disabled={isDesktopConnected} />
              <span>
                <span className="block text-sm font-medium">{title}</span>
                <span className="block text-xs text-slate-500">{hint}</span>
              </span>
            </label>
          ))}
        </fieldset>
        {kind === "desktop" ? (
          <DesktopConnect onConnected={() => setIsDesktopConnected(true)} onDone={() => onOpenChange(false)} />
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
