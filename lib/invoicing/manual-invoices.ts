import { z } from "zod";
import { ensureCan, type TActor } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import { pickRememberedItemId, rememberCustomer } from "@/lib/customers/customer-links";
import { requireItem, requireUsableCustomer } from "@/lib/customers/usable-customer";
import { requireSetupApi } from "@/lib/quickbooks/setup/setup-api";
import { ZQuickBooksIdSchema } from "@/lib/quickbooks/setup/schemas";
import { createSync } from "@/lib/sync/create-sync";
import { getActiveIntegration } from "@/lib/sync/integration";
import { todayCalendarDate, ZCalendarDateSchema } from "@/lib/dates";
import type { Job } from "@/lib/generated/prisma/client";
import { parseInput } from "@/lib/validation";
import { queueInvoiceEmail } from "./invoice-email-auto";
import type { TInvoicePayload } from "./invoice-payload";
import { buildXometryInvoicePayload, isXometryJobInvoiceable } from "./xometry-invoice";

async function requireIntegration(organizationId: string) {
  const integration = await getActiveIntegration(organizationId);
  if (!integration) throw new AppError("CONFLICT", "QuickBooks is not connected and set up. An owner or admin can do it on the Integrations page.");
  return integration;
}

async function loadJob(organizationId: string, jobId: unknown) {
  const id = parseInput(z.string().min(1).max(64), jobId);
  const job = await db.job.findFirst({ where: { id, organizationId }, include: { lineItems: { orderBy: { position: "asc" } } } });
  if (!job) throw notFound("This job");
  return job;
}

/**
 * "Generate Invoice" for a Xometry job accepted or shipped before the integration existed: same
 * rules as the automatic path (customer, item, date rule), one invoice per job however often clicked.
 */
export async function generateXometryInvoice(actor: TActor, jobId: unknown) {
  ensureCan(actor, "invoices.manage");
  const job = await loadJob(actor.organizationId, jobId);
  return queueXometryInvoice(actor.organizationId, job, "manual");
}

/** Writes (or finds) the invoice's sync row for a Xometry job and queues it; AppError when the job is not due one. */
export async function queueXometryInvoice(organizationId: string, job: Job, trigger: "manual" | "payout") {
  const { connection, configuration } = await requireIntegration(organizationId);
  if (configuration.jobSources === "IN_HOUSE") throw new AppError("CONFLICT", "Xometry invoicing is turned off in the QuickBooks configuration.");
  if (!configuration.invoiceTrigger || !isXometryJobInvoiceable(job, configuration.invoiceTrigger)) {
    throw new AppError("INVALID_TRANSITION", job.status === "CANCELLED" ? `Job ${job.number} was cancelled; cancelled jobs are not invoiced.` : `Job ${job.number} is not due an invoice yet under the configured trigger.`);
  }
  const payload = buildXometryInvoicePayload(job, configuration);
  if (!payload) throw new AppError("UNPROCESSABLE", `Job ${job.number} has no date to put on the invoice.`);
  return db.$transaction(async (tx) => {
    const { sync } = await createSync(tx, {
      organizationId,
      kind: "INVOICE",
      jobId: job.id,
      realmId: connection.realmId,
      trigger,
      payload,
      status: connection.status === "CONNECTED" ? "PENDING" : "PAUSED",
    });
    return sync;
  });
}

export const ZCreateInHouseInvoiceRequestSchema = z.object({
  customerId: ZQuickBooksIdSchema,
  /** The shop's calendar day for the invoice (the dialog sends the browser's today, editable). */
  invoiceDate: ZCalendarDateSchema.optional(),
  lines: z
    .array(z.object({ lineItemId: z.string().min(1).max(64), description: z.string().trim().min(1, "Describe the line").max(4000), itemId: ZQuickBooksIdSchema }))
    .min(1),
});

/** In-house "Create Invoice": the chosen QuickBooks customer, the job's lines with edited descriptions and items. */
export async function createInHouseInvoice(actor: TActor, jobId: unknown, input: unknown) {
  ensureCan(actor, "invoices.manage");
  const request = parseInput(ZCreateInHouseInvoiceRequestSchema, input);
  const job = await loadJob(actor.organizationId, jobId);
  if (job.source !== "IN_HOUSE") throw new AppError("INVALID_INPUT", "Create Invoice is for in-house jobs; Xometry jobs are invoiced from the configuration.");
  const { connection, configuration } = await requireIntegration(actor.organizationId);
  if (configuration.jobSources === "XOMETRY") throw new AppError("CONFLICT", "In-house invoicing is turned off in the QuickBooks configuration.");
  const byId = new Map(job.lineItems.map((line) => [line.id, line]));
  if (request.lines.length !== job.lineItems.length || request.lines.some((line) => !byId.has(line.lineItemId))) {
    throw new AppError("INVALID_INPUT", "The invoice lines must be this job's line items.", { details: ["lines: do not match the job"] });
  }
  // QuickBooks Online live; QuickBooks Desktop from the company file's lists as last read.
  const { api } = await requireSetupApi(actor.organizationId);
  const customerName = (await requireUsableCustomer(api, request.customerId)).DisplayName;
  const rememberedItem = await requireItem(api, pickRememberedItemId(request.lines));
  const payload: TInvoicePayload = {
    source: "IN_HOUSE",
    jobNumber: job.number,
    customerId: request.customerId,
    customerName,
    txnDate: request.invoiceDate ?? todayCalendarDate(),
    lines: request.lines.map((line) => {
      const item = byId.get(line.lineItemId)!;
      return { itemId: line.itemId, description: line.description, quantity: item.quantity, unitPriceCents: item.unitPriceCents };
    }),
  };
  return db.$transaction(async (tx) => {
    const { sync, isNew } = await createSync(tx, {
      organizationId: actor.organizationId,
      kind: "INVOICE",
      jobId: job.id,
      realmId: connection.realmId,
      trigger: "manual",
      payload,
      status: connection.status === "CONNECTED" ? "PENDING" : "PAUSED",
    });
    if (!isNew) throw new AppError("CONFLICT", `Job ${job.number} already has an invoice.`);
    await queueInvoiceEmail(tx, actor.organizationId, job.id);
    if (job.customerName) await rememberCustomer(tx, actor, connection.realmId, job.customerName, { Id: request.customerId, DisplayName: customerName }, rememberedItem);
    return sync;
  });
}
