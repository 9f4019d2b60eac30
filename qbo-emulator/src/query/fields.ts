// Which entities can be queried and which of their properties are filterable/sortable (Intuit is strict here).

const META = ["Id", "MetaData.CreateTime", "MetaData.LastUpdatedTime"];

export const QUERYABLE: Record<string, string[]> = {
  Customer: [...META, "DisplayName", "GivenName", "MiddleName", "FamilyName", "CompanyName", "FullyQualifiedName",
    "PrimaryEmailAddr", "PrintOnCheckName", "Active", "Balance", "Job", "CurrencyRef"],
  Item: [...META, "Name", "FullyQualifiedName", "Active", "Type", "Sku", "UnitPrice", "Taxable"],
  Account: [...META, "Name", "FullyQualifiedName", "Active", "AccountType", "AccountSubType", "Classification",
    "CurrentBalance", "AcctNum", "CurrencyRef", "SubAccount", "ParentRef", "Description"],
  Invoice: [...META, "DocNumber", "TxnDate", "DueDate", "CustomerRef", "TotalAmt", "Balance", "CurrencyRef"],
  Payment: [...META, "TxnDate", "CustomerRef", "TotalAmt", "PaymentRefNum", "CurrencyRef"],
  Deposit: [...META, "TxnDate", "TotalAmt", "DepositToAccountRef", "CurrencyRef"],
  CreditMemo: [...META, "DocNumber", "TxnDate", "CustomerRef", "TotalAmt", "Balance", "RemainingCredit", "CurrencyRef"],
  Term: [...META, "Name", "Active", "Type", "DueDays"],
  TaxCode: [...META, "Name", "Active", "Taxable", "TaxGroup"],
  TaxRate: [...META, "Name", "Active", "RateValue"],
  CompanyInfo: [...META, "CompanyName"],
  ExchangeRate: ["SourceCurrencyCode", "TargetCurrencyCode", "AsOfDate", "Rate", "MetaData.LastUpdatedTime"],
  Preferences: [...META],
};

/** Entities with an Active flag: inactive rows are hidden unless the query filters on Active. */
export const HAS_ACTIVE = new Set(["Customer", "Item", "Account", "Term", "TaxCode", "TaxRate"]);

export function findEntityName(name: string): string | undefined {
  return Object.keys(QUERYABLE).find((e) => e.toLowerCase() === name.toLowerCase());
}

export function findFieldName(entity: string, field: string): string | undefined {
  return QUERYABLE[entity]?.find((f) => f.toLowerCase() === field.toLowerCase());
}
