// Deposit request schema and its lines: linked Payment lines (no DetailType) and DepositLineDetail account lines.
import { z } from "zod";
import { Faults } from "../faults";
import { toCents } from "../json";
import { findDepositOfPayment } from "../store/ledger";
import type { DepositAccountLineRec, DepositLineRec, DepositLinkedLineRec, RealmState } from "../store/types";
import { findActiveAccount } from "./account";
import { compactValue, pickFields } from "./context";
import { READ_ONLY_COMMON, ZAnySchema, ZDateSchema, ZDecimalSchema, ZRefSchema, ZTextSchema } from "./field-schemas";
import { ZLinkedTxnSchema } from "./payment-input";
import { isPlainObject } from "./schema";

const ZDepositLineDetailSchema = z.strictObject({
  AccountRef: ZRefSchema.optional(), Entity: ZAnySchema, PaymentMethodRef: ZRefSchema.optional(), CheckNum: ZTextSchema,
  ClassRef: ZRefSchema.optional(), TxnType: ZTextSchema, TaxCodeRef: ZRefSchema.optional(), TaxApplicableOn: ZAnySchema,
});

const ZDepositLineSchema = z.strictObject({
  Id: ZAnySchema, LineNum: ZAnySchema, Description: ZTextSchema, Amount: ZDecimalSchema.optional(),
  DetailType: z.preprocess((v) => (v === "" ? undefined : v), ZTextSchema),
  DepositLineDetail: ZDepositLineDetailSchema.optional(), LinkedTxn: z.array(ZLinkedTxnSchema).optional(),
  LineEx: ZAnySchema, CustomField: ZAnySchema, ProjectRef: ZAnySchema,
});
type TDepositLine = z.infer<typeof ZDepositLineSchema>;

export const ZDepositRequestSchema = z.strictObject({
  ...READ_ONLY_COMMON,
  DepositToAccountRef: ZRefSchema.optional(), TxnDate: ZDateSchema, PrivateNote: ZTextSchema, DocNumber: ZTextSchema,
  CurrencyRef: ZRefSchema.optional(), ExchangeRate: ZDecimalSchema.optional(), DepartmentRef: ZRefSchema.optional(),
  Line: z.array(ZDepositLineSchema).optional(),
  CashBack: z.strictObject({ AccountRef: ZRefSchema.optional(), Amount: ZDecimalSchema.optional(), Memo: ZTextSchema }).optional(),
  TotalAmt: ZAnySchema, HomeTotalAmt: ZAnySchema, TxnSource: ZAnySchema, TxnStatus: ZAnySchema, LinkedTxn: ZAnySchema,
  GlobalTaxCalculation: ZAnySchema, TxnTaxDetail: ZAnySchema, RecurDataRef: ZAnySchema, TransactionLocationType: ZAnySchema,
  CustomField: ZAnySchema,
});
export type TDepositRequest = z.infer<typeof ZDepositRequestSchema>;

export const DEPOSIT_WRITABLE = ["PrivateNote", "DocNumber", "DepartmentRef"] as const;

const LINKED_ELEMENT = "Line.LinkedTxn.TxnId";
const ACCOUNT_ELEMENT = "Line.DepositLineDetail.AccountRef";

/** What the lines are checked against: the deposit's currency, and the deposit itself on an update. */
export interface DepositScope {
  currency: string;
  depositId?: string;
}

function buildLinkedLine(realm: RealmState, line: TDepositLine, amountCents: number, scope: DepositScope, seen: Set<string>): DepositLinkedLineRec {
  const linked = line.LinkedTxn ?? [];
  if (linked.length !== 1) throw Faults.businessValidation("Each deposit line must link exactly one transaction.", "Line.LinkedTxn");
  const txn = linked[0];
  if (!txn?.TxnId) throw Faults.requiredMissing("Line.LinkedTxn.TxnId");
  if (!txn.TxnType) throw Faults.requiredMissing("Line.LinkedTxn.TxnType");
  if (txn.TxnType !== "Payment") {
    throw Faults.businessValidation(`Depositing a ${txn.TxnType} is not supported by the emulator (only Payment).`, "Line.LinkedTxn.TxnType");
  }
  const p = /^\d+$/.test(txn.TxnId) ? realm.Payment[txn.TxnId] : undefined;
  if (!p || p.deletedAt !== undefined) throw Faults.objectNotFound(LINKED_ELEMENT);
  if (p.isVoided) throw Faults.businessValidation(`Payment ${p.id} is voided and can't be deposited.`, LINKED_ELEMENT);
  const held = realm.Account[p.depositAccountId];
  if (held?.accountSubType !== "UndepositedFunds") {
    throw Faults.businessValidation(
      `Payment ${p.id} was deposited directly to ${held?.name ?? "another account"}; only payments in Undeposited Funds can be deposited.`,
      LINKED_ELEMENT,
    );
  }
  const other = findDepositOfPayment(realm, p.id, scope.depositId);
  if (other || seen.has(p.id)) {
    throw Faults.businessValidation(`Payment ${p.id} has already been deposited${other ? ` (Deposit ${other.id})` : ""}.`, LINKED_ELEMENT);
  }
  seen.add(p.id);
  if (p.currency !== scope.currency) {
    throw Faults.businessValidation(`The currency of payment ${p.id} (${p.currency}) must match the deposit's currency (${scope.currency}).`, LINKED_ELEMENT);
  }
  if (amountCents !== p.totalCents) {
    throw Faults.businessValidation(
      `The deposit line for payment ${p.id} (${(amountCents / 100).toFixed(2)}) must equal the payment amount (${(p.totalCents / 100).toFixed(2)}).`,
      "Line.Amount",
    );
  }
  return { kind: "Linked", amountCents, paymentId: p.id };
}

