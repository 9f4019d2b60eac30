// Term, TaxCode and TaxRate: seeded lists, read and queried (US sales tax). Writes are not emulated.
import { Faults } from "../faults";
import type { RealmState, TaxCodeRec, TaxRateRec, TermRec } from "../store/types";
import { type ApiContext, findLive } from "./context";
import { buildBase } from "./serialize";

export function serializeTerm(t: TermRec): Record<string, unknown> {
  return { Name: t.name, Active: t.isActive, Type: "STANDARD", DueDays: t.dueDays, DiscountPercent: 0, DiscountDays: 0, ...buildBase(t) };
}

/** The pseudo codes TAX and NON mark lines; a numeric code lists the rates a transaction applies. */
export function serializeTaxCode(realm: RealmState, c: TaxCodeRec): Record<string, unknown> {
  const rates = c.taxRateIds.map((id, order) => ({
    TaxRateRef: { value: id, name: realm.TaxRate[id]?.name }, TaxTypeApplicable: "TaxOnAmount", TaxOrder: order,
  }));
  return {
    Name: c.name, Description: c.description, Active: c.isActive, Hidden: false, Taxable: c.isTaxable, TaxGroup: c.taxRateIds.length > 0,
    SalesTaxRateList: { TaxRateDetail: rates }, PurchaseTaxRateList: { TaxRateDetail: [] }, ...buildBase(c),
  };
}

export function serializeTaxRate(r: TaxRateRec): Record<string, unknown> {
  return {
    Name: r.name, Description: r.name, Active: r.isActive, RateValue: r.ratePpm / 10_000, AgencyRef: { value: "1", name: r.agencyName },
    SpecialTaxType: "NONE", DisplayType: "ReadOnly", ...buildBase(r),
  };
}

export function readTerm(ctx: ApiContext, id: string): Record<string, unknown> {
  return serializeTerm(findLive(ctx.realm.Term, id));
}

/** TaxCode Ids are numeric, or TAX / NON. */
export function readTaxCode(ctx: ApiContext, id: string): Record<string, unknown> {
  const code = id === "TAX" || id === "NON" ? ctx.realm.TaxCode[id] : findLive(ctx.realm.TaxCode, id);
  if (!code) throw Faults.objectNotFound();
  return serializeTaxCode(ctx.realm, code);
}

export function readTaxRate(ctx: ApiContext, id: string): Record<string, unknown> {
  return serializeTaxRate(findLive(ctx.realm.TaxRate, id));
}

/** A Term named by a request (SalesTermRef): must exist and be active, else 2500. */
export function resolveTermId(realm: RealmState, ref: { value: string } | undefined, element = "SalesTermRef"): string | undefined {
  if (!ref) return undefined;
  const term = Object.prototype.hasOwnProperty.call(realm.Term, ref.value) ? realm.Term[ref.value] : undefined;
  if (!term || !term.isActive) throw Faults.invalidReference("Term", ref.value, element);
  return term.id;
}

/** A transaction's (or customer's default) sales tax code: a code with rates, else 2500. */
export function resolveTaxCodeId(realm: RealmState, ref: { value: string } | undefined, element: string): string | undefined {
  if (!ref) return undefined;
  const code = Object.prototype.hasOwnProperty.call(realm.TaxCode, ref.value) ? realm.TaxCode[ref.value] : undefined;
  if (!code || !code.isActive || code.taxRateIds.length === 0) throw Faults.invalidReference("TaxCode", ref.value, element);
  return code.id;
}
