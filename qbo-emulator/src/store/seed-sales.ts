// Every company's payment terms and sales tax (US style): Terms with due days, the TAX/NON line codes and one
// sales tax code at 8.25 %. Fixed Ids, so tests and the app can name them.
import type { CustomerRec, RealmState, TaxCodeRec } from "./types";

/** The seeded Terms: Id → name and due days. "3" is also Preferences' SalesFormsPrefs.DefaultTerms. */
export const SEED_TERMS = [
  { id: "1", name: "Due on receipt", dueDays: 0 },
  { id: "2", name: "Net 15", dueDays: 15 },
  { id: "3", name: "Net 30", dueDays: 30 },
  { id: "4", name: "Net 60", dueDays: 60 },
] as const;

/** The company's sales tax code (a transaction's TxnTaxCodeRef when neither it nor its customer names one). */
export const DEFAULT_SALES_TAX_CODE_ID = "2";
export const SALES_TAX_RATE_PPM = 82_500;

function buildTaxCode(id: string, name: string, description: string, isTaxable: boolean, taxRateIds: string[], at: number): TaxCodeRec {
  return { id, syncToken: 0, createdAt: at, updatedAt: at, name, description, isTaxable, taxRateIds, isActive: true };
}

/** Adds the terms, tax codes and tax rate to a company (its tables replaced). */
export function addTermsAndTaxes(realm: RealmState, at: number): void {
  realm.Term = {};
  for (const t of SEED_TERMS) realm.Term[t.id] = { ...t, syncToken: 0, createdAt: at, updatedAt: at, isActive: true };
  realm.TaxRate = {
    "1": { id: "1", syncToken: 0, createdAt: at, updatedAt: at, name: "Sales Tax 8.25%", ratePpm: SALES_TAX_RATE_PPM, agencyName: "State Department of Revenue", isActive: true },
  };
  realm.TaxCode = {
    TAX: buildTaxCode("TAX", "TAX", "TAX", true, [], at),
    NON: buildTaxCode("NON", "NON", "NON", false, [], at),
    [DEFAULT_SALES_TAX_CODE_ID]: buildTaxCode(DEFAULT_SALES_TAX_CODE_ID, "Sales Tax", "Sales Tax 8.25%", true, ["1"], at),
  };
}

/** A seeded customer's terms and tax setting. */
export function setCustomerSales(c: CustomerRec, sales: { termId?: string; isTaxable?: boolean }): void {
  if (sales.termId) c.termId = sales.termId;
  c.isTaxable = sales.isTaxable ?? false;
  if (c.isTaxable) c.taxCodeId = DEFAULT_SALES_TAX_CODE_ID;
}
