import { toCalendarDateString } from "@/lib/dates";
import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import type { Prisma, QuickBooksSync } from "@/lib/generated/prisma/client";
import { buildXometryInvoicePayload } from "@/lib/invoicing/xometry-invoice";
import { getActiveIntegration } from "./integration";

/**
 * Re-aims a document meant for a previous QuickBooks company at the current one, from the
 * current configuration. An in-house invoice names a customer of the old company, so it is
 * cleared instead: its job offers Create Invoice again.
 */
export async function rebaseOnCurrentCompany(sync: QuickBooksSync): Promise<{ realmId: string; payload: Prisma.InputJsonValue }> {
  const integration = await getActiveIntegration(sync.organizationId);
  if (!integration) throw new AppError("CONFLICT", "Set up QuickBooks for the current company first (Integrations page).");
  const { configuration, connection } = integration;
  if (sync.kind === "INVOICE") {
    const job = sync.jobId ? await db.job.findUnique({ where: { id: sync.jobId } }) : null;
    if (!job || job.source === "IN_HOUSE") {
      await db.quickBooksSync.delete({ where: { id: sync.id } });
      throw new AppError("CONFLICT", "This in-house invoice named a customer of the previous company. Create it again from the job's Invoice tab.");
    }
    const payload = buildXometryInvoicePayload(job, configuration);
    if (!payload) throw new AppError("CONFLICT", "The current configuration does not invoice this job.");
    return { realmId: connection.realmId, payload };
  }
  if (sync.kind === "DEPOSIT") {
    await db.quickBooksSync.delete({ where: { id: sync.id } });
    throw new AppError("CONFLICT", "This deposit was meant for the previous company. Post the payout to QuickBooks again from its page: the deposit is made from the current configuration.");
  }
  if (sync.kind !== "PAYMENT") throw new AppError("CONFLICT", "This change was meant for an invoice in the previous QuickBooks company, so it cannot be sent to the current one.");
  const payout = await db.payout.findUniqueOrThrow({ where: { id: sync.payoutId! } });
  const previous = sync.payload as { lines: unknown[] };
  return {
    realmId: connection.realmId,
    payload: { payoutNumber: payout.externalId, txnDate: toCalendarDateString(payout.paidAt), depositAccountId: configuration.depositAccountId, lines: previous.lines } as Prisma.InputJsonValue,
  };
}
