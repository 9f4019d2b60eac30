// Account: create (Name unique → 6240; AccountType and/or AccountSubType; CurrencyRef defaults to home) and read.
import { z } from "zod";
import { now } from "../clock";
import { Faults } from "../faults";
import { ACCOUNT_TYPES, ACCOUNT_TYPE_NAMES, canHoldForeignCurrency, findAccountTypeOfSubType } from "../store/account-types";
import { isKnownCurrency } from "../store/currencies";
import type { AccountRec, RealmState } from "../store/types";
import { type ApiContext, findLive } from "./context";
import { READ_ONLY_COMMON, ZAnySchema, ZBoolSchema, ZDateSchema, ZRefSchema, ZTextSchema, buildEnumSchema } from "./field-schemas";
import { parseWith } from "./schema";
import { serializeAccount } from "./serialize";

const ZAccountRequestSchema = z.strictObject({
  ...READ_ONLY_COMMON,
  Name: ZTextSchema, AccountType: buildEnumSchema(ACCOUNT_TYPE_NAMES), AccountSubType: ZTextSchema, AcctNum: ZTextSchema,
  Description: ZTextSchema, Active: ZBoolSchema.optional(), CurrencyRef: ZRefSchema.optional(), ParentRef: ZRefSchema.optional(),
  SubAccount: ZBoolSchema.optional(), TaxCodeRef: ZRefSchema.optional(), OpeningBalanceDate: ZDateSchema, OpeningBalance: ZAnySchema,
  FullyQualifiedName: ZAnySchema, Classification: ZAnySchema, CurrentBalance: ZAnySchema, CurrentBalanceWithSubAccounts: ZAnySchema,
  AccountAlias: ZAnySchema, TxnLocationType: ZAnySchema, BankNum: ZAnySchema, TaxAccount: ZAnySchema, OnlineBankingEnabled: ZAnySchema,
  FIName: ZAnySchema, JournalCodeRef: ZAnySchema, AccountEx: ZAnySchema,
});
type TAccountRequest = z.infer<typeof ZAccountRequestSchema>;

const MAX_NAME = 100;
const MAX_DESCRIPTION = 100;

/** A live, active account by reference: unknown → 2500, inactive → 610 (as for items' IncomeAccountRef). */
export function findActiveAccount(realm: RealmState, ref: { value: string }, element: string): AccountRec {
  const account = /^\d+$/.test(ref.value) ? realm.Account[ref.value] : undefined;
  if (!account || account.deletedAt !== undefined) throw Faults.invalidReference("Account", ref.value, element);
  if (!account.isActive) throw Faults.objectNotFound(element);
  return account;
}

function resolveName(realm: RealmState, raw: string | undefined): string {
  const name = raw?.trim();
  if (!name) throw Faults.requiredMissing("Name");
  if (name.length > MAX_NAME) throw Faults.lengthExceeded("Name", MAX_NAME, name.length);
  if (/[:"]/.test(name)) throw Faults.businessValidation('The account name can\'t contain a colon (:) or a double quote (").', "Name");
  const wanted = name.toLowerCase();
  if (Object.values(realm.Account).some((a) => a.name.toLowerCase() === wanted)) throw Faults.duplicateName("account");
  return name;
}

function resolveTypes(input: TAccountRequest): { accountType: string; accountSubType: string } {
  const subType = input.AccountSubType?.trim() || undefined;
  const accountType = input.AccountType ?? (subType ? findAccountTypeOfSubType(subType) : undefined);
  if (!accountType) {
    if (subType) throw Faults.businessValidation(`Invalid account sub-type: ${subType}.`, "AccountSubType");
    throw Faults.requiredMissing("AccountType");
  }
  const info = ACCOUNT_TYPES[accountType];
  if (!info) throw Faults.requiredMissing("AccountType");
  if (subType && !info.subTypes.includes(subType)) {
    throw Faults.businessValidation(`The account sub-type ${subType} does not belong to the account type ${accountType}.`, "AccountSubType");
  }
  return { accountType, accountSubType: subType ?? info.defaultSubType };
}

function resolveCurrency(realm: RealmState, input: TAccountRequest, accountType: string): string {
  const code = input.CurrencyRef?.value.toUpperCase() ?? realm.prefs.homeCurrency;
  if (!isKnownCurrency(code)) throw Faults.invalidReference("Currency", code, "CurrencyRef");
  if (code === realm.prefs.homeCurrency) return code;
  if (!realm.prefs.multiCurrencyEnabled) {
    throw Faults.businessValidation("Multicurrency is not enabled for this company; the account must use the home currency.", "CurrencyRef");
  }
  if (!canHoldForeignCurrency(accountType)) {
    throw Faults.businessValidation(`${accountType} accounts are always in the home currency (${realm.prefs.homeCurrency}).`, "CurrencyRef");
  }
  return code;
}

function resolveDetails(input: TAccountRequest): { acctNum?: string; description?: string } {
  const acctNum = input.AcctNum?.trim() || undefined;
  if (acctNum?.includes(":")) throw Faults.businessValidation("The account number can't contain a colon (:).", "AcctNum");
  const description = input.Description?.trim() || undefined;
  if (description && description.length > MAX_DESCRIPTION) throw Faults.lengthExceeded("Description", MAX_DESCRIPTION, description.length);
  if (input.ParentRef) throw Faults.businessValidation("Sub-accounts (ParentRef) are not supported by the emulator.", "ParentRef");
  return { acctNum, description };
}

export function createAccount(ctx: ApiContext, body: Record<string, unknown>): Record<string, unknown> {
  const input = parseWith(ZAccountRequestSchema, body, "Account");
  const name = resolveName(ctx.realm, input.Name);
  const { accountType, accountSubType } = resolveTypes(input);
  const currency = resolveCurrency(ctx.realm, input, accountType);
  const details = resolveDetails(input);
  const at = now();
  const rec: AccountRec = {
    id: ctx.store.allocateId(ctx.realm, "Account"), syncToken: 0, createdAt: at, updatedAt: at, name, accountType, accountSubType,
    classification: ACCOUNT_TYPES[accountType]?.classification ?? "Asset", currency, isActive: input.Active ?? true, ...details,
  };
  ctx.realm.Account[rec.id] = rec;
  ctx.store.recordChange(ctx.realm, "Account", rec, "Create", at);
  return serializeAccount(rec);
}

export function readAccount(ctx: ApiContext, id: string): Record<string, unknown> {
  return serializeAccount(findLive(ctx.realm.Account, id));
}
