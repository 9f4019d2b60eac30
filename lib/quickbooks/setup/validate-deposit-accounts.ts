import { AppError } from "@/lib/errors";
import type { TSetupApi } from "./setup-api";
import { QuickBooksError } from "../errors";
import type { TAccount } from "../schemas";
import { ACCOUNT_ROLES, accountField, whyAccountUnusable, type TAccountRole } from "./account-roles";
import type { TConfigurationInput } from "./schemas";

export type TDepositAccountNames = Record<`${TAccountRole}AccountName`, string | null>;

const NO_NAMES = Object.fromEntries(ACCOUNT_ROLES.map((role) => [`${role}AccountName`, null])) as TDepositAccountNames;

async function readAccount(api: TSetupApi, id: string): Promise<TAccount | null> {
  try {
    return await api.getAccount(id);
  } catch (error) {
    if (error instanceof QuickBooksError && (error.kind === "not_found" || error.kind === "business")) return null;
    throw error;
  }
}

/**
 * With deposits on: payments must wait in Undeposited Funds (a deposit collects only those), and
 * every chosen account must exist in the connected company, be active, in USD and of a type its
 * role takes. Every problem is reported at once, by field; nothing is saved while one remains.
 */
export async function validateDepositAccounts(
  api: TSetupApi,
  input: TConfigurationInput,
  paymentsAccount: TAccount | null,
  homeCurrency: string,
): Promise<TDepositAccountNames> {
  if (!input.depositsEnabled) return NO_NAMES;
  const problems: string[] = [];
  if (paymentsAccount && paymentsAccount.AccountSubType !== "UndepositedFunds") {
    problems.push(`depositAccountId: With deposits on, payments wait in Undeposited Funds until their deposit collects them; ${paymentsAccount.Name} cannot. Choose Undeposited Funds.`);
  }
  const names = { ...NO_NAMES };
  for (const role of ACCOUNT_ROLES) {
    const field = accountField(role);
    const account = await readAccount(api, input[field]!);
    const problem = account ? whyAccountUnusable(role, account, homeCurrency) : "That account was not found in your QuickBooks company. Choose one from the list.";
    if (problem) problems.push(`${field}: ${problem}`);
    else names[`${role}AccountName`] = account!.Name;
  }
  if (problems.length > 0) {
    const message = problems.length === 1 ? problems[0]!.slice(problems[0]!.indexOf(": ") + 2) : `${problems.length} of the chosen accounts cannot be used for deposits. See the highlighted fields.`;
    throw new AppError("INVALID_INPUT", message, { details: problems });
  }
  return names;
}
