// Create and update rules invoices and credit memos share (lines, customer, currency, numbering, SyncToken).
import { formatDate, now } from "../clock";
import { Faults } from "../faults";
import { getAppliedCents, getInvoiceTotalCents } from "../store/ledger";
import type { SalesFormRec } from "../store/types";
import { ensureOpenPeriod } from "./company-status";
import { type ApiContext, mergeFields, pickFields } from "./context";
import { INVOICE_WRITABLE, type TInvoiceRequest, buildInvoiceLines } from "./invoice-input";
import { resolveNewDocNumber, resolveUpdatedDocNumber } from "./invoice-numbering";
import type { SalesFormEntity } from "./sales-form";
import { resolveSalesTax } from "./sales-tax-input";
import { resolveCurrency, resolveCustomer } from "./txn-refs";

function ensureNonNegative(form: SalesFormRec): void {
  if (getInvoiceTotalCents(form) < 0) throw Faults.businessValidation("The transaction total can't be negative.", "TotalAmt");
}

/** What payments applied to an invoice, or took from a credit memo. */
function getLinkedCents(ctx: ApiContext, entity: SalesFormEntity, id: string): number {
  return getAppliedCents(ctx.realm, id, undefined, entity);
}

/** A new form from a create request (not stored yet: no Id). */
export function buildNewForm(ctx: ApiContext, entity: SalesFormEntity, input: TInvoiceRequest): SalesFormRec {
  const customerId = resolveCustomer(ctx.realm, input.CustomerRef);
  const lines = buildInvoiceLines(ctx.realm, input.Line);
  const { currency, exchangeRate } = resolveCurrency(ctx.realm, customerId, input);
  const at = now();
  const txnDate = input.TxnDate ?? formatDate(at);
  const draft: SalesFormRec = {
    id: "", syncToken: 0, createdAt: at, updatedAt: at, customerId, docNumber: null, txnDate, currency,
    exchangeRate, lines, isVoided: false, emailStatus: input.EmailStatus ?? "NotSet",
    printStatus: input.PrintStatus ?? "NeedToPrint", fields: pickFields(input, INVOICE_WRITABLE),
  };
  const tax = resolveSalesTax(ctx.realm, input.TxnTaxDetail, customerId, lines);
  if (tax) draft.tax = tax;
  ensureNonNegative(draft);
  ensureOpenPeriod(ctx, txnDate);
  draft.docNumber = resolveNewDocNumber(ctx, input.DocNumber, input.AutoDocNumber, entity);
  return draft;
}

/** Sparse: the fields sent change (a sent `Line` replaces all lines); full: omitted writable fields are cleared. */
export function applyFormUpdate<T extends SalesFormRec>(ctx: ApiContext, entity: SalesFormEntity, form: T, input: TInvoiceRequest): T {
  const isSparse = input.sparse === true;
  if (form.isVoided) throw Faults.businessValidation("This transaction has been voided and can't be changed.", "Id");
  const next: T = { ...form, lines: [...form.lines], fields: { ...form.fields } };
  if (input.CustomerRef !== undefined || !isSparse) next.customerId = resolveCustomer(ctx.realm, input.CustomerRef);
  if (input.Line !== undefined || !isSparse) next.lines = buildInvoiceLines(ctx.realm, input.Line, form.lines);
  next.tax = resolveSalesTax(ctx.realm, input.TxnTaxDetail, next.customerId, next.lines, form);
  const linked = getLinkedCents(ctx, entity, form.id);
  if (next.customerId !== form.customerId && linked > 0) {
    throw Faults.businessValidation("You can't change the customer of a transaction that is linked to a payment.", "CustomerRef");
  }
  const currency = resolveCurrency(ctx.realm, next.customerId, { ...input, ExchangeRate: input.ExchangeRate ?? form.exchangeRate });
  if (currency.currency !== form.currency) {
    throw Faults.businessValidation("You can't change the currency of an existing transaction.", "CurrencyRef");
  }
  next.exchangeRate = currency.exchangeRate;
  next.txnDate = input.TxnDate ?? form.txnDate;
  if (input.DocNumber !== undefined) {
    next.docNumber = resolveUpdatedDocNumber(ctx, input.DocNumber, form.id, form.docNumber, entity);
  }
  if (input.EmailStatus !== undefined) next.emailStatus = input.EmailStatus;
  if (input.PrintStatus !== undefined) next.printStatus = input.PrintStatus;
  next.fields = mergeFields(form.fields, input, INVOICE_WRITABLE, isSparse);
  ensureNonNegative(next);
  if (getInvoiceTotalCents(next) < linked) {
    const what = entity === "Invoice" ? "the payments applied to it" : "the credit already applied from it";
    throw Faults.businessValidation(`The transaction total can't be less than ${what}.`, "Line.Amount");
  }
  ensureOpenPeriod(ctx, form.txnDate, next.txnDate);
  return next;
}
