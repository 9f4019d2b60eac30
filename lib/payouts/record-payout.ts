import { db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { fromCalendarDate, toCalendarDateString } from "@/lib/dates";
import { AppError } from "@/lib/errors";
import { recordDomainEvent } from "@/lib/events/domain-events";
import type { DeductionKind, PayoutSource } from "@/lib/generated/prisma/enums";

export type TPayoutToRecord = {
  organizationId: string;
  externalId: string;
  paidAt: string;
  /** Default weekly. */
  type?: "weekly" | "fastpay";
  lines: { jobNumber: string; amountCents: number }[];
  /** `jobNumber`: Supplies BNPL names the job (one of the lines). */
  deductions: { kind: string; amountCents: number; memo?: string; jobNumber?: string }[];
  source: PayoutSource;
  actorUserId?: string;
};

export type TRecordPayoutResult = { status: "recorded" | "duplicate"; payoutId: string };

/**
 * Stores a Xometry payout once per (organization, payout id), with its lines and deductions,
 * and records `payout.recorded` in the same transaction. Every job must be one of this
 * organization's Xometry jobs (422 otherwise); nothing is stored on any error.
 */
export async function recordPayout(payout: TPayoutToRecord): Promise<TRecordPayoutResult> {
  const lineJobs = new Set(payout.lines.map((line) => line.jobNumber));
  const strays = payout.deductions.filter((deduction) => (deduction.jobNumber ? !lineJobs.has(deduction.jobNumber) : deduction.kind === "supplies_bnpl"));
  if (strays.length > 0) {
    throw new AppError("UNPROCESSABLE", "A Supplies BNPL deduction names a job that is not in the payout.", {
      details: strays.map((deduction) => `deductions: ${deduction.jobNumber ?? "a Supplies BNPL deduction without a job"} is not one of this payout's jobs`),
    });
  }
  const existing = await findExisting(payout.organizationId, payout.externalId);
  if (existing) return ensureSameAsExisting(existing, payout);
  const grossCents = payout.lines.reduce((sum, line) => sum + line.amountCents, 0);
  const deductionsCents = payout.deductions.reduce((sum, deduction) => sum + deduction.amountCents, 0);
  try {
    return await db.$transaction(async (tx) => {
      const jobs = await tx.job.findMany({
        where: { organizationId: payout.organizationId, number: { in: payout.lines.map((line) => line.jobNumber) } },
        select: { id: true, number: true, source: true, payoutLines: { where: { payout: { type: "FASTPAY" } }, select: { payoutId: true } } },
      });
      const byNumber = new Map(jobs.map((job) => [job.number, job]));
      const unknown = payout.lines.filter((line) => byNumber.get(line.jobNumber)?.source !== "XOMETRY");
      if (unknown.length > 0) {
        throw new AppError("UNPROCESSABLE", "The payout names jobs this shop does not have.", {
          details: unknown.map((line) => `lines: ${line.jobNumber} is not a Xometry job of this supplier`),
        });
      }
      const created = await tx.payout.create({
        data: {
          organizationId: payout.organizationId,
          externalId: payout.externalId,
          paidAt: fromCalendarDate(payout.paidAt),
          grossCents,
          deductionsCents,
          netCents: grossCents - deductionsCents,
          type: payout.type === "fastpay" ? "FASTPAY" : "WEEKLY",
          source: payout.source,
          lines: {
            // A job FastPay already paid is flagged here, and left out of this payout's Payment.
            create: payout.lines.map((line) => {
              const job = byNumber.get(line.jobNumber)!;
              return { jobId: job.id, amountCents: line.amountCents, paidEarlierByPayoutId: job.payoutLines[0]?.payoutId ?? null };
            }),
          },
          deductions: {
            create: payout.deductions.map((deduction) => ({
              kind: deduction.kind.toUpperCase() as DeductionKind,
              amountCents: deduction.amountCents,
              memo: deduction.memo ?? null,
              jobId: deduction.jobNumber ? (byNumber.get(deduction.jobNumber)?.id ?? null) : null,
            })),
          },
        },
      });
      await recordDomainEvent(tx, {
        type: "payout.recorded",
        organizationId: payout.organizationId,
        actorUserId: payout.actorUserId ?? null,
        payoutId: created.id,
        payload: { externalId: payout.externalId, grossCents, deductionsCents, paidAt: payout.paidAt },
      });
      return { status: "recorded" as const, payoutId: created.id };
    });
  } catch (error) {
    // Two deliveries of the same payout at once: the loser sees the winner's row.
    if (!isUniqueViolation(error)) throw error;
    const winner = await findExisting(payout.organizationId, payout.externalId);
    if (!winner) throw error;
    return ensureSameAsExisting(winner, payout);
  }
}

type TExisting = NonNullable<Awaited<ReturnType<typeof findExisting>>>;

function findExisting(organizationId: string, externalId: string) {
  return db.payout.findUnique({
    where: { organizationId_externalId: { organizationId, externalId } },
    include: { lines: { include: { job: { select: { number: true } } } } },
  });
}

/** A replay is fine; a different payout under the same id is a conflict, never a silent overwrite. */
function ensureSameAsExisting(existing: TExisting, payout: TPayoutToRecord): TRecordPayoutResult {
  const key = (lines: { jobNumber: string; amountCents: number }[]) =>
    lines
      .map((line) => `${line.jobNumber}=${line.amountCents}`)
      .sort()
      .join(",");
  const storedLines = existing.lines.map((line) => ({ jobNumber: line.job.number, amountCents: line.amountCents }));
  const isSameType = existing.type === (payout.type === "fastpay" ? "FASTPAY" : "WEEKLY");
  if (key(storedLines) !== key(payout.lines) || toCalendarDateString(existing.paidAt) !== payout.paidAt || !isSameType) {
    throw new AppError("CONFLICT", `Payout ${payout.externalId} was already recorded with different lines, date or type.`);
  }
  return { status: "duplicate", payoutId: existing.id };
}
