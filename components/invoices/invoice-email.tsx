import { Button } from "@/components/ui/button";
import { formatTimestamp } from "@/lib/dates";

/** *Email invoice* (QuickBooks sends it to the address it has) and when it was last emailed. */
export function InvoiceEmail({ emailedAt, canEmail, onEmail, isPending }: { emailedAt: string | null; canEmail: boolean; onEmail: () => void; isPending: boolean }) {
  return (
    <>
      {emailedAt && (
        <p className="basis-full text-sm text-slate-700" data-testid="invoice-emailed">
          Emailed on {formatTimestamp(new Date(emailedAt))}
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
