import { z } from "zod";
import type { QuickBooksSync } from "@/lib/generated/prisma/client";
import { buildPaymentMarker, planPayments, ZPaymentPayloadSchema, type TInvoiceToPay } from "@/lib/payouts/payment-payload";
import { buildPaymentOutcome, checkDepositBeforePaying, collectInvoices } from "@/lib/payouts/push-payment";
import { createDesktopSetupApi } from "../lists/setup-api";
import type { TPushOutcome } from "@/lib/sync/push-outcome";
import { qbAmountToCents } from "../qbxml/amounts";
import { readRets } from "../qbxml/xml";
import { ZInvoiceRetSchema } from "./invoice-ret";
import { findMarked } from "./marker";
import { buildInvoiceRead, buildPaymentLookup, buildReceivePaymentAdd, toPaymentNote, ZReceivePaymentRetSchema } from "./payment-xml";
import type { TDesktopDocument, TDesktopStep } from "./types";

/** Carried from step to step on the request log: ids and cents only. */
const ZContextSchema = z.object({
  mayHaveSent: z.boolean(),
  invoices: z.array(z.object({ jobNumber: z.string(), invoiceId: z.string(), payoutCents: z.number().int() })),
  read: z.array(z.object({ jobNumber: z.string(), invoiceId: z.string(), customerId: z.string(), balanceCents: z.number().int(), payoutCents: z.number().int() })).default([]),
  lookups: z.array(z.string()).default([]),
  /** The customer whose payment the last ReceivePaymentAdd was for. */
  adding: z.string().optional(),
  /** Payments of this payout in the company file: found by marker (`adopted`, applied before the read) or added now. */
  payments: z
    .array(z.object({ customerId: z.string(), customerName: z.string().nullable(), qboId: z.string(), totalCents: z.number().int(), adopted: z.boolean(), applied: z.array(z.object({ txnId: z.string(), cents: z.number().int() })) }))
    .default([]),
});
type TContext = z.infer<typeof ZContextSchema>;

const needsAttention = (words: string): TPushOutcome => ({ kind: "failed", code: "NEEDS_ATTENTION", message: `Needs attention, nothing was posted to QuickBooks: ${words}` });

/** The plans for the balances read, with the payments found (by marker) added back, as on Online. */
function planFrom(context: TContext) {
  const appliedBefore = new Map<string, number>();
  for (const payment of context.payments.filter((candidate) => candidate.adopted)) for (const line of payment.applied) appliedBefore.set(line.txnId, (appliedBefore.get(line.txnId) ?? 0) + line.cents);
  const toPay: TInvoiceToPay[] = context.read.map((invoice) => ({ ...invoice, balanceCents: invoice.balanceCents + (appliedBefore.get(invoice.invoiceId) ?? 0) }));
  return planPayments(toPay);
}

/** The next customer's payment to add, or the outcome once every customer has one. */
function nextPayment(sync: QuickBooksSync, context: TContext): TDesktopStep {
  const payload = ZPaymentPayloadSchema.parse(sync.payload);
  const plans = planFrom(context);
  const plan = plans.find((candidate) => !context.payments.some((payment) => payment.customerId === candidate.customerId));
  if (plan) return { request: { purpose: "payment.add", name: "ReceivePaymentAddRq", body: buildReceivePaymentAdd(plan, payload, sync.id), context: { ...context, adding: plan.customerId } } };
  const payments = plans.map((candidate) => context.payments.find((payment) => payment.customerId === candidate.customerId)!);
  return { outcome: buildPaymentOutcome(payments.map(({ customerId, customerName, qboId, totalCents }) => ({ customerId, customerName, qboId, totalCents })), payload, plans) };
}

function lookupOrPay(sync: QuickBooksSync, context: TContext): TDesktopStep {
  const [customerId, ...rest] = context.lookups;
  if (!customerId) return nextPayment(sync, context);
  const payload = ZPaymentPayloadSchema.parse(sync.payload);
  return { request: { purpose: "payment.lookup", name: "ReceivePaymentQueryRq", body: buildPaymentLookup(payload, customerId), context: { ...context, lookups: [customerId, ...rest] } } };
}

/**
 * A payout's payments on QuickBooks Desktop, one ReceivePaymentAdd per customer applied to each
 * of its invoices (TxnIDs): the invoices are read first (balance, customer); after an Add whose
 * answer was never seen, each customer's payments of the day are looked up by marker and adopted.
 */
export const desktopPayment: TDesktopDocument = {
  async start(sync, { mayHaveSent }) {
    const ready = await collectInvoices(sync, ZPaymentPayloadSchema.parse(sync.payload));
    if (ready.kind !== "ready") return { outcome: ready };
    if (!mayHaveSent) {
      const problems = await checkDepositBeforePaying(sync, createDesktopSetupApi(sync.organizationId));
      if (problems.length) return { outcome: needsAttention(problems.join(" ")) };
    }
    const context: TContext = { mayHaveSent, invoices: ready.invoices, read: [], lookups: [], payments: [] };
    return { request: { purpose: "payment.read", name: "InvoiceQueryRq", body: buildInvoiceRead(ready.invoices.map((invoice) => invoice.invoiceId)), context } };
  },
  async receive(sync, { purpose, context: raw, response }) {
    const context = ZContextSchema.parse(raw);
    if (purpose === "payment.read") {
      const found = new Map(readRets(response, "InvoiceRet", ZInvoiceRetSchema).map((invoice) => [invoice.TxnID, invoice]));
      const missing = context.invoices.filter((invoice) => !found.has(invoice.invoiceId));
      if (missing.length) return { outcome: needsAttention(`the invoice for ${missing.map((invoice) => invoice.jobNumber).join(", ")} is no longer in QuickBooks Desktop (deleted there?).`) };
      const read = context.invoices.map((invoice) => {
        const current = found.get(invoice.invoiceId)!;
        return { ...invoice, customerId: current.CustomerRef.ListID ?? "", balanceCents: qbAmountToCents(current.BalanceRemaining ?? "0") };
      });
      const customers = [...new Set(read.map((invoice) => invoice.customerId))];
      return lookupOrPay(sync, { ...context, read, lookups: context.mayHaveSent ? customers : [] });
    }
    if (purpose === "payment.lookup") {
      const [customerId, ...rest] = context.lookups;
      const payments = readRets(response, "ReceivePaymentRet", ZReceivePaymentRetSchema);
      const ours = findMarked(payments, buildPaymentMarker(sync.id, customerId!));
      const found: TContext["payments"] = ours ? [{ ...toPaymentNote(ours), customerId: customerId!, adopted: true }] : [];
      return lookupOrPay(sync, { ...context, lookups: rest, payments: [...context.payments, ...found] });
    }
    const [payment] = readRets(response, "ReceivePaymentRet", ZReceivePaymentRetSchema);
    if (!payment) throw new Error("ReceivePaymentAddRs without a ReceivePaymentRet");
    return nextPayment(sync, { ...context, payments: [...context.payments, { ...toPaymentNote(payment), customerId: context.adding!, adopted: false }] });
  },
};