/** A flat `{value,name,type}` reference to a customer (read back with an upper-case type); a nested one is ignored, as at Intuit. */
function resolveEntity(realm: RealmState, raw: unknown, currency: string): Record<string, string> | undefined {
  if (!isPlainObject(raw) || raw.value === undefined || raw.value === "") return undefined;
  const id = String(raw.value);
  const type = typeof raw.type === "string" && raw.type !== "" ? raw.type : "Customer";
  const customer = type.toLowerCase() === "customer" && /^\d+$/.test(id) ? realm.Customer[id] : undefined;
  if (!customer) throw Faults.invalidReference(type, id, "Line.DepositLineDetail.Entity");
  if (customer.currency !== currency) {
    throw Faults.businessValidation(`The currency of ${customer.displayName} (${customer.currency}) must match the deposit's currency (${currency}).`, "Line.DepositLineDetail.Entity");
  }
  return { value: customer.id, name: customer.displayName, type: "CUSTOMER" };
}

function buildAccountLine(realm: RealmState, line: TDepositLine, amountCents: number, scope: DepositScope): DepositAccountLineRec {
  const detail = line.DepositLineDetail ?? {};
  if (!detail.AccountRef) throw Faults.requiredMissing(ACCOUNT_ELEMENT);
  const account = findActiveAccount(realm, detail.AccountRef, ACCOUNT_ELEMENT);
  if (account.currency !== scope.currency && account.currency !== realm.prefs.homeCurrency) {
    throw Faults.businessValidation(`The currency of account ${account.name} (${account.currency}) must match the deposit's currency (${scope.currency}).`, ACCOUNT_ELEMENT);
  }
  const entity = resolveEntity(realm, detail.Entity, scope.currency);
  const rest = pickFields(detail, ["PaymentMethodRef", "CheckNum", "ClassRef"]);
  const description = line.Description?.trim() || undefined;
  return { kind: "Account", amountCents, accountId: account.id, description, detail: entity ? { Entity: entity, ...rest } : rest };
}

/** One line: DetailType/DepositLineDetail → an account line; LinkedTxn alone → a linked Payment line. */
function buildLine(realm: RealmState, line: TDepositLine, scope: DepositScope, seen: Set<string>): DepositLineRec {
  if (line.Amount === undefined) throw Faults.requiredMissing("Amount", "Line.Amount");
  const amountCents = toCents(line.Amount);
  if (line.DetailType !== undefined && line.DetailType !== "DepositLineDetail") {
    throw Faults.businessValidation(`A deposit line can't be a ${line.DetailType}.`, "Line.DetailType");
  }
  // A detail whose members were all empty (a client's defaults) counts as not sent.
  const hasDetail = line.DetailType !== undefined || compactValue(line.DepositLineDetail) !== undefined;
  if (line.DetailType !== undefined && !line.DepositLineDetail?.AccountRef) throw Faults.requiredMissing(ACCOUNT_ELEMENT);
  if (line.LinkedTxn === undefined) return buildAccountLine(realm, line, amountCents, scope);
  // Observed at Intuit: a DepositLineDetail on a linked payment line is refused with this message.
  if (hasDetail) throw Faults.businessValidation("Select a bank account for this deposit", "Line.DepositLineDetail");
  return buildLinkedLine(realm, line, amountCents, scope, seen);
}

export function buildDepositLines(realm: RealmState, lines: TDepositLine[] | undefined, scope: DepositScope): DepositLineRec[] {
  if (!lines || lines.length === 0) throw Faults.requiredMissing("Line");
  const seen = new Set<string>();
  return lines.map((l) => buildLine(realm, l, scope, seen));
}
