import { db, type TTransaction } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import type { TActor } from "@/lib/auth/permissions";
import { recordDomainEvent, type TDomainEvent } from "@/lib/events/domain-events";
import type { Job, Prisma } from "@/lib/generated/prisma/client";
import { ensureTransition, type TJobAction } from "./transitions";

type TChange = {
  data: Prisma.JobUpdateManyMutationInput;
  event: Pick<TDomainEvent, "type" | "payload">;
  /** Extra writes in the same transaction (e.g. the price history). */
  after?: (tx: TTransaction, job: Job) => Promise<void>;
};

/**
 * The one path for changing a job: in one transaction, load it within the actor's
 * organization, check the move is legal, apply it only if nobody changed the job meanwhile,
 * and record the domain event.
 */
export async function changeJob(actor: TActor, jobId: string, action: TJobAction, build: (job: Job) => TChange): Promise<Job> {
  return db.$transaction(async (tx) => {
    const job = await tx.job.findFirst({ where: { id: jobId, organizationId: actor.organizationId } });
    if (!job) throw notFound("This job");
    ensureTransition(action, job);
    const change = build(job);
    const updated = await tx.job.updateMany({
      where: { id: job.id, status: job.status, priceCents: job.priceCents },
      data: change.data,
    });
    if (updated.count !== 1) {
      throw new AppError("CONFLICT", `Job ${job.number} was changed by someone else just now. Reload and try again.`);
    }
    await change.after?.(tx, job);
    await recordDomainEvent(tx, {
      ...change.event,
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      jobId: job.id,
    });
    return tx.job.findUniqueOrThrow({ where: { id: job.id } });
  });
}
