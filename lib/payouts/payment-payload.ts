import { z } from "zod";
import { centsToDecimalString, formatCents } from "@/lib/money";

/** A payout's payment as fixed when the payout was recorded (configuration at that moment). */
export const ZPaymentPayloadSchema = z.object({
  payoutNumber: z.string(),
  txnDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  depositAccountId: z.string().nullable(),
  lines: z.array(z.object({ jobId: z.string(), jobNumber: z.string(), amountCents: z.number().int().positive() })).min(1),
});
export type TPaymentPayload = z.infer<typeof ZPaymentPayloadSchema>;

export type TInvoiceToPay = { jobNumber: string; invoiceId: string; customerId: string; balanceCents: number; payoutCents: number };

export type TPaymentPlan = {
  customerId: string;
  totalCents: number;
  lines: { invoiceId: string; jobNumber: string; appliedCents: number }[];
  differences: string[];
};

/**
 * One payment per QuickBooks customer (invoices made under an earlier default customer get
 * their own), TotalAmt = the payout's amounts for those jobs (gross). Each line applies the
 * payout amount, but never more than the invoice's open balance: QuickBooks refuses
 * over-application, so the rest stays as a credit on the customer, and every difference is
 * said in words, never rounded away.
 */
export function planPayments(invoices: TInvoiceToPay[]): TPaymentPlan[] {
  const byCustomer = new Map<string, TInvoiceToPay[]>();
  for (const invoice of invoices) byCustomer.set(invoice.customerId, [...(byCustomer.get(invoice.customerId) ?? []), invoice]);
  return [...byCustomer.entries()].map(([customerId, group]) => {
    const differences: string[] = [];
    const lines = group.flatMap((invoice) => {
      const applied = Math.min(invoice.payoutCents, invoice.balanceCents);
      if (invoice.payoutCents < invoice.balanceCents) {
        differences.push(`${invoice.jobNumber} underpaid by ${formatCents(invoice.balanceCents - invoice.payoutCents)}: the invoice stays open for the rest.`);
      } else if (invoice.payoutCents > invoice.balanceCents) {
        differences.push(
          invoice.balanceCents === 0
            ? `${invoice.jobNumber} was already paid in QuickBooks: ${formatCents(invoice.payoutCents)} left as a credit on the customer.`
            : `${invoice.jobNumber} overpaid by ${formatCents(invoice.payoutCents - invoice.balanceCents)}: left as a credit on the customer.`,
        );
      }
      return applied > 0 ? [{ invoiceId: invoice.invoiceId, jobNumber: invoice.jobNumber, appliedCents: applied }] : [];
    });
    return { customerId, totalCents: group.reduce((sum, invoice) => sum + invoice.payoutCents, 0), lines, differences };
  });
}

export function buildPaymentMarker(syncId: string, customerId: string): string {
  return `wc:${syncId}:${customerId}`;
}

const money = (cents: number) => Number(centsToDecimalString(cents));

/** @link https://developer.intuit.com/app/developer/qbo/docs/api/accounting/all-entities/payment */
export function buildQuickBooksPayment(plan: TPaymentPlan, payload: TPaymentPayload, syncId: string) {
  return {
    CustomerRef: { value: plan.customerId },
    TotalAmt: money(plan.totalCents),
    TxnDate: payload.txnDate,
    PaymentRefNum: payload.payoutNumber.slice(0, 21),
    PrivateNote: `Workcenter payout ${payload.payoutNumber} · ${buildPaymentMarker(syncId, plan.customerId)}`,
    ...(payload.depositAccountId ? { DepositToAccountRef: { value: payload.depositAccountId } } : {}),
    Line: plan.lines.map((line) => ({ Amount: money(line.appliedCents), LinkedTxn: [{ TxnId: line.invoiceId, TxnType: "Invoice" }] })),
  };
}
