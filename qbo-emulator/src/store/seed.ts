// The seeded companies: "Acme Precision Machining" and "Birch Fabrication". reset() restores exactly this.
import { formatDate } from "../clock";
import { buildSeedCustomerNames } from "./seed-names";
import { computeDueDate } from "./sales-tax";
import { addTermsAndTaxes, setCustomerSales } from "./seed-sales";
import type { AccountRec, CustomerRec, InvoiceRec, ItemRec, RealmState } from "./types";

export const ACME_REALM_ID = "9130357766900001";
export const BIRCH_REALM_ID = "9130357766900002";
export const SANDBOX_USER = {
  email: "sandbox@workcenter.test", password: "sandbox-demo", name: "Sandbox User", sub: "9a6c2d4b-8e1f-4a70-b5f0-3c2a7b1d4e8f",
};

const DAY = 86_400_000;

interface SeedCustomer {
  name: string;
  currency?: string;
  email?: string;
  city?: string;
  state?: string;
  termId?: string;
  isTaxable?: boolean;
}

function buildRealm(realmId: string, companyName: string, customTxnNumbers: boolean, multiCurrency: boolean, at: number): RealmState {
  const realm: RealmState = {
    realmId,
    company: {
      syncToken: 0, createdAt: at, updatedAt: at, companyName, legalName: `${companyName} LLC`,
      email: `books@${companyName.toLowerCase().replace(/[^a-z]/g, "")}.example.com`, phone: "(555) 555-0100",
      webAddr: `https://${companyName.toLowerCase().replace(/[^a-z]/g, "")}.example.com`,
      addr: { Line1: "1200 Industrial Pkwy", City: "Dayton", CountrySubDivisionCode: "OH", PostalCode: "45414", Country: "US" },
      startDate: formatDate(at),
    },
    prefs: { syncToken: 0, createdAt: at, updatedAt: at, customTxnNumbers, multiCurrencyEnabled: multiCurrency, homeCurrency: "USD", defaultTermsDays: 30 },
    Customer: {}, Item: {}, Account: {}, Invoice: {}, Payment: {}, Deposit: {}, CreditMemo: {}, Term: {}, TaxCode: {}, TaxRate: {},
    seq: { Customer: 1, Item: 1, Account: 1, txn: 1 },
    nextDocNumber: 1001,
  };
  addTermsAndTaxes(realm, at);
  return realm;
}

function addAccount(realm: RealmState, at: number, name: string, accountType: string, accountSubType: string, classification: string, currency = "USD"): AccountRec {
  const id = String(realm.seq.Account++);
  const rec: AccountRec = { id, syncToken: 0, createdAt: at, updatedAt: at, name, accountType, accountSubType, classification, currency, isActive: true };
  realm.Account[id] = rec;
  return rec;
}

/** Accounts a payout deposit books its deductions to (added after the older seed accounts, so their ids stay). */
function addDeductionAccounts(realm: RealmState, at: number): void {
  addAccount(realm, at, "Xometry Advance Card", "Credit Card", "CreditCard", "Liability");
  addAccount(realm, at, "Loans Payable", "Other Current Liability", "LoanPayable", "Liability");
  addAccount(realm, at, "Bank Charges & Fees", "Expense", "BankCharges", "Expense");
}

function addItem(realm: RealmState, at: number, name: string, type: ItemRec["type"], incomeAccountId: string, unitPrice: number, description: string): void {
  const id = String(realm.seq.Item++);
  realm.Item[id] = { id, syncToken: 0, createdAt: at, updatedAt: at, name, type, isActive: true, incomeAccountId, unitPrice, fields: { Description: description } };
}

function addCustomer(realm: RealmState, at: number, c: SeedCustomer): CustomerRec {
  const id = String(realm.seq.Customer++);
  const slug = c.name.toLowerCase().replace(/[^a-z]/g, "").slice(0, 20);
  const rec: CustomerRec = {
    id, syncToken: 0, createdAt: at, updatedAt: at, displayName: c.name, isActive: true, currency: c.currency ?? "USD",
    fields: {
      CompanyName: c.name,
      PrimaryEmailAddr: { Address: c.email ?? `ap@${slug}.example.com` },
      BillAddr: { Line1: "100 Main St", City: c.city ?? "Cleveland", CountrySubDivisionCode: c.state ?? "OH", PostalCode: "44101" },
    },
  };
  setCustomerSales(rec, c);
  realm.Customer[id] = rec;
  return rec;
}

function addInvoice(realm: RealmState, at: number, customerId: string, itemId: string, cents: number, docNumber: string | null): InvoiceRec {
  const id = String(realm.seq.txn++);
  const txnDate = formatDate(at);
  const rec: InvoiceRec = {
    id, syncToken: 0, createdAt: at, updatedAt: at, customerId, docNumber, txnDate, dueDate: computeDueDate(realm, txnDate, realm.Customer[customerId]?.termId),
    currency: "USD", exchangeRate: 1, isVoided: false, emailStatus: "NotSet", printStatus: "NeedToPrint", fields: {},
    lines: [{ id: "1", kind: "SalesItem", amountCents: cents, description: "Machined parts per PO", itemId, qty: 1, unitPrice: cents / 100 }],
  };
  realm.Invoice[id] = rec;
  return rec;
}

