import { z } from "zod";
import { db } from "@/lib/db/client";
import type { QuickBooksSync } from "@/lib/generated/prisma/client";
import { formatCents } from "@/lib/money";
import type { QuickBooksApi } from "@/lib/quickbooks/api";
import { quoteQueryValue } from "@/lib/quickbooks/api";
import { findByMarker } from "@/lib/quickbooks/find-by-marker";
import { PAUSED_MESSAGE } from "@/lib/sync/create-sync";
import { amountToCents, type TPushOutcome } from "@/lib/sync/push-outcome";
import { checkDepositAccounts } from "./deposit-accounts";
import { buildDepositMarker, buildQuickBooksDeposit, planDepositLines, ZDepositPayloadSchema, type TDepositLine, type TDepositPayload } from "./deposit-payload";

const PAYMENT_WAIT_MS = 1000;
const ZPaymentNotesSchema = z.object({ payments: z.array(z.object({ qboId: z.string(), customerName: z.string().nullable(), totalCents: z.number().int() })) });
export const WAITING_FOR_PAYMENT = "WAITING_FOR_PAYMENT";

/** The payout's payments once they are in QuickBooks; or why the deposit cannot go yet. */
async function readPayments(sync: QuickBooksSync): Promise<z.infer<typeof ZPaymentNotesSchema>["payments"] | TPushOutcome> {
  const payment = await db.quickBooksSync.findFirst({ where: { organizationId: sync.organizationId, kind: "PAYMENT", payoutId: sync.payoutId } });
  if (!payment) return []; // every job was paid earlier (by FastPay): a deposit of account lines only
  if (payment.status === "SYNCED") return ZPaymentNotesSchema.parse(payment.notes).payments;
  if (payment.status === "PAUSED") return { kind: "paused", message: PAUSED_MESSAGE };
  if (payment.status === "FAILED" || payment.status === "SKIPPED") {
    return { kind: "failed", code: WAITING_FOR_PAYMENT, message: `Waiting for the payout's payment, which was not posted: ${payment.errorMessage ?? "see above"} Retry the payout; the deposit follows.` };
  }
  return { kind: "wait", retryAt: new Date(Date.now() + PAYMENT_WAIT_MS), message: "Posting the payments first." };
}

function cannotDeposit(totalCents: number): TPushOutcome {
  return {
    kind: "failed",
    code: "NEEDS_ATTENTION",
    message:
      totalCents === 0
        ? "The deductions equal the payments, so nothing reached the bank and there is no deposit to make. The payments wait in Undeposited Funds: clear them against the deductions with a $0 deposit or a journal entry in QuickBooks."
        : `The deductions exceed the payments by ${formatCents(-totalCents)}, so this payout owes Xometry money and QuickBooks refuses a deposit below zero. The payments are posted and wait in Undeposited Funds; record the ${formatCents(-totalCents)} owed to Xometry as a bill or journal entry, and include these payments in your next deposit.`,
  };
}

/**
 * Pushes a payout's deposit: waits for its payments, then one Deposit into the bank account with a
 * line per payment and a negative line per deduction, whose total must be the payout's net to the
 * cent. Safe to repeat: an earlier deposit is found by marker and adopted.
 */
export async function pushDeposit(sync: QuickBooksSync, api: QuickBooksApi): Promise<TPushOutcome> {
  const payload: TDepositPayload = ZDepositPayloadSchema.parse(sync.payload);
  const planned = await planDeposit(sync, payload);
  if (!("lines" in planned)) return planned;
  const { lines } = planned;
  const existing = await findByMarker((statement) => api.findDeposits(statement), `where TxnDate = ${quoteQueryValue(payload.txnDate)}`, buildDepositMarker(sync.id));
  if (!existing) {
    const problems = await checkDepositAccounts(api, payload);
    if (problems.length) return { kind: "failed", code: "NEEDS_ATTENTION", message: `Needs attention, the deposit was not made: ${problems.join(" ")}` };
  }
  const deposit = existing ?? (await api.createDeposit(buildQuickBooksDeposit(lines, payload, sync.id), `wc-${sync.id}-${sync.generation}`));
  return buildDepositOutcome({ qboId: deposit.Id, docNumber: deposit.DocNumber ?? null, txnDate: deposit.TxnDate, totalCents: amountToCents(deposit.TotalAmt) }, payload, lines);
}

/** The lines a deposit must have, or the outcome that stops it (payments not posted yet, totals that do not add up, nothing to deposit). */
export async function planDeposit(sync: QuickBooksSync, payload: TDepositPayload): Promise<{ lines: TDepositLine[] } | TPushOutcome> {
  const payments = await readPayments(sync);
  if (!Array.isArray(payments)) return payments;
  const lines = planDepositLines(payments, payload);
  const totalCents = lines.reduce((sum, line) => sum + line.amountCents, 0);
  if (totalCents !== payload.netCents) {
    return { kind: "failed", code: "NEEDS_ATTENTION", message: `The payments and deductions add up to ${formatCents(totalCents)}, not the ${formatCents(payload.netCents)} that reached the bank, so no deposit was made. Check the payout's payments in QuickBooks.` };
  }
  if (totalCents <= 0) return cannotDeposit(totalCents);
  return { lines };
}

/** A deposit as its row records it (Online and Desktop alike), checked against what reached the bank. */
export function buildDepositOutcome(deposit: { qboId: string; docNumber: string | null; txnDate: string; totalCents: number }, payload: TDepositPayload, lines: TDepositLine[]): TPushOutcome {
  const matchesBank = deposit.totalCents === payload.netCents;
  return {
    kind: "synced",
    qboId: deposit.qboId,
    qboDocNumber: deposit.docNumber,
    qboTxnDate: deposit.txnDate,
    qboTotalCents: deposit.totalCents,
    qboCustomerName: null,
    notes: { netCents: payload.netCents, matchesBank, lines: lines.map(({ accountId: _accountId, ...line }) => line) },
    ...(matchesBank ? {} : { driftReason: `QuickBooks holds this deposit at ${formatCents(deposit.totalCents)}, but ${formatCents(payload.netCents)} reached the bank.` }),
  };
}
