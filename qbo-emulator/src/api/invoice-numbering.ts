// DocNumber rules: auto-numbered when Custom Transaction Numbers is off; as sent (or none) when on; 6140 on duplicates.
import { Faults } from "../faults";
import type { RealmState } from "../store/types";
import type { ApiContext } from "./context";

const MAX_DOC_NUMBER = 21;

function findInvoiceByDocNumber(realm: RealmState, docNumber: string, selfId?: string): string | undefined {
  const wanted = docNumber.toLowerCase();
  for (const inv of Object.values(realm.Invoice)) {
    if (inv.deletedAt === undefined && inv.id !== selfId && inv.docNumber?.toLowerCase() === wanted) return inv.id;
  }
  return undefined;
}

/** The next free number from the company's counter (skipping numbers already used). */
export function generateDocNumber(realm: RealmState): string {
  while (findInvoiceByDocNumber(realm, String(realm.nextDocNumber)) !== undefined) realm.nextDocNumber += 1;
  const docNumber = String(realm.nextDocNumber);
  realm.nextDocNumber += 1;
  return docNumber;
}

function ensureValidDocNumber(ctx: ApiContext, docNumber: string, selfId?: string): void {
  if (docNumber.length > MAX_DOC_NUMBER) throw Faults.lengthExceeded("DocNumber", MAX_DOC_NUMBER, docNumber.length);
  if (!ctx.realm.prefs.customTxnNumbers || ctx.include.has("allowduplicatedocnum")) return;
  const existing = findInvoiceByDocNumber(ctx.realm, docNumber, selfId);
  if (existing !== undefined) throw Faults.duplicateDocNumber(docNumber, "Invoice", existing);
}

/** DocNumber for a new invoice. */
export function resolveNewDocNumber(ctx: ApiContext, sent: string | undefined, autoDocNumber: boolean | undefined): string | null {
  const trimmed = sent?.trim();
  if (autoDocNumber === true) return generateDocNumber(ctx.realm);
  if (trimmed) {
    ensureValidDocNumber(ctx, trimmed);
    return trimmed;
  }
  return ctx.realm.prefs.customTxnNumbers ? null : generateDocNumber(ctx.realm);
}

/** DocNumber sent on an update (the counter never moves). */
export function resolveUpdatedDocNumber(ctx: ApiContext, sent: string, selfId: string, current: string | null): string | null {
  const trimmed = sent.trim();
  if (trimmed === "") return ctx.realm.prefs.customTxnNumbers ? null : current;
  if (trimmed !== current) ensureValidDocNumber(ctx, trimmed, selfId);
  return trimmed;
}