function seedAcme(at: number): RealmState {
  const realm = buildRealm(ACME_REALM_ID, "Acme Precision Machining", false, true, at);
  addAccount(realm, at, "Business Checking", "Bank", "Checking", "Asset");
  addAccount(realm, at, "Undeposited Funds", "Other Current Asset", "UndepositedFunds", "Asset");
  addAccount(realm, at, "Accounts Receivable (A/R)", "Accounts Receivable", "AccountsReceivable", "Asset");
  const machining = addAccount(realm, at, "Machining Income", "Income", "ServiceFeeIncome", "Revenue");
  const sales = addAccount(realm, at, "Sales of Product Income", "Income", "SalesOfProductIncome", "Revenue");
  addAccount(realm, at, "Cost of Goods Sold", "Cost of Goods Sold", "SuppliesMaterialsCogs", "Expense");
  addAccount(realm, at, "Accounts Receivable (A/R) - CAD", "Accounts Receivable", "AccountsReceivable", "Asset", "CAD");
  addAccount(realm, at, "Shipping Income", "Income", "OtherPrimaryIncome", "Revenue");
  addDeductionAccounts(realm, at);
  addItem(realm, at, "Services", "Service", machining.id, 0, "Services");
  addItem(realm, at, "Machining Services", "Service", machining.id, 0, "CNC machining services");
  addItem(realm, at, "Parts", "NonInventory", sales.id, 0, "Machined parts");
  addItem(realm, at, "Tooling", "NonInventory", sales.id, 0, "Fixtures and tooling");
  addItem(realm, at, "Setup Fee", "Service", machining.id, 150, "Machine setup");
  addItem(realm, at, "Shipping", "Service", "8", 0, "Shipping and handling");
  addItem(realm, at, "Anodizing", "Service", machining.id, 0, "Outside process: anodizing");
  addCustomer(realm, at, { name: "Xometry", email: "ap@xometry.example.com", city: "North Bethesda", state: "MD" });
  const lakes = addCustomer(realm, at, { name: "Great Lakes Aerospace", city: "Toledo", termId: "3" });
  addCustomer(realm, at, { name: "Ridgeline Medical Devices", city: "Minneapolis", state: "MN", termId: "4" });
  addCustomer(realm, at, { name: "Summit Automation Inc.", city: "Pittsburgh", state: "PA", termId: "2", isTaxable: true });
  addCustomer(realm, at, { name: "Maple Leaf Robotics", currency: "CAD", city: "Toronto", state: "ON", termId: "1" });
  addCustomer(realm, at, { name: "Amy's Bird Sanctuary", city: "Bayshore", state: "CA", isTaxable: true });
  for (const n of buildSeedCustomerNames(110)) addCustomer(realm, at, { name: n.displayName, email: n.email });
  addInvoice(realm, at, lakes.id, "3", 125000, String(realm.nextDocNumber++));
  addInvoice(realm, at + 1000, lakes.id, "2", 48050, String(realm.nextDocNumber++));
  return realm;
}

function seedBirch(at: number): RealmState {
  const realm = buildRealm(BIRCH_REALM_ID, "Birch Fabrication", true, false, at);
  addAccount(realm, at, "Business Checking", "Bank", "Checking", "Asset");
  addAccount(realm, at, "Undeposited Funds", "Other Current Asset", "UndepositedFunds", "Asset");
  addAccount(realm, at, "Accounts Receivable (A/R)", "Accounts Receivable", "AccountsReceivable", "Asset");
  const income = addAccount(realm, at, "Fabrication Income", "Income", "ServiceFeeIncome", "Revenue");
  addDeductionAccounts(realm, at);
  addItem(realm, at, "Services", "Service", income.id, 0, "Services");
  addItem(realm, at, "Fabrication Services", "Service", income.id, 0, "Sheet metal fabrication");
  addItem(realm, at, "Parts", "NonInventory", income.id, 0, "Fabricated parts");
  addItem(realm, at, "Welding", "Service", income.id, 95, "TIG/MIG welding per hour");
  addCustomer(realm, at, { name: "Xometry", email: "ap@xometry.example.com", city: "North Bethesda", state: "MD" });
  const cascade = addCustomer(realm, at, { name: "Cascade Fab Works", city: "Portland", state: "OR", termId: "3" });
  addCustomer(realm, at, { name: "Northwind Outdoor Equipment", city: "Boise", state: "ID", termId: "2", isTaxable: true });
  addCustomer(realm, at, { name: "Harbor Marine Supply", city: "Tacoma", state: "WA", termId: "1" });
  addInvoice(realm, at, cascade.id, "2", 98000, "BF-1001");
  return realm;
}

/** Fresh copies of the seeded companies; records are dated 40 days ago so they sit outside CDC windows. */
export function buildSeedRealms(nowMs: number = Date.now()): Record<string, RealmState> {
  const at = nowMs - 40 * DAY;
  return { [ACME_REALM_ID]: seedAcme(at), [BIRCH_REALM_ID]: seedBirch(at) };
}
