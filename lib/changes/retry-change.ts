import { ensureCan, type TActor } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import { ZJobIdSchema } from "@/lib/jobs/schemas";
import { REALM_CHANGED } from "@/lib/sync/realm-change";
import { retrySync } from "@/lib/sync/retry-sync";
import { parseInput } from "@/lib/validation";
import { CHANGE_KINDS, ZRetryChangeRequestSchema } from "./change-payload";

/**
 * A person's Retry of a change that failed (a new requestid generation; the pusher reads
 * QuickBooks first and adopts what is already done). A change meant for an invoice in a previous
 * QuickBooks company cannot follow the shop to the new one: it is refused in words.
 */
export async function retryInvoiceChange(actor: TActor, rawJobId: unknown, input: unknown): Promise<void> {
  ensureCan(actor, "invoices.manage");
  const jobId = parseInput(ZJobIdSchema, rawJobId);
  const job = await db.job.findFirst({ where: { id: jobId, organizationId: actor.organizationId }, select: { id: true } });
  if (!job) throw notFound("This job");
  const { changeId } = parseInput(ZRetryChangeRequestSchema, input);
  const change = await db.quickBooksSync.findFirst({ where: { id: changeId, organizationId: actor.organizationId, jobId, kind: { in: CHANGE_KINDS } } });
  if (!change) throw notFound("This change");
  if (change.errorCode === REALM_CHANGED) {
    throw new AppError("CONFLICT", "This change was for an invoice in the QuickBooks company the shop used before, so it cannot be sent to the current one.");
  }
  await retrySync(actor, change.id);
}
