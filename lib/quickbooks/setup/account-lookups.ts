import { z } from "zod";
import { ensureCan, type TActor } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { QuickBooksError } from "../errors";
import type { TAccount } from "../schemas";
import { ACCOUNT_ROLE_RULES, ALL_ACCOUNT_TYPES, accountCurrency, whyAccountUnusable, ZAccountRoleSchema, type TAccountRole } from "./account-roles";
import { LOOKUP_PAGE_SIZE, withApi, ZLookupRequestSchema, type TLookupOption, type TLookupPage } from "./lookups";
import { readCompanySettings } from "./preflight";
import type { TSetupApi } from "./setup-api";

export const ZAccountLookupRequestSchema = ZLookupRequestSchema.extend({ role: ZAccountRoleSchema });
export const ZCreateAccountRequestSchema = z.strictObject({ role: ZAccountRoleSchema });

function toOption(role: TAccountRole, account: TAccount, homeCurrency: string): TLookupOption {
  const currency = accountCurrency(account, homeCurrency);
  return {
    id: account.Id,
    name: account.Name,
    detail: currency === "USD" ? (account.AccountType ?? "") : `${account.AccountType} · ${currency}`,
    isUsable: whyAccountUnusable(role, account, homeCurrency) === null,
  };
}

/** One page of the company's active accounts of the types this role takes, live from QuickBooks. */
export async function searchAccounts(actor: TActor, input: unknown): Promise<TLookupPage> {
  ensureCan(actor, "quickbooks.lookup");
  const { role, search, page } = parseInput(ZAccountLookupRequestSchema, input);
  return withApi(actor, async (api) => {
    const { homeCurrency } = await readCompanySettings(api);
    const rows = await api.listAccounts(ACCOUNT_ROLE_RULES[role].types, search, { startPosition: (page - 1) * LOOKUP_PAGE_SIZE + 1, maxResults: LOOKUP_PAGE_SIZE + 1 });
    // Undeposited Funds is an Other Current Asset, but never where a deposit goes: left out, not greyed.
    const listed = rows.slice(0, LOOKUP_PAGE_SIZE).filter((account) => account.AccountSubType !== "UndepositedFunds");
    return { hasMore: rows.length > LOOKUP_PAGE_SIZE, options: listed.map((account) => toOption(role, account, homeCurrency)) };
  });
}

async function findActiveByName(api: TSetupApi, name: string): Promise<TAccount | undefined> {
  const rows = await api.listAccounts(ALL_ACCOUNT_TYPES, name, { startPosition: 1, maxResults: 50 });
  return rows.find((account) => account.Name.toLowerCase() === name.toLowerCase());
}

export type TCreatedAccount = { option: TLookupOption; existed: boolean };

/**
 * "Create this account in QuickBooks" (owners and admins): the role's default name and type. When
 * QuickBooks already has an account of that name that fits, it is chosen instead; one that does
 * not fit is explained, and nothing is created.
 */
export async function createRoleAccount(actor: TActor, input: unknown): Promise<TCreatedAccount> {
  ensureCan(actor, "integrations.manage");
  const { role } = parseInput(ZCreateAccountRequestSchema, input);
  const wanted = ACCOUNT_ROLE_RULES[role].create;
  if (!wanted) throw new AppError("INVALID_INPUT", "Workcenter does not create bank accounts: choose the account Xometry pays into.", { details: ["role: choose an existing bank account"] });
  return withApi(actor, async (api) => {
    const { homeCurrency } = await readCompanySettings(api);
    try {
      return { option: toOption(role, await api.createAccount(wanted), homeCurrency), existed: false };
    } catch (error) {
      if (!(error instanceof QuickBooksError && error.faultCode === "6240")) throw error;
      const existing = await findActiveByName(api, wanted.Name);
      const problem = existing ? whyAccountUnusable(role, existing, homeCurrency) : null;
      if (existing && !problem) return { option: toOption(role, existing, homeCurrency), existed: true };
      throw new AppError(
        "CONFLICT",
        `QuickBooks already has an account named “${wanted.Name}” that cannot be used here: ${problem ?? "it is inactive."} Choose another account from the list, or rename that one in QuickBooks.`,
      );
    }
  });
}
