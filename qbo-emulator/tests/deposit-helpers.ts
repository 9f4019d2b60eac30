// Builders for the deposit tests: a Payment sitting in Undeposited Funds, linked and account deposit lines.
import type QuickBooks from "node-quickbooks";
import { buildInvoiceBody, mustQbo } from "./helpers";

/** Acme's seeded accounts (ids are stable across resets). */
export const ACCOUNTS = { checking: "1", undeposited: "2", income: "4", advanceCard: "9", loansPayable: "10", bankFees: "11" } as const;

/** Invoices `amount` to the customer and receives it in full; with no DepositToAccountRef it lands in Undeposited Funds. */
export async function createUndepositedPayment(
  qbo: QuickBooks,
  customerId: string,
  amount: number,
  extra: Record<string, unknown> = {},
): Promise<any> {
  const inv = await mustQbo(qbo, "createInvoice", buildInvoiceBody(customerId, amount));
  return mustQbo(qbo, "createPayment", {
    CustomerRef: { value: customerId },
    TotalAmt: amount,
    Line: [{ Amount: amount, LinkedTxn: [{ TxnId: inv.Id, TxnType: "Invoice" }] }],
    ...extra,
  });
}

/** A linked line as in Intuit's reference: no DetailType, TxnLineId "0". */
export function buildLinkedLine(payment: { Id: string; TotalAmt: number }, amount = payment.TotalAmt): Record<string, unknown> {
  return { Amount: amount, LinkedTxn: [{ TxnId: payment.Id, TxnType: "Payment", TxnLineId: "0" }] };
}

export function buildAccountLine(accountId: string, amount: number, description?: string): Record<string, unknown> {
  return { DetailType: "DepositLineDetail", Amount: amount, Description: description, DepositLineDetail: { AccountRef: { value: accountId } } };
}

export function buildDepositBody(lines: Record<string, unknown>[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { DepositToAccountRef: { value: ACCOUNTS.checking }, Line: lines, ...extra };
}
