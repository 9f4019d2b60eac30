import { can, type TActor } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { getInvoiceChangesView, type TInvoiceChangesView } from "@/lib/changes/change-view";
import { CUSTOMER_NOT_LINKED, findLinkedCustomer, type TLinkedCustomer } from "@/lib/customers/customer-links";
import { getActiveIntegration } from "@/lib/sync/integration";
import { describeAutoEmail, type TAutoEmailView } from "./invoice-email-view";
import { describePaymentStatus, type TPaymentStatus } from "./payment-status";
import { readInvoiceOnOpen } from "./read-invoice-on-open";
import { isXometryJobInvoiceable } from "./xometry-invoice";

export type TJobInvoiceView =
  | { state: "not_configured"; message: string }
  | { state: "not_due"; message: string }
  | { state: "can_generate"; canAct: boolean }
  | {
      state: "can_create";
      canAct: boolean;
      defaultItem: { id: string; name: string };
      /** The QuickBooks customer remembered for the name typed on the job, to start the dialog with. */
      linkedCustomer: TLinkedCustomer | null;
      lines: { id: string; description: string; quantity: number; unitPriceCents: number }[];
    }
  | {
      state: "document";
      syncId: string;
      status: "PENDING" | "SYNCING" | "SYNCED" | "FAILED" | "PAUSED" | "SKIPPED";
      number: string | null;
      txnDate: string | null;
      totalCents: number | null;
      /** Terms and sales tax as QuickBooks computed them (due date YYYY-MM-DD, "Net 30", tax in cents, included in the total). */
      dueDate: string | null;
      termName: string | null;
      taxCents: number | null;
      customerName: string | null;
      message: string | null;
      driftReason: string | null;
      canRetry: boolean;
      canDownload: boolean;
      /** In-house invoice waiting for its customer to be linked: *Choose the QuickBooks customer*. */
      needsCustomer: { customerName: string; canChoose: boolean } | null;
      canEmail: boolean;
      emailedAt: string | null;
      payment: { status: string; txnDate: string | null; amountCents: number | null; message: string | null } | null;
      /** Paid, Partly paid ($X open), Overdue or not paid yet, from what QuickBooks said last. */
      paymentStatus: TPaymentStatus | null;
      /** Email automatically: where the job's automatic email stands (null when none was queued). */
      autoEmail: TAutoEmailView | null;
      /** What QuickBooks says of the invoice (webhooks, CDC, our own pushes), in words. */
      qboState: string | null;
      quickBooksNote: string | null;
    } & TInvoiceChangesView;

const STATE_WORDS: Record<string, string> = {
  VOIDED: "Voided in QuickBooks",
  DELETED: "Deleted in QuickBooks",
  PAID: "Paid in QuickBooks",
  PARTLY_PAID: "Partly paid in QuickBooks",
};

