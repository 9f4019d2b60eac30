// ReceivePaymentAddRq (applied to one or more invoices, or IsAutoApply) and ReceivePaymentQueryRq.
import type { TOutObject } from "../qbxml/build";
import { QbXmlProcessError } from "../qbxml/errors";
import { invalidValue, notFound } from "../qbxml/status";
import { childrenNamed, ensureOrder, text, type TNode } from "../qbxml/tree";
import type { TContext, THandler } from "./context";
import { readDate, readGuid, readString, requireChild } from "./fields";
import { formatDate, formatDateTime, nextEditSequence } from "./ids";
import { balanceOf, findSpecialAccount } from "./invoices";
import { formatAmount, parseAmount } from "./money";
import { answerQuery, readBoolean } from "./query";
import { readRef, resolveRef, toRef } from "./refs";
import { newTxnHead, renderTxnHead } from "./txn-base";
import { selectTxns } from "./txn-query";
import type { TAccount, TApplied, TCustomer, TInvoice, TPayment } from "./types";

const PAYMENT_ADD_ORDER = [
  "CustomerRef", "ARAccountRef", "TxnDate", "RefNumber", "TotalAmount", "ExchangeRate", "Memo", "DepositToAccountRef", "ExternalGUID",
  "IsAutoApply", "AppliedToTxnAdd",
];
const APPLIED_ORDER = ["TxnID", "PaymentAmount"];
const DEPOSITABLE = ["Bank", "OtherCurrentAsset"];

type TApplication = { invoice: TInvoice; cents: number };

function readApplications(ctx: TContext, add: TNode, customer: TCustomer): TApplication[] {
  const byInvoice = new Map<string, TApplication>();
  for (const node of childrenNamed(add, "AppliedToTxnAdd")) {
    ensureOrder(node, APPLIED_ORDER);
    const txnId = text(node, "TxnID");
    if (!txnId) throw QbXmlProcessError.parse("AppliedToTxnAdd needs <TxnID>");
    const amountText = text(node, "PaymentAmount");
    // An invoice of another customer, or one already paid, is not among the customer's open invoices: QuickBooks cannot find it.
    const invoice = ctx.state.invoices.find((i) => i.TxnID === txnId && i.Customer.ListID === customer.ListID && balanceOf(i) > 0);
    if (!invoice) throw notFound(txnId);
    const cents = amountText === undefined ? balanceOf(invoice) : parseAmount(amountText, "PaymentAmount");
    const entry = byInvoice.get(txnId) ?? { invoice, cents: 0 };
    entry.cents += cents;
    if (entry.cents > balanceOf(invoice)) throw invalidValue("AppliedToTxnAdd PaymentAmount", formatAmount(cents), "You cannot pay more than the amount due.");
    if (cents < 0) throw invalidValue("AppliedToTxnAdd PaymentAmount", formatAmount(cents), "The amount must be zero or more.");
    byInvoice.set(txnId, entry);
  }
  return [...byInvoice.values()];
}

/** IsAutoApply: the customer's open invoices, oldest first, until the payment runs out. */
function autoApply(ctx: TContext, customer: TCustomer, total: number): TApplication[] {
  const open = ctx.state.invoices.filter((i) => i.Customer.ListID === customer.ListID && balanceOf(i) > 0).sort((a, b) => a.TxnDate.localeCompare(b.TxnDate) || a.TxnNumber - b.TxnNumber);
  const applications: TApplication[] = [];
  let left = total;
  for (const invoice of open) {
    if (left <= 0) break;
    const cents = Math.min(left, balanceOf(invoice));
    applications.push({ invoice, cents });
    left -= cents;
  }
  return applications;
}

export function renderPayment(payment: TPayment, ctx: TContext): TOutObject {
  return {
    ...renderTxnHead(payment),
    CustomerRef: { ...payment.Customer },
    ARAccountRef: { ...payment.ARAccount },
    TxnDate: payment.TxnDate,
    RefNumber: payment.RefNumber,
    TotalAmount: formatAmount(payment.TotalAmountCents),
    Memo: payment.Memo,
    DepositToAccountRef: { ...payment.DepositToAccount },
    UnusedPayment: formatAmount(payment.UnusedPaymentCents),
    UnusedCredits: "0.00",
    ExternalGUID: payment.ExternalGUID,
    AppliedToTxnRet: payment.applied.map((a) => {
      const invoice = ctx.state.invoices.find((i) => i.TxnID === a.TxnID);
      return {
        TxnID: a.TxnID,
        TxnType: "Invoice",
        TxnDate: invoice?.TxnDate,
        RefNumber: invoice?.RefNumber,
        BalanceRemaining: invoice ? formatAmount(balanceOf(invoice)) : undefined,
        Amount: formatAmount(a.AmountCents),
      };
    }),
  };
}

