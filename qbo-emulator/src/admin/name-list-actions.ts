// A person's actions on customers and products/services: edit, make inactive or active again, merge one into another.
import { updateCustomer } from "../api/customer";
import { updateItem } from "../api/item";
import type { Emulator } from "../emulator";
import { Faults } from "../faults";
import type { CustomerRec, ItemRec, RealmState } from "../store/types";
import { buildCompanyContext, currentVersion, findLiveRecord } from "./company-actions";

export type NameListEntity = "Customer" | "Item";

/** A sparse update of the fields given (e.g. `DisplayName`, `PrimaryEmailAddr`; `Name`, `UnitPrice`; `Active`). */
export function editNameListAction(
  emu: Emulator,
  realm: RealmState,
  entity: NameListEntity,
  id: string,
  edit: Record<string, unknown>,
): Record<string, unknown> {
  const ctx = buildCompanyContext(emu, realm);
  if (entity === "Customer") {
    return updateCustomer(ctx, { ...edit, ...currentVersion(findLiveRecord(realm.Customer, id)), sparse: true });
  }
  return updateItem(ctx, { ...edit, ...currentVersion(findLiveRecord(realm.Item, id)), sparse: true });
}

/** Make inactive (QuickBooks' "delete" of a list entry: " (deleted)" is added to a customer's name) or active again. */
export function setActiveAction(emu: Emulator, realm: RealmState, entity: NameListEntity, id: string, isActive: boolean): Record<string, unknown> {
  return editNameListAction(emu, realm, entity, id, { Active: isActive });
}

type ListRec = CustomerRec | ItemRec;

function findMergePair(realm: RealmState, entity: NameListEntity, fromId: string, intoId: string): [ListRec, ListRec] {
  const table: Record<string, ListRec> = realm[entity];
  const from = findLiveRecord(table, fromId);
  const into = findLiveRecord(table, intoId);
  if (from.id === into.id) throw Faults.businessValidation("A record can't be merged into itself.", "Id");
  if (!from.isActive || !into.isActive) throw Faults.businessValidation("Only active records can be merged.", "Active");
  return [from, into];
}

/**
 * Merge (QuickBooks: rename one to the other's name): the transactions of `from` move to `into` (each a new version,
 * visible to cdc, no webhook of its own), `from` becomes inactive, one `Merge` event names `into` with `deletedId`.
 */
export function mergeAction(emu: Emulator, realm: RealmState, entity: NameListEntity, fromId: string, intoId: string): void {
  const [from, into] = findMergePair(realm, entity, fromId, intoId);
  if (entity === "Customer") {
    const [a, b] = [from as CustomerRec, into as CustomerRec];
    if (a.currency !== b.currency) throw Faults.businessValidation("Customers with different currencies can't be merged.", "CurrencyRef");
    moveCustomerTransactions(emu, realm, a.id, b.id);
    const name = `${a.displayName} (deleted)`;
    const isTaken = Object.values(realm.Customer).some((c) => c.id !== a.id && c.displayName.toLowerCase() === name.toLowerCase());
    a.displayName = isTaken ? `${a.displayName} (deleted ${a.id})` : name;
  } else {
    const [a, b] = [from as ItemRec, into as ItemRec];
    if (a.type !== b.type) throw Faults.businessValidation("Products and services of different types can't be merged.", "Type");
    moveItemLines(emu, realm, a.id, b.id);
  }
  from.isActive = false;
  emu.store.recordMerge(realm, entity, into, from);
}

function moveCustomerTransactions(emu: Emulator, realm: RealmState, fromId: string, intoId: string): void {
  for (const entity of ["Invoice", "CreditMemo", "Payment"] as const) {
    for (const rec of Object.values(realm[entity])) {
      if (rec.deletedAt !== undefined || rec.customerId !== fromId) continue;
      rec.customerId = intoId;
      emu.store.recordSideChange(realm, entity, rec);
    }
  }
}

function moveItemLines(emu: Emulator, realm: RealmState, fromId: string, intoId: string): void {
  for (const entity of ["Invoice", "CreditMemo"] as const) {
    for (const rec of Object.values(realm[entity])) {
      if (rec.deletedAt !== undefined || !rec.lines.some((l) => l.itemId === fromId)) continue;
      rec.lines = rec.lines.map((l) => (l.itemId === fromId ? { ...l, itemId: intoId } : l));
      emu.store.recordSideChange(realm, entity, rec);
    }
  }
}
