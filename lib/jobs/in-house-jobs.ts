import { ensureCan, type TActor } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { recordDomainEvent } from "@/lib/events/domain-events";
import type { Job } from "@/lib/generated/prisma/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { parseInput } from "@/lib/validation";
import { changeJob } from "./change-job";
import { ZCreateInHouseJobRequestSchema, ZJobIdSchema } from "./schemas";

const FIRST_IN_HOUSE_NUMBER = 1001;

/** Creates an in-house job (customer as free text, line items); numbered IH-1001, IH-1002, … per shop. */
export async function createInHouseJob(actor: TActor, input: unknown): Promise<Job> {
  ensureCan(actor, "in-house.manage");
  const request = parseInput(ZCreateInHouseJobRequestSchema, input);
  const totalCents = request.lineItems.reduce((sum, line) => sum + line.quantity * line.unitPrice, 0);
  const quantity = request.lineItems.reduce((sum, line) => sum + line.quantity, 0);
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.$transaction(async (tx) => {
        const count = await tx.job.count({ where: { organizationId: actor.organizationId, source: "IN_HOUSE" } });
        const number = `IH-${FIRST_IN_HOUSE_NUMBER + count + attempt}`;
        const job = await tx.job.create({
          data: {
            organizationId: actor.organizationId,
            source: "IN_HOUSE",
            status: "OPEN",
            number,
            partName: request.title,
            customerName: request.customerName,
            quantity,
            priceCents: totalCents,
            lineItems: {
              create: request.lineItems.map((line, position) => ({
                position,
                description: line.description,
                quantity: line.quantity,
                unitPriceCents: line.unitPrice,
              })),
            },
          },
        });
        await recordDomainEvent(tx, {
          type: "in_house_job.created",
          organizationId: actor.organizationId,
          actorUserId: actor.userId,
          jobId: job.id,
          payload: { number, totalCents },
        });
        return job;
      });
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= 5) throw error;
    }
  }
}

export async function completeInHouseJob(actor: TActor, rawJobId: unknown, now = new Date()): Promise<Job> {
  ensureCan(actor, "in-house.manage");
  const jobId = parseInput(ZJobIdSchema, rawJobId);
  return changeJob(actor, jobId, "complete", (job) => ({
    data: { status: "COMPLETED", completedAt: now },
    event: { type: "in_house_job.completed", payload: { number: job.number, totalCents: job.priceCents } },
  }));
}