function readDepositTo(ctx: TContext, add: TNode): TAccount {
  const ref = readRef(add, "DepositToAccountRef");
  if (!ref) return findSpecialAccount(ctx, "UndepositedFunds");
  const account = resolveRef(ctx.state.accounts, ref, "Account", "ReceivePayment");
  if (!DEPOSITABLE.includes(account.AccountType)) throw invalidValue("DepositToAccountRef", account.FullName, "Payments can only be deposited to a bank or other current asset account.");
  return account;
}

export const receivePaymentAdd: THandler = (rq, ctx) => {
  const add = requireChild(rq, "ReceivePaymentAdd");
  ensureOrder(add, PAYMENT_ADD_ORDER);
  const customerRef = readRef(add, "CustomerRef");
  if (!customerRef) throw QbXmlProcessError.parse("ReceivePaymentAdd needs <CustomerRef>");
  const customer = resolveRef(ctx.state.customers, customerRef, "Customer", "ReceivePayment");
  const arRef = readRef(add, "ARAccountRef");
  const ar = arRef ? resolveRef(ctx.state.accounts, arRef, "Account", "ReceivePayment") : findSpecialAccount(ctx, "AccountsReceivable");
  const depositTo = readDepositTo(ctx, add);
  const totalText = text(add, "TotalAmount");
  const isAuto = readBoolean(text(add, "IsAutoApply"), false);
  if (isAuto && totalText === undefined) throw QbXmlProcessError.parse("IsAutoApply needs <TotalAmount>");
  const applications = isAuto ? autoApply(ctx, customer, parseAmount(totalText ?? "0", "TotalAmount")) : readApplications(ctx, add, customer);
  const appliedSum = applications.reduce((sum, a) => sum + a.cents, 0);
  const total = totalText === undefined ? appliedSum : parseAmount(totalText, "TotalAmount");
  if (total < 0) throw invalidValue("TotalAmount", formatAmount(total), "The payment amount must be zero or more.");
  if (appliedSum > total) throw invalidValue("TotalAmount", formatAmount(total), "The amounts applied to invoices are more than the payment amount.");
  const at = formatDateTime(ctx.now);
  const txnDate = readDate(add, "TxnDate") ?? formatDate(ctx.now);
  const payment: TPayment = {
    ...newTxnHead(ctx),
    TxnDate: txnDate,
    Customer: toRef(customer),
    ARAccount: toRef(ar),
    RefNumber: readString(add, "RefNumber", 20),
    TotalAmountCents: total,
    Memo: readString(add, "Memo", 4095),
    DepositToAccount: toRef(depositTo),
    ExternalGUID: readGuid(add, "ExternalGUID"),
    applied: applications.map((a): TApplied => ({ TxnID: a.invoice.TxnID, AmountCents: a.cents })),
    UnusedPaymentCents: total - appliedSum,
  };
  for (const { invoice, cents } of applications) {
    invoice.AppliedCents += cents;
    invoice.EditSequence = nextEditSequence(ctx.state, ctx.now);
    invoice.TimeModified = at;
    invoice.linked.push({ TxnID: payment.TxnID, TxnType: "ReceivePayment", TxnDate: txnDate, RefNumber: payment.RefNumber, AmountCents: cents });
  }
  ctx.state.payments.push(payment);
  customer.BalanceCents -= total;
  ar.BalanceCents -= total;
  depositTo.BalanceCents += total;
  return { body: { ReceivePaymentRet: renderPayment(payment, ctx) }, changed: true };
};

export const receivePaymentQuery: THandler = (rq, ctx) => {
  const { selected, missing } = selectTxns(rq, ctx.state.payments);
  return answerQuery(rq, ctx, selected.map((p) => ({ name: "ReceivePaymentRet", ret: renderPayment(p, ctx) })), missing);
};
