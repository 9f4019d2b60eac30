// Customer: create, read, sparse/full update (DisplayName unique → 6240, CurrencyRef fixed at creation).
import { z } from "zod";
import { now } from "../clock";
import { Faults } from "../faults";
import { isKnownCurrency } from "../store/currencies";
import { DEFAULT_SALES_TAX_CODE_ID } from "../store/seed-sales";
import type { CustomerRec, RealmState } from "../store/types";
import { type ApiContext, findLive, mergeFields, pickFields } from "./context";
import { READ_ONLY_COMMON, ZAnySchema, ZBoolSchema, ZDateSchema, ZLooseSchema, ZRefSchema, ZTextSchema } from "./field-schemas";
import { resolveTaxCodeId, resolveTermId } from "./sales-lists";
import { parseWith } from "./schema";
import { serializeCustomer } from "./serialize";

const ZCustomerRequestSchema = z.strictObject({
  ...READ_ONLY_COMMON,
  DisplayName: ZTextSchema, Title: ZTextSchema, GivenName: ZTextSchema, MiddleName: ZTextSchema, FamilyName: ZTextSchema, Suffix: ZTextSchema,
  FullyQualifiedName: ZTextSchema, CompanyName: ZTextSchema, PrintOnCheckName: ZTextSchema, Notes: ZTextSchema, ResaleNum: ZTextSchema,
  Active: ZBoolSchema.optional(), Job: ZBoolSchema.optional(), BillWithParent: ZBoolSchema.optional(), Taxable: ZBoolSchema.optional(),
  IsProject: ZBoolSchema.optional(),
  PrimaryPhone: ZLooseSchema, AlternatePhone: ZLooseSchema, Mobile: ZLooseSchema, Fax: ZLooseSchema, PrimaryEmailAddr: ZLooseSchema,
  WebAddr: ZLooseSchema, BillAddr: ZLooseSchema, ShipAddr: ZLooseSchema,
  ParentRef: ZRefSchema.optional(), SalesTermRef: ZRefSchema.optional(), PaymentMethodRef: ZRefSchema.optional(),
  DefaultTaxCodeRef: ZRefSchema.optional(), CurrencyRef: ZRefSchema.optional(), ARAccountRef: ZRefSchema.optional(),
  CustomerTypeRef: ZRefSchema.optional(), OpenBalanceDate: ZDateSchema, PreferredDeliveryMethod: ZTextSchema,
  Level: ZAnySchema, Balance: ZAnySchema, BalanceWithJobs: ZAnySchema, TaxExemptionReasonId: ZAnySchema, ClientEntityId: ZAnySchema,
  V4IDPseudonym: ZAnySchema, GSTIN: ZAnySchema, BusinessNumber: ZAnySchema, PrimaryTaxIdentifier: ZAnySchema,
  SecondaryTaxIdentifier: ZAnySchema, GSTRegistrationType: ZAnySchema, Source: ZAnySchema, ClientCompanyId: ZAnySchema,
});
type TCustomerRequest = z.infer<typeof ZCustomerRequestSchema>;

const WRITABLE = [
  "Title", "GivenName", "MiddleName", "FamilyName", "Suffix", "CompanyName", "PrintOnCheckName", "Notes", "ResaleNum",
  "PrimaryPhone", "AlternatePhone", "Mobile", "Fax", "PrimaryEmailAddr", "WebAddr", "BillAddr", "ShipAddr",
  "PaymentMethodRef", "PreferredDeliveryMethod",
] as const;

/**
 * Terms and sales tax (checked references, kept apart from the pass-through fields). Create: what is sent; a
 * taxable customer without DefaultTaxCodeRef gets the company's sales tax code. Update: sparse changes what is
 * sent; full clears what is omitted (Taxable false).
 */
