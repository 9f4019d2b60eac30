// Customer: create, read, sparse/full update (DisplayName unique → 6240, CurrencyRef fixed at creation).
import { z } from "zod";
import { now } from "../clock";
import { Faults } from "../faults";
import { isKnownCurrency } from "../store/currencies";
import type { CustomerRec, RealmState } from "../store/types";
import { type ApiContext, findLive, mergeFields, pickFields } from "./context";
import { READ_ONLY_COMMON, ZBool, ZRef, parseWith } from "./schema";
import { serializeCustomer } from "./serialize";

const ZText = z.string().optional();
const ZLoose = z.looseObject({}).optional();

const ZCustomerInput = z.strictObject({
  ...READ_ONLY_COMMON,
  DisplayName: ZText, Title: ZText, GivenName: ZText, MiddleName: ZText, FamilyName: ZText, Suffix: ZText,
  FullyQualifiedName: ZText, CompanyName: ZText, PrintOnCheckName: ZText, Notes: ZText, ResaleNum: ZText,
  Active: ZBool.optional(), Job: ZBool.optional(), BillWithParent: ZBool.optional(), Taxable: ZBool.optional(),
  IsProject: ZBool.optional(),
  PrimaryPhone: ZLoose, AlternatePhone: ZLoose, Mobile: ZLoose, Fax: ZLoose, PrimaryEmailAddr: ZLoose,
  WebAddr: ZLoose, BillAddr: ZLoose, ShipAddr: ZLoose,
  ParentRef: ZRef.optional(), SalesTermRef: ZRef.optional(), PaymentMethodRef: ZRef.optional(),
  DefaultTaxCodeRef: ZRef.optional(), CurrencyRef: ZRef.optional(),
  Level: z.unknown().optional(), Balance: z.unknown().optional(), BalanceWithJobs: z.unknown().optional(),
  OpenBalanceDate: z.unknown().optional(), PreferredDeliveryMethod: ZText, TaxExemptionReasonId: z.unknown().optional(),
  ClientEntityId: z.unknown().optional(), V4IDPseudonym: z.unknown().optional(), GSTIN: z.unknown().optional(),
  BusinessNumber: z.unknown().optional(), PrimaryTaxIdentifier: z.unknown().optional(),
});
type TCustomerInput = z.infer<typeof ZCustomerInput>;

const WRITABLE = [
  "Title", "GivenName", "MiddleName", "FamilyName", "Suffix", "CompanyName", "PrintOnCheckName", "Notes", "ResaleNum",
  "PrimaryPhone", "AlternatePhone", "Mobile", "Fax", "PrimaryEmailAddr", "WebAddr", "BillAddr", "ShipAddr",
  "SalesTermRef", "PaymentMethodRef", "PreferredDeliveryMethod",
] as const;

const DELETED_SUFFIX = " (deleted)";

function buildDisplayName(input: TCustomerInput): string | undefined {
  if (input.DisplayName !== undefined && input.DisplayName.trim() !== "") return input.DisplayName.trim();
  const parts = [input.Title, input.GivenName, input.MiddleName, input.FamilyName, input.Suffix].filter((p) => p && p.trim());
  return parts.length > 0 ? parts.join(" ").trim() : undefined;
}

function ensureUniqueName(realm: RealmState, name: string, selfId?: string): void {
  const wanted = name.toLowerCase();
  for (const c of Object.values(realm.Customer)) {
    if (c.id !== selfId && c.displayName.toLowerCase() === wanted) throw Faults.duplicateName("customer, vendor or employee");
  }
}

function resolveCurrency(realm: RealmState, input: TCustomerInput): string {
  const code = input.CurrencyRef?.value.toUpperCase() ?? realm.prefs.homeCurrency;
  if (!isKnownCurrency(code)) throw Faults.invalidReference("Currency", code, "CurrencyRef");
  if (code !== realm.prefs.homeCurrency && !realm.prefs.multiCurrencyEnabled) {
    throw Faults.businessValidation("Multicurrency is not enabled for this company; the customer must use the home currency.", "CurrencyRef");
  }
  return code;
}

export function createCustomer(ctx: ApiContext, body: Record<string, unknown>): Record<string, unknown> {
  const input = parseWith(ZCustomerInput, body, "Customer");
  const name = buildDisplayName(input);
  if (!name) throw Faults.requiredMissing("DisplayName");
  if (name.includes(":")) throw Faults.businessValidation("The name can't contain a colon (:).", "DisplayName");
  ensureUniqueName(ctx.realm, name);
  const at = now();
  const rec: CustomerRec = {
    id: ctx.store.allocateId(ctx.realm, "Customer"), syncToken: 0, createdAt: at, updatedAt: at,
    displayName: name, active: input.Active ?? true, currency: resolveCurrency(ctx.realm, input),
    fields: pickFields(body, WRITABLE),
  };
  ctx.realm.Customer[rec.id] = rec;
  ctx.store.recordChange(ctx.realm, "Customer", rec, "Create", at);
  return serializeCustomer(ctx.realm, rec);
}

export function updateCustomer(ctx: ApiContext, body: Record<string, unknown>): Record<string, unknown> {
  const input = parseWith(ZCustomerInput, body, "Customer");
  if (input.Id === undefined) throw Faults.requiredMissing("Id");
  const rec = findLive(ctx.realm.Customer, input.Id);
  if (input.SyncToken === undefined) throw Faults.requiredMissing("SyncToken");
  if (input.SyncToken !== String(rec.syncToken)) throw Faults.stale();
  const isSparse = input.sparse === true;
  if (input.CurrencyRef && input.CurrencyRef.value.toUpperCase() !== rec.currency) {
    throw Faults.businessValidation("You can't change the currency of an existing customer.", "CurrencyRef");
  }
  const active = input.Active ?? (isSparse ? rec.active : true);
  let name = buildDisplayName(input) ?? rec.displayName.replace(DELETED_SUFFIX, "");
  if (name.includes(":")) throw Faults.businessValidation("The name can't contain a colon (:).", "DisplayName");
  if (!active && !name.endsWith(DELETED_SUFFIX)) name = `${name}${DELETED_SUFFIX}`;
  if (active && name.endsWith(DELETED_SUFFIX)) name = name.slice(0, -DELETED_SUFFIX.length);
  ensureUniqueName(ctx.realm, name, rec.id);
  rec.displayName = name;
  rec.active = active;
  rec.fields = mergeFields(rec.fields, body, WRITABLE, isSparse);
  ctx.store.recordChange(ctx.realm, "Customer", rec, "Update");
  return serializeCustomer(ctx.realm, rec);
}

export function readCustomer(ctx: ApiContext, id: string): Record<string, unknown> {
  return serializeCustomer(ctx.realm, findLive(ctx.realm.Customer, id));
}
