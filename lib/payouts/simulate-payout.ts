import crypto from "node:crypto";
import { ensureCan, type TActor } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { formatCents } from "@/lib/money";
import { parseInput } from "@/lib/validation";
import { computeFastPayFeeCents, formatPercent } from "./fastpay-fee";
import { recordPayout, type TPayoutToRecord, type TRecordPayoutResult } from "./record-payout";
import { ZSimulatePayoutRequestSchema } from "./schemas";

type TDeduction = TPayoutToRecord["deductions"][number];

/** FastPay's fee deduction: the percentage of what is left after the Advance Card, to the cent. */
function fastPayFee(grossCents: number, deductions: TDeduction[], basisPoints: number): TDeduction {
  const advanceCardCents = deductions.filter((deduction) => deduction.kind === "advance_card").reduce((sum, deduction) => sum + deduction.amountCents, 0);
  const amountCents = computeFastPayFeeCents(grossCents, advanceCardCents, basisPoints);
  if (amountCents <= 0) {
    throw new AppError("INVALID_INPUT", "The Advance Card deductions take the whole payout, so FastPay has nothing to charge its fee on.", {
      details: ["fastPayFeePercent: nothing is left after the Advance Card deductions"],
    });
  }
  return { kind: "fastpay_fee", amountCents, memo: `FastPay fee ${formatPercent(basisPoints)} of ${formatCents(grossCents - advanceCardCents)}` };
}

/**
 * Owners/admins simulate Xometry paying chosen shipped jobs, with deductions and optionally as a
 * FastPay payout; it goes through the same path as the webhook.
 */
export async function simulatePayout(actor: TActor, input: unknown): Promise<TRecordPayoutResult> {
  ensureCan(actor, "payouts.simulate");
  const request = parseInput(ZSimulatePayoutRequestSchema, input);
  const jobs = await db.job.findMany({
    where: { organizationId: actor.organizationId, id: { in: request.jobIds }, source: "XOMETRY", status: "SHIPPED" },
  });
  if (jobs.length !== new Set(request.jobIds).size) {
    throw new AppError("INVALID_INPUT", "Only this shop's shipped Xometry jobs can be in a payout.", {
      details: ["jobIds: some jobs are not shipped Xometry jobs of this shop"],
    });
  }
  const numbers = new Map(jobs.map((job) => [job.id, job.number]));
  const grossCents = jobs.reduce((sum, job) => sum + job.priceCents, 0);
  const deductions: TDeduction[] = request.deductions.map((deduction) => ({
    kind: deduction.kind,
    amountCents: deduction.amount,
    memo: deduction.memo,
    jobNumber: deduction.kind === "supplies_bnpl" ? numbers.get(deduction.jobId!) : undefined,
  }));
  if (request.fastPayFeePercent) deductions.push(fastPayFee(grossCents, deductions, request.fastPayFeePercent));
  return recordPayout({
    organizationId: actor.organizationId,
    externalId: `P-SIM-${crypto.randomBytes(4).toString("hex").toUpperCase()}`,
    paidAt: request.paidAt,
    type: request.fastPayFeePercent ? "fastpay" : "weekly",
    lines: jobs.map((job) => ({ jobNumber: job.number, amountCents: job.priceCents })),
    deductions,
    source: "SIMULATED",
    actorUserId: actor.userId,
  });
}
