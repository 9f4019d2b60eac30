import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { QuickBooksSync } from "@/lib/generated/prisma/client";
import { queueXometryInvoice } from "@/lib/invoicing/manual-invoices";
import type { QuickBooksApi } from "@/lib/quickbooks/api";
import { quoteQueryValue } from "@/lib/quickbooks/api";
import { findByMarker } from "@/lib/quickbooks/find-by-marker";
import type { TInvoice, TPayment } from "@/lib/quickbooks/schemas";
import { PAUSED_MESSAGE } from "@/lib/sync/create-sync";
import { amountToCents, type TPushOutcome } from "@/lib/sync/push-outcome";
import { checkDepositAccounts } from "./deposit-accounts";
import { ZDepositPayloadSchema } from "./deposit-payload";
import { buildPaymentMarker, buildQuickBooksPayment, planPayments, ZPaymentPayloadSchema, type TInvoiceToPay, type TPaymentPayload, type TPaymentPlan } from "./payment-payload";

const INVOICE_WAIT_MS = 1000;

export type TReady = { kind: "ready"; invoices: { jobNumber: string; invoiceId: string; payoutCents: number }[] };

/** Every job's invoice, created first where missing; or why the payout needs a person (Online and Desktop alike). */
export async function collectInvoices(sync: QuickBooksSync, payload: TPaymentPayload): Promise<TReady | TPushOutcome> {
  const jobs = await db.job.findMany({
    where: { organizationId: sync.organizationId, id: { in: payload.lines.map((line) => line.jobId) } },
    include: { syncs: { where: { kind: "INVOICE" } } },
  });
  const byId = new Map(jobs.map((job) => [job.id, job]));
  const problems: string[] = [];
  let waiting = 0;
  const invoices: TReady["invoices"] = [];
  for (const line of payload.lines) {
    const job = byId.get(line.jobId);
    if (!job) {
      problems.push(`${line.jobNumber} no longer exists in Workcenter.`);
      continue;
    }
    if (job.source !== "XOMETRY") problems.push(`${job.number} is not a Xometry job.`);
    else if (job.status === "CANCELLED") problems.push(`${job.number} was cancelled, so it has no invoice to pay.`);
    const invoice = job.syncs[0];
    if (problems.length) continue;
    if (!invoice) {
      try {
        await queueXometryInvoice(sync.organizationId, job, "payout");
        waiting += 1;
      } catch (error) {
        problems.push(error instanceof AppError ? error.userMessage : `${job.number} could not be invoiced.`);
      }
    } else if (invoice.status === "SYNCED" && invoice.qboId && invoice.realmId === sync.realmId) {
      invoices.push({ jobNumber: job.number, invoiceId: invoice.qboId, payoutCents: line.amountCents });
    } else if (invoice.status === "SYNCED") {
      problems.push(`${job.number}'s invoice is in the QuickBooks company this shop used before.`);
    } else if (invoice.status === "FAILED" || invoice.status === "SKIPPED") {
      problems.push(`${job.number}'s invoice was not created: ${invoice.errorMessage ?? "see its Invoice tab"}`);
    } else if (invoice.status === "PAUSED") {
      return { kind: "paused", message: PAUSED_MESSAGE };
    } else {
      waiting += 1;
    }
  }
  if (problems.length) {
    return { kind: "failed", code: "NEEDS_ATTENTION", message: `Needs attention, nothing was posted to QuickBooks: ${problems.join(" ")}` };
  }
  if (waiting) return { kind: "wait", retryAt: new Date(Date.now() + INVOICE_WAIT_MS), message: `Creating ${waiting} missing invoice${waiting === 1 ? "" : "s"} first.` };
  return { kind: "ready", invoices };
}

async function findExistingPayment(api: QuickBooksApi, payload: TPaymentPayload, syncId: string, customerId: string): Promise<TPayment | null> {
  const where = `where TxnDate = ${quoteQueryValue(payload.txnDate)} and CustomerRef = ${quoteQueryValue(customerId)}`;
  return findByMarker((statement) => api.findPayments(statement), where, buildPaymentMarker(syncId, customerId));
}

/** With deposits on, the deposit's accounts are checked before the first payment posts, so a payout never half-posts for want of one (Online and Desktop alike). */
export async function checkDepositBeforePaying(sync: QuickBooksSync, api: Pick<QuickBooksApi, "getAccount">): Promise<string[]> {
  const deposit = await db.quickBooksSync.findFirst({ where: { organizationId: sync.organizationId, kind: "DEPOSIT", payoutId: sync.payoutId }, select: { payload: true } });
  return deposit ? checkDepositAccounts(api, ZDepositPayloadSchema.parse(deposit.payload)) : [];
}

