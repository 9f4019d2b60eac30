// Records → Intuit JSON (field names, types and formats as in the captures).
import { formatDateTime } from "../clock";
import { money } from "../json";
import { getCurrencyName } from "../store/currencies";
import { getCustomerBalanceCents } from "../store/ledger";
import type { AccountRec, BaseRec, CompanyRec, CustomerRec, ItemRec, PreferencesRec, RealmState } from "../store/types";

export function buildMeta(rec: { createdAt: number; updatedAt: number }): Record<string, string> {
  return { CreateTime: formatDateTime(rec.createdAt), LastUpdatedTime: formatDateTime(rec.updatedAt) };
}

export function buildBase(rec: BaseRec): Record<string, unknown> {
  return { domain: "QBO", sparse: false, Id: rec.id, SyncToken: String(rec.syncToken), MetaData: buildMeta(rec) };
}

export function buildCurrencyRef(code: string): { value: string; name: string } {
  return { value: code, name: getCurrencyName(code) };
}

export function buildRef(realm: RealmState, entity: "Customer" | "Item" | "Account", id: string): { value: string; name?: string } {
  if (entity === "Customer") return { value: id, name: realm.Customer[id]?.displayName };
  if (entity === "Item") return { value: id, name: realm.Item[id]?.name };
  return { value: id, name: realm.Account[id]?.name };
}

export function serializeCustomer(realm: RealmState, c: CustomerRec): Record<string, unknown> {
  const balance = money(getCustomerBalanceCents(realm, c.id));
  return {
    Job: false,
    BillWithParent: false,
    Balance: balance,
    BalanceWithJobs: balance,
    CurrencyRef: buildCurrencyRef(c.currency),
    PreferredDeliveryMethod: "Print",
    IsProject: false,
    ...c.fields,
    Taxable: c.isTaxable ?? false,
    DefaultTaxCodeRef: c.taxCodeId ? { value: c.taxCodeId } : undefined,
    SalesTermRef: c.termId ? { value: c.termId } : undefined,
    ...buildBase(c),
    FullyQualifiedName: c.displayName,
    DisplayName: c.displayName,
    PrintOnCheckName: (c.fields.PrintOnCheckName as string | undefined) ?? c.displayName,
    Active: c.isActive,
  };
}

export function serializeItem(realm: RealmState, i: ItemRec): Record<string, unknown> {
  return {
    ...i.fields,
    Name: i.name,
    Active: i.isActive,
    FullyQualifiedName: i.name,
    Taxable: false,
    UnitPrice: i.unitPrice,
    Type: i.type,
    IncomeAccountRef: buildRef(realm, "Account", i.incomeAccountId),
    PurchaseCost: 0,
    TrackQtyOnHand: false,
    ...buildBase(i),
  };
}

export function serializeAccount(a: AccountRec): Record<string, unknown> {
  return {
    Name: a.name,
    SubAccount: false,
    Description: a.description,
    AcctNum: a.acctNum,
    FullyQualifiedName: a.name,
    Active: a.isActive,
    Classification: a.classification,
    AccountType: a.accountType,
    AccountSubType: a.accountSubType,
    CurrentBalance: 0,
    CurrentBalanceWithSubAccounts: 0,
    CurrencyRef: buildCurrencyRef(a.currency),
    ...buildBase(a),
  };
}

export function serializePreferences(p: PreferencesRec): Record<string, unknown> {
  return {
    AccountingInfoPrefs: { TrackDepartments: false, ClassTrackingPerTxn: false, CustomerTerminology: "Customers" },
    ProductAndServicesPrefs: { ForSales: true, ForPurchase: true, QuantityWithPriceAndRate: true, QuantityOnHand: true },
    SalesFormsPrefs: {
      CustomField: [],
      AllowDeposit: true,
      AllowDiscount: true,
      AllowEstimates: true,
      AllowShipping: false,
      DefaultTerms: { value: "3" },
      CustomTxnNumbers: p.customTxnNumbers,
      UsingProgressInvoicing: false,
      ETransactionEnabledStatus: "NotApplicable",
    },
    VendorAndPurchasesPrefs: { TrackingByCustomer: false, BillableExpenseTracking: false },
    TimeTrackingPrefs: { UseServices: true, BillCustomers: true, ShowBillRateToAll: false, WorkWeekStartDate: "Monday", MarkTimeEntriesBillable: true },
    TaxPrefs: { UsingSalesTax: true, PartnerTaxEnabled: false },
    CurrencyPrefs: { MultiCurrencyEnabled: p.multiCurrencyEnabled, HomeCurrency: { value: p.homeCurrency } },
    ReportPrefs: { ReportBasis: "Accrual", CalcAgingReportFromTxnDate: false },
    OtherPrefs: {
      NameValue: [
        { Name: "SalesFormsPrefs.DefaultCustomerMessage", Value: "Thank you for your business." },
        { Name: "SalesFormsPrefs.DefaultItem", Value: "1" },
        { Name: "DTXCopyMemo", Value: "false" },
        { Name: "UncategorizedIncomeAccountId", Value: "4" },
      ],
    },
    domain: "QBO",
    sparse: false,
    Id: "1",
    SyncToken: String(p.syncToken),
    MetaData: buildMeta(p),
  };
}

export function serializeCompanyInfo(realm: RealmState, c: CompanyRec): Record<string, unknown> {
  return {
    CompanyName: c.companyName,
    LegalName: c.legalName,
    CompanyAddr: { Id: "1", ...c.addr },
    CustomerCommunicationAddr: { Id: "1", ...c.addr },
    LegalAddr: { Id: "1", ...c.addr },
    PrimaryPhone: { FreeFormNumber: c.phone },
    CompanyStartDate: c.startDate,
    FiscalYearStartMonth: "January",
    Country: "US",
    Email: { Address: c.email },
    WebAddr: { URI: c.webAddr },
    SupportedLanguages: "en",
    NameValue: [
      { Name: "NeoEnabled", Value: "true" },
      { Name: "IndustryType", Value: "Machine Shops" },
      { Name: "CompanyType", Value: "LLC" },
      { Name: "SubscriptionStatus", Value: "SUBSCRIBED" },
      { Name: "OfferingSku", Value: "QuickBooks Online Plus" },
      { Name: "PayrollFeature", Value: "false" },
    ],
    domain: "QBO",
    sparse: false,
    Id: "1",
    SyncToken: String(c.syncToken),
    MetaData: buildMeta(c),
  };
}