function applySales(realm: RealmState, rec: CustomerRec, input: TCustomerRequest, isSparse: boolean): void {
  const termId = input.SalesTermRef !== undefined || !isSparse ? resolveTermId(realm, input.SalesTermRef) : rec.termId;
  const isTaxable = input.Taxable !== undefined || !isSparse ? (input.Taxable ?? false) : rec.isTaxable;
  const sentCode = input.DefaultTaxCodeRef !== undefined || !isSparse;
  const taxCodeId = (sentCode ? resolveTaxCodeId(realm, input.DefaultTaxCodeRef, "DefaultTaxCodeRef") : rec.taxCodeId) ?? (isTaxable ? DEFAULT_SALES_TAX_CODE_ID : undefined);
  delete rec.termId;
  delete rec.taxCodeId;
  rec.isTaxable = isTaxable ?? false;
  if (termId !== undefined) rec.termId = termId;
  if (taxCodeId !== undefined) rec.taxCodeId = taxCodeId;
}

const DELETED_SUFFIX = " (deleted)";

function buildDisplayName(input: TCustomerRequest): string | undefined {
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

function resolveCurrency(realm: RealmState, input: TCustomerRequest): string {
  const code = input.CurrencyRef?.value.toUpperCase() ?? realm.prefs.homeCurrency;
  if (!isKnownCurrency(code)) throw Faults.invalidReference("Currency", code, "CurrencyRef");
  if (code !== realm.prefs.homeCurrency && !realm.prefs.multiCurrencyEnabled) {
    throw Faults.businessValidation("Multicurrency is not enabled for this company; the customer must use the home currency.", "CurrencyRef");
  }
  return code;
}

export function createCustomer(ctx: ApiContext, body: Record<string, unknown>): Record<string, unknown> {
  const input = parseWith(ZCustomerRequestSchema, body, "Customer");
  const name = buildDisplayName(input);
  if (!name) throw Faults.requiredMissing("DisplayName");
  if (name.includes(":")) throw Faults.businessValidation("The name can't contain a colon (:).", "DisplayName");
  ensureUniqueName(ctx.realm, name);
  const at = now();
  const rec: CustomerRec = {
    id: ctx.store.allocateId(ctx.realm, "Customer"), syncToken: 0, createdAt: at, updatedAt: at,
    displayName: name, isActive: input.Active ?? true, currency: resolveCurrency(ctx.realm, input),
    fields: pickFields(input, WRITABLE),
  };
  applySales(ctx.realm, rec, input, false);
  ctx.realm.Customer[rec.id] = rec;
  ctx.store.recordChange(ctx.realm, "Customer", rec, "Create", at);
  return serializeCustomer(ctx.realm, rec);
}

export function updateCustomer(ctx: ApiContext, body: Record<string, unknown>): Record<string, unknown> {
  const input = parseWith(ZCustomerRequestSchema, body, "Customer");
  if (input.Id === undefined) throw Faults.requiredMissing("Id");
  const rec = findLive(ctx.realm.Customer, input.Id);
  if (input.SyncToken === undefined) throw Faults.requiredMissing("SyncToken");
  if (input.SyncToken !== String(rec.syncToken)) throw Faults.stale();
  const isSparse = input.sparse === true;
  if (input.CurrencyRef && input.CurrencyRef.value.toUpperCase() !== rec.currency) {
    throw Faults.businessValidation("You can't change the currency of an existing customer.", "CurrencyRef");
  }
  const isActive = input.Active ?? (isSparse ? rec.isActive : true);
  let name = buildDisplayName(input) ?? rec.displayName.replace(DELETED_SUFFIX, "");
  if (name.includes(":")) throw Faults.businessValidation("The name can't contain a colon (:).", "DisplayName");
  if (!isActive && !name.endsWith(DELETED_SUFFIX)) name = `${name}${DELETED_SUFFIX}`;
  if (isActive && name.endsWith(DELETED_SUFFIX)) name = name.slice(0, -DELETED_SUFFIX.length);
  ensureUniqueName(ctx.realm, name, rec.id);
  applySales(ctx.realm, rec, input, isSparse);
  const wasActive = rec.isActive;
  rec.displayName = name;
  rec.isActive = isActive;
  rec.fields = mergeFields(rec.fields, input, WRITABLE, isSparse);
  ctx.store.recordListUpdate(ctx.realm, "Customer", rec, wasActive, isActive);
  return serializeCustomer(ctx.realm, rec);
}

export function readCustomer(ctx: ApiContext, id: string): Record<string, unknown> {
  return serializeCustomer(ctx.realm, findLive(ctx.realm.Customer, id));
}
