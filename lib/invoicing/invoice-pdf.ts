import { ensureCan, type TActor } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { requireQuickBooksApi, toInteractiveError } from "@/lib/quickbooks/connection";

/** The job's invoice PDF from QuickBooks, for this organization only; named after the invoice number. */
export async function getInvoicePdf(actor: TActor, jobId: string): Promise<{ fileName: string; pdf: Buffer }> {
  ensureCan(actor, "invoices.manage");
  const sync = await db.quickBooksSync.findFirst({
    where: { organizationId: actor.organizationId, jobId, kind: "INVOICE", status: "SYNCED" },
    include: { job: { select: { number: true } } },
  });
  if (!sync?.qboId) throw notFound("This invoice");
  const { connection, api } = await requireQuickBooksApi(actor.organizationId);
  if (connection.realmId !== sync.realmId) throw notFound("This invoice");
  try {
    const pdf = await api.getInvoicePdf(sync.qboId);
    const name = (sync.qboDocNumber ?? sync.job?.number ?? sync.qboId).replace(/[^A-Za-z0-9._-]/g, "_");
    return { fileName: `Invoice-${name}.pdf`, pdf: Buffer.from(pdf) };
  } catch (error) {
    throw toInteractiveError(error);
  }
}
