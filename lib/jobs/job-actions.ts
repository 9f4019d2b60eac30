import { ensureCan, type TActor } from "@/lib/auth/permissions";
import { fromCalendarDate, toCalendarDateString } from "@/lib/dates";
import { AppError } from "@/lib/errors";
import type { Job } from "@/lib/generated/prisma/client";
import { parseInput } from "@/lib/validation";
import { changeJob } from "./change-job";
import { ZJobIdSchema, ZRepriceJobRequestSchema, ZShipJobRequestSchema } from "./schemas";

/** Accepts a Job Board offer; the ship-by date comes with the offer. */
export async function acceptJob(actor: TActor, rawJobId: unknown, now = new Date()): Promise<Job> {
  ensureCan(actor, "jobs.operate");
  const jobId = parseInput(ZJobIdSchema, rawJobId);
  return changeJob(actor, jobId, "accept", (job) => ({
    data: { status: "ACCEPTED", acceptedAt: now },
    event: {
      type: "job.accepted",
      payload: {
        number: job.number,
        priceCents: job.priceCents,
        expectedShipDate: job.expectedShipDate ? toCalendarDateString(job.expectedShipDate) : null,
      },
    },
  }));
}

/** Ships an accepted job ("Job Completed"); the ship date is a calendar date the user picks. */
export async function shipJob(actor: TActor, input: unknown, now = new Date()): Promise<Job> {
  ensureCan(actor, "jobs.operate");
  const { jobId, shipDate } = parseInput(ZShipJobRequestSchema, input);
  return changeJob(actor, jobId, "ship", (job) => {
    // Acceptance is an instant; the shop's calendar day may be a day behind UTC's.
    if (job.acceptedAt && shipDate < toCalendarDateString(new Date(job.acceptedAt.getTime() - 24 * 60 * 60 * 1000))) {
      throw new AppError("INVALID_INPUT", "The ship date cannot be before the job was accepted.", {
        details: ["shipDate: before the acceptance date"],
      });
    }
    return {
      data: { status: "SHIPPED", shipDate: fromCalendarDate(shipDate), shippedAt: now },
      event: { type: "job.shipped", payload: { number: job.number, shipDate, priceCents: job.priceCents } },
    };
  });
}

export async function cancelJob(actor: TActor, rawJobId: unknown, now = new Date()): Promise<Job> {
  ensureCan(actor, "jobs.operate");
  const jobId = parseInput(ZJobIdSchema, rawJobId);
  return changeJob(actor, jobId, "cancel", (job) => ({
    data: { status: "CANCELLED", cancelledAt: now },
    event: { type: "job.cancelled", payload: { number: job.number, previousStatus: job.status } },
  }));
}

/** Xometry can change the price after acceptance; every change is kept in the price history. */
export async function repriceJob(actor: TActor, input: unknown): Promise<Job> {
  ensureCan(actor, "jobs.reprice");
  const { jobId, price, reason } = parseInput(ZRepriceJobRequestSchema, input);
  return changeJob(actor, jobId, "reprice", (job) => {
    if (price === job.priceCents) {
      throw new AppError("INVALID_INPUT", "That is already the job's price.", { details: ["price: unchanged"] });
    }
    return {
      data: { priceCents: price },
      event: { type: "job.repriced", payload: { number: job.number, previousCents: job.priceCents, newCents: price } },
      after: async (tx) => {
        await tx.jobPriceChange.create({
          data: { jobId: job.id, previousCents: job.priceCents, newCents: price, reason: reason ?? null, changedByUserId: actor.userId },
        });
      },
    };
  });
}