/** What the Job Overview's Invoice tab shows, for this organization's job only. */
export async function getJobInvoiceView(actor: TActor, jobId: string): Promise<TJobInvoiceView> {
  const job = await db.job.findFirst({
    where: { id: jobId, organizationId: actor.organizationId },
    include: { lineItems: { orderBy: { position: "asc" } }, syncs: { where: { kind: { in: ["INVOICE", "INVOICE_EMAIL"] } } }, payoutLines: { select: { payoutId: true } } },
  });
  if (!job) throw notFound("This job");
  const canAct = can(actor.role, "invoices.manage");
  let sync = job.syncs.find((row) => row.kind === "INVOICE");
  // Without webhooks, opening the tab reads the invoice's payment state from QuickBooks (bounded, at most once a minute).
  if (sync && (await readInvoiceOnOpen(sync))) sync = await db.quickBooksSync.findUniqueOrThrow({ where: { id: sync.id } });
  if (sync) {
    const payment = await findPaymentFor(actor.organizationId, job.payoutLines.map((line) => line.payoutId), job.id);
    const changes = await getInvoiceChangesView(actor, job.id);
    const isWaitingForCustomer = sync.errorCode === CUSTOMER_NOT_LINKED || (sync.payload as { customerId?: string }).customerId === "";
    const needsCustomer = sync.status === "FAILED" && isWaitingForCustomer ? { customerName: job.customerName ?? "", canChoose: canAct } : null;
    return {
      state: "document",
      syncId: sync.id,
      status: sync.status,
      number: sync.qboDocNumber,
      txnDate: sync.qboTxnDate ?? (sync.payload as { txnDate?: string }).txnDate ?? null,
      totalCents: sync.qboTotalCents,
      dueDate: sync.qboDueDate,
      termName: sync.qboTermName,
      taxCents: sync.qboTaxCents,
      customerName: sync.qboCustomerName ?? (sync.payload as { customerName?: string }).customerName ?? null,
      message: sync.errorMessage,
      // A pending decision explains the drift in its own words; a voided or deleted invoice has none.
      driftReason: changes.decision || sync.qboState === "VOIDED" || sync.qboState === "DELETED" ? null : sync.driftReason,
      canRetry: canAct && sync.status === "FAILED" && !needsCustomer,
      canDownload: can(actor.role, "invoices.manage") && sync.status === "SYNCED" && sync.qboState !== "DELETED",
      needsCustomer,
      canEmail: canAct && sync.status === "SYNCED" && sync.qboState !== "DELETED" && sync.qboState !== "VOIDED",
      emailedAt: sync.qboEmailedAt?.toISOString() ?? null,
      payment,
      paymentStatus: describePaymentStatus(sync),
      autoEmail: describeAutoEmail(job.syncs.find((row) => row.kind === "INVOICE_EMAIL")),
      qboState: sync.qboState,
      quickBooksNote: sync.qboStateNote ?? STATE_WORDS[sync.qboState ?? ""] ?? null,
      ...changes,
    };
  }
  const integration = await getActiveIntegration(actor.organizationId);
  if (!integration) return { state: "not_configured", message: "Invoices are created in QuickBooks Online once an owner or admin connects and sets it up on the Integrations page." };
  const { configuration } = integration;
  if (job.source === "IN_HOUSE") {
    if (configuration.jobSources === "XOMETRY") return { state: "not_due", message: "In-house invoicing is turned off in the QuickBooks configuration." };
    return {
      state: "can_create",
      canAct,
      defaultItem: { id: configuration.inHouseItemId ?? configuration.defaultItemId, name: configuration.inHouseItemName ?? configuration.defaultItemName },
      linkedCustomer: await findLinkedCustomer(actor.organizationId, integration.connection.realmId, job.customerName),
      lines: job.lineItems.map((line) => ({ id: line.id, description: line.description, quantity: line.quantity, unitPriceCents: line.unitPriceCents })),
    };
  }
  if (configuration.jobSources === "IN_HOUSE") return { state: "not_due", message: "Xometry invoicing is turned off in the QuickBooks configuration." };
  if (job.status === "CANCELLED") return { state: "not_due", message: "Cancelled jobs are not invoiced." };
  if (!configuration.invoiceTrigger || !isXometryJobInvoiceable(job, configuration.invoiceTrigger)) {
    return { state: "not_due", message: configuration.invoiceTrigger === "JOB_SHIPPED" ? "The invoice is created when the job ships." : "The invoice is created when the job is accepted." };
  }
  return { state: "can_generate", canAct };
}

async function findPaymentFor(organizationId: string, payoutIds: string[], jobId: string) {
  if (payoutIds.length === 0) return null;
  const payment = await db.quickBooksSync.findFirst({
    where: { organizationId, kind: "PAYMENT", payoutId: { in: payoutIds } },
    orderBy: { createdAt: "desc" },
  });
  if (!payment) return null;
  const line = (payment.payload as { lines?: { jobId: string; amountCents: number }[] }).lines?.find((candidate) => candidate.jobId === jobId);
  return { status: payment.status, txnDate: payment.qboTxnDate ?? (payment.payload as { txnDate?: string }).txnDate ?? null, amountCents: line?.amountCents ?? null, message: payment.errorMessage };
}
