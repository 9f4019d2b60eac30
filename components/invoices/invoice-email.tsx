import { Button } from "@/components/ui/button";
import { formatTimestamp } from "@/lib/dates";
import type { TAutoEmailView } from "@/lib/invoicing/invoice-email-view";

/** *Email invoice* (QuickBooks sends it to the address it has), when it was last emailed, and where Email automatically stands. */
export function InvoiceEmail({ emailedAt, autoEmail, canEmail, onEmail, isPending }: { emailedAt: string | null; autoEmail: TAutoEmailView | null; canEmail: boolean; onEmail: () => void; isPending: boolean }) {
  return (
    <>
      {emailedAt && (
        <p className="basis-full text-sm text-slate-700" data-testid="invoice-emailed">
          Emailed on {formatTimestamp(new Date(emailedAt))}
        </p>
      )}
      {!emailedAt && autoEmail?.message && (
        <p className={`basis-full rounded-md px-3 py-2 text-sm ${autoEmail.status === "FAILED" ? "bg-amber-50 text-amber-900" : "text-slate-700"}`} data-testid="invoice-auto-email" role={autoEmail.status === "FAILED" ? "alert" : "status"}>
          {autoEmail.status === "FAILED" && "Not emailed automatically: "}
          {autoEmail.message}
        </p>
      )}
      {canEmail && (
        <Button variant="secondary" onClick={onEmail} disabled={isPending}>
          {isPending ? "Sending…" : emailedAt ? "Email again" : "Email invoice"}
        </Button>
      )}
    </>
  );
}
