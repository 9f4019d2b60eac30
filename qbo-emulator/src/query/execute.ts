// Runs a parsed query over serialized entities and builds the QueryResponse exactly as Intuit shapes it.
import { Faults } from "../faults";
import { Money } from "../json";
import { HAS_ACTIVE, findEntityName, findFieldName } from "./fields";
import { type Condition, type Query, type QueryValue, parseQuery } from "./parser";

export const DEFAULT_MAX_RESULTS = 100;
export const MAX_MAX_RESULTS = 1000;

type Row = Record<string, unknown>;
/** Rows of an entity; the conditions let computed entities (ExchangeRate) answer for the date asked. */
export type RowSource = (entity: string, where: Condition[]) => Row[];

function readPath(row: Row, field: string): unknown {
  let value: unknown = row;
  for (const part of field.split(".")) {
    if (typeof value !== "object" || value === null) return undefined;
    value = (value as Row)[part];
  }
  if (value instanceof Money) return value.cents / 100;
  if (typeof value === "object" && value !== null) {
    const o = value as Row;
    if ("value" in o) return o.value;
    if ("Address" in o) return o.Address;
  }
  return value;
}

function isDateTimeField(field: string): boolean {
  return field.startsWith("MetaData.");
}

function compareValues(actual: unknown, expected: QueryValue, field: string): number {
  if (actual === undefined || actual === null) return Number.NaN;
  if (isDateTimeField(field)) return Date.parse(String(actual)) - Date.parse(String(expected));
  if (typeof actual === "boolean") return Number(actual) - Number(String(expected).toLowerCase() === "true");
  const a = Number(actual);
  const e = Number(expected);
  const isNumeric = (typeof actual === "number" || field === "Id" || field.endsWith("Ref")) && !Number.isNaN(a) && !Number.isNaN(e);
  if (isNumeric) return a - e;
  const as = String(actual).toLowerCase();
  const es = String(expected).toLowerCase();
  return as < es ? -1 : as > es ? 1 : 0;
}

function isLikeMatch(actual: unknown, pattern: string): boolean {
  const escaped = pattern.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/%/g, ".*");
  return new RegExp(`^${escaped}$`, "s").test(String(actual ?? "").toLowerCase());
}

function isMatch(row: Row, c: Condition): boolean {
  const actual = readPath(row, c.field);
  const first = c.values[0] ?? "";
  switch (c.op) {
    case "=": return compareValues(actual, first, c.field) === 0;
    case "!=": return compareValues(actual, first, c.field) !== 0;
    case "<": return compareValues(actual, first, c.field) < 0;
    case ">": return compareValues(actual, first, c.field) > 0;
    case "<=": return compareValues(actual, first, c.field) <= 0;
    case ">=": return compareValues(actual, first, c.field) >= 0;
    case "LIKE": return isLikeMatch(actual, String(first));
    case "IN": return c.values.some((v) => compareValues(actual, v, c.field) === 0);
  }
}

function normalizeQuery(query: Query): { entity: string; query: Query } {
  const entity = findEntityName(query.entity);
  if (!entity) throw Faults.invalidQuery(`invalid context declaration: ${query.entity}`);
  const fix = (field: string): string => {
    const name = findFieldName(entity, field);
    if (!name) throw Faults.invalidQuery(`property '${field}' is not queryable`);
    return name;
  };
  const where = query.where.map((c) => ({ ...c, field: fix(c.field) }));
  const orderBy = query.orderBy.map((o) => ({ ...o, field: fix(o.field) }));
  if (query.maxResults !== undefined && query.maxResults > MAX_MAX_RESULTS) {
    throw Faults.invalidQuery(`MaxResults value ${query.maxResults} exceeds the maximum allowed ${MAX_MAX_RESULTS}`);
  }
  if (query.maxResults !== undefined && query.maxResults < 1) throw Faults.invalidQuery("MaxResults must be at least 1");
  if (query.startPosition !== undefined && query.startPosition < 1) throw Faults.invalidQuery("StartPosition must be at least 1");
  return { entity, query: { ...query, where, orderBy } };
}

function sortRows(rows: Row[], orderBy: Query["orderBy"]): Row[] {
  const keys = orderBy.length > 0 ? orderBy : [{ field: "Id", desc: false }];
  return [...rows].sort((a, b) => {
    for (const k of keys) {
      const av = readPath(a, k.field);
      const bv = readPath(b, k.field);
      const c = compareValues(av, (bv ?? "") as QueryValue, k.field);
      if (c !== 0 && !Number.isNaN(c)) return k.desc ? -c : c;
    }
    return 0;
  });
}

function projectRow(row: Row, fields: string[]): Row {
  const out: Row = { domain: row.domain, sparse: true, Id: row.Id };
  for (const f of fields) {
    const top = f.split(".")[0] ?? f;
    const key = Object.keys(row).find((k) => k.toLowerCase() === top.toLowerCase());
    if (key) out[key] = row[key];
  }
  return out;
}

/** `{"QueryResponse": …}` contents for a statement. */
export function runQuery(text: string, source: RowSource): Row {
  const { entity, query } = normalizeQuery(parseQuery(text));
  let rows = source(entity, query.where);
  const filtersActive = query.where.some((c) => c.field === "Active");
  if (HAS_ACTIVE.has(entity) && !filtersActive) rows = rows.filter((r) => r.Active !== false);
  rows = rows.filter((r) => query.where.every((c) => isMatch(r, c)));
  if (query.select === "count") return { totalCount: rows.length };
  const start = query.startPosition ?? 1;
  const max = query.maxResults ?? DEFAULT_MAX_RESULTS;
  const page = sortRows(rows, query.orderBy).slice(start - 1, start - 1 + max);
  if (page.length === 0) return {};
  const fields = query.select;
  const out = Array.isArray(fields) ? page.map((r) => projectRow(r, fields)) : page;
  return { [entity]: out, startPosition: start, maxResults: out.length };
}
