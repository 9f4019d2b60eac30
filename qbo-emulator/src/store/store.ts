// In-memory state of every company, with change notifications (webhooks, persistence, cdc).
import { now } from "../clock";
import { migrateRealm } from "./migrate";
import { buildSeedRealms } from "./seed";
import { type BaseRec, type ChangeEvent, type ChangeOperation, type EntityName, type RealmState, TXN_ENTITIES } from "./types";

export type ChangeListener = (event: ChangeEvent) => void;

export class Store {
  realms: Record<string, RealmState>;
  private listeners: ChangeListener[] = [];
  /** The operation announced when a Customer/Item is made inactive (Intuit unconfirmed; the emulator's option). */
  getDeactivationOperation: () => "Delete" | "Update" = () => "Delete";

  constructor(realms?: Record<string, RealmState>) {
    this.realms = realms ?? buildSeedRealms();
    for (const realm of Object.values(this.realms)) migrateRealm(realm);
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
    if (TXN_ENTITIES.has(entity)) return String(realm.seq.txn++);
    return String(realm.seq[entity as "Customer" | "Item" | "Account"]++);
  }

  /** Bumps SyncToken/updatedAt for an update and announces it (a Delete leaves a tombstone). */
  recordChange(realm: RealmState, entity: EntityName, rec: BaseRec, operation: ChangeOperation, at = now()): void {
    if (operation === "Delete") rec.deletedAt = at;
    this.announce(realm, entity, rec, { operation, at, isNewVersion: operation !== "Create" });
  }

  /** A Customer/Item update: made inactive → the deactivation operation (no tombstone: it still reads), else Update. */
  recordListUpdate(realm: RealmState, entity: "Customer" | "Item", rec: BaseRec, wasActive: boolean, isActive: boolean): void {
    const operation = wasActive && !isActive ? this.getDeactivationOperation() : "Update";
    this.announce(realm, entity, rec, { operation, at: now(), isNewVersion: true });
  }

  /** `Merge`: `mergedAway` was merged into `survivor`; both get a new version, one event names both. */
  recordMerge(realm: RealmState, entity: EntityName, survivor: BaseRec, mergedAway: BaseRec, at = now()): void {
    this.announce(realm, entity, mergedAway, { operation: "Update", at, isNewVersion: true, isSideEffect: true });
    this.announce(realm, entity, survivor, { operation: "Merge", at, isNewVersion: true, deletedId: mergedAway.id });
  }

  /** A record changed as a consequence of another change (e.g. moved by a merge): new SyncToken, cdc, no webhook. */
  recordSideChange(realm: RealmState, entity: EntityName, rec: BaseRec, at = now()): void {
    this.announce(realm, entity, rec, { operation: "Update", at, isNewVersion: true, isSideEffect: true });
  }

  /** Marks a record as touched (e.g. a customer whose balance moved) without a new SyncToken. */
  touch(realm: RealmState, entity: EntityName, rec: BaseRec, at = now()): void {
    this.announce(realm, entity, rec, { operation: "Update", at, isNewVersion: false, isSideEffect: true });
  }

  private announce(
    realm: RealmState,
    entity: EntityName,
    rec: BaseRec,
    change: { operation: ChangeOperation; at: number; isNewVersion: boolean; isSideEffect?: boolean; deletedId?: string },
  ): void {
    if (change.isNewVersion) rec.syncToken += 1;
    rec.updatedAt = change.at;
    const { isNewVersion: _v, ...event } = change;
    this.notify({ realmId: realm.realmId, entity, id: rec.id, ...event });
  }

  notifyPreferences(realm: RealmState): void {
    this.notify({ realmId: realm.realmId, entity: "Preferences", id: "1", operation: "Update", at: now() });
  }

  private notify(event: ChangeEvent): void {
    for (const l of this.listeners) l(event);
  }
}
