// Item (Service / NonInventory): create, read, update. Name unique → 6240.
import { z } from "zod";
import { now } from "../clock";
import { Faults } from "../faults";
import type { ItemRec, RealmState } from "../store/types";
import { type ApiContext, findLive, mergeFields, pickFields } from "./context";
import { READ_ONLY_COMMON, ZAnySchema, ZBoolSchema, ZDateSchema, ZDecimalSchema, ZRefSchema, ZTextSchema } from "./field-schemas";
import { parseWith } from "./schema";
import { serializeItem } from "./serialize";

const ZItemRequestSchema = z.strictObject({
  ...READ_ONLY_COMMON,
  Name: ZTextSchema, Sku: ZTextSchema, Description: ZTextSchema, PurchaseDesc: ZTextSchema, FullyQualifiedName: ZTextSchema,
  Active: ZBoolSchema.optional(), Taxable: ZBoolSchema.optional(), SalesTaxIncluded: ZBoolSchema.optional(), SubItem: ZBoolSchema.optional(),
  TrackQtyOnHand: ZBoolSchema.optional(), PurchaseTaxIncluded: ZBoolSchema.optional(),
  Type: ZTextSchema, UnitPrice: ZDecimalSchema.optional(), PurchaseCost: ZDecimalSchema.optional(),
  IncomeAccountRef: ZRefSchema.optional(), ExpenseAccountRef: ZRefSchema.optional(), AssetAccountRef: ZRefSchema.optional(),
  ParentRef: ZRefSchema.optional(), SalesTaxCodeRef: ZRefSchema.optional(), PurchaseTaxCodeRef: ZRefSchema.optional(),
  ClassRef: ZRefSchema.optional(), PrefVendorRef: ZRefSchema.optional(), TaxClassificationRef: ZRefSchema.optional(),
  InvStartDate: ZDateSchema, Level: ZAnySchema, QtyOnHand: ZAnySchema, ReorderPoint: ZAnySchema, ItemCategoryType: ZAnySchema,
  AbatementRate: ZAnySchema, ReverseChargeRate: ZAnySchema, ServiceType: ZAnySchema, Source: ZAnySchema, UQCId: ZAnySchema,
  UQCDisplayText: ZAnySchema, SalesTaxInclusive: ZAnySchema, PurchaseTaxInclusive: ZAnySchema,
});
type TItemRequest = z.infer<typeof ZItemRequestSchema>;

const WRITABLE = ["Sku", "Description", "PurchaseDesc"] as const;

function ensureUniqueName(realm: RealmState, name: string, selfId?: string): void {
  const wanted = name.toLowerCase();
  for (const i of Object.values(realm.Item)) {
    if (i.id !== selfId && i.name.toLowerCase() === wanted) throw Faults.duplicateName("product or service");
  }
}

function resolveType(value: string | undefined): ItemRec["type"] {
  const type = value || "NonInventory";
  if (type === "Service" || type === "NonInventory") return type;
  if (type === "Inventory" || type === "Group" || type === "Category") {
    throw Faults.businessValidation(`Item type ${type} is not supported by this company (emulator supports Service and NonInventory).`, "Type");
  }
  throw Faults.unknownProperty(`Type specified is unsupported or invalid: ${type}`, "Type");
}

function resolveIncomeAccount(realm: RealmState, input: TItemRequest): string {
  const ref = input.IncomeAccountRef;
  if (!ref) throw Faults.requiredMissing("IncomeAccountRef");
  const account = realm.Account[ref.value];
  if (!account || !/^\d+$/.test(ref.value)) throw Faults.invalidReference("Account", ref.value, "IncomeAccountRef");
  if (!account.isActive) throw Faults.objectNotFound("IncomeAccountRef");
  return account.id;
}

export function createItem(ctx: ApiContext, body: Record<string, unknown>): Record<string, unknown> {
  const input = parseWith(ZItemRequestSchema, body, "Item");
  const name = input.Name?.trim();
  if (!name) throw Faults.requiredMissing("Name");
  if (name.length > 100) throw Faults.lengthExceeded("Name", 100, name.length);
  ensureUniqueName(ctx.realm, name);
  const type = resolveType(input.Type);
  const at = now();
  const rec: ItemRec = {
    id: ctx.store.allocateId(ctx.realm, "Item"), syncToken: 0, createdAt: at, updatedAt: at, name, type,
    isActive: input.Active ?? true, incomeAccountId: resolveIncomeAccount(ctx.realm, input),
    unitPrice: input.UnitPrice ?? 0, fields: pickFields(input, WRITABLE),
  };
  ctx.realm.Item[rec.id] = rec;
  ctx.store.recordChange(ctx.realm, "Item", rec, "Create", at);
  return serializeItem(ctx.realm, rec);
}

export function updateItem(ctx: ApiContext, body: Record<string, unknown>): Record<string, unknown> {
  const input = parseWith(ZItemRequestSchema, body, "Item");
  if (input.Id === undefined) throw Faults.requiredMissing("Id");
  const rec = findLive(ctx.realm.Item, input.Id);
  if (input.SyncToken === undefined) throw Faults.requiredMissing("SyncToken");
  if (input.SyncToken !== String(rec.syncToken)) throw Faults.stale();
  const isSparse = input.sparse === true;
  const name = input.Name?.trim() || rec.name;
  ensureUniqueName(ctx.realm, name, rec.id);
  rec.name = name;
  if (input.Type) rec.type = resolveType(input.Type);
  if (input.IncomeAccountRef !== undefined || !isSparse) rec.incomeAccountId = resolveIncomeAccount(ctx.realm, input);
  if (input.UnitPrice !== undefined || !isSparse) rec.unitPrice = input.UnitPrice ?? 0;
  const wasActive = rec.isActive;
  rec.isActive = input.Active ?? (isSparse ? rec.isActive : true);
  rec.fields = mergeFields(rec.fields, input, WRITABLE, isSparse);
  ctx.store.recordListUpdate(ctx.realm, "Item", rec, wasActive, rec.isActive);
  return serializeItem(ctx.realm, rec);
}

export function readItem(ctx: ApiContext, id: string): Record<string, unknown> {
  return serializeItem(ctx.realm, findLive(ctx.realm.Item, id));
}
