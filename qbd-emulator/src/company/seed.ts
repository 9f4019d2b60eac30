// A fresh company file: a machine shop's customers (incl. Xometry), products/services and chart of accounts.
import { formatDateTime, nextEditSequence, nextListID } from "./ids";
import type { TAccount, TAccountType, TCompanyState, TCustomer, TItem, TItemType } from "./types";

export type TSeedAccount = { name: string; type: TAccountType; special?: "AccountsReceivable" | "UndepositedFunds"; number?: string };
export type TSeedItem = { name: string; type: TItemType; account: string; price?: string; desc?: string };
export type TSeed = { customers?: string[]; items?: TSeedItem[]; accounts?: TSeedAccount[] };

export const DEFAULT_COMPANY_NAME = "Acme Precision Machining";

export const DEFAULT_SEED: Required<TSeed> = {
  customers: ["Xometry", "Great Lakes Aerospace", "Ridgeline Medical Devices", "Summit Automation Inc."],
  accounts: [
    { name: "Business Checking", type: "Bank", number: "1000" },
    { name: "Accounts Receivable", type: "AccountsReceivable", special: "AccountsReceivable", number: "1200" },
    { name: "Undeposited Funds", type: "OtherCurrentAsset", special: "UndepositedFunds", number: "1499" },
    { name: "Xometry Advance Card", type: "CreditCard" },
    { name: "Xometry Supplies BNPL", type: "OtherCurrentLiability" },
    { name: "Machining Income", type: "Income", number: "4000" },
    { name: "Sales of Product Income", type: "Income", number: "4100" },
    { name: "Shipping Income", type: "Income", number: "4200" },
    { name: "Cost of Goods Sold", type: "CostOfGoodsSold", number: "5000" },
    { name: "Xometry FastPay Fees", type: "Expense", number: "6100" },
    { name: "Xometry Adjustments", type: "Expense", number: "6110" },
    { name: "Merchant Fees", type: "Expense", number: "6120" },
  ],
  items: [
    { name: "Machining Services", type: "Service", account: "Machining Income", desc: "CNC machining services" },
    { name: "Parts", type: "NonInventory", account: "Sales of Product Income", desc: "Machined parts" },
    { name: "Setup Fee", type: "Service", account: "Machining Income", price: "150.00", desc: "Machine setup" },
    { name: "Shipping", type: "OtherCharge", account: "Shipping Income", desc: "Shipping and handling" },
  ],
};

function listBase(state: TCompanyState, now: Date, name: string) {
  const at = formatDateTime(now);
  return { ListID: nextListID(state, now), TimeCreated: at, TimeModified: at, EditSequence: nextEditSequence(state, now), Name: name, FullName: name, IsActive: true };
}

export function addCustomerRecord(state: TCompanyState, now: Date, name: string): TCustomer {
  const customer: TCustomer = { ...listBase(state, now, name), CompanyName: name, BalanceCents: 0 };
  state.customers.push(customer);
  return customer;
}

function addAccount(state: TCompanyState, now: Date, seed: TSeedAccount): TAccount {
  const account: TAccount = { ...listBase(state, now, seed.name), AccountType: seed.type, AccountNumber: seed.number, SpecialAccountType: seed.special, BalanceCents: 0 };
  state.accounts.push(account);
  return account;
}

function addItem(state: TCompanyState, now: Date, seed: TSeedItem): TItem {
  const account = state.accounts.find((a) => a.FullName === seed.account);
  if (!account) throw new Error(`Seed item ${seed.name}: no account named ${seed.account}`);
  const price = seed.price === undefined ? undefined : Math.round(Number(seed.price) * 100);
  const item: TItem = { ...listBase(state, now, seed.name), type: seed.type, Desc: seed.desc, PriceCents: price, Account: { ListID: account.ListID, FullName: account.FullName } };
  state.items.push(item);
  return item;
}

export function buildCompanyState(options: { companyName?: string; seed?: TSeed; now: Date }): TCompanyState {
  const companyName = options.companyName ?? DEFAULT_COMPANY_NAME;
  const state: TCompanyState = {
    version: 1,
    companyName,
    fileName: `C:\\Users\\Public\\Documents\\Intuit\\QuickBooks\\Company Files\\${companyName}.qbw`,
    counters: { list: 0x80000000, txn: 0, line: 0, txnNumber: 0, editSequence: 0 },
    customers: [],
    items: [],
    accounts: [],
    invoices: [],
    payments: [],
    deposits: [],
  };
  const seed = { ...DEFAULT_SEED, ...options.seed };
  for (const account of seed.accounts) addAccount(state, options.now, account);
  for (const item of seed.items) addItem(state, options.now, item);
  for (const name of seed.customers) addCustomerRecord(state, options.now, name);
  return state;
}
