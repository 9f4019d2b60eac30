import { z } from "zod";
import { buildPaymentMarker, type TPaymentPayload, type TPaymentPlan } from "@/lib/payouts/payment-payload";
import { qbAmountToCents, toQbAmount } from "../qbxml/amounts";
import type { TXmlObject } from "../qbxml/xml";
import { oneDay } from "./marker";

/** ReceivePayment's RefNumber holds at most 20 characters; a longer payout number is left out (the Memo has it). */
const MAX_PAYMENT_REF_LENGTH = 20;

/**
 * ReceivePaymentAdd for one customer's share of a payout: TotalAmount = the payout's amounts
 * (gross), one AppliedToTxnAdd per invoice with what it applies, our marker in Memo. Without a
 * deposit account it goes to Undeposited Funds (the company file's preference).
 */
export function buildReceivePaymentAdd(plan: TPaymentPlan, payload: TPaymentPayload, syncId: string): TXmlObject {
  return {
    ReceivePaymentAdd: {
      CustomerRef: { ListID: plan.customerId },
      TxnDate: payload.txnDate,
      RefNumber: payload.payoutNumber.length <= MAX_PAYMENT_REF_LENGTH ? payload.payoutNumber : undefined,
      TotalAmount: toQbAmount(plan.totalCents),
      Memo: `Workcenter payout ${payload.payoutNumber} · ${buildPaymentMarker(syncId, plan.customerId)}`,
      DepositToAccountRef: payload.depositAccountId ? { ListID: payload.depositAccountId } : undefined,
      AppliedToTxnAdd: plan.lines.map((line) => ({ TxnID: line.invoiceId, PaymentAmount: toQbAmount(line.appliedCents) })),
    },
  };
}

/** The payout's invoices as the company file holds them now (open balance, customer). */
export function buildInvoiceRead(invoiceIds: string[]): TXmlObject {
  return { TxnID: invoiceIds, IncludeLineItems: "false" };
}

/** A customer's payments of the payout's day, with what each applied (to find ours by marker). */
export function buildPaymentLookup(payload: TPaymentPayload, customerId: string): TXmlObject {
  return { TxnDateRangeFilter: oneDay(payload.txnDate), EntityFilter: { ListID: customerId }, IncludeLineItems: "true" };
}

export const ZReceivePaymentRetSchema = z.object({
  TxnID: z.string().min(1),
  TxnDate: z.string(),
  CustomerRef: z.object({ ListID: z.string().optional(), FullName: z.string().optional() }),
  TotalAmount: z.string(),
  Memo: z.string().optional(),
  AppliedToTxnRet: z.array(z.object({ TxnID: z.string(), Amount: z.string().optional() }).passthrough()).optional(),
});
export type TReceivePaymentRet = z.infer<typeof ZReceivePaymentRetSchema>;

/** What we keep of a payment in the row's notes (the deposit links these), and what it applied. */
export function toPaymentNote(payment: TReceivePaymentRet) {
  return {
    customerId: payment.CustomerRef.ListID ?? "",
    customerName: payment.CustomerRef.FullName ?? null,
    qboId: payment.TxnID,
    totalCents: qbAmountToCents(payment.TotalAmount),
    applied: (payment.AppliedToTxnRet ?? []).map((line) => ({ txnId: line.TxnID, cents: qbAmountToCents(line.Amount ?? "0") })),
  };
}
