import { z } from "zod";
import { ensureCan, type TActor } from "@/lib/auth/permissions";
import { toUserMessage } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { toInteractiveError } from "../connection";
import { requireSetupApi, type TSetupApi } from "./setup-api";
import { QuickBooksError } from "../errors";
import { UNDEPOSITED_FUNDS } from "./account-roles";
import { checkCompanySettings, readCompanySettings, type TCompanySettings, type TPreflightIssue } from "./preflight";

export const LOOKUP_PAGE_SIZE = 20;

export const ZLookupRequestSchema = z.object({
  search: z.string().trim().max(100).default(""),
  page: z.coerce.number().int().min(1).max(500).default(1),
});

export type TLookupOption = { id: string; name: string; detail?: string; isUsable: boolean };
/** A page of a lookup; for QuickBooks Desktop also where the list comes from (`note`) and how to add to it. */
export type TLookupPage = { options: TLookupOption[]; hasMore: boolean; note?: string; isWaiting?: boolean; createHint?: string };

/** Runs a lookup against the organization's company; QuickBooks failures come back in plain words. */
export async function withApi<T>(actor: TActor, run: (api: TSetupApi) => Promise<T>): Promise<T> {
  ensureCan(actor, "quickbooks.lookup");
  const { api } = await requireSetupApi(actor.organizationId);
  try {
    return await run(api);
  } catch (error) {
    throw toInteractiveError(error);
  }
}

/** One page of the company's customers, live from QuickBooks (never a full dump). */
export async function searchCustomers(actor: TActor, input: unknown): Promise<TLookupPage> {
  const { search, page } = parseInput(ZLookupRequestSchema, input);
  return withApi(actor, async (api) => {
    const settings = await readCompanySettings(api);
    const rows = await api.searchCustomers(search, { startPosition: (page - 1) * LOOKUP_PAGE_SIZE + 1, maxResults: LOOKUP_PAGE_SIZE + 1 });
    return {
      hasMore: rows.length > LOOKUP_PAGE_SIZE,
      options: rows.slice(0, LOOKUP_PAGE_SIZE).map((customer) => {
        const currency = customer.CurrencyRef?.value ?? settings.homeCurrency;
        return { id: customer.Id, name: customer.DisplayName, detail: currency, isUsable: currency === "USD" };
      }),
    };
  });
}

/** One page of the company's Service and Non-inventory products/services. */
export async function searchItems(actor: TActor, input: unknown): Promise<TLookupPage> {
  const { search, page } = parseInput(ZLookupRequestSchema, input);
  return withApi(actor, async (api) => {
    const rows = await api.searchItems(search, { startPosition: (page - 1) * LOOKUP_PAGE_SIZE + 1, maxResults: LOOKUP_PAGE_SIZE + 1 });
    return {
      hasMore: rows.length > LOOKUP_PAGE_SIZE,
      options: rows.slice(0, LOOKUP_PAGE_SIZE).map((item) => ({ id: item.Id, name: item.Name, detail: item.Type === "NonInventory" ? "Non-inventory" : item.Type, isUsable: true })),
    };
  });
}

/** Where payments can go: Undeposited Funds (found by its sub-type, the name is editable) or a bank account. */
export async function listDepositAccounts(actor: TActor): Promise<TLookupOption[]> {
  return withApi(actor, async (api) =>
    (await api.listDepositAccounts())
      .filter((account) => !account.CurrencyRef || account.CurrencyRef.value === "USD")
      .map((account) => ({ id: account.Id, name: account.Name, detail: account.AccountSubType === "UndepositedFunds" ? UNDEPOSITED_FUNDS : (account.AccountType ?? "Bank"), isUsable: true })),
  );
}

/** The shortcut when no customer fits: a USD customer named "Xometry" (or the existing one). */
export async function createXometryCustomer(actor: TActor): Promise<TLookupOption> {
  ensureCan(actor, "integrations.manage");
  return withApi(actor, async (api) => {
    try {
      const created = await api.createCustomer({ DisplayName: "Xometry", CurrencyRef: { value: "USD" } });
      return { id: created.Id, name: created.DisplayName, detail: "USD", isUsable: true };
    } catch (error) {
      if (!(error instanceof QuickBooksError && error.faultCode === "6240")) throw error;
      const [existing] = await api.searchCustomers("Xometry", { startPosition: 1, maxResults: 5 }).then((rows) => rows.filter((row) => row.DisplayName === "Xometry"));
      if (!existing) throw error;
      const currency = existing.CurrencyRef?.value ?? "USD";
      return { id: existing.Id, name: existing.DisplayName, detail: currency, isUsable: currency === "USD" };
    }
  });
}

export async function getPreflight(actor: TActor): Promise<{ settings: TCompanySettings; issues: TPreflightIssue[] }> {
  return withApi(actor, async (api) => {
    const settings = await readCompanySettings(api);
    return { settings, issues: checkCompanySettings(settings) };
  });
}

export type TSetupContext = { accounts: TLookupOption[]; preflight: { settings: TCompanySettings; issues: TPreflightIssue[] } } | { error: string };

/** What the wizard and Edit Configuration read from QuickBooks up front, or the plain reason they could not. */
export async function loadSetupContext(actor: TActor): Promise<TSetupContext> {
  try {
    return { accounts: await listDepositAccounts(actor), preflight: await getPreflight(actor) };
  } catch (error) {
    return { error: toUserMessage(error) };
  }
}
