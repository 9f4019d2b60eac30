// What every API handler gets: the company, the store, and the request's options.
import { Faults } from "../faults";
import type { Store } from "../store/store";
import type { BaseRec, EntityName, PaymentLineRec, RealmState } from "../store/types";
import { ensureNumericId, isPlainObject } from "./schema";

export interface ApiContext {
  store: Store;
  realm: RealmState;
  /** Values of `?include=` (lower-cased), e.g. `allowduplicatedocnum`, `void`. */
  include: Set<string>;
  /** `?requestid=` of the request, if any (batch applies tighter length limits). */
  requestId?: string;
  /** Batch requests: the injected fault (admin `batch_item` rule) for this item, if any. */
  takeItemFault?: (bId: string) => { commit?: boolean; code?: string } | undefined;
  /** A person in the company UI / admin API (not an app): closed-period checks don't apply. */
  isCompanyUser?: boolean;
}

/** A live (not deleted) record by Id, or 2030 (non-numeric) / 610 (missing). */
export function findLive<T extends BaseRec>(table: Record<string, T>, id: string | undefined, element = ""): T {
  const checked = ensureNumericId(id);
  const rec = Object.prototype.hasOwnProperty.call(table, checked) ? table[checked] : undefined;
  if (!rec || rec.deletedAt !== undefined) throw Faults.objectNotFound(element);
  return rec;
}

/** The record an update/delete names: Id and SyncToken required (2020), deleted → 610, stale SyncToken → 5010. */
export function findCurrent<T extends BaseRec>(table: Record<string, T>, input: { Id?: string; SyncToken?: string }): T {
  if (input.Id === undefined) throw Faults.requiredMissing("Id");
  const rec = findLive(table, input.Id);
  if (input.SyncToken === undefined) throw Faults.requiredMissing("SyncToken");
  if (input.SyncToken !== String(rec.syncToken)) throw Faults.stale();
  return rec;
}

/** Live transactions whose LinkedTxn changed get a new SyncToken and an Update, as in QBO. */
export function touchLinked(ctx: ApiContext, entity: "Invoice" | "Payment" | "CreditMemo", ids: Iterable<string>): void {
  const table: Record<string, BaseRec> = ctx.realm[entity];
  for (const id of new Set(ids)) {
    const rec = table[id];
    if (rec && rec.deletedAt === undefined) ctx.store.recordChange(ctx.realm, entity, rec, "Update");
  }
}

/** The invoices and credit memos payment lines name get a new SyncToken and an Update (their LinkedTxn changed). */
export function touchLinkedForms(ctx: ApiContext, lines: readonly PaymentLineRec[]): void {
  touchLinked(ctx, "Invoice", lines.filter((l) => l.txnType === "Invoice").map((l) => l.txnId));
  touchLinked(ctx, "CreditMemo", lines.filter((l) => l.txnType === "CreditMemo").map((l) => l.txnId));
}

/** Empty text (and objects left empty without it, e.g. an address of "") is not stored, as Intuit does not echo it. */
export function compactValue(value: unknown): unknown {
  if (value === "" || value === undefined) return undefined;
  if (Array.isArray(value)) return value.map(compactValue).filter((v) => v !== undefined);
  if (!isPlainObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    const compacted = compactValue(v);
    if (compacted !== undefined) out[k] = compacted;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** Copies the listed keys that are present in `input`, without empty values. */
export function pickFields(input: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of keys) {
    const v = compactValue(input[k]);
    if (v !== undefined) out[k] = v;
  }
  return out;
}

/** Sparse: merge the keys sent (one sent empty is cleared); full: every writable key omitted is cleared. */
export function mergeFields(
  current: Record<string, unknown>,
  input: Record<string, unknown>,
  keys: readonly string[],
  isSparse: boolean,
): Record<string, unknown> {
  if (!isSparse) return pickFields(input, keys);
  const out = { ...current };
  for (const k of keys) {
    if (input[k] === undefined) continue;
    const v = compactValue(input[k]);
    if (v === undefined) delete out[k];
    else out[k] = v;
  }
  return out;
}

export function getTable(realm: RealmState, entity: EntityName): Record<string, BaseRec> {
  return realm[entity];
}
