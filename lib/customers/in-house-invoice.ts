import type { TTransaction } from "@/lib/db/client";
import type { TDomainEvent } from "@/lib/events/domain-events";
import { todayCalendarDate } from "@/lib/dates";
import type { TInvoicePayload } from "@/lib/invoicing/invoice-payload";
import { createSync } from "@/lib/sync/create-sync";
import { getActiveIntegration } from "@/lib/sync/integration";
import { CUSTOMER_NOT_LINKED, customerNotLinkedMessage, findCustomerLink, lockCustomerName } from "./customer-links";
import { normalizeCustomerName } from "./customer-name";

/**
 * In the completion's transaction, with *In-house invoices: automatically when the job is
 * completed*: the invoice's sync row (once per job), for the customer linked to the name typed on
 * the job, with the job's lines on the product/service remembered for the customer (else the default). A customer not linked yet (or
 * whose link is flagged) leaves the row waiting in "needs attention" until a person links it
 * (lib/customers/link-customer.ts releases it); it is never retried on its own.
 */
export async function triggerInHouseInvoice(tx: TTransaction, event: TDomainEvent): Promise<void> {
  if (!event.jobId) return;
  const integration = await getActiveIntegration(event.organizationId, tx);
  if (!integration) return;
  const { connection, configuration } = integration;
  if (configuration.jobSources === "XOMETRY" || configuration.inHouseInvoiceMode !== "ON_COMPLETION") return;
  const job = await tx.job.findUniqueOrThrow({ where: { id: event.jobId }, include: { lineItems: { orderBy: { position: "asc" } } } });
  if (job.source !== "IN_HOUSE" || job.lineItems.length === 0) return;
  const customerName = job.customerName ?? "";
  await lockCustomerName(tx, event.organizationId, normalizeCustomerName(customerName));
  const found = await findCustomerLink(tx, event.organizationId, connection.realmId, customerName);
  const link = found && !found.problem ? found : null;
  const payload: TInvoicePayload = {
    source: "IN_HOUSE",
    jobNumber: job.number,
    customerId: link?.qboCustomerId ?? "",
    customerName: link?.qboDisplayName ?? "",
    txnDate: todayCalendarDate(),
    lines: job.lineItems.map((line) => ({ itemId: link?.itemId ?? configuration.inHouseItemId ?? configuration.defaultItemId, description: line.description, quantity: line.quantity, unitPriceCents: line.unitPriceCents })),
  };
  const isConnected = connection.status === "CONNECTED";
  const { sync, isNew } = await createSync(tx, {
    organizationId: event.organizationId,
    kind: "INVOICE",
    jobId: job.id,
    realmId: connection.realmId,
    trigger: event.type,
    payload,
    // Unlinked: written as PAUSED (no task) and turned into "needs attention" below, in the same transaction.
    status: link && isConnected ? "PENDING" : "PAUSED",
  });
  if (isNew && !link) {
    const message = found?.problem ? `Needs attention: “${customerName}” is linked to ${found.qboDisplayName}: ${found.problem}` : customerNotLinkedMessage(customerName);
    await tx.quickBooksSync.update({ where: { id: sync.id }, data: { status: "FAILED", errorCode: CUSTOMER_NOT_LINKED, errorMessage: message } });
  }
}
