// DepositAddRq (payments out of Undeposited Funds, and lines from other accounts, negative for fees) and DepositQueryRq.
import type { TOutObject } from "../qbxml/build";
import { QbXmlProcessError } from "../qbxml/errors";
import { invalidValue, notFound } from "../qbxml/status";
import { child, childrenNamed, ensureOrder, text, type TNode } from "../qbxml/tree";
import type { TContext, THandler } from "./context";
import { readDate, readGuid, readString, requireChild } from "./fields";
import { formatDate, nextTxnLineID } from "./ids";
import { findSpecialAccount } from "./invoices";
import { formatAmount, parseAmount } from "./money";
import { answerQuery } from "./query";
import { readRef, resolveRef, toRef } from "./refs";
import { newTxnHead, renderTxnHead } from "./txn-base";
import { selectTxns } from "./txn-query";
import type { TDeposit, TDepositLine, TPayment } from "./types";

const DEPOSIT_ADD_ORDER = ["TxnDate", "DepositToAccountRef", "Memo", "CurrencyRef", "ExchangeRate", "ExternalGUID", "DepositLineAdd"];
const PAYMENT_LINE_ORDER = ["PaymentTxnID", "PaymentTxnLineID", "OverrideMemo", "OverrideCheckNumber", "OverrideClassRef"];
const OTHER_LINE_ORDER = ["EntityRef", "AccountRef", "Memo", "CheckNumber", "PaymentMethodRef", "ClassRef", "Amount"];
const DEPOSIT_TO_TYPES = ["Bank", "OtherCurrentAsset"];

type TReadLine = { line: TDepositLine; payment?: TPayment };

function readPaymentLine(ctx: TContext, node: TNode, used: Set<string>): TReadLine {
  ensureOrder(node, PAYMENT_LINE_ORDER);
  const txnId = text(node, "PaymentTxnID") ?? "";
  const payment = ctx.state.payments.find((p) => p.TxnID === txnId);
  const undeposited = findSpecialAccount(ctx, "UndepositedFunds");
  // Only a payment still waiting in Undeposited Funds can be deposited, and only once.
  if (!payment || payment.depositTxnID || payment.DepositToAccount.ListID !== undeposited.ListID || used.has(txnId)) throw notFound(txnId);
  used.add(txnId);
  return {
    payment,
    line: {
      TxnLineID: nextTxnLineID(ctx.state, ctx.now),
      TxnType: "ReceivePayment",
      TxnID: payment.TxnID,
      Entity: { ...payment.Customer },
      Account: toRef(undeposited),
      Memo: readString(node, "OverrideMemo", 4095) ?? payment.Memo,
      CheckNumber: readString(node, "OverrideCheckNumber", 25),
      AmountCents: payment.TotalAmountCents,
    },
  };
}

function readOtherLine(ctx: TContext, node: TNode): TReadLine {
  ensureOrder(node, OTHER_LINE_ORDER);
  const entityRef = readRef(node, "EntityRef");
  const entity = entityRef ? resolveRef(ctx.state.customers, entityRef, "Entity", "Deposit") : undefined;
  const accountRef = readRef(node, "AccountRef");
  if (!accountRef) throw QbXmlProcessError.parse("DepositLineAdd needs <PaymentTxnID> or <AccountRef>");
  const account = resolveRef(ctx.state.accounts, accountRef, "Account", "Deposit");
  const amountText = text(node, "Amount");
  if (amountText === undefined) throw QbXmlProcessError.parse("DepositLineAdd needs <Amount>");
  return {
    line: {
      TxnLineID: nextTxnLineID(ctx.state, ctx.now),
      Entity: entity ? toRef(entity) : undefined,
      Account: toRef(account),
      Memo: readString(node, "Memo", 4095),
      CheckNumber: readString(node, "CheckNumber", 25),
      AmountCents: parseAmount(amountText, "Amount"),
    },
  };
}

export function renderDeposit(deposit: TDeposit, options: { lines: boolean }): TOutObject {
  return {
    ...renderTxnHead(deposit),
    TxnDate: deposit.TxnDate,
    DepositToAccountRef: { ...deposit.DepositToAccount },
    Memo: deposit.Memo,
    DepositTotal: formatAmount(deposit.DepositTotalCents),
    ExternalGUID: deposit.ExternalGUID,
    DepositLineRet: options.lines
      ? deposit.lines.map((l) => ({
          TxnType: l.TxnType,
          TxnID: l.TxnID,
          TxnLineID: l.TxnLineID,
          EntityRef: l.Entity ? { ...l.Entity } : undefined,
          AccountRef: { ...l.Account },
          Memo: l.Memo,
          CheckNumber: l.CheckNumber,
          Amount: formatAmount(l.AmountCents),
        }))
      : undefined,
  };
}

export const depositAdd: THandler = (rq, ctx) => {
  const add = requireChild(rq, "DepositAdd");
  ensureOrder(add, DEPOSIT_ADD_ORDER);
  const toRefInput = readRef(add, "DepositToAccountRef");
  if (!toRefInput) throw QbXmlProcessError.parse("DepositAdd needs <DepositToAccountRef>");
  const bank = resolveRef(ctx.state.accounts, toRefInput, "Account", "Deposit");
  if (!DEPOSIT_TO_TYPES.includes(bank.AccountType) || bank.SpecialAccountType === "UndepositedFunds") {
    throw invalidValue("DepositToAccountRef", bank.FullName, "Deposits go to a bank or other current asset account other than Undeposited Funds.");
  }
  const used = new Set<string>();
  const read = childrenNamed(add, "DepositLineAdd").map((node) => (child(node, "PaymentTxnID") ? readPaymentLine(ctx, node, used) : readOtherLine(ctx, node)));
  const total = read.reduce((sum, r) => sum + r.line.AmountCents, 0);
  if (total < 0) throw invalidValue("DepositTotal", formatAmount(total), "The deposit total cannot be negative.");
  const deposit: TDeposit = {
    ...newTxnHead(ctx),
    TxnDate: readDate(add, "TxnDate") ?? formatDate(ctx.now),
    DepositToAccount: toRef(bank),
    Memo: readString(add, "Memo", 4095),
    ExternalGUID: readGuid(add, "ExternalGUID"),
    DepositTotalCents: total,
    lines: read.map((r) => r.line),
  };
  const undeposited = findSpecialAccount(ctx, "UndepositedFunds");
  for (const { payment } of read) {
    if (!payment) continue;
    payment.depositTxnID = deposit.TxnID;
    undeposited.BalanceCents -= payment.TotalAmountCents;
  }
  bank.BalanceCents += total;
  ctx.state.deposits.push(deposit);
  return { body: { DepositRet: renderDeposit(deposit, { lines: true }) }, changed: true };
};

export const depositQuery: THandler = (rq, ctx) => {
  const { selected, missing, includeLines } = selectTxns(rq, ctx.state.deposits);
  return answerQuery(rq, ctx, selected.map((d) => ({ name: "DepositRet", ret: renderDeposit(d, { lines: includeLines }) })), missing);
};
