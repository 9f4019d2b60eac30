import crypto from "node:crypto";
import { ensureCan, type TActor } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { recordPayout, type TRecordPayoutResult } from "./record-payout";
import { ZSimulatePayoutRequestSchema } from "./schemas";

/** Owners/admins simulate Xometry paying chosen shipped jobs; it goes through the same path as the webhook. */
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
  return recordPayout({
    organizationId: actor.organizationId,
    externalId: `P-SIM-${crypto.randomBytes(4).toString("hex").toUpperCase()}`,
    paidAt: request.paidAt,
    lines: jobs.map((job) => ({ jobNumber: job.number, amountCents: job.priceCents })),
    deductions: [],
    source: "SIMULATED",
    actorUserId: actor.userId,
  });
}
