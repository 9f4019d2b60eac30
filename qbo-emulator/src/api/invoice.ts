// Invoice: create, read, sparse/full update (SyncToken → 5010).
import { addDays, formatDate, now } from "../clock";
import { Faults } from "../faults";
import { getCurrencyName, getExchangeRate } from "../store/currencies";
import { getAppliedCents, getInvoiceTotalCents } from "../store/ledger";
import type { InvoiceRec, RealmState } from "../store/types";
import { ensureOpenPeriod } from "./company-status";
import { type ApiContext, findLive, mergeFields, pickFields } from "./context";
import { INVOICE_WRITABLE, type TInvoiceRequest, ZInvoiceRequestSchema, buildInvoiceLines } from "./invoice-input";
import { resolveNewDocNumber, resolveUpdatedDocNumber } from "./invoice-numbering";
import { parseWith } from "./schema";
import { serializeInvoice } from "./serialize-txn";

export function resolveCustomer(realm: RealmState, ref: { value: string } | undefined, element = "CustomerRef"): string {
  if (!ref) throw Faults.requiredMissing("CustomerRef", element);
  const c = /^\d+$/.test(ref.value) ? realm.Customer[ref.value] : undefined;
  if (!c) throw Faults.invalidReference("Customer", ref.value, element);
  if (!c.isActive) throw Faults.objectNotFound(element);
  return c.id;
}

/** Transactions are in the customer's currency (Intuit: must match); rate defaults from the company table. */
export function resolveCurrency(realm: RealmState, customerId: string, input: { CurrencyRef?: { value: string }; ExchangeRate?: number }) {
  const currency = realm.Customer[customerId]?.currency ?? realm.prefs.homeCurrency;
  const sent = input.CurrencyRef?.value.toUpperCase();
  if (sent !== undefined && sent !== currency) {
    throw Faults.businessValidation(
      `The currency (${sent}) of the transaction must match the currency of the customer (${currency} ${getCurrencyName(currency)}).`,
      "CurrencyRef",
    );
  }
  const home = realm.prefs.homeCurrency;
  const exchangeRate = currency === home ? 1 : input.ExchangeRate ?? getExchangeRate(currency, home);
  if (!(exchangeRate > 0)) throw Faults.businessValidation("ExchangeRate must be greater than zero.", "ExchangeRate");
  return { currency, exchangeRate };
}

function ensureNonNegative(inv: InvoiceRec): void {
  if (getInvoiceTotalCents(inv) < 0) throw Faults.businessValidation("The transaction total can't be negative.", "TotalAmt");
}

export function createInvoice(ctx: ApiContext, body: Record<string, unknown>): Record<string, unknown> {
  const input = parseWith(ZInvoiceRequestSchema, body, "Invoice");
  const customerId = resolveCustomer(ctx.realm, input.CustomerRef);
  const lines = buildInvoiceLines(ctx.realm, input.Line);
  const { currency, exchangeRate } = resolveCurrency(ctx.realm, customerId, input);
  const at = now();
  const txnDate = input.TxnDate ?? formatDate(at);
  const dueDate = input.DueDate ?? addDays(txnDate, ctx.realm.prefs.defaultTermsDays);
  const draft: InvoiceRec = {
    id: "", syncToken: 0, createdAt: at, updatedAt: at, customerId, docNumber: null, txnDate, dueDate, currency,
    exchangeRate, lines, isVoided: false, emailStatus: input.EmailStatus ?? "NotSet",
    printStatus: input.PrintStatus ?? "NeedToPrint", fields: pickFields(input, INVOICE_WRITABLE),
  };
  ensureNonNegative(draft);
  ensureOpenPeriod(ctx, txnDate);
  draft.docNumber = resolveNewDocNumber(ctx, input.DocNumber, input.AutoDocNumber);
  draft.id = ctx.store.allocateId(ctx.realm, "Invoice");
  ctx.realm.Invoice[draft.id] = draft;
  ctx.store.recordChange(ctx.realm, "Invoice", draft, "Create", at);
  touchCustomer(ctx, customerId);
  return serializeInvoice(ctx.realm, draft);
}

export function touchCustomer(ctx: ApiContext, customerId: string): void {
  const c = ctx.realm.Customer[customerId];
  if (c) ctx.store.touch(ctx.realm, "Customer", c);
}

function applyUpdate(ctx: ApiContext, inv: InvoiceRec, input: TInvoiceRequest, body: Record<string, unknown>): InvoiceRec {
  const isSparse = input.sparse === true;
  const next: InvoiceRec = { ...inv, lines: [...inv.lines], fields: { ...inv.fields } };
  if (input.CustomerRef !== undefined || !isSparse) next.customerId = resolveCustomer(ctx.realm, input.CustomerRef);
  if (input.Line !== undefined || !isSparse) next.lines = buildInvoiceLines(ctx.realm, input.Line);
  if (next.customerId !== inv.customerId && getAppliedCents(ctx.realm, inv.id) > 0) {
    throw Faults.businessValidation("You can't change the customer of an invoice that has payments applied.", "CustomerRef");
  }
  const currency = resolveCurrency(ctx.realm, next.customerId, { ...input, ExchangeRate: input.ExchangeRate ?? inv.exchangeRate });
  if (currency.currency !== inv.currency) {
    throw Faults.businessValidation("You can't change the currency of an existing transaction.", "CurrencyRef");
  }
  next.exchangeRate = currency.exchangeRate;
  next.txnDate = input.TxnDate ?? inv.txnDate;
  next.dueDate = input.DueDate ?? inv.dueDate;
  if (input.DocNumber !== undefined) next.docNumber = resolveUpdatedDocNumber(ctx, input.DocNumber, inv.id, inv.docNumber);
  if (input.EmailStatus !== undefined) next.emailStatus = input.EmailStatus;
  if (input.PrintStatus !== undefined) next.printStatus = input.PrintStatus;
  next.fields = mergeFields(inv.fields, input, INVOICE_WRITABLE, isSparse);
  ensureNonNegative(next);
  if (getInvoiceTotalCents(next) < getAppliedCents(ctx.realm, inv.id)) {
    throw Faults.businessValidation("The invoice total can't be less than the payments applied to it.", "Line.Amount");
  }
  return next;
}

export function updateInvoice(ctx: ApiContext, body: Record<string, unknown>): Record<string, unknown> {
  const input = parseWith(ZInvoiceRequestSchema, body, "Invoice");
  if (input.Id === undefined) throw Faults.requiredMissing("Id");
  const inv = findLive(ctx.realm.Invoice, input.Id);
  if (input.SyncToken === undefined) throw Faults.requiredMissing("SyncToken");
  if (input.SyncToken !== String(inv.syncToken)) throw Faults.stale();
  if (inv.isVoided) throw Faults.businessValidation("This transaction has been voided and can't be changed.", "Id");
  const next = applyUpdate(ctx, inv, input, body);
  ensureOpenPeriod(ctx, inv.txnDate, next.txnDate);
  Object.assign(inv, next);
  ctx.store.recordChange(ctx.realm, "Invoice", inv, "Update");
  touchCustomer(ctx, inv.customerId);
  return serializeInvoice(ctx.realm, inv);
}

export function readInvoice(ctx: ApiContext, id: string): Record<string, unknown> {
  return serializeInvoice(ctx.realm, findLive(ctx.realm.Invoice, id));
}
