import { db } from "@/lib/db/client";
import type { QuickBooksSync } from "@/lib/generated/prisma/client";
import { buildInvoiceMarker, ZInvoicePayloadSchema, type TInvoicePayload } from "@/lib/invoicing/invoice-payload";
import { getSupersededQboIds } from "@/lib/invoicing/push-invoice";
import { priceDrift } from "@/lib/invoicing/triggers";
import type { TPushOutcome } from "@/lib/sync/push-outcome";
import { readRets } from "../qbxml/xml";
import { buildInvoiceAdd, buildInvoiceLookup } from "./invoice-xml";
import { invoiceTotalCents, ZInvoiceRetSchema, type TInvoiceRet } from "./invoice-ret";
import { findMarked } from "./marker";
import type { TDesktopDocument, TDesktopStep } from "./types";

function synced(invoice: TInvoiceRet, payload: TInvoicePayload, driftReason?: string): TPushOutcome {
  return {
    ...(driftReason ? { driftReason } : {}),
    kind: "synced",
    qboId: invoice.TxnID,
    qboDocNumber: invoice.RefNumber ?? null,
    qboTxnDate: invoice.TxnDate,
    qboTotalCents: invoiceTotalCents(invoice),
    qboCustomerName: invoice.CustomerRef.FullName ?? payload.customerName,
  };
}

async function loadJob(sync: QuickBooksSync) {
  return sync.jobId ? db.job.findFirst({ where: { id: sync.jobId, organizationId: sync.organizationId } }) : null;
}

/** The same rules as the Online pusher: a cancelled job gets no invoice, a found one is adopted (and flagged). */
async function decide(sync: QuickBooksSync, payload: TInvoicePayload, existing: TInvoiceRet | null): Promise<TDesktopStep> {
  const job = await loadJob(sync);
  if (!job || job.status === "CANCELLED") {
    if (existing) return { outcome: synced(existing, payload, "Job cancelled while its invoice was being sent. The invoice is open in QuickBooks.") };
    return { outcome: { kind: "skipped", message: job ? "The job was cancelled before its invoice was created, so none was sent." : "The job no longer exists, so no invoice was sent." } };
  }
  if (!existing) return { request: { purpose: "invoice.add", name: "InvoiceAddRq", body: buildInvoiceAdd(payload, sync.id) } };
  return { outcome: withDrift(existing, payload, job.priceCents) };
}

function withDrift(invoice: TInvoiceRet, payload: TInvoicePayload, jobCents: number): TPushOutcome {
  const invoicedCents = invoiceTotalCents(invoice);
  return synced(invoice, payload, payload.source === "XOMETRY" && invoicedCents !== jobCents ? priceDrift(invoicedCents, jobCents) : undefined);
}

/**
 * Invoices (Xometry, historical and in-house) on QuickBooks Desktop: InvoiceAdd; after an Add
 * whose answer was never seen, InvoiceQuery by RefNumber and our Memo marker first, and a hit is
 * adopted. Invoices this row replaced (Create again) are never adopted.
 */
export const desktopInvoice: TDesktopDocument = {
  async start(sync, { mayHaveSent }) {
    const payload = ZInvoicePayloadSchema.parse(sync.payload);
    if (mayHaveSent) return { request: { purpose: "invoice.lookup", name: "InvoiceQueryRq", body: buildInvoiceLookup(payload) } };
    return decide(sync, payload, null);
  },
  async receive(sync, { purpose, response }) {
    const payload = ZInvoicePayloadSchema.parse(sync.payload);
    const invoices = readRets(response, "InvoiceRet", ZInvoiceRetSchema);
    if (purpose === "invoice.lookup") {
      const skip = getSupersededQboIds(sync.change);
      return decide(sync, payload, findMarked(invoices.filter((invoice) => !skip.includes(invoice.TxnID)), buildInvoiceMarker(sync.id)));
    }
    const [invoice] = invoices;
    if (!invoice) throw new Error("InvoiceAddRs without an InvoiceRet");
    const job = await loadJob(sync);
    return { outcome: job && job.status !== "CANCELLED" ? withDrift(invoice, payload, job.priceCents) : synced(invoice, payload, "Job cancelled while its invoice was being sent. The invoice is open in QuickBooks.") };
  },
};
