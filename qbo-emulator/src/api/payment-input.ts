// Payment request schema and the checks on its lines (620 cross-customer, 610 missing, over-application → 6000).
import { z } from "zod";
import { Faults } from "../faults";
import { toCents } from "../json";
import { getAppliedCents, getInvoiceTotalCents, getRemainingCreditCents } from "../store/ledger";
import type { PaymentLineRec, RealmState } from "../store/types";
import { READ_ONLY_COMMON, ZAnySchema, ZBoolSchema, ZDateSchema, ZDecimalSchema, ZIdTextSchema, ZRefSchema, ZTextSchema } from "./field-schemas";

export const ZLinkedTxnSchema = z.strictObject({ TxnId: ZIdTextSchema.optional(), TxnType: ZTextSchema, TxnLineId: ZAnySchema });

const ZPaymentLineSchema = z.strictObject({
  Id: ZAnySchema, LineNum: ZAnySchema, Description: ZTextSchema, Amount: ZDecimalSchema.optional(), DetailType: ZTextSchema,
  LinkedTxn: z.array(ZLinkedTxnSchema).optional(), LineEx: ZAnySchema, CustomField: ZAnySchema,
});

export const ZPaymentRequestSchema = z.strictObject({
  ...READ_ONLY_COMMON,
  CustomerRef: ZRefSchema.optional(), TotalAmt: ZDecimalSchema.optional(), TxnDate: ZDateSchema, PaymentRefNum: ZTextSchema, PrivateNote: ZTextSchema,
  DepositToAccountRef: ZRefSchema.optional(), PaymentMethodRef: ZRefSchema.optional(), ARAccountRef: ZRefSchema.optional(),
  CurrencyRef: ZRefSchema.optional(), ExchangeRate: ZDecimalSchema.optional(), Line: z.array(ZPaymentLineSchema).optional(),
  ProcessPayment: ZBoolSchema.optional(), UnappliedAmt: ZAnySchema, CreditCardPayment: ZAnySchema, TxnSource: ZAnySchema,
  TxnStatus: ZAnySchema, LinkedTxn: ZAnySchema, ProjectRef: ZAnySchema, TransactionLocationType: ZAnySchema, TaxExemptionRef: ZAnySchema,
});
export type TPaymentRequest = z.infer<typeof ZPaymentRequestSchema>;

export const PAYMENT_WRITABLE = ["PaymentRefNum", "PrivateNote", "PaymentMethodRef"] as const;

type TLinkedTxn = z.infer<typeof ZLinkedTxnSchema>;

function formatCents(cents: number): string {
  return (cents / 100).toFixed(2);
}

/** One linked transaction → a stored line; checks the link (610/620) and what is left on it (6000). */
function buildLine(realm: RealmState, txn: TLinkedTxn | undefined, amountCents: number, customerId: string, paymentId: string | undefined, totals: Map<string, number>): PaymentLineRec {
  if (!txn?.TxnId) throw Faults.requiredMissing("TxnId", "Payment.Line.LinkedTxn.TxnId");
  const txnType = txn.TxnType ?? "Invoice";
  if (txnType !== "Invoice" && txnType !== "CreditMemo") {
    throw Faults.businessValidation(`Linking a payment to ${txnType} is not supported by the emulator.`, "Payment.Line.LinkedTxn.TxnType");
  }
  const table = txnType === "Invoice" ? realm.Invoice : realm.CreditMemo;
  const form = /^\d+$/.test(txn.TxnId) ? table[txn.TxnId] : undefined;
  if (!form || form.deletedAt !== undefined) throw Faults.objectNotFound("Payment.Line.LinkedTxn.TxnId");
  if (form.customerId !== customerId || form.isVoided) throw Faults.cannotLink(form.id);
  const key = `${txnType}:${form.id}`;
  const total = (totals.get(key) ?? 0) + amountCents;
  totals.set(key, total);
  const open = txnType === "Invoice"
    ? getInvoiceTotalCents(form) - getAppliedCents(realm, form.id, paymentId)
    : getRemainingCreditCents(realm, form, paymentId);
  if (total > open) {
    const what = txnType === "Invoice" ? `invoice ${form.docNumber ?? form.id}` : `credit memo ${form.docNumber ?? form.id}`;
    const left = txnType === "Invoice" ? "open balance" : "remaining credit";
    throw Faults.businessValidation(
      `The payment amount applied to ${what} (${formatCents(total)}) exceeds its ${left} (${formatCents(open)}).`,
      "Payment.Line.Amount",
    );
  }
  return { amountCents, txnId: form.id, txnType };
}

/** A line links one transaction, or one invoice and one credit memo (the credit applied to it, same amount). */
function isInvoiceCreditPair(linked: TLinkedTxn[]): boolean {
  const types = linked.map((t) => t.TxnType ?? "Invoice").sort();
  return linked.length === 2 && types[0] === "CreditMemo" && types[1] === "Invoice";
}

/**
 * Builds payment lines: each linked invoice or credit memo must be live (610), the customer's and not voided (620),
 * not over-applied (6000). Credit-memo lines count against the payment: Σ invoices − Σ credits is what it applies.
 */
export function buildPaymentLines(
  realm: RealmState,
  lines: TPaymentRequest["Line"],
  customerId: string,
  paymentId: string | undefined,
): PaymentLineRec[] {
  const out: PaymentLineRec[] = [];
  const totals = new Map<string, number>();
  for (const l of lines ?? []) {
    if (l.Amount === undefined) throw Faults.requiredMissing("Amount", "Line.Amount");
    const amountCents = toCents(l.Amount);
    if (amountCents < 0) throw Faults.businessValidation("A payment line amount can't be negative.", "Line.Amount");
    const linked = l.LinkedTxn ?? [];
    if (linked.length !== 1 && !isInvoiceCreditPair(linked)) {
      throw Faults.businessValidation("Each payment line must link exactly one transaction.", "Payment.Line.LinkedTxn");
    }
    for (const txn of linked) out.push(buildLine(realm, txn, amountCents, customerId, paymentId, totals));
  }
  return out;
}
