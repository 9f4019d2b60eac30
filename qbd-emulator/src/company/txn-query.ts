// The filters of InvoiceQueryRq, ReceivePaymentQueryRq and DepositQueryRq (one family, as in qbXML).
import { child, ensureChoice, ensureOrder, text, texts, type TNode } from "../qbxml/tree";
import { matchesCriterion, readBoolean, selectNamed } from "./query";
import type { TRef } from "./types";

export const TXN_QUERY_ORDER = [
  "TxnID", "RefNumber", "RefNumberCaseSensitive", "MaxReturned", "ModifiedDateRangeFilter", "TxnDateRangeFilter", "EntityFilter",
  "AccountFilter", "RefNumberFilter", "RefNumberRangeFilter", "CurrencyFilter", "PaidStatus", "IncludeLineItems", "IncludeLinkedTxns",
  "IncludeRetElement", "OwnerID",
];

const TXN_FILTERS = ["MaxReturned", "ModifiedDateRangeFilter", "TxnDateRangeFilter", "EntityFilter", "AccountFilter", "RefNumberFilter", "RefNumberRangeFilter", "CurrencyFilter", "PaidStatus"];

type TTxn = { TxnID: string; TxnDate: string; TimeModified: string; RefNumber?: string; Customer?: TRef; DepositToAccount?: TRef; ARAccount?: TRef };

export type TTxnSelection<T> = { selected: T[]; missing: string[]; includeLines: boolean; includeLinked: boolean };

function inRange(value: string, from: string | undefined, to: string | undefined): boolean {
  if (from !== undefined && value < from) return false;
  if (to !== undefined && value.slice(0, to.length) > to) return false;
  return true;
}

function matchesRef(ref: TRef | undefined, filter: TNode): boolean {
  if (!ref) return false;
  const ids = [...texts(filter, "ListID"), ...texts(filter, "ListIDWithChildren")];
  const names = [...texts(filter, "FullName"), ...texts(filter, "FullNameWithChildren")].map((n) => n.toLowerCase());
  return ids.includes(ref.ListID) || names.includes(ref.FullName.toLowerCase());
}

/** The transactions a query selects, in the order they were created. */
export function selectTxns<T extends TTxn>(rq: TNode, records: T[], options: { isPaid?: (t: T) => boolean } = {}): TTxnSelection<T> {
  ensureOrder(rq, TXN_QUERY_ORDER);
  ensureChoice(rq, [["TxnID"], ["RefNumber"], ["RefNumberCaseSensitive"], TXN_FILTERS]);
  ensureChoice(rq, [["ModifiedDateRangeFilter"], ["TxnDateRangeFilter"]]);
  ensureChoice(rq, [["RefNumberFilter"], ["RefNumberRangeFilter"]]);
  const includeLines = readBoolean(text(rq, "IncludeLineItems"), false);
  const includeLinked = readBoolean(text(rq, "IncludeLinkedTxns"), false);
  const ids = texts(rq, "TxnID");
  if (ids.length > 0) {
    return { ...selectNamed(records, ids, (r, id) => r.TxnID === id), includeLines, includeLinked };
  }
  const refs = texts(rq, "RefNumber").map((r) => r.toLowerCase());
  const exactRefs = texts(rq, "RefNumberCaseSensitive");
  if (refs.length > 0 || exactRefs.length > 0) {
    const selected = records.filter((r) => r.RefNumber !== undefined && (refs.includes(r.RefNumber.toLowerCase()) || exactRefs.includes(r.RefNumber)));
    return { selected, missing: [], includeLines, includeLinked };
  }
  const modified = child(rq, "ModifiedDateRangeFilter");
  const dates = child(rq, "TxnDateRangeFilter");
  const entity = child(rq, "EntityFilter");
  const account = child(rq, "AccountFilter");
  const refFilter = child(rq, "RefNumberFilter");
  const refRange = child(rq, "RefNumberRangeFilter");
  const paid = text(rq, "PaidStatus") ?? "All";
  const selected = records.filter((r) => {
    if (modified && !inRange(r.TimeModified, text(modified, "FromModifiedDate"), text(modified, "ToModifiedDate"))) return false;
    if (dates && !inRange(r.TxnDate, text(dates, "FromTxnDate"), text(dates, "ToTxnDate"))) return false;
    if (entity && !matchesRef(r.Customer, entity)) return false;
    if (account && !matchesRef(r.DepositToAccount ?? r.ARAccount, account)) return false;
    if (refFilter && !matchesCriterion(r.RefNumber, text(refFilter, "MatchCriterion") ?? "", text(refFilter, "RefNumber") ?? "")) return false;
    if (refRange && (r.RefNumber === undefined || !inRange(r.RefNumber, text(refRange, "FromRefNumber"), text(refRange, "ToRefNumber")))) return false;
    if (options.isPaid && paid === "PaidOnly" && !options.isPaid(r)) return false;
    if (options.isPaid && paid === "NotPaidOnly" && options.isPaid(r)) return false;
    return true;
  });
  return { selected, missing: [], includeLines, includeLinked };
}
