import { ensureCan, type TActor } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ZInvoicePayloadSchema } from "@/lib/invoicing/invoice-payload";
import { getSupersededQboIds } from "@/lib/invoicing/push-invoice";
import { ZJobIdSchema } from "@/lib/jobs/schemas";
import { enqueuePushSync } from "@/lib/queue/tasks";
import { PAUSED_MESSAGE } from "@/lib/sync/create-sync";
import { parseInput } from "@/lib/validation";
import { lockJob } from "./write-change";

/**
 * "Create again" for an invoice voided or deleted in QuickBooks (a person's click, never
 * automatic): a new generation of the same sync row, back to PENDING, at the job's price now.
 * The old QuickBooks invoice is remembered as superseded, so the marker lookup never adopts it.
 */
export async function createInvoiceAgain(actor: TActor, rawJobId: unknown) {
  ensureCan(actor, "invoices.manage");
  const jobId = parseInput(ZJobIdSchema, rawJobId);
  return db.$transaction(async (tx) => {
    await lockJob(tx, actor.organizationId, jobId);
    const job = await tx.job.findUniqueOrThrow({ where: { id: jobId } });
    const invoice = await tx.quickBooksSync.findFirst({ where: { organizationId: actor.organizationId, jobId, kind: "INVOICE" } });
    if (!invoice) throw notFound("This job's invoice");
    if (invoice.status !== "SYNCED" || !invoice.qboId || (invoice.qboState !== "VOIDED" && invoice.qboState !== "DELETED")) {
      throw new AppError("CONFLICT", "Only an invoice voided or deleted in QuickBooks can be created again.");
    }
    if (job.status === "CANCELLED") throw new AppError("INVALID_TRANSITION", `Job ${job.number} was cancelled; cancelled jobs are not invoiced.`);
    const payload = ZInvoicePayloadSchema.parse(invoice.payload);
    const lines = payload.source === "XOMETRY" && payload.lines.length === 1 ? [{ ...payload.lines[0]!, quantity: 1, unitPriceCents: job.priceCents }] : payload.lines;
    const superseded = [...getSupersededQboIds(invoice.change), invoice.qboId];
    const connection = await tx.quickBooksConnection.findUnique({ where: { organizationId: actor.organizationId } });
    const status = connection?.status === "CONNECTED" ? "PENDING" : "PAUSED";
    const updated = await tx.quickBooksSync.update({
      where: { id: invoice.id },
      data: {
        ...CLEARED_DOCUMENT,
        status,
        errorMessage: status === "PAUSED" ? PAUSED_MESSAGE : null,
        generation: { increment: 1 },
        attempts: 0,
        payload: { ...payload, lines } as Prisma.InputJsonValue,
        change: { supersededQboIds: superseded },
        authorizedByUserId: actor.userId,
        authorizedAt: new Date(),
        authorizedBy: "person",
      },
    });
    if (updated.status === "PENDING") await enqueuePushSync(updated.id, { tx });
    return updated;
  });
}

const CLEARED_DOCUMENT = {
  qboId: null,
  qboDocNumber: null,
  qboTxnDate: null,
  qboTotalCents: null,
  qboCustomerName: null,
  qboDueDate: null,
  qboTermName: null,
  qboTaxCents: null,
  qboState: null,
  qboBalanceCents: null,
  qboSyncToken: null,
  qboUpdatedAt: null,
  qboStateNote: null,
  qboEmailedAt: null,
  errorCode: null,
  errorMessage: null,
  driftReason: null,
  nextAttemptAt: null,
  syncedAt: null,
};
