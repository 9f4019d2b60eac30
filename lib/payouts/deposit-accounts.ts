import type { QuickBooksApi } from "@/lib/quickbooks/api";
import { readOrNull } from "@/lib/quickbooks/errors";
import type { TAccount } from "@/lib/quickbooks/schemas";
import type { TDepositPayload } from "./deposit-payload";

/** Where a deposit may go (Intuit: Bank or Other Current Asset), never Undeposited Funds itself. */
export function isDepositTarget(account: Pick<TAccount, "AccountType" | "AccountSubType">): boolean {
  return (account.AccountType === "Bank" || account.AccountType === "Other Current Asset") && account.AccountSubType !== "UndepositedFunds";
}

/** Account lines need no customer or vendor: receivables and payables are out. */
export function isDepositLineAccount(account: Pick<TAccount, "AccountType" | "AccountSubType">): boolean {
  return account.AccountType !== "Accounts Receivable" && account.AccountType !== "Accounts Payable" && account.AccountSubType !== "UndepositedFunds";
}

/**
 * Every account the deposit books to, checked in QuickBooks before anything of the payout posts:
 * chosen, still there, active, in dollars, of a type a deposit takes. Returns plain-words problems.
 */
export async function checkDepositAccounts(api: Pick<QuickBooksApi, "getAccount">, payload: TDepositPayload): Promise<string[]> {
  const wanted = [
    { id: payload.bankAccountId, label: "the bank account payouts are deposited to", isTarget: true },
    ...payload.accountLines.map((line) => ({ id: line.accountId, label: `the ${line.accountLabel} account`, isTarget: false })),
  ];
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const { id, label, isTarget } of wanted) {
    if (!id) {
      problems.push(`No account is chosen for ${label}: choose one in the QuickBooks configuration.`);
      continue;
    }
    if (seen.has(`${id}:${isTarget}`)) continue;
    seen.add(`${id}:${isTarget}`);
    const account = await readOrNull(() => api.getAccount(id));
    if (!account) problems.push(`${capitalize(label)} no longer exists in QuickBooks: choose another in the QuickBooks configuration.`);
    else if (account.Active === false) problems.push(`${capitalize(label)} (${account.Name}) is inactive in QuickBooks.`);
    else if (account.CurrencyRef && account.CurrencyRef.value !== "USD") problems.push(`${capitalize(label)} (${account.Name}) is in ${account.CurrencyRef.value}; Xometry pays in USD.`);
    else if (isTarget ? !isDepositTarget(account) : !isDepositLineAccount(account)) {
      problems.push(`${capitalize(label)} (${account.Name}) is a ${account.AccountType ?? "different"} account, which a deposit cannot use${isTarget ? ": choose a Bank account" : ""}.`);
    }
  }
  return problems;
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
