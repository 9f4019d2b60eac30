// In-memory state of every company, with change notifications (webhooks, persistence, cdc).
import { now } from "../clock";
import { buildSeedRealms } from "./seed";
import type { BaseRec, ChangeEvent, ChangeOperation, EntityName, RealmState } from "./types";

export type ChangeListener = (event: ChangeEvent) => void;

export class Store {
  realms: Record<string, RealmState>;
  private listeners: ChangeListener[] = [];

  constructor(realms?: Record<string, RealmState>) {
    this.realms = realms ?? buildSeedRealms();
    // State files written before deposits existed have no Deposit table.
    for (const realm of Object.values(this.realms)) realm.Deposit ??= {};
  }

  reset(): void {
    this.realms = buildSeedRealms();
    this.notify({ realmId: "*", entity: "Preferences", id: "*", operation: "Update", at: now() });
  }

  getRealm(realmId: string): RealmState | undefined {
    return Object.prototype.hasOwnProperty.call(this.realms, realmId) ? this.realms[realmId] : undefined;
  }

  onChange(listener: ChangeListener): void {
    this.listeners.push(listener);
  }

  /** Allocates the next Id: list entities have their own sequence, transactions share one. */
  allocateId(realm: RealmState, entity: EntityName): string {
    if (entity === "Invoice" || entity === "Payment" || entity === "Deposit") return String(realm.seq.txn++);
    return String(realm.seq[entity]++);
  }

  /** Bumps SyncToken/updatedAt for an update and announces it. */
  recordChange(realm: RealmState, entity: EntityName, rec: BaseRec, operation: ChangeOperation, at = now()): void {
    if (operation !== "Create") rec.syncToken += 1;
    rec.updatedAt = at;
    if (operation === "Delete") rec.deletedAt = at;
    this.notify({ realmId: realm.realmId, entity, id: rec.id, operation, at });
  }

  /** Marks a record as touched (e.g. a customer whose balance moved) without a new SyncToken. */
  touch(realm: RealmState, entity: EntityName, rec: BaseRec, at = now()): void {
    rec.updatedAt = at;
    this.notify({ realmId: realm.realmId, entity, id: rec.id, operation: "Update", at, isSideEffect: true });
  }

  notifyPreferences(realm: RealmState): void {
    this.notify({ realmId: realm.realmId, entity: "Preferences", id: "1", operation: "Update", at: now() });
  }

  private notify(event: ChangeEvent): void {
    for (const l of this.listeners) l(event);
  }
}
