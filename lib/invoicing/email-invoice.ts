import { z } from "zod";
import { ensureCan, type TActor } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import { requireQuickBooksApi, toInteractiveError } from "@/lib/quickbooks/connection";
import { parseInput } from "@/lib/validation";
import { noEmailAddressMessage, sendInvoiceEmail } from "./invoice-email-send";

/**
 * *Email invoice*: QuickBooks sends the invoice (`POST invoice/{id}/send`) to the email it has —
 * the invoice's, or else the customer's, read live and never stored. No address anywhere → plain
 * words saying where to add it, and nothing is sent. An automatic email that was waiting for that
 * address (INVOICE_EMAIL row in "needs attention") is settled by this one.
 */
export async function emailInvoice(actor: TActor, rawJobId: unknown): Promise<{ emailedAt: string }> {
  ensureCan(actor, "invoices.manage");
  const jobId = parseInput(z.string().min(1).max(64), rawJobId);
  const sync = await db.quickBooksSync.findFirst({ where: { organizationId: actor.organizationId, jobId, kind: "INVOICE" } });
  if (!sync) throw notFound("This job's invoice");
  if (sync.status !== "SYNCED" || !sync.qboId) throw new AppError("CONFLICT", "The invoice is not in QuickBooks yet. It can be emailed once it is.");
  if (sync.qboState === "VOIDED" || sync.qboState === "DELETED") throw new AppError("CONFLICT", `This invoice was ${sync.qboState === "VOIDED" ? "voided" : "deleted"} in QuickBooks, so it is not emailed.`);
  const { connection, api } = await requireQuickBooksApi(actor.organizationId);
  if (connection.realmId !== sync.realmId) throw new AppError("CONFLICT", "This invoice is in a previous QuickBooks company, so it cannot be emailed from here.");
  let result: Awaited<ReturnType<typeof sendInvoiceEmail>>;
  try {
    result = await sendInvoiceEmail(api, sync.qboId, { onlyOnce: false });
  } catch (error) {
    throw toInteractiveError(error);
  }
  if (result.kind === "gone") throw new AppError("CONFLICT", "This invoice was deleted in QuickBooks, so it is not emailed.");
  if (result.kind === "no_address") throw new AppError("UNPROCESSABLE", noEmailAddressMessage(result.customerName));
  const { emailedAt } = result;
  await db.$transaction([
    db.quickBooksSync.update({ where: { id: sync.id }, data: { qboEmailedAt: emailedAt } }),
    db.quickBooksSync.updateMany({
      where: { organizationId: actor.organizationId, jobId, kind: "INVOICE_EMAIL", status: "FAILED" },
      data: { status: "SYNCED", qboId: sync.qboId, errorCode: null, errorMessage: null, syncedAt: new Date() },
    }),
  ]);
  return { emailedAt: emailedAt.toISOString() };
}
