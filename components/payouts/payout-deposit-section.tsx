import { Badge } from "@/components/ui/badge";
import { formatCalendarDate, fromCalendarDate } from "@/lib/dates";
import { formatCents } from "@/lib/money";
import type { TDepositView } from "@/lib/payouts/payout-sync-view";
import { SYNC_LABELS } from "./payout-sync-badge";

const signed = (cents: number) => (cents < 0 ? `−${formatCents(-cents)}` : formatCents(cents));

function BankCheck({ deposit }: { deposit: TDepositView }) {
  if (deposit.status !== "SYNCED" || deposit.netCents === null) return null;
  if (deposit.matchesBank) {
    return (
      <p role="status" className="flex items-center gap-2 rounded-md bg-emerald-50 px-3 py-2 font-medium text-emerald-800" data-testid="matches-bank">
        <span aria-hidden>✓</span> Matches your bank: {formatCents(deposit.netCents)}
      </p>
    );
  }
  return (
    <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-red-800" data-testid="matches-bank">
      Does not match your bank: QuickBooks holds {formatCents(deposit.totalCents ?? 0)}, and {formatCents(deposit.netCents)} reached the bank. {deposit.drift}
    </p>
  );
}

/** The payout's one Deposit: a line per payment, a negative line per deduction, and the check against the bank. */
export function PayoutDepositSection({ deposit, bankAccountName }: { deposit: TDepositView; bankAccountName: string | null }) {
  const { label, tone } = SYNC_LABELS[deposit.status];
  const number = deposit.qboDocNumber ? `no. ${deposit.qboDocNumber} ` : "";
  return (
    <section aria-labelledby="payout-deposit-heading" className="space-y-2" data-testid="payout-deposit">
      <h3 id="payout-deposit-heading" className="flex items-center gap-2 text-sm font-semibold text-slate-900">
        Deposit <Badge tone={tone}>{label}</Badge>
      </h3>
      {deposit.status !== "SYNCED" && deposit.message && (
        <p className={deposit.status === "FAILED" ? "rounded-md bg-red-50 px-3 py-2 text-red-800" : "text-slate-600"} data-testid="deposit-message">
          {deposit.message}
        </p>
      )}
      {deposit.status === "SYNCED" && (
        <p>
          Deposit {number}(QuickBooks id {deposit.qboId}) into {bankAccountName ?? "your bank account"}
          {deposit.txnDate ? ` on ${formatCalendarDate(fromCalendarDate(deposit.txnDate))}` : ""}: <strong className="tabular-nums">{formatCents(deposit.totalCents ?? 0)}</strong>
        </p>
      )}
      {deposit.lines.length > 0 && (
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Deposit lines</caption>
          <tbody className="divide-y divide-slate-100">
            {deposit.lines.map((line, index) => (
              <tr key={`${line.kind}-${index}`}>
                <td className="py-1.5 pr-4">{line.description}</td>
                <td className={`py-1.5 text-right tabular-nums ${line.amountCents < 0 ? "text-slate-600" : ""}`}>{signed(line.amountCents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <BankCheck deposit={deposit} />
    </section>
  );
}
