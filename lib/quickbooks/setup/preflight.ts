import type { QuickBooksApi } from "../api";
import type { TCustomer, TPreferences } from "../schemas";

export type TCompanySettings = { customTxnNumbers: boolean; homeCurrency: string; multiCurrencyEnabled: boolean };

export type TPreflightIssue = { code: string; severity: "blocker" | "info"; title: string; message: string };

export const MULTICURRENCY_EXPLANATION =
  "Workcenter invoices Xometry jobs in US dollars, so the default Xometry customer must use USD. If your QuickBooks home currency is not USD, turn on multi-currency in QuickBooks (Settings → Account and settings → Advanced → Currency), then create a customer for Xometry with USD as its currency and choose it here.";

export function toCompanySettings(preferences: TPreferences): TCompanySettings {
  return {
    customTxnNumbers: preferences.SalesFormsPrefs?.CustomTxnNumbers === true,
    homeCurrency: preferences.CurrencyPrefs?.HomeCurrency?.value ?? "USD",
    multiCurrencyEnabled: preferences.CurrencyPrefs?.MultiCurrencyEnabled === true,
  };
}

export async function readCompanySettings(api: Pick<QuickBooksApi, "getPreferences">): Promise<TCompanySettings> {
  return toCompanySettings(await api.getPreferences());
}

/** What the company's settings mean for the first invoice, found before it is sent. */
export function checkCompanySettings(settings: TCompanySettings): TPreflightIssue[] {
  const issues: TPreflightIssue[] = [];
  if (settings.customTxnNumbers) {
    issues.push({
      code: "CUSTOM_TXN_NUMBERS",
      severity: "info",
      title: "Custom Transaction Numbers is on",
      message:
        "Your QuickBooks company numbers invoices by hand (Settings → Sales → Custom transaction numbers), so QuickBooks would leave our invoices without a number. Workcenter sends its own number instead: the job number (e.g. J-104233), so every invoice is findable.",
    });
  }
  if (settings.homeCurrency !== "USD" && !settings.multiCurrencyEnabled) {
    issues.push({ code: "HOME_CURRENCY_NOT_USD", severity: "blocker", title: `Your QuickBooks home currency is ${settings.homeCurrency}`, message: MULTICURRENCY_EXPLANATION });
  }
  return issues;
}

/** The default Xometry customer must bill in USD. */
export function checkXometryCustomer(settings: TCompanySettings, customer: TCustomer): TPreflightIssue | null {
  const currency = customer.CurrencyRef?.value ?? settings.homeCurrency;
  if (currency === "USD") return null;
  return {
    code: "CUSTOMER_NOT_USD",
    severity: "blocker",
    title: `${customer.DisplayName} uses ${currency}, not USD`,
    message: MULTICURRENCY_EXPLANATION,
  };
}
