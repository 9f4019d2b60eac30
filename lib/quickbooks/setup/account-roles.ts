import { z } from "zod";

/**
 * The QuickBooks accounts a payout's Deposit uses: the bank it goes to, and one account per
 * deduction kind. Pure rules, shared by the lookups, the save-time checks and the form.
 */
export const ACCOUNT_ROLES = ["bank", "advanceCard", "bnpl", "fastPayFee", "adjustment"] as const;
export type TAccountRole = (typeof ACCOUNT_ROLES)[number];
export const DEDUCTION_ACCOUNT_ROLES = ["advanceCard", "bnpl", "fastPayFee", "adjustment"] as const satisfies readonly TAccountRole[];
export const ZAccountRoleSchema = z.enum(ACCOUNT_ROLES, { message: "Choose which account this is for" });

export type TAccountField = `${TAccountRole}AccountId`;
export const accountField = (role: TAccountRole): TAccountField => `${role}AccountId`;

export type TAccountRoleRule = {
  label: string;
  /** The role in a sentence: "… account; <noun> need <typesInWords>." */
  noun: string;
  hint: string;
  /** Intuit's AccountType names this role lists and accepts, the usual ones first. */
  types: readonly string[];
  typesInWords: string;
  /** What "Create this account in QuickBooks" makes; the bank account is never created by us. */
  create?: { Name: string; AccountType: string; AccountSubType: string };
};

// A Deposit goes to a Bank or Other Current Asset account (Intuit's Deposit reference), never to
// Undeposited Funds itself. Deduction lines need no customer or vendor, so receivables and payables are out.
export const ACCOUNT_ROLE_RULES: Record<TAccountRole, TAccountRoleRule> = {
  bank: {
    label: "Deposit Xometry payouts to",
    noun: "payout deposits",
    hint: "The bank account Xometry pays into: each payout's Deposit lands here, equal to the bank line.",
    types: ["Bank", "Other Current Asset"],
    typesInWords: "a Bank account",
  },
  advanceCard: {
    label: "Advance Card repayments",
    noun: "Advance Card repayments",
    hint: "Purchases on the Xometry Advance Card, repaid from payouts: usually the card's Credit Card or liability account.",
    types: ["Credit Card", "Other Current Liability"],
    typesInWords: "a Credit Card or Other Current Liability account",
    create: { Name: "Xometry Advance Card", AccountType: "Credit Card", AccountSubType: "CreditCard" },
  },
  bnpl: {
    label: "Supplies Buy Now, Pay Later",
    noun: "Supplies BNPL deductions",
    hint: "Supplies bought through Xometry and deducted from a job's payout.",
    types: ["Other Current Liability", "Credit Card", "Long Term Liability", "Cost of Goods Sold", "Expense"],
    typesInWords: "a liability, Credit Card, Cost of Goods Sold or Expense account",
    create: { Name: "Xometry Supplies BNPL", AccountType: "Other Current Liability", AccountSubType: "OtherCurrentLiabilities" },
  },
  fastPayFee: {
    label: "FastPay fees",
    noun: "FastPay fees",
    hint: "The fee Xometry charges to pay jobs early.",
    types: ["Expense", "Other Expense"],
    typesInWords: "an Expense or Other Expense account",
    create: { Name: "Xometry FastPay Fees", AccountType: "Expense", AccountSubType: "CommissionsAndFees" },
  },
  adjustment: {
    label: "Adjustments",
    noun: "adjustments",
    hint: "Anything else Xometry adds to or takes from a payout.",
    types: ["Expense", "Other Expense", "Other Income", "Income", "Other Current Liability"],
    typesInWords: "an Expense, Income or Other Current Liability account",
    create: { Name: "Xometry Adjustments", AccountType: "Expense", AccountSubType: "OtherBusinessExpenses" },
  },
};

/** The payments account list's detail for Undeposited Funds (found by sub-type: its name is editable). */
export const UNDEPOSITED_FUNDS = "Undeposited Funds";
export const findUndepositedFundsId = (accounts: { id: string; detail?: string }[]) => accounts.find((account) => account.detail === UNDEPOSITED_FUNDS)?.id;

/** Every AccountType Intuit lists, for finding an account by name whatever its type. */
export const ALL_ACCOUNT_TYPES = [
  "Bank", "Other Current Asset", "Fixed Asset", "Other Asset", "Accounts Receivable", "Equity", "Expense", "Other Expense", "Cost of Goods Sold",
  "Accounts Payable", "Credit Card", "Long Term Liability", "Other Current Liability", "Income", "Other Income",
] as const;

type TAccountLike = { Name: string; AccountType?: string; AccountSubType?: string; Active?: boolean; CurrencyRef?: { value: string } };

export const accountCurrency = (account: TAccountLike, homeCurrency: string) => account.CurrencyRef?.value ?? homeCurrency;

/** Why this account cannot serve this role, in plain words; null when it can. */
export function whyAccountUnusable(role: TAccountRole, account: TAccountLike, homeCurrency: string): string | null {
  const rule = ACCOUNT_ROLE_RULES[role];
  if (account.Active === false) return `${account.Name} is inactive in QuickBooks. Choose an active account.`;
  if (account.AccountSubType === "UndepositedFunds") {
    return `${account.Name} holds payments until they are deposited; the deposit itself goes to your bank. Choose ${rule.typesInWords}.`;
  }
  if (!rule.types.includes(account.AccountType ?? "")) {
    const type = account.AccountType ? `${/^[AEIOU]/.test(account.AccountType) ? "an" : "a"} ${account.AccountType}` : "another kind of";
    return `${account.Name} is ${type} account; ${rule.noun} need ${rule.typesInWords}.`;
  }
  const currency = accountCurrency(account, homeCurrency);
  if (currency !== "USD") return `${account.Name} is in ${currency}; Xometry pays in USD. Choose a USD account.`;
  return null;
}

/** Deposits in one line, for the wizard's review and the configuration summary. */
export function describeDeposits(names: Partial<Record<TAccountRole, string | null | undefined>>): string {
  const deductions = DEDUCTION_ACCOUNT_ROLES.map((role) => `${ACCOUNT_ROLE_RULES[role].label} → ${names[role] ?? "—"}`).join("; ");
  return `On, into ${names.bank ?? "—"}. ${deductions}`;
}

type TSavedDeposits = { depositsEnabled: boolean } & { [K in `${TAccountRole}AccountId` | `${TAccountRole}AccountName`]: string | null };

/** A saved configuration's deposit settings as the form's values, names as the pickers' labels. */
export function savedDepositSettings(saved: TSavedDeposits) {
  return {
    depositsEnabled: saved.depositsEnabled,
    ...Object.fromEntries(ACCOUNT_ROLES.map((role) => [accountField(role), saved[accountField(role)] ?? undefined])),
    accountLabels: Object.fromEntries(ACCOUNT_ROLES.map((role) => [role, saved[`${role}AccountName`] ?? undefined])) as Partial<Record<TAccountRole, string>>,
  };
}

/** The saved account names by role. */
export const savedAccountNames = (saved: TSavedDeposits) => Object.fromEntries(ACCOUNT_ROLES.map((role) => [role, saved[`${role}AccountName`]])) as Record<TAccountRole, string | null>;
