import { z } from "zod";
import { ZCalendarDateSchema } from "@/lib/dates";
import { ZMoneySchema } from "@/lib/money";
import { ZFeePercentSchema } from "./fastpay-fee";

export const DEDUCTION_KINDS = ["advance_card", "supplies_bnpl", "fastpay_fee", "adjustment"] as const;
export const PAYOUT_TYPES = ["weekly", "fastpay"] as const;
const ZJobNumberSchema = z.string().trim().regex(/^J-[A-Za-z0-9-]{1,40}$/, "jobNumber looks like J-104233");

const ZPositiveMoneySchema = ZMoneySchema.refine((cents) => cents > 0, "The amount must be more than zero");

/** The body Xometry posts to /api/webhooks/xometry/payouts. */
export const ZXometryPayoutWebhookSchema = z.strictObject({
  supplierId: z.string().trim().regex(/^S-[A-Za-z0-9-]{1,40}$/, "supplierId looks like S-12345"),
  payoutId: z.string().trim().regex(/^P-[A-Za-z0-9-]{1,40}$/, "payoutId looks like P-12345"),
  paidAt: ZCalendarDateSchema,
  /** weekly (default): the regular payout; fastpay: chosen jobs paid early for a fee. */
  type: z.enum(PAYOUT_TYPES).optional().default("weekly"),
  lines: z
    .array(
      z.strictObject({
        jobNumber: ZJobNumberSchema,
        amount: ZPositiveMoneySchema,
      }),
    )
    .min(1, "A payout pays at least one job")
    .max(500)
    .refine((lines) => new Set(lines.map((line) => line.jobNumber)).size === lines.length, "Each job appears once per payout"),
  deductions: z
    .array(
      z.strictObject({
        kind: z.enum(DEDUCTION_KINDS),
        amount: ZPositiveMoneySchema,
        memo: z.string().trim().max(200).optional(),
        /** Supplies BNPL names the job whose payout it is deducted from. */
        jobNumber: ZJobNumberSchema.optional(),
      }),
    )
    .max(50)
    .optional()
    .default([]),
})
  .superRefine((body, ctx) => {
    const jobs = new Set(body.lines.map((line) => line.jobNumber));
    body.deductions.forEach((deduction, index) => {
      if (deduction.kind === "supplies_bnpl" && !deduction.jobNumber) {
        ctx.addIssue({ code: "custom", path: ["deductions", index, "jobNumber"], message: "Supplies BNPL names the job it is deducted from" });
      } else if (deduction.jobNumber && !jobs.has(deduction.jobNumber)) {
        ctx.addIssue({ code: "custom", path: ["deductions", index, "jobNumber"], message: `${deduction.jobNumber} is not one of this payout's lines` });
      }
    });
    if (body.type === "fastpay" && !body.deductions.some((deduction) => deduction.kind === "fastpay_fee")) {
      ctx.addIssue({ code: "custom", path: ["deductions"], message: "A FastPay payout carries its fastpay_fee deduction" });
    }
  });

export type TXometryPayoutWebhook = z.output<typeof ZXometryPayoutWebhookSchema>;

/** What Simulate payout may deduct by hand; FastPay's fee is computed from its percentage. */
export const SIMULATED_DEDUCTION_KINDS = ["advance_card", "supplies_bnpl", "adjustment"] as const;

/** Simulate payout (owners/admins): the shipped jobs to pay at their price, deductions, and FastPay with its fee. */
export const ZSimulatePayoutRequestSchema = z
  .object({
    jobIds: z.array(z.string().min(1).max(64)).min(1, "Choose at least one shipped job").max(200),
    paidAt: ZCalendarDateSchema,
    deductions: z
      .array(
        z.strictObject({
          kind: z.enum(SIMULATED_DEDUCTION_KINDS, { message: "Choose the kind of deduction" }),
          amount: ZPositiveMoneySchema,
          memo: z.string().trim().max(200).optional().transform((memo) => memo || undefined),
          /** Supplies BNPL: the job (one of jobIds) whose payout it is deducted from. */
          jobId: z.string().max(64).optional().transform((jobId) => jobId || undefined),
        }),
      )
      .max(20)
      .default([]),
    /** Present: a FastPay payout, charging this percentage of the net after Advance Card deductions. */
    fastPayFeePercent: ZFeePercentSchema.optional(),
  })
  .superRefine((request, ctx) => {
    request.deductions.forEach((deduction, index) => {
      if (deduction.kind !== "supplies_bnpl") return;
      if (!deduction.jobId) ctx.addIssue({ code: "custom", path: ["deductions", index, "jobId"], message: "Choose the job Supplies BNPL is deducted from" });
      else if (!request.jobIds.includes(deduction.jobId)) ctx.addIssue({ code: "custom", path: ["deductions", index, "jobId"], message: "Choose one of the jobs this payout pays" });
    });
  });
