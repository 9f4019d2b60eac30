// CustomerQueryRq, ItemQueryRq, AccountQueryRq and CustomerAddRq.
import type { TOutObject } from "../qbxml/build";
import { QbXmlProcessError } from "../qbxml/errors";
import { nameInUse, tooLong } from "../qbxml/status";
import { child, ensureChoice, ensureOrder, text, texts, type TNode } from "../qbxml/tree";
import type { THandler } from "./context";
import { formatAmount } from "./money";
import { answerQuery, matchesCriterion, selectNamed, type TQueryRet } from "./query";
import { addCustomerRecord } from "./seed";
import type { TAccount, TCustomer, TItem } from "./types";

const LIST_FILTERS = ["ListID", "FullName", "MaxReturned", "ActiveStatus", "FromModifiedDate", "ToModifiedDate", "NameFilter", "NameRangeFilter"];
const CUSTOMER_QUERY_ORDER = [...LIST_FILTERS, "TotalBalanceFilter", "CurrencyFilter", "ClassFilter", "IncludeRetElement", "OwnerID"];
const ITEM_QUERY_ORDER = [...LIST_FILTERS, "IncludeRetElement", "OwnerID"];
const ACCOUNT_QUERY_ORDER = [...LIST_FILTERS, "AccountType", "CurrencyFilter", "IncludeRetElement", "OwnerID"];

type TListRecord = { ListID: string; FullName: string; Name: string; IsActive: boolean; TimeModified: string };

/** The records a list query selects, and the ids asked for by ListID/FullName that do not exist. */
function selectList<T extends TListRecord>(rq: TNode, records: T[]): { selected: T[]; missing: string[] } {
  ensureChoice(rq, [["ListID"], ["FullName"], LIST_FILTERS.slice(2).concat("AccountType", "TotalBalanceFilter", "CurrencyFilter", "ClassFilter")]);
  ensureChoice(rq, [["NameFilter"], ["NameRangeFilter"]]);
  const ids = texts(rq, "ListID");
  const names = texts(rq, "FullName");
  if (ids.length > 0 || names.length > 0) {
    const byId = selectNamed(records, ids, (r, id) => r.ListID === id);
    const byName = selectNamed(records, names, (r, name) => r.FullName.toLowerCase() === name.toLowerCase());
    return { selected: [...byId.selected, ...byName.selected], missing: [...byId.missing, ...byName.missing] };
  }
  const active = text(rq, "ActiveStatus") ?? "ActiveOnly";
  if (!["ActiveOnly", "InactiveOnly", "All"].includes(active)) throw QbXmlProcessError.parse(`ActiveStatus "${active}"`);
  const nameFilter = child(rq, "NameFilter");
  const range = child(rq, "NameRangeFilter");
  const from = text(rq, "FromModifiedDate");
  const to = text(rq, "ToModifiedDate");
  const selected = records.filter((r) => {
    if (active === "ActiveOnly" && !r.IsActive) return false;
    if (active === "InactiveOnly" && r.IsActive) return false;
    if (nameFilter && !matchesCriterion(r.FullName, text(nameFilter, "MatchCriterion") ?? "", text(nameFilter, "Name") ?? "")) return false;
    if (range) {
      const name = r.FullName.toLowerCase();
      const fromName = text(range, "FromName")?.toLowerCase();
      const toName = text(range, "ToName")?.toLowerCase();
      if (fromName !== undefined && name < fromName) return false;
      if (toName !== undefined && name > toName) return false;
    }
    if (from && r.TimeModified < from) return false;
    if (to && r.TimeModified > to) return false;
    return true;
  });
  return { selected: selected.sort((a, b) => a.FullName.localeCompare(b.FullName)), missing: [] };
}

const listHead = (r: TListRecord & { TimeCreated: string; EditSequence: string }): TOutObject => ({
  ListID: r.ListID,
  TimeCreated: r.TimeCreated,
  TimeModified: r.TimeModified,
  EditSequence: r.EditSequence,
  Name: r.Name,
  FullName: r.FullName,
  IsActive: r.IsActive,
  Sublevel: 0,
});

export const renderCustomer = (c: TCustomer): TOutObject => ({
  ...listHead(c),
  CompanyName: c.CompanyName,
  Email: c.Email,
  Balance: formatAmount(c.BalanceCents),
  TotalBalance: formatAmount(c.BalanceCents),
  JobStatus: "None",
});

const renderItem = (i: TItem): TQueryRet => ({
  name: `Item${i.type}Ret`,
  ret: {
    ...listHead(i),
    SalesOrPurchase: { Desc: i.Desc, Price: i.PriceCents === undefined ? undefined : formatAmount(i.PriceCents), AccountRef: { ...i.Account } },
  },
});

const renderAccount = (a: TAccount): TOutObject => ({
  ...listHead(a),
  AccountType: a.AccountType,
  SpecialAccountType: a.SpecialAccountType,
  AccountNumber: a.AccountNumber,
  Balance: formatAmount(a.BalanceCents),
  TotalBalance: formatAmount(a.BalanceCents),
});

export const customerQuery: THandler = (rq, ctx) => {
  ensureOrder(rq, CUSTOMER_QUERY_ORDER);
  const { selected, missing } = selectList(rq, ctx.state.customers);
  return answerQuery(rq, ctx, selected.map((c) => ({ name: "CustomerRet", ret: renderCustomer(c) })), missing);
};

export const itemQuery: THandler = (rq, ctx) => {
  ensureOrder(rq, ITEM_QUERY_ORDER);
  const { selected, missing } = selectList(rq, ctx.state.items);
  return answerQuery(rq, ctx, selected.map(renderItem), missing);
};

export const accountQuery: THandler = (rq, ctx) => {
  ensureOrder(rq, ACCOUNT_QUERY_ORDER);
  const { selected, missing } = selectList(rq, ctx.state.accounts);
  const types = texts(rq, "AccountType");
  const typed = types.length === 0 ? selected : selected.filter((a) => types.includes(a.AccountType));
  return answerQuery(rq, ctx, typed.map((a) => ({ name: "AccountRet", ret: renderAccount(a) })), missing);
};

const CUSTOMER_ADD_ORDER = ["Name", "IsActive", "ClassRef", "ParentRef", "CompanyName", "Salutation", "FirstName", "MiddleName", "LastName", "JobTitle", "BillAddress", "ShipAddress", "Phone", "Email"];
const NAME_MAX = 41;

/** CustomerAdd (display name, optional company name and email). Names are unique across every name list: 3100. */
export const customerAdd: THandler = (rq, ctx) => {
  const add = child(rq, "CustomerAdd");
  if (!add) throw QbXmlProcessError.parse("CustomerAddRq needs <CustomerAdd>");
  ensureOrder(add, CUSTOMER_ADD_ORDER);
  const name = text(add, "Name");
  if (!name) throw QbXmlProcessError.parse("CustomerAdd needs <Name>");
  if (name.length > NAME_MAX) throw tooLong(name, "Name");
  if (ctx.state.customers.some((c) => c.FullName.toLowerCase() === name.toLowerCase())) throw nameInUse(name);
  const customer = addCustomerRecord(ctx.state, ctx.now, name);
  customer.CompanyName = text(add, "CompanyName");
  customer.Email = text(add, "Email");
  if (text(add, "IsActive") === "false") customer.IsActive = false;
  return { body: { CustomerRet: renderCustomer(customer) }, changed: true };
};
