// Admin view of everything stored for an entity, deleted records included and flagged.
import { buildMeta, serializeAccount, serializeCustomer, serializeItem } from "../api/serialize";
import { serializeDeposit } from "../api/serialize-deposit";
import { serializeCreditMemo, serializeInvoice, serializePayment } from "../api/serialize-txn";
import { ENTITY_NAMES, type EntityName, type RealmState } from "../store/types";

export function findAdminEntityName(name: string): EntityName | undefined {
  return ENTITY_NAMES.find((n) => n.toLowerCase() === name.toLowerCase());
}

function serializeAny(realm: RealmState, entity: EntityName, id: string): Record<string, unknown> {
  switch (entity) {
    case "Customer": return serializeCustomer(realm, realm.Customer[id]!);
    case "Item": return serializeItem(realm, realm.Item[id]!);
    case "Account": return serializeAccount(realm.Account[id]!);
    case "Invoice": return serializeInvoice(realm, realm.Invoice[id]!);
    case "Payment": return serializePayment(realm, realm.Payment[id]!);
    case "Deposit": return serializeDeposit(realm, realm.Deposit[id]!);
    case "CreditMemo": return serializeCreditMemo(realm, realm.CreditMemo[id]!);
  }
}

export function listAdminEntities(realm: RealmState, entity: EntityName): Record<string, unknown>[] {
  const table = realm[entity] as Record<string, { id: string; deletedAt?: number; createdAt: number; updatedAt: number }>;
  return Object.values(table)
    .sort((a, b) => Number(a.id) - Number(b.id))
    .map((rec) => {
      if (rec.deletedAt !== undefined) {
        return { Id: rec.id, deleted: true, deletedAt: new Date(rec.deletedAt).toISOString(), MetaData: buildMeta(rec), record: rec };
      }
      const voided = (rec as { isVoided?: boolean }).isVoided === true;
      return { ...serializeAny(realm, entity, rec.id), deleted: false, ...("isVoided" in rec ? { voided } : {}) };
    });
}
