import { z } from "zod";
import type { DeductionKind, QuickBooksConfiguration } from "@/lib/generated/prisma/client";
import { centsToDecimalString, formatCents } from "@/lib/money";

/** Which configured account each deduction kind is booked to, and how it reads in words. */
export const DEDUCTION_ACCOUNTS = {
  ADVANCE_CARD: { field: "advanceCardAccountId", label: "Advance Card repayments", description: "Xometry Advance Card repayment" },
  SUPPLIES_BNPL: { field: "bnplAccountId", label: "Supplies BNPL", description: "Xometry Supplies Buy Now, Pay Later" },
  FASTPAY_FEE: { field: "fastPayFeeAccountId", label: "FastPay fees", description: "Xometry FastPay fee" },
  ADJUSTMENT: { field: "adjustmentAccountId", label: "adjustments", description: "Xometry adjustment" },
} as const satisfies Record<DeductionKind, { field: keyof QuickBooksConfiguration; label: string; description: string }>;

const ZAccountLineSchema = z.object({
  kind: z.enum(["deduction", "adjustment"]),
  /** Null when the configuration had no account for it: the deposit then needs a person. */
  accountId: z.string().nullable(),
  accountLabel: z.string(),
  /** Signed: deductions are negative. */
  amountCents: z.number().int(),
  description: z.string().max(4000),
});

/** A payout's deposit as fixed when the payout was recorded (the configuration at that moment). */
export const ZDepositPayloadSchema = z.object({
  payoutNumber: z.string(),
  txnDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** What reaches the bank: the payout's gross less its deductions. */
  netCents: z.number().int(),
  bankAccountId: z.string().nullable(),
  accountLines: z.array(ZAccountLineSchema),
});
export type TDepositPayload = z.infer<typeof ZDepositPayloadSchema>;

type TPayoutForDeposit = {
  externalId: string;
  netCents: number;
  deductions: { kind: DeductionKind; amountCents: number; memo: string | null; job: { number: string } | null }[];
  lines: { amountCents: number; job: { number: string }; paidEarlierBy: string | null }[];
};
type TDepositAccounts = Pick<QuickBooksConfiguration, "bankAccountId" | (typeof DEDUCTION_ACCOUNTS)[DeductionKind]["field"]>;

/**
 * One negative line per deduction on its kind's account; a job FastPay already paid that this payout
 * pays again is a positive line on the adjustments account (it is not in the payment), so the
 * deposit still equals what reaches the bank.
 */
export function buildDepositPayload(payout: TPayoutForDeposit, txnDate: string, accounts: TDepositAccounts): TDepositPayload {
  const deductions = payout.deductions.map((deduction) => {
    const rule = DEDUCTION_ACCOUNTS[deduction.kind];
    const parts = [rule.description, deduction.job ? `for ${deduction.job.number}` : null, deduction.memo].filter(Boolean);
    return { kind: "deduction" as const, accountId: accounts[rule.field], accountLabel: rule.label, amountCents: -deduction.amountCents, description: `${parts.join(" · ")} (payout ${payout.externalId})` };
  });
  const paidAgain = payout.lines
    .filter((line) => line.paidEarlierBy)
    .map((line) => ({
      kind: "adjustment" as const,
      accountId: accounts.adjustmentAccountId,
      accountLabel: DEDUCTION_ACCOUNTS.ADJUSTMENT.label,
      amountCents: line.amountCents,
      description: `${line.job.number} already paid by FastPay ${line.paidEarlierBy}, paid again in payout ${payout.externalId}: ${formatCents(line.amountCents)} owed back to Xometry`,
    }));
  return { payoutNumber: payout.externalId, txnDate, netCents: payout.netCents, bankAccountId: accounts.bankAccountId, accountLines: [...deductions, ...paidAgain] };
}

export type TDepositLine = { kind: "payment" | "deduction" | "adjustment"; description: string; amountCents: number; qboId?: string; accountId?: string };

/** The deposit's lines: each payment (linked, whole), then the account lines. */
export function planDepositLines(payments: { qboId: string; customerName: string | null; totalCents: number }[], payload: TDepositPayload): TDepositLine[] {
  return [
    ...payments.map((payment) => ({ kind: "payment" as const, qboId: payment.qboId, amountCents: payment.totalCents, description: `Payment ${payment.qboId}${payment.customerName ? ` from ${payment.customerName}` : ""}` })),
    ...payload.accountLines.map((line) => ({ kind: line.kind, accountId: line.accountId ?? undefined, amountCents: line.amountCents, description: line.description })),
  ];
}

export function buildDepositMarker(syncId: string): string {
  return `wc:${syncId}`;
}

const money = (cents: number) => Number(centsToDecimalString(cents));

/** Linked lines carry no DetailType (QuickBooks answers 2020 otherwise); account lines do. */
export function buildQuickBooksDeposit(lines: TDepositLine[], payload: TDepositPayload, syncId: string) {
  return {
    TxnDate: payload.txnDate,
    DepositToAccountRef: { value: payload.bankAccountId },
    PrivateNote: `Workcenter payout ${payload.payoutNumber} · ${buildDepositMarker(syncId)}`,
    Line: lines.map((line) =>
      line.kind === "payment"
        ? { Amount: money(line.amountCents), LinkedTxn: [{ TxnId: line.qboId, TxnType: "Payment", TxnLineId: "0" }] }
        : { DetailType: "DepositLineDetail", Amount: money(line.amountCents), Description: line.description, DepositLineDetail: { AccountRef: { value: line.accountId } } },
    ),
  };
}
