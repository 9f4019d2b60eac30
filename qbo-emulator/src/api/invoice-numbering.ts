// DocNumber rules: auto-numbered when Custom Transaction Numbers is off; as sent (or none) when on; 6140 on duplicates.
import { Faults } from "../faults";
import type { RealmState } from "../store/types";
import type { ApiContext } from "./context";

const MAX_DOC_NUMBER = 21;

/** Sales forms numbered from the company's one counter (duplicates are checked per form type). */
export type NumberedEntity = "Invoice" | "CreditMemo";

function findByDocNumber(realm: RealmState, entity: NumberedEntity, docNumber: string, selfId?: string): string | undefined {
  const wanted = docNumber.toLowerCase();
  for (const rec of Object.values(realm[entity])) {
    if (rec.deletedAt === undefined && rec.id !== selfId && rec.docNumber?.toLowerCase() === wanted) return rec.id;
  }
  return undefined;
}

function isNumberUsed(realm: RealmState, docNumber: string): boolean {
  return findByDocNumber(realm, "Invoice", docNumber) !== undefined || findByDocNumber(realm, "CreditMemo", docNumber) !== undefined;
}

/** The next free number from the company's counter (skipping numbers already used). */
export function generateDocNumber(realm: RealmState): string {
  while (isNumberUsed(realm, String(realm.nextDocNumber))) realm.nextDocNumber += 1;
  const docNumber = String(realm.nextDocNumber);
  realm.nextDocNumber += 1;
  return docNumber;
}

function ensureValidDocNumber(ctx: ApiContext, entity: NumberedEntity, docNumber: string, selfId?: string): void {
  if (docNumber.length > MAX_DOC_NUMBER) throw Faults.lengthExceeded("DocNumber", MAX_DOC_NUMBER, docNumber.length);
  if (!ctx.realm.prefs.customTxnNumbers || ctx.include.has("allowduplicatedocnum")) return;
  const existing = findByDocNumber(ctx.realm, entity, docNumber, selfId);
  if (existing !== undefined) throw Faults.duplicateDocNumber(docNumber, entity, existing);
}

/** DocNumber for a new invoice (or credit memo). */
export function resolveNewDocNumber(
  ctx: ApiContext,
  sent: string | undefined,
  autoDocNumber: boolean | undefined,
  entity: NumberedEntity = "Invoice",
): string | null {
  const trimmed = sent?.trim();
  if (autoDocNumber === true) return generateDocNumber(ctx.realm);
  if (trimmed) {
    ensureValidDocNumber(ctx, entity, trimmed);
    return trimmed;
  }
  return ctx.realm.prefs.customTxnNumbers ? null : generateDocNumber(ctx.realm);
}

/** DocNumber sent on an update (the counter never moves). */
export function resolveUpdatedDocNumber(
  ctx: ApiContext,
  sent: string,
  selfId: string,
  current: string | null,
  entity: NumberedEntity = "Invoice",
): string | null {
  const trimmed = sent.trim();
  if (trimmed === "") return ctx.realm.prefs.customTxnNumbers ? null : current;
  if (trimmed !== current) ensureValidDocNumber(ctx, entity, trimmed, selfId);
  return trimmed;
}
