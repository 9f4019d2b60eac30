// InvoiceAddRq and InvoiceQueryRq.
import type { TOutObject } from "../qbxml/build";
import { QbXmlProcessError } from "../qbxml/errors";
import { childrenNamed, ensureOrder, text, type TNode } from "../qbxml/tree";
import type { TContext, THandler } from "./context";
import { readDate, readGuid, readString, requireChild } from "./fields";
import { formatDate, nextTxnLineID } from "./ids";
import { formatAmount, multiplyToCents, parseAmount } from "./money";
import { answerQuery } from "./query";
import { readRef, resolveRef, toRef } from "./refs";
import { newTxnHead, renderTxnHead } from "./txn-base";
import { selectTxns } from "./txn-query";
import type { TAccount, TInvoice, TInvoiceLine } from "./types";

const INVOICE_ADD_ORDER = [
  "CustomerRef", "ClassRef", "ARAccountRef", "TemplateRef", "TxnDate", "RefNumber", "BillAddress", "ShipAddress", "IsPending", "PONumber",
  "TermsRef", "DueDate", "SalesRepRef", "FOB", "ShipDate", "ShipMethodRef", "ItemSalesTaxRef", "Memo", "CustomerMsgRef", "IsToBePrinted",
  "IsToBeEmailed", "IsTaxIncluded", "CustomerSalesTaxCodeRef", "Other", "ExchangeRate", "ExternalGUID", "InvoiceLineAdd",
];
const LINE_ADD_ORDER = ["ItemRef", "Desc", "Quantity", "UnitOfMeasure", "Rate", "ClassRef", "Amount", "ServiceDate", "SalesTaxCodeRef", "Other1", "Other2"];

export const REF_NUMBER_MAX = 11;
const MEMO_MAX = 4095;

export const balanceOf = (invoice: TInvoice): number => invoice.SubtotalCents - invoice.AppliedCents;
export const isInvoicePaid = (invoice: TInvoice): boolean => balanceOf(invoice) <= 0;

/** The special account of a kind (A/R, Undeposited Funds). */
export function findSpecialAccount(ctx: TContext, special: string): TAccount {
  const account = ctx.state.accounts.find((a) => a.SpecialAccountType === special);
  if (!account) throw new Error(`The company file has no ${special} account`);
  return account;
}

function readLine(ctx: TContext, node: TNode): TInvoiceLine {
  ensureOrder(node, LINE_ADD_ORDER);
  const itemRef = readRef(node, "ItemRef");
  const item = itemRef ? resolveRef(ctx.state.items, itemRef, "Item", "Invoice") : undefined;
  const quantity = text(node, "Quantity");
  const rate = text(node, "Rate");
  const amountText = text(node, "Amount");
  if (rate !== undefined && !/^-?\d+(\.\d+)?$/.test(rate)) throw QbXmlProcessError.parse(`Rate "${rate}" is not a price`);
  if (quantity !== undefined && !/^-?\d+(\.\d+)?$/.test(quantity)) throw QbXmlProcessError.parse(`Quantity "${quantity}" is not a quantity`);
  let amount: number;
  if (amountText !== undefined) amount = parseAmount(amountText, "Amount");
  else if (rate !== undefined) amount = multiplyToCents(quantity ?? "1", rate);
  else amount = item?.PriceCents === undefined ? 0 : multiplyToCents(quantity ?? "1", formatAmount(item.PriceCents));
  return {
    TxnLineID: nextTxnLineID(ctx.state, ctx.now),
    Item: item ? toRef(item) : undefined,
    Desc: readString(node, "Desc", 4095) ?? item?.Desc,
    Quantity: quantity,
    Rate: rate,
    AmountCents: amount,
    ServiceDate: readDate(node, "ServiceDate"),
  };
}

/** The next number after the highest numeric RefNumber, as QuickBooks numbers invoices when none is given. */
function nextRefNumber(ctx: TContext): string {
  const numbers = ctx.state.invoices.map((i) => (i.RefNumber && /^\d+$/.test(i.RefNumber) ? Number(i.RefNumber) : 0));
  return String(Math.max(0, ...numbers) + 1);
}

