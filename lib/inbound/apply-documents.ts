import { db } from "@/lib/db/client";
import type { QuickBooksSync } from "@/lib/generated/prisma/client";
import { readInvoiceTermsTax } from "@/lib/invoicing/invoice-terms-tax";
import type { QuickBooksApi } from "@/lib/quickbooks/api";
import { readOrNull } from "@/lib/quickbooks/errors";
import type { TInvoice } from "@/lib/quickbooks/schemas";
import { describeDocument, isNewer, isVoided, type TDocumentState } from "./document-state";

const DOCUMENT_KINDS: Record<string, QuickBooksSync["kind"][]> = {
  Invoice: ["INVOICE", "INVOICE_DIFFERENCE"],
  Deposit: ["DEPOSIT"],
  CreditMemo: ["CREDIT_MEMO"],
};

/** What Workcenter last sent for this document (the change pushers keep the invoice row's total current). */
function expectedCents(row: QuickBooksSync): number | null {
  return row.qboTotalCents;
}

function isSameState(state: TDocumentState, row: QuickBooksSync): boolean {
  return (
    state.qboState === row.qboState &&
    state.qboStateNote === row.qboStateNote &&
    state.qboBalanceCents === row.qboBalanceCents &&
    state.qboSyncToken === row.qboSyncToken &&
    (state.qboEmailedAt?.getTime() ?? null) === (row.qboEmailedAt?.getTime() ?? null)
  );
}

/** Re-reads one of our documents and records what QuickBooks says of it; returns how many rows changed. */
async function refreshDocument(api: QuickBooksApi, realmId: string, entity: "Invoice" | "Deposit" | "CreditMemo", id: string): Promise<number> {
  const rows = await db.quickBooksSync.findMany({ where: { realmId, qboId: id, kind: { in: DOCUMENT_KINDS[entity] } } });
  if (rows.length === 0) return 0;
  const read = entity === "Invoice" ? () => api.getInvoice(id) : entity === "Deposit" ? () => api.getDeposit(id) : () => api.getCreditMemo(id);
  const document = await readOrNull<Parameters<typeof describeDocument>[0] & object & Partial<Pick<TInvoice, "DueDate" | "SalesTermRef" | "TxnTaxDetail">>>(read);
  // A deposit or credit memo has no balance that means "paid": only its total and whether it still exists.
  const withBalance = document && entity !== "Invoice" ? { ...document, Balance: undefined } : document;
  // An invoice's due date, terms and sales tax follow QuickBooks (a person may change the terms or lines there).
  const terms = document && entity === "Invoice" ? await readInvoiceTermsTax(api, realmId, document) : null;
  let changed = 0;
  for (const row of rows) {
    const state = describeDocument(withBalance, expectedCents(row));
    const isSameTerms = !terms || (terms.qboDueDate === row.qboDueDate && terms.qboTermName === row.qboTermName && terms.qboTaxCents === row.qboTaxCents);
    if ((isSameState(state, row) && isSameTerms) || !isNewer(state, row)) continue;
    const updated = await db.quickBooksSync.updateMany({ where: { id: row.id, qboId: id }, data: { ...state, ...terms } });
    changed += updated.count;
  }
  return changed;
}

/** A payment made, changed, voided or deleted in QuickBooks: the invoices it touches (or touched) are re-read. */
async function refreshPaymentInvoices(api: QuickBooksApi, realmId: string, paymentId: string): Promise<number> {
  const payment = await readOrNull(() => api.getPayment(paymentId));
  let invoiceIds = payment && !isVoided(payment) ? (payment.Line ?? []).flatMap((line) => (line.LinkedTxn ?? []).filter((linked) => linked.TxnType === "Invoice").map((linked) => linked.TxnId)) : [];
  if (invoiceIds.length === 0) {
    // Gone or voided: its links are gone too, so look again at our invoices that were paid in part or whole.
    const paid = await db.quickBooksSync.findMany({ where: { realmId, kind: { in: DOCUMENT_KINDS.Invoice }, qboState: { in: ["PAID", "PARTLY_PAID"] } }, select: { qboId: true }, take: 200 });
    invoiceIds = paid.flatMap((row) => row.qboId ?? []);
  }
  let changed = 0;
  for (const invoiceId of new Set(invoiceIds)) changed += await refreshDocument(api, realmId, "Invoice", invoiceId);
  return changed;
}

/** Invoices, payments, deposits and credit memos; returns how many of our rows changed state. */
export async function applyDocumentChange(api: QuickBooksApi, realmId: string, entity: string, id: string): Promise<number> {
  if (entity === "Payment") return refreshPaymentInvoices(api, realmId, id);
  if (entity === "Invoice" || entity === "Deposit" || entity === "CreditMemo") return refreshDocument(api, realmId, entity, id);
  return 0;
}
