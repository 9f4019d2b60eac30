// Sales tax and terms arithmetic: exact integer cents, half-up rounding (away from zero), as QuickBooks rounds money.
import { addDays } from "../clock";
import type { InvoiceLineRec, RealmState, SalesTaxRec } from "./types";

const PPM = 1_000_000n;

/** `cents × ppm / 1e6`, rounded half-up to a cent (BigInt: exact for any amount QuickBooks can hold). */
export function applyRatePpm(cents: number, ratePpm: number): number {
  const product = BigInt(Math.abs(cents)) * BigInt(ratePpm);
  const rounded = Number((product + PPM / 2n) / PPM);
  return cents < 0 ? -rounded : rounded;
}

/**
 * The tax of a sales form: each rate of the transaction's tax code on the Σ of its TAX lines, each rounded to a
 * cent; undefined when no line is taxable (TxnTaxDetail then reads TotalTax 0).
 */
export function computeSalesTax(realm: RealmState, lines: InvoiceLineRec[], taxCodeId: string): SalesTaxRec | undefined {
  const taxable = lines.filter((l) => l.kind === "SalesItem" && l.taxCode === "TAX");
  if (taxable.length === 0) return undefined;
  const netTaxableCents = taxable.reduce((sum, l) => sum + l.amountCents, 0);
  const rateIds = realm.TaxCode[taxCodeId]?.taxRateIds ?? [];
  const taxLines = rateIds.map((taxRateId) => ({ taxRateId, cents: applyRatePpm(netTaxableCents, realm.TaxRate[taxRateId]?.ratePpm ?? 0), netTaxableCents }));
  return { taxCodeId, totalCents: taxLines.reduce((sum, l) => sum + l.cents, 0), lines: taxLines };
}

/** A term's due days, or the company's default terms when the term is unknown or none is given. */
export function getTermDueDays(realm: RealmState, termId: string | undefined): number {
  const term = termId === undefined ? undefined : realm.Term[termId];
  return term ? term.dueDays : realm.prefs.defaultTermsDays;
}

export function computeDueDate(realm: RealmState, txnDate: string, termId: string | undefined): string {
  return addDays(txnDate, getTermDueDays(realm, termId));
}
