// What every API handler gets: the company, the store, and the request's options.
import { Faults } from "../faults";
import type { Store } from "../store/store";
import type { BaseRec, EntityName, RealmState } from "../store/types";
import { ensureNumericId } from "./schema";

export interface ApiContext {
  store: Store;
  realm: RealmState;
  /** Values of `?include=` (lower-cased), e.g. `allowduplicatedocnum`, `void`. */
  include: Set<string>;
  /** `?requestid=` of the request, if any (batch applies tighter length limits). */
  requestId?: string;
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

/** Copies the listed keys that are present in `input`. */
export function pickFields(input: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of keys) if (input[k] !== undefined) out[k] = input[k];
  return out;
}

/** Sparse: merge changed keys; full: every writable key omitted is cleared. */
export function mergeFields(
  current: Record<string, unknown>,
  input: Record<string, unknown>,
  keys: readonly string[],
  isSparse: boolean,
): Record<string, unknown> {
  const sent = pickFields(input, keys);
  return isSparse ? { ...current, ...sent } : sent;
}

export function getTable(realm: RealmState, entity: EntityName): Record<string, BaseRec> {
  return realm[entity];
}
