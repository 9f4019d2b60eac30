import { AppError } from "@/lib/errors";
import { QuickBooksError } from "../errors";
import type { TAccount, TCustomer, TItem } from "../schemas";
import { checkCompanySettings, checkXometryCustomer, readCompanySettings, type TCompanySettings } from "./preflight";
import type { TConfigurationInput } from "./schemas";
import type { TSetupApi } from "./setup-api";
import { validateDepositAccounts, type TDepositAccountNames } from "./validate-deposit-accounts";

export type TValidatedConfiguration = TConfigurationInput &
  TDepositAccountNames & {
    xometryCustomerName: string | null;
    defaultItemName: string;
    inHouseItemName: string | null;
    depositAccountName: string | null;
    settings: TCompanySettings;
  };

const SELLABLE_ITEM_TYPES = new Set(["Service", "NonInventory"]);
const DEPOSIT_ACCOUNT_TYPES = new Set(["Bank", "Other Current Asset"]);

function refused(field: string, message: string): AppError {
  return new AppError("INVALID_INPUT", message, { details: [`${field}: ${message}`] });
}

/** Reads one entity by id from the connected company; a made-up or foreign id is "not found". */
async function findInCompany<T>(read: () => Promise<T>, field: string, what: string): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof QuickBooksError && (error.kind === "not_found" || error.kind === "business")) {
      throw refused(field, `That ${what} was not found in your QuickBooks company. Choose one from the list.`);
    }
    throw error;
  }
}

/**
 * Checks every saved id against the connected company (it exists there, is active, is the right
 * kind, the currency rule holds) and takes the display names from QuickBooks, never from input.
 */
export async function validateConfiguration(api: TSetupApi, input: TConfigurationInput): Promise<TValidatedConfiguration> {
  const settings = await readCompanySettings(api);
  const blocker = checkCompanySettings(settings).find((issue) => issue.severity === "blocker");
  if (blocker && input.jobSources !== "IN_HOUSE") throw refused("jobSources", `${blocker.title}. ${blocker.message}`);

  const item: TItem = await findInCompany(() => api.getItem(input.defaultItemId), "defaultItemId", "product or service");
  if (item.Active === false || !SELLABLE_ITEM_TYPES.has(item.Type ?? "")) {
    throw refused("defaultItemId", `${item.Name} cannot be used: choose an active Service or Non-inventory product/service.`);
  }
  const inHouseItem = input.inHouseItemId && input.jobSources !== "XOMETRY" ? await findInCompany(() => api.getItem(input.inHouseItemId!), "inHouseItemId", "product or service") : null;
  if (inHouseItem && (inHouseItem.Active === false || !SELLABLE_ITEM_TYPES.has(inHouseItem.Type ?? ""))) {
    throw refused("inHouseItemId", `${inHouseItem.Name} cannot be used: choose an active Service or Non-inventory product/service.`);
  }
  let customer: TCustomer | null = null;
  if (input.xometryCustomerId) {
    customer = await findInCompany(() => api.getCustomer(input.xometryCustomerId!), "xometryCustomerId", "customer");
    if (customer.Active === false) throw refused("xometryCustomerId", `${customer.DisplayName} is inactive in QuickBooks. Choose an active customer.`);
    const currencyIssue = checkXometryCustomer(settings, customer);
    if (currencyIssue) throw refused("xometryCustomerId", `${currencyIssue.title}. ${currencyIssue.message}`);
  }
  let account: TAccount | null = null;
  if (input.paymentsEnabled && input.depositAccountId) {
    account = await findInCompany(() => api.getAccount(input.depositAccountId!), "depositAccountId", "account");
    if (account.Active === false || !DEPOSIT_ACCOUNT_TYPES.has(account.AccountType ?? "")) {
      throw refused("depositAccountId", `${account.Name} cannot receive payments: choose Undeposited Funds or a bank account.`);
    }
    if (account.CurrencyRef && account.CurrencyRef.value !== "USD") {
      throw refused("depositAccountId", `${account.Name} is in ${account.CurrencyRef.value}; Xometry pays in USD. Choose a USD account.`);
    }
  }
  const depositAccountNames = await validateDepositAccounts(api, input, account, settings.homeCurrency);
  return {
    ...input,
    ...depositAccountNames,
    xometryCustomerName: customer?.DisplayName ?? null,
    defaultItemName: item.Name,
    inHouseItemName: inHouseItem?.Name ?? null,
    depositAccountName: account?.Name ?? null,
    settings,
  };
}
