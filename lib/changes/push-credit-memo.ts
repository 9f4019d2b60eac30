import type { QuickBooksSync } from "@/lib/generated/prisma/client";
import { isVoided } from "@/lib/inbound/document-state";
import { buildInvoiceMarker, buildQuickBooksInvoice, buildRequestId } from "@/lib/invoicing/invoice-payload";
import { centsToDecimalString, formatCents } from "@/lib/money";
import type { QuickBooksApi } from "@/lib/quickbooks/api";
import { quoteQueryValue } from "@/lib/quickbooks/api";
import { findByMarker } from "@/lib/quickbooks/find-by-marker";
import type { TCreditMemo, TInvoice } from "@/lib/quickbooks/schemas";
import { amountToCents, type TPushOutcome } from "@/lib/sync/push-outcome";
import { type TChangePayload, type TCreditNotes, ZChangePayloadSchema } from "./change-payload";
import { changeSynced, needsAttention, readInvoice, rememberInvoice } from "./current-invoice";

const money = (cents: number) => Number(centsToDecimalString(cents));
const whereCandidates = (payload: TChangePayload) =>
  `where TxnDate = ${quoteQueryValue(payload.document.txnDate)} and CustomerRef = ${quoteQueryValue(payload.document.customerId)}`;

/**
 * Applies the credit memo to the invoice: a Payment of TotalAmt 0 linking both (how QuickBooks
 * applies credits), for as much as the invoice still has open. Looked up by marker first, so a
 * retry never applies it twice; its requestid is the row's with "-apply".
 */
async function applyCredit(sync: QuickBooksSync, api: QuickBooksApi, payload: TChangePayload, memo: TCreditMemo, invoice: TInvoice, isRetry: boolean) {
  const marker = buildInvoiceMarker(sync.id);
  const earlier = isRetry ? await findByMarker((statement) => api.findPayments(statement), whereCandidates(payload), marker) : null;
  if (earlier) return { paymentId: earlier.Id, appliedCents: amountToCents(earlier.Line?.[0]?.Amount ?? 0) };
  const remainingCents = amountToCents(memo.Balance ?? memo.TotalAmt);
  const appliedCents = Math.min(remainingCents, amountToCents(invoice.Balance));
  if (appliedCents <= 0) return { paymentId: null, appliedCents: 0 };
  const payment = await api.createPayment(
    {
      CustomerRef: { value: payload.document.customerId },
      TotalAmt: 0,
      TxnDate: payload.document.txnDate,
      PrivateNote: `Workcenter: credit memo applied to invoice ${invoice.DocNumber ?? invoice.Id} · ${marker}`,
      Line: [
        { Amount: money(appliedCents), LinkedTxn: [{ TxnId: invoice.Id, TxnType: "Invoice" }] },
        { Amount: money(appliedCents), LinkedTxn: [{ TxnId: memo.Id, TxnType: "CreditMemo" }] },
      ],
    },
    `${buildRequestId(sync.id, sync.generation)}-apply`,
  );
  return { paymentId: payment.Id, appliedCents };
}

/**
 * Credits the customer (a CreditMemo, marker `wc:<id>`, requestid `wc-<id>-<generation>`) and
 * applies it to the job's invoice. Safe to repeat: after any attempt whose outcome we did not see,
 * the memo and its payment are looked up by marker and adopted. The invoice is never edited.
 */
export async function pushCreditMemo(sync: QuickBooksSync, api: QuickBooksApi): Promise<TPushOutcome> {
  const payload = ZChangePayloadSchema.parse(sync.payload);
  const isRetry = sync.attempts > 1 || sync.generation > 0;
  const invoice = await readInvoice(api, payload.invoiceQboId);
  const earlier = isRetry ? await findByMarker((statement) => api.findCreditMemos(statement), whereCandidates(payload), buildInvoiceMarker(sync.id)) : null;
  if (!earlier && (!invoice || isVoided(invoice))) {
    await rememberInvoice(payload, invoice);
    return needsAttention(`the invoice was ${invoice ? "voided" : "deleted"} in QuickBooks, so no credit memo was created.`);
  }
  const memo = earlier ?? (await api.createCreditMemo(buildQuickBooksInvoice(payload.document, { syncId: sync.id, customTxnNumbers: false }), buildRequestId(sync.id, sync.generation)));
  const applied = invoice && !isVoided(invoice) ? await applyCredit(sync, api, payload, memo, invoice, earlier !== null) : { paymentId: null, appliedCents: 0 };
  const leftCents = amountToCents(memo.TotalAmt) - applied.appliedCents;
  if (applied.appliedCents > 0) await rememberInvoice(payload, await readInvoice(api, payload.invoiceQboId), { isResolved: true });
  const notes: TCreditNotes = {
    ...applied,
    note: leftCents > 0 ? `${formatCents(leftCents)} of the credit stays on the customer's account in QuickBooks: the invoice had no more open to apply it to.` : null,
  };
  return changeSynced(memo, payload.document.customerName, notes);
}