/**
 * Pushes a payout's payment(s). Safe to repeat: payments already made by an earlier attempt
 * (found by marker) are adopted, and their amounts added back to the balances before planning.
 */
export async function pushPayment(sync: QuickBooksSync, api: QuickBooksApi): Promise<TPushOutcome> {
  const payload = ZPaymentPayloadSchema.parse(sync.payload);
  const ready = await collectInvoices(sync, payload);
  if (ready.kind !== "ready") return ready;
  const current = new Map<string, TInvoice>();
  for (let start = 0; start < ready.invoices.length; start += 100) {
    const ids = ready.invoices.slice(start, start + 100).map((invoice) => quoteQueryValue(invoice.invoiceId));
    for (const invoice of await api.findInvoices(`where Id IN (${ids.join(", ")}) maxresults 1000`)) current.set(invoice.Id, invoice);
  }
  const missing = ready.invoices.filter((invoice) => !current.has(invoice.invoiceId));
  if (missing.length) {
    return { kind: "failed", code: "NEEDS_ATTENTION", message: `Needs attention, nothing was posted to QuickBooks: the invoice for ${missing.map((invoice) => invoice.jobNumber).join(", ")} is no longer in QuickBooks (deleted there?).` };
  }
  const read = ready.invoices.map((invoice) => ({ ...invoice, current: current.get(invoice.invoiceId)! }));
  const customers = [...new Set(read.map((invoice) => invoice.current.CustomerRef.value))];
  // Always look: an earlier attempt may have posted some customers' payments before stopping
  // (a busy realm or a 429 on the next one), and such retries are not counted as attempts.
  const existing = new Map<string, TPayment>();
  for (const customerId of customers) {
    const found = await findExistingPayment(api, payload, sync.id, customerId);
    if (found) existing.set(customerId, found);
  }
  if (existing.size === 0) {
    const problems = await checkDepositBeforePaying(sync, api);
    if (problems.length) return { kind: "failed", code: "NEEDS_ATTENTION", message: `Needs attention, nothing was posted to QuickBooks: ${problems.join(" ")}` };
  }
  const appliedBefore = new Map<string, number>();
  for (const payment of existing.values()) {
    for (const line of payment.Line ?? []) {
      for (const linked of line.LinkedTxn ?? []) appliedBefore.set(linked.TxnId, (appliedBefore.get(linked.TxnId) ?? 0) + amountToCents(line.Amount));
    }
  }
  const toPay: TInvoiceToPay[] = read.map((invoice) => ({
    jobNumber: invoice.jobNumber,
    invoiceId: invoice.invoiceId,
    customerId: invoice.current.CustomerRef.value,
    balanceCents: amountToCents(invoice.current.Balance) + (appliedBefore.get(invoice.invoiceId) ?? 0),
    payoutCents: invoice.payoutCents,
  }));
  const plans = planPayments(toPay);
  const payments: TPostedPayment[] = [];
  for (const [index, plan] of plans.entries()) {
    const payment =
      existing.get(plan.customerId) ??
      (await api.createPayment(buildQuickBooksPayment(plan, payload, sync.id), `wc-${sync.id}-${sync.generation}-${index}`));
    payments.push({ customerId: plan.customerId, customerName: payment.CustomerRef.name ?? null, qboId: payment.Id, totalCents: amountToCents(payment.TotalAmt) });
  }
  return buildPaymentOutcome(payments, payload, plans);
}

export type TPostedPayment = { customerId: string; customerName: string | null; qboId: string; totalCents: number };

/** A payout's payments as its row records them (Online and Desktop alike): the deposit links `notes.payments`. */
export function buildPaymentOutcome(payments: TPostedPayment[], payload: Pick<TPaymentPayload, "txnDate">, plans: TPaymentPlan[]): TPushOutcome {
  return {
    kind: "synced",
    qboId: payments.map((payment) => payment.qboId).join(","),
    qboDocNumber: null,
    qboTxnDate: payload.txnDate,
    qboTotalCents: payments.reduce((sum, payment) => sum + payment.totalCents, 0),
    qboCustomerName: [...new Set(payments.map((payment) => payment.customerName).filter(Boolean))].join(", ") || null,
    notes: { payments, differences: plans.flatMap((plan) => plan.differences) },
  };
}
