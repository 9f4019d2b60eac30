// Changes a person makes in QuickBooks itself (company UI and admin API): the same rules as the API (a person's
// context: closed periods don't block, linked payments are unlinked rather than refused), and the same webhooks.
import type { ApiContext } from "../api/context";
import { setPreferencesChanged } from "../api/preferences";
import type { Emulator } from "../emulator";
import { Faults } from "../faults";
import type { BaseRec, RealmState } from "../store/types";

export function buildCompanyContext(emu: Emulator, realm: RealmState, include: string[] = ["allowduplicatedocnum"]): ApiContext {
  return { store: emu.store, realm, include: new Set(include), isCompanyUser: true };
}

/** A live record by Id (610 when missing or deleted). */
export function findLiveRecord<T extends BaseRec>(table: Record<string, T>, id: string): T {
  const rec = Object.prototype.hasOwnProperty.call(table, id) ? table[id] : undefined;
  if (!rec || rec.deletedAt !== undefined) throw Faults.objectNotFound();
  return rec;
}

/** `{Id, SyncToken}` of the current version: a person always edits the latest. */
export function currentVersion(rec: BaseRec): { Id: string; SyncToken: string } {
  return { Id: rec.id, SyncToken: String(rec.syncToken) };
}

export function setPreferencesAction(
  emu: Emulator,
  realm: RealmState,
  prefs: { customTxnNumbers?: boolean; multiCurrencyEnabled?: boolean },
): void {
  if (prefs.customTxnNumbers !== undefined) realm.prefs.customTxnNumbers = prefs.customTxnNumbers;
  if (prefs.multiCurrencyEnabled !== undefined) realm.prefs.multiCurrencyEnabled = prefs.multiCurrencyEnabled;
  setPreferencesChanged(emu.store, realm);
}