export function renderInvoice(invoice: TInvoice, options: { lines: boolean; linked: boolean }): TOutObject {
  const balance = balanceOf(invoice);
  return {
    ...renderTxnHead(invoice),
    CustomerRef: { ...invoice.Customer },
    ARAccountRef: { ...invoice.ARAccount },
    TxnDate: invoice.TxnDate,
    RefNumber: invoice.RefNumber,
    IsPending: invoice.IsPending,
    IsFinanceCharge: false,
    PONumber: invoice.PONumber,
    DueDate: invoice.DueDate,
    Subtotal: formatAmount(invoice.SubtotalCents),
    SalesTaxPercentage: "0.00",
    SalesTaxTotal: "0.00",
    AppliedAmount: formatAmount(-invoice.AppliedCents),
    BalanceRemaining: formatAmount(balance),
    Memo: invoice.Memo,
    IsPaid: balance <= 0,
    IsToBePrinted: false,
    IsToBeEmailed: false,
    ExternalGUID: invoice.ExternalGUID,
    LinkedTxn: options.linked
      ? invoice.linked.map((l) => ({ TxnID: l.TxnID, TxnType: l.TxnType, TxnDate: l.TxnDate, RefNumber: l.RefNumber, LinkType: "AMTTYPE", Amount: formatAmount(-l.AmountCents) }))
      : undefined,
    InvoiceLineRet: options.lines
      ? invoice.lines.map((l) => ({
          TxnLineID: l.TxnLineID,
          ItemRef: l.Item ? { ...l.Item } : undefined,
          Desc: l.Desc,
          Quantity: l.Quantity,
          Rate: l.Rate,
          Amount: formatAmount(l.AmountCents),
          ServiceDate: l.ServiceDate,
        }))
      : undefined,
  };
}

export const invoiceAdd: THandler = (rq, ctx) => {
  const add = requireChild(rq, "InvoiceAdd");
  ensureOrder(add, INVOICE_ADD_ORDER);
  const customerRef = readRef(add, "CustomerRef");
  if (!customerRef) throw QbXmlProcessError.parse("InvoiceAdd needs <CustomerRef>");
  const customer = resolveRef(ctx.state.customers, customerRef, "Customer", "Invoice");
  const arRef = readRef(add, "ARAccountRef");
  const ar = arRef ? resolveRef(ctx.state.accounts, arRef, "Account", "Invoice") : findSpecialAccount(ctx, "AccountsReceivable");
  const refNumber = readString(add, "RefNumber", REF_NUMBER_MAX) ?? nextRefNumber(ctx);
  const memo = readString(add, "Memo", MEMO_MAX);
  const txnDate = readDate(add, "TxnDate") ?? formatDate(ctx.now);
  const lines = childrenNamed(add, "InvoiceLineAdd").map((line) => readLine(ctx, line));
  const invoice: TInvoice = {
    ...newTxnHead(ctx),
    TxnDate: txnDate,
    Customer: toRef(customer),
    ARAccount: toRef(ar),
    RefNumber: refNumber,
    DueDate: readDate(add, "DueDate") ?? txnDate,
    PONumber: readString(add, "PONumber", 25),
    Memo: memo,
    IsPending: text(add, "IsPending") === "true",
    ExternalGUID: readGuid(add, "ExternalGUID"),
    lines,
    SubtotalCents: lines.reduce((sum, l) => sum + l.AmountCents, 0),
    AppliedCents: 0,
    linked: [],
  };
  ctx.state.invoices.push(invoice);
  customer.BalanceCents += invoice.SubtotalCents;
  ar.BalanceCents += invoice.SubtotalCents;
  return { body: { InvoiceRet: renderInvoice(invoice, { lines: true, linked: false }) }, changed: true };
};

export const invoiceQuery: THandler = (rq, ctx) => {
  const { selected, missing, includeLines, includeLinked } = selectTxns(rq, ctx.state.invoices, { isPaid: isInvoicePaid });
  const rets = selected.map((i) => ({ name: "InvoiceRet", ret: renderInvoice(i, { lines: includeLines, linked: includeLinked }) }));
  return answerQuery(rq, ctx, rets, missing);
};
