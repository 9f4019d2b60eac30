import { z } from "zod";
import { ensureCan, type TActor } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import { requireQuickBooksApi, toInteractiveError } from "@/lib/quickbooks/connection";
import { parseInput } from "@/lib/validation";

function noEmailMessage(customerName: string): string {
  return `QuickBooks has no email address for ${customerName}. Add it in QuickBooks (Sales → Customers → ${customerName} → Edit → Email), then press Email invoice again.`;
}

/**
 * *Email invoice*: QuickBooks sends the invoice (`POST invoice/{id}/send`) to the email it has —
 * the invoice's, or else the customer's, read live and never stored. No address anywhere → plain
 * words saying where to add it, and nothing is sent.
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
  try {
    const invoice = await api.getInvoice(sync.qboId);
    let sendTo: string | undefined;
    if (!invoice.BillEmail?.Address) {
      const customer = await api.getCustomer(invoice.CustomerRef.value);
      sendTo = customer.PrimaryEmailAddr?.Address;
      if (!sendTo) throw new AppError("UNPROCESSABLE", noEmailMessage(customer.DisplayName));
    }
    const sent = await api.sendInvoice(sync.qboId, sendTo);
    const delivered = sent.DeliveryInfo?.DeliveryTime ? new Date(sent.DeliveryInfo.DeliveryTime) : new Date();
    const emailedAt = Number.isNaN(delivered.getTime()) ? new Date() : delivered;
    await db.quickBooksSync.update({ where: { id: sync.id }, data: { qboEmailedAt: emailedAt } });
    return { emailedAt: emailedAt.toISOString() };
  } catch (error) {
    throw toInteractiveError(error);
  }
}
