// Deposit: create, read, sparse/full update (Line replaces all), delete (Intuit documents no void). The payments it
// records are frozen (6540) until it is deleted or they are taken off it.
import { formatDate, now } from "../clock";
import { Faults } from "../faults";
import { toCents } from "../json";
import { canReceiveDeposit } from "../store/account-types";
import { getExchangeRate } from "../store/currencies";
import { getDepositTotalCents } from "../store/ledger";
import type { AccountRec, DepositLineRec, DepositRec, RealmState } from "../store/types";
import { findActiveAccount } from "./account";
import { ensureOpenPeriod } from "./company-status";
import { type ApiContext, findCurrent, findLive, mergeFields, pickFields, touchLinked } from "./context";
import { DEPOSIT_WRITABLE, type TDepositRequest, ZDepositRequestSchema, buildDepositLines } from "./deposit-input";
import { parseWith } from "./schema";
import { serializeDeposit } from "./serialize-deposit";

const MAX_PRIVATE_NOTE = 4000;
const MAX_DOC_NUMBER = 21;

type DepositContent = Pick<DepositRec, "txnDate" | "currency" | "exchangeRate" | "depositAccountId" | "lines" | "fields">;

/** Required on every write, sparse updates included (observed at Intuit); Bank or Other Current Asset only. */
function resolveDepositAccount(realm: RealmState, ref: { value: string } | undefined): AccountRec {
  if (!ref) throw Faults.requiredMissing("DepositToAccountRef");
  const account = findActiveAccount(realm, ref, "DepositToAccountRef");
  if (!canReceiveDeposit(account)) {
    throw Faults.businessValidation(
      `Select a bank account for this deposit: ${account.name} is ${account.accountType === "Other Current Asset" ? "Undeposited Funds" : `a ${account.accountType} account`}; a deposit goes to a Bank or Other Current Asset account.`,
      "DepositToAccountRef",
    );
  }
  return account;
}

/** The deposit is in the currency of the account it goes to; a different CurrencyRef → 6000. */
function resolveCurrency(realm: RealmState, account: AccountRec, sent: string | undefined, rate: number | undefined) {
  if (sent !== undefined && sent.toUpperCase() !== account.currency) {
    throw Faults.businessValidation(`The deposit's currency (${sent}) must match the currency of ${account.name} (${account.currency}).`, "CurrencyRef");
  }
  const home = realm.prefs.homeCurrency;
  const exchangeRate = account.currency === home ? 1 : rate ?? getExchangeRate(account.currency, home);
  if (!(exchangeRate > 0)) throw Faults.businessValidation("ExchangeRate must be greater than zero.", "ExchangeRate");
  return { currency: account.currency, exchangeRate };
}

function ensureValidContent(input: TDepositRequest, content: DepositContent): void {
  const total = getDepositTotalCents(content);
  if (total < 0) {
    throw Faults.businessValidation(`A deposit can't be negative (the lines add up to ${(total / 100).toFixed(2)}).`, "TotalAmt");
  }
  if (input.CashBack?.Amount !== undefined && toCents(input.CashBack.Amount) !== 0) {
    throw Faults.businessValidation("CashBack is not supported by the emulator.", "CashBack");
  }
  const note = content.fields.PrivateNote;
  if (typeof note === "string" && note.length > MAX_PRIVATE_NOTE) throw Faults.lengthExceeded("PrivateNote", MAX_PRIVATE_NOTE, note.length);
  const doc = content.fields.DocNumber;
  if (typeof doc === "string" && doc.length > MAX_DOC_NUMBER) throw Faults.lengthExceeded("DocNumber", MAX_DOC_NUMBER, doc.length);
}

function buildContent(ctx: ApiContext, input: TDepositRequest, current?: DepositRec): DepositContent {
  const isSparse = current !== undefined && input.sparse === true;
  const account = resolveDepositAccount(ctx.realm, input.DepositToAccountRef);
  const { currency, exchangeRate } = resolveCurrency(ctx.realm, account, input.CurrencyRef?.value, input.ExchangeRate ?? current?.exchangeRate);
  if (current && currency !== current.currency) {
    throw Faults.businessValidation("You can't change the currency of an existing transaction.", "CurrencyRef");
  }
  const keepLines = current !== undefined && isSparse && input.Line === undefined;
  const content: DepositContent = {
    txnDate: input.TxnDate ?? current?.txnDate ?? formatDate(now()),
    currency, exchangeRate, depositAccountId: account.id,
    lines: keepLines ? current.lines : buildDepositLines(ctx.realm, input.Line, { currency, depositId: current?.id }),
    fields: current ? mergeFields(current.fields, input, DEPOSIT_WRITABLE, isSparse) : pickFields(input, DEPOSIT_WRITABLE),
  };
  ensureValidContent(input, content);
  return content;
}

/** Payments put on or taken off a deposit gain or lose their Deposit LinkedTxn (so a new SyncToken, as invoices get). */
function getPaymentIds(lines: DepositLineRec[]): string[] {
  return lines.flatMap((l) => (l.kind === "Linked" ? [l.paymentId] : []));
}

export function createDeposit(ctx: ApiContext, body: Record<string, unknown>): Record<string, unknown> {
  const input = parseWith(ZDepositRequestSchema, body, "Deposit");
  const content = buildContent(ctx, input);
  ensureOpenPeriod(ctx, content.txnDate);
  const at = now();
  const rec: DepositRec = { id: ctx.store.allocateId(ctx.realm, "Deposit"), syncToken: 0, createdAt: at, updatedAt: at, ...content };
  ctx.realm.Deposit[rec.id] = rec;
  ctx.store.recordChange(ctx.realm, "Deposit", rec, "Create", at);
  touchLinked(ctx, "Payment", getPaymentIds(rec.lines));
  return serializeDeposit(ctx.realm, rec);
}

function findForChange(ctx: ApiContext, input: TDepositRequest): DepositRec {
  const d = findCurrent(ctx.realm.Deposit, input);
  ensureOpenPeriod(ctx, d.txnDate, input.TxnDate);
  return d;
}

export function updateDeposit(ctx: ApiContext, body: Record<string, unknown>): Record<string, unknown> {
  const input = parseWith(ZDepositRequestSchema, body, "Deposit");
  const d = findForChange(ctx, input);
  const content = buildContent(ctx, input, d);
  const before = new Set(getPaymentIds(d.lines));
  const after = new Set(getPaymentIds(content.lines));
  Object.assign(d, content);
  ctx.store.recordChange(ctx.realm, "Deposit", d, "Update");
  touchLinked(ctx, "Payment", [...before, ...after].filter((id) => before.has(id) !== after.has(id)));
  return serializeDeposit(ctx.realm, d);
}

export function deleteDeposit(ctx: ApiContext, body: Record<string, unknown>): Record<string, unknown> {
  const input = parseWith(ZDepositRequestSchema, body, "Deposit");
  const d = findForChange(ctx, input);
  ctx.store.recordChange(ctx.realm, "Deposit", d, "Delete");
  touchLinked(ctx, "Payment", getPaymentIds(d.lines));
  return { domain: "QBO", status: "Deleted", Id: d.id };
}

export function readDeposit(ctx: ApiContext, id: string): Record<string, unknown> {
  return serializeDeposit(ctx.realm, findLive(ctx.realm.Deposit, id));
}
