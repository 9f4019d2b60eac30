// GET …/cdc?entities=A,B&changedSince=<ISO>: everything changed since, deleted objects flagged.
import { Faults } from "../faults";
import type { RealmState } from "../store/types";
import { getRows } from "./entities";
import { buildMeta } from "./serialize";

const CDC_ENTITIES = ["Customer", "Item", "Account", "Invoice", "Payment", "Deposit", "CreditMemo"] as const;
type CdcEntity = (typeof CDC_ENTITIES)[number];
const MAX_LOOKBACK_MS = 30 * 86_400_000;
const MAX_OBJECTS = 1000;

function parseChangedSince(raw: string | null): number {
  if (!raw) throw Faults.requiredMissing("changedSince");
  // node-quickbooks does not URL-encode the offset's "+", which arrives as a space.
  const text = raw.trim().replace(/ (\d\d:?\d\d)$/, "+$1");
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) throw Faults.unknownProperty(`changedSince specified is unsupported or invalid: ${raw}`, "changedSince");
  if (Date.now() - ms > MAX_LOOKBACK_MS) {
    throw Faults.businessValidation("changedSince must be within the last 30 days.", "changedSince");
  }
  return ms;
}

function parseEntities(raw: string | null): CdcEntity[] {
  if (!raw) throw Faults.requiredMissing("entities");
  return raw.split(",").map((name) => {
    const found = CDC_ENTITIES.find((e) => e.toLowerCase() === name.trim().toLowerCase());
    if (!found) throw Faults.unknownProperty(`entities specified is unsupported or invalid: ${name}`, "entities");
    return found;
  });
}

export function runCdc(realm: RealmState, entitiesParam: string | null, changedSinceParam: string | null): Record<string, unknown> {
  const entities = parseEntities(entitiesParam);
  const since = parseChangedSince(changedSinceParam);
  let budget = MAX_OBJECTS;
  const responses = entities.map((entity) => {
    const table = realm[entity] as Record<string, { id: string; updatedAt: number; createdAt: number; deletedAt?: number }>;
    const changedIds = new Set(Object.values(table).filter((r) => r.updatedAt >= since).map((r) => r.id));
    const live = getRows(realm, entity).filter((row) => changedIds.has(String(row.Id)));
    const deleted = Object.values(table)
      .filter((r) => r.deletedAt !== undefined && changedIds.has(r.id))
      .map((r) => ({ domain: "QBO", status: "Deleted", Id: r.id, MetaData: buildMeta(r) }));
    const rows = [...live, ...deleted].slice(0, Math.max(budget, 0));
    budget -= rows.length;
    if (rows.length === 0) return {};
    return { [entity]: rows, startPosition: 1, maxResults: rows.length };
  });
  return { CDCResponse: [{ QueryResponse: responses }] };
}
