import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { QuickBooksDesktopListEntry } from "@/lib/generated/prisma/client";
import { QuickBooksError } from "@/lib/quickbooks/errors";
import type { TAccount, TCustomer, TItem, TPreferences } from "@/lib/quickbooks/schemas";
import type { TSetupApi } from "@/lib/quickbooks/setup/setup-api";
import type { TDesktopList } from "./list-queries";

export const CREATE_ON_DESKTOP_WORDS = "Create it in QuickBooks Desktop; it appears here after the next Web Connector poll.";

/** Desktop's account types in QuickBooks Online's words ("OtherCurrentAsset" → "Other Current Asset", "CostOfGoodsSold" → "Cost of Goods Sold"). */
export function toOnlineAccountType(type: string | null): string | undefined {
  if (!type) return undefined;
  return type.replace(/([a-z])([A-Z])/g, "$1 $2").replace(/ Of /g, " of ");
}

const toCustomer = (entry: QuickBooksDesktopListEntry): TCustomer => ({ Id: entry.listId, DisplayName: entry.name, Active: true });
const toItem = (entry: QuickBooksDesktopListEntry): TItem => ({ Id: entry.listId, Name: entry.name, Type: entry.detail ?? undefined, Active: true });
const toAccount = (entry: QuickBooksDesktopListEntry): TAccount =>
  entry.detail === "UndepositedFunds"
    ? { Id: entry.listId, Name: entry.name, AccountType: "Other Current Asset", AccountSubType: "UndepositedFunds", Active: true }
    : { Id: entry.listId, Name: entry.name, AccountType: toOnlineAccountType(entry.detail), Active: true };

function notFound(what: string): QuickBooksError {
  return new QuickBooksError("not_found", { status: 404, message: `${what} not in the Desktop lists`, userMessage: `That ${what} is not in your QuickBooks Desktop company file.` });
}

/**
 * The setup reader of a Desktop organization, answering from the lists the Web Connector read
 * (active entries only, ListIDs and names). Creating is done in QuickBooks Desktop itself.
 */
export function createDesktopSetupApi(organizationId: string): TSetupApi {
  const one = async (list: TDesktopList, listId: string, what: string) => {
    const entry = await db.quickBooksDesktopListEntry.findUnique({ where: { organizationId_list_listId: { organizationId, list, listId } } });
    if (!entry) throw notFound(what);
    return entry;
  };
  const page = (list: TDesktopList, search: string, paging: { startPosition: number; maxResults: number }, detail?: string[]) =>
    db.quickBooksDesktopListEntry.findMany({
      where: { organizationId, list, ...(search.trim() ? { name: { contains: search.trim(), mode: "insensitive" as const } } : {}), ...(detail ? { detail: { in: detail } } : {}) },
      orderBy: [{ name: "asc" }, { listId: "asc" }],
      skip: paging.startPosition - 1,
      take: paging.maxResults,
    });
  const desktopTypes = (types: readonly string[]) => [...types.map((type) => type.replace(/ /g, "").replace(/of/g, "Of")), ...(types.includes("Other Current Asset") ? ["UndepositedFunds"] : [])];
  return {
    // Desktop invoices always carry the job number as RefNumber (the Online notice about hand-numbered
    // invoices does not apply), in US dollars (multi-currency is not read).
    getPreferences: async (): Promise<TPreferences> => ({ SalesFormsPrefs: { CustomTxnNumbers: false }, CurrencyPrefs: { MultiCurrencyEnabled: false, HomeCurrency: { value: "USD" } } }),
    getItem: async (id) => toItem(await one("items", id, "product or service")),
    getCustomer: async (id) => toCustomer(await one("customers", id, "customer")),
    getAccount: async (id) => toAccount(await one("accounts", id, "account")),
    searchCustomers: async (search, paging) => (await page("customers", search, paging)).map(toCustomer),
    searchItems: async (search, paging) => (await page("items", search, paging, ["Service", "NonInventory"])).map(toItem),
    listAccounts: async (types, search = "", paging = { startPosition: 1, maxResults: 200 }) => (await page("accounts", search, paging, desktopTypes(types))).map(toAccount),
    listDepositAccounts: async () => (await page("accounts", "", { startPosition: 1, maxResults: 200 }, ["Bank", "OtherCurrentAsset", "UndepositedFunds"])).map(toAccount),
    createCustomer: async () => Promise.reject(new AppError("CONFLICT", CREATE_ON_DESKTOP_WORDS)),
    createAccount: async () => Promise.reject(new AppError("CONFLICT", CREATE_ON_DESKTOP_WORDS)),
  };
}
