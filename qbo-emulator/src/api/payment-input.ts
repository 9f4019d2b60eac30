// Payment request schema and the checks on its lines (620 cross-customer, 610 missing, over-application → 6000).
import { z } from "zod";
import { Faults } from "../faults";
import { toCents } from "../json";
import { getAppliedCents, getInvoiceTotalCents } from "../store/ledger";
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

/** Builds payment lines; every linked invoice must be live (610), same customer and not voided (620), not over-applied (6000). */
export function buildPaymentLines(
  realm: RealmState,
  lines: TPaymentRequest["Line"],
  customerId: string,
  paymentId: string | undefined,
): PaymentLineRec[] {
  const out: PaymentLineRec[] = [];
  const perInvoice = new Map<string, number>();
  for (const l of lines ?? []) {
    if (l.Amount === undefined) throw Faults.requiredMissing("Amount", "Line.Amount");
    const amountCents = toCents(l.Amount);
    if (amountCents < 0) throw Faults.businessValidation("A payment line amount can't be negative.", "Line.Amount");
    const linked = l.LinkedTxn ?? [];
    if (linked.length !== 1) {
      throw Faults.businessValidation("Each payment line must link exactly one transaction.", "Payment.Line.LinkedTxn");
    }
    const txn = linked[0];
    if (!txn?.TxnId) throw Faults.requiredMissing("TxnId", "Payment.Line.LinkedTxn.TxnId");
    if (txn.TxnType !== undefined && txn.TxnType !== "Invoice") {
      throw Faults.businessValidation(`Linking a payment to ${txn.TxnType} is not supported by the emulator.`, "Payment.Line.LinkedTxn.TxnType");
    }
    const inv = /^\d+$/.test(txn.TxnId) ? realm.Invoice[txn.TxnId] : undefined;
    if (!inv || inv.deletedAt !== undefined) throw Faults.objectNotFound("Payment.Line.LinkedTxn.TxnId");
    if (inv.customerId !== customerId || inv.isVoided) throw Faults.cannotLink(inv.id);
    const total = (perInvoice.get(inv.id) ?? 0) + amountCents;
    perInvoice.set(inv.id, total);
    const open = getInvoiceTotalCents(inv) - getAppliedCents(realm, inv.id, paymentId);
    if (total > open) {
      throw Faults.businessValidation(
        `The payment amount applied to invoice ${inv.docNumber ?? inv.id} (${(total / 100).toFixed(2)}) exceeds its open balance (${(open / 100).toFixed(2)}).`,
        "Payment.Line.Amount",
      );
    }
    out.push({ amountCents, invoiceId: inv.id });
  }
  return out;
}
