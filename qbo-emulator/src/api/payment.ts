// Payment (ReceivePayment): create linking invoices, read, update (Line replaces all), void, delete.
import { formatDate, now } from "../clock";
import { Faults } from "../faults";
import { toCents } from "../json";
import { findDepositOfPayment, getNetAppliedCents, markVoided } from "../store/ledger";
import type { PaymentRec, RealmState } from "../store/types";
import { ensureOpenPeriod } from "./company-status";
import { type ApiContext, findCurrent, findLive, mergeFields, pickFields, touchLinkedForms } from "./context";
import { resolveCurrency, resolveCustomer, touchCustomer } from "./txn-refs";
import { PAYMENT_WRITABLE, type TPaymentRequest, ZPaymentRequestSchema, buildPaymentLines } from "./payment-input";
import { parseWith } from "./schema";
import { serializePayment } from "./serialize-txn";

function resolveDepositAccount(realm: RealmState, ref: { value: string } | undefined): string {
  if (!ref) {
    const undeposited = Object.values(realm.Account).find((a) => a.accountSubType === "UndepositedFunds");
    return undeposited?.id ?? "2";
  }
  const account = /^\d+$/.test(ref.value) ? realm.Account[ref.value] : undefined;
  if (!account) throw Faults.invalidReference("Account", ref.value, "DepositToAccountRef");
  if (!account.isActive) throw Faults.objectNotFound("DepositToAccountRef");
  return account.id;
}

function ensureTotals(totalCents: number, p: Pick<PaymentRec, "lines">): void {
  if (totalCents < 0) throw Faults.businessValidation("The payment amount can't be negative.", "TotalAmt");
  const applied = getNetAppliedCents(p);
  if (applied < 0) {
    throw Faults.businessValidation("The credits applied exceed the amounts applied to invoices.", "Payment.Line.Amount");
  }
  if (applied > totalCents) {
    throw Faults.businessValidation(
      `The amount applied (${(applied / 100).toFixed(2)}) exceeds the payment amount (${(totalCents / 100).toFixed(2)}).`,
      "TotalAmt",
    );
  }
}

export function createPayment(ctx: ApiContext, body: Record<string, unknown>): Record<string, unknown> {
  const input = parseWith(ZPaymentRequestSchema, body, "Payment");
  const customerId = resolveCustomer(ctx.realm, input.CustomerRef);
  if (input.TotalAmt === undefined) throw Faults.requiredMissing("TotalAmt");
  const totalCents = toCents(input.TotalAmt);
  const lines = buildPaymentLines(ctx.realm, input.Line, customerId, undefined);
  ensureTotals(totalCents, { lines });
  const { currency, exchangeRate } = resolveCurrency(ctx.realm, customerId, input);
  const at = now();
  const txnDate = input.TxnDate ?? formatDate(at);
  ensureOpenPeriod(ctx, txnDate);
  const rec: PaymentRec = {
    id: ctx.store.allocateId(ctx.realm, "Payment"), syncToken: 0, createdAt: at, updatedAt: at, customerId, totalCents,
    txnDate, currency, exchangeRate,
    depositAccountId: resolveDepositAccount(ctx.realm, input.DepositToAccountRef), lines, isVoided: false,
    fields: pickFields(input, PAYMENT_WRITABLE),
  };
  ctx.realm.Payment[rec.id] = rec;
  ctx.store.recordChange(ctx.realm, "Payment", rec, "Create", at);
  touchLinkedForms(ctx, lines);
  touchCustomer(ctx, customerId);
  return serializePayment(ctx.realm, rec);
}

function findForChange(ctx: ApiContext, input: TPaymentRequest): PaymentRec {
  const p = findCurrent(ctx.realm.Payment, input);
  // Deposited: no update, void or delete until its deposit is deleted (or it is taken off the deposit).
  if (findDepositOfPayment(ctx.realm, p.id)) throw Faults.depositedTxn();
  ensureOpenPeriod(ctx, p.txnDate, input.TxnDate);
  return p;
}

export function updatePayment(ctx: ApiContext, body: Record<string, unknown>): Record<string, unknown> {
  const input = parseWith(ZPaymentRequestSchema, body, "Payment");
  const p = findForChange(ctx, input);
  if (ctx.include.has("void")) return voidPayment(ctx, p);
  if (p.isVoided) throw Faults.businessValidation("This transaction has been voided and can't be changed.", "Id");
  const isSparse = input.sparse === true;
  const customerId = input.CustomerRef !== undefined || !isSparse ? resolveCustomer(ctx.realm, input.CustomerRef) : p.customerId;
  if (!isSparse && input.TotalAmt === undefined) throw Faults.requiredMissing("TotalAmt");
  const totalCents = input.TotalAmt !== undefined ? toCents(input.TotalAmt) : p.totalCents;
  const replaceLines = input.Line !== undefined || !isSparse || customerId !== p.customerId;
  const lines = replaceLines ? buildPaymentLines(ctx.realm, input.Line, customerId, p.id) : p.lines;
  ensureTotals(totalCents, { lines });
  const { currency } = resolveCurrency(ctx.realm, customerId, { ...input, ExchangeRate: input.ExchangeRate ?? p.exchangeRate });
  if (currency !== p.currency) throw Faults.businessValidation("You can't change the currency of an existing transaction.", "CurrencyRef");
  const affected = [...p.lines, ...lines];
  const previousCustomer = p.customerId;
  Object.assign(p, {
    customerId, totalCents, lines,
    txnDate: input.TxnDate ?? p.txnDate,
    depositAccountId: input.DepositToAccountRef !== undefined || !isSparse ? resolveDepositAccount(ctx.realm, input.DepositToAccountRef) : p.depositAccountId,
    fields: mergeFields(p.fields, input, PAYMENT_WRITABLE, isSparse),
  });
  ctx.store.recordChange(ctx.realm, "Payment", p, "Update");
  touchLinkedForms(ctx, affected);
  touchCustomer(ctx, customerId);
  if (previousCustomer !== customerId) touchCustomer(ctx, previousCustomer);
  return serializePayment(ctx.realm, p);
}

function voidPayment(ctx: ApiContext, p: PaymentRec): Record<string, unknown> {
  const affected = p.lines;
  markVoided(p);
  p.lines = [];
  ctx.store.recordChange(ctx.realm, "Payment", p, "Void");
  touchLinkedForms(ctx, affected);
  touchCustomer(ctx, p.customerId);
  return serializePayment(ctx.realm, p);
}

export function deletePayment(ctx: ApiContext, body: Record<string, unknown>): Record<string, unknown> {
  const input = parseWith(ZPaymentRequestSchema, body, "Payment");
  const p = findForChange(ctx, input);
  const affected = p.lines;
  ctx.store.recordChange(ctx.realm, "Payment", p, "Delete");
  touchLinkedForms(ctx, affected);
  touchCustomer(ctx, p.customerId);
  return { domain: "QBO", status: "Deleted", Id: p.id };
}

export function readPayment(ctx: ApiContext, id: string): Record<string, unknown> {
  return serializePayment(ctx.realm, findLive(ctx.realm.Payment, id));
}
