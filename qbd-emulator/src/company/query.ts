// What list and transaction queries share: MaxReturned, IncludeRetElement, iterators, "no match" and "not all found".
import { randomUUID } from "node:crypto";
import type { TOutObject } from "../qbxml/build";
import { QbXmlProcessError } from "../qbxml/errors";
import { notFound, STATUS_NO_MATCH, statusNotAllFound } from "../qbxml/status";
import { text, texts, type TNode } from "../qbxml/tree";
import type { TContext, THandlerResult } from "./context";

export type TQueryRet = { name: string; ret: TOutObject };

function readMaxReturned(rq: TNode): number | undefined {
  const raw = text(rq, "MaxReturned");
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw)) throw QbXmlProcessError.parse(`MaxReturned "${raw}" is not a number`);
  return Number(raw);
}

function pickElements(ret: TOutObject, include: string[]): TOutObject {
  if (include.length === 0) return ret;
  return Object.fromEntries(Object.entries(ret).filter(([key]) => include.includes(key)));
}

function toBody(rets: TQueryRet[]): TOutObject {
  // Several …Ret of one kind are repeats; mixed kinds (items) keep their order as separate keys only when grouped,
  // so rets are grouped by kind in first-seen order (QuickBooks lists item kinds together too).
  const body: TOutObject = {};
  for (const { name, ret } of rets) {
    const list = (body[name] as TOutObject[] | undefined) ?? [];
    list.push(ret);
    body[name] = list;
  }
  return body;
}

/**
 * Answers a query from every matching record (in QuickBooks' order): statusCode 1 when nothing matched,
 * 500 when an id asked for by ListID/TxnID/FullName is missing, iterators (Start/Continue/Stop) when asked for.
 */
export function answerQuery(rq: TNode, ctx: TContext, matches: TQueryRet[], missing: string[]): THandlerResult {
  const include = texts(rq, "IncludeRetElement");
  const iterator = rq.attrs.iterator;
  if (iterator === "Continue" || iterator === "Stop") {
    const id = rq.attrs.iteratorID ?? "";
    const open = ctx.iterators.get(id);
    if (!open || open.requestType !== rq.name) throw notFound(id);
    if (iterator === "Stop") {
      ctx.iterators.delete(id);
      return { attrs: { iteratorRemainingCount: 0, iteratorID: id } };
    }
    return page(rq, ctx, id, open.remaining, include);
  }
  const max = readMaxReturned(rq);
  if (iterator === "Start") {
    const id = `{${randomUUID()}}`;
    return page(rq, ctx, id, matches, include);
  }
  const shown = (max === undefined ? matches : matches.slice(0, max)).map((m) => ({ name: m.name, ret: pickElements(m.ret, include) }));
  if (missing.length > 0) return { status: statusNotAllFound(missing[0] ?? ""), body: toBody(shown) };
  if (shown.length === 0) return { status: STATUS_NO_MATCH };
  return { body: toBody(shown) };
}

function page(rq: TNode, ctx: TContext, id: string, all: TQueryRet[], include: string[]): THandlerResult {
  const max = readMaxReturned(rq) ?? all.length;
  const shown = all.slice(0, max).map((m) => ({ name: m.name, ret: pickElements(m.ret, include) }));
  const remaining = all.slice(max);
  if (remaining.length > 0) ctx.iterators.set(id, { requestType: rq.name, remaining });
  else ctx.iterators.delete(id);
  const attrs = { iteratorRemainingCount: remaining.length, iteratorID: id };
  if (shown.length === 0) return { status: STATUS_NO_MATCH, attrs };
  return { body: toBody(shown), attrs };
}

/** NameFilter / RefNumberFilter: StartsWith | Contains | EndsWith, case-insensitive. */
export function matchesCriterion(value: string | undefined, criterion: string, wanted: string): boolean {
  if (value === undefined) return false;
  const v = value.toLowerCase();
  const w = wanted.toLowerCase();
  if (criterion === "StartsWith") return v.startsWith(w);
  if (criterion === "Contains") return v.includes(w);
  if (criterion === "EndsWith") return v.endsWith(w);
  throw QbXmlProcessError.parse(`MatchCriterion "${criterion}" is not StartsWith, Contains or EndsWith`);
}

/** qbXML booleans are "true"/"false" (also 1/0). */
export function readBoolean(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (value === "true" || value === "1") return true;
  if (value === "false" || value === "0") return false;
  throw QbXmlProcessError.parse(`"${value}" is not a boolean`);
}

/** The records `wanted` names, in the order asked, and the names with no record (a query's "not all found"). */
export function selectNamed<T>(records: T[], wanted: string[], matches: (record: T, name: string) => boolean): { selected: T[]; missing: string[] } {
  const selected: T[] = [];
  const missing: string[] = [];
  for (const name of wanted) {
    const found = records.find((r) => matches(r, name));
    if (found) selected.push(found);
    else missing.push(name);
  }
  return { selected, missing };
}
