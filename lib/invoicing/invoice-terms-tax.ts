import type { QuickBooksApi } from "@/lib/quickbooks/api";
import type { TInvoice } from "@/lib/quickbooks/schemas";
import { amountToCents } from "@/lib/sync/push-outcome";
import type { TInvoicePayload } from "./invoice-payload";

/**
 * Terms and sales tax of an invoice as we send it. Xometry buys for resale: every line is
 * non-taxable, and QuickBooks applies the Xometry customer's own terms. In-house lines follow the
 * customer's tax setting in QuickBooks, and its terms are sent explicitly (so the due date never
 * depends on whether QuickBooks fills in a customer's terms on an API invoice).
 */
export type TInvoiceSales = {
  lineTaxCode: "TAX" | "NON";
  /** The customer's terms (SalesTermRef), when it has some; else QuickBooks applies the company's default. */
  termId?: string;
  /** The customer's sales tax code (TxnTaxDetail.TxnTaxCodeRef) for taxable lines, when it names one. */
  taxCodeId?: string;
};

export const RESALE_SALES: TInvoiceSales = { lineTaxCode: "NON" };

/**
 * In-house: read at push time from the linked customer in QuickBooks (one read, nothing stored but
 * what QuickBooks answers on the invoice), so a change made there before the invoice goes out applies.
 */
export async function resolveInvoiceSales(api: QuickBooksApi, payload: TInvoicePayload): Promise<TInvoiceSales> {
  if (payload.source === "XOMETRY") return RESALE_SALES;
  const customer = await api.getCustomer(payload.customerId);
  const isTaxable = customer.Taxable === true;
  return {
    lineTaxCode: isTaxable ? "TAX" : "NON",
    ...(customer.SalesTermRef?.value ? { termId: customer.SalesTermRef.value } : {}),
    ...(isTaxable && customer.DefaultTaxCodeRef?.value ? { taxCodeId: customer.DefaultTaxCodeRef.value } : {}),
  };
}

const TERM_NAMES_TTL_MS = 10 * 60_000;
const termNamesByRealm = new Map<string, { at: number; names: Map<string, string> }>();

/** Term Id → name for the company (a short list, read at most every ten minutes per company). */
export async function getTermNames(api: QuickBooksApi, realmId: string): Promise<Map<string, string>> {
  const cached = termNamesByRealm.get(realmId);
  if (cached && Date.now() - cached.at < TERM_NAMES_TTL_MS) return cached.names;
  const names = new Map((await api.listTerms()).map((term) => [term.Id, term.Name]));
  termNamesByRealm.set(realmId, { at: Date.now(), names });
  return names;
}

/** The names already read for the company (no request): pushes that need none of their own use these. */
export function peekTermNames(realmId: string): Map<string, string> {
  return termNamesByRealm.get(realmId)?.names ?? new Map();
}

/** What the invoice's sync row records of its terms and tax, from QuickBooks' answer. */
export type TInvoiceTermsTax = { qboDueDate: string | null; qboTermName: string | null; qboTaxCents: number };

type TInvoiceTermsFields = Pick<TInvoice, "DueDate" | "SalesTermRef" | "TxnTaxDetail">;

export function describeInvoiceTermsTax(invoice: TInvoiceTermsFields, termNames: Map<string, string>): TInvoiceTermsTax {
  const termId = invoice.SalesTermRef?.value;
  return {
    qboDueDate: invoice.DueDate ?? null,
    qboTermName: invoice.SalesTermRef?.name ?? (termId ? termNames.get(termId) ?? null : null),
    qboTaxCents: amountToCents(invoice.TxnTaxDetail?.TotalTax ?? 0),
  };
}

/** Reads the company's term names and describes the invoice (the inbound path and pushes that did not prepare them). */
export async function readInvoiceTermsTax(api: QuickBooksApi, realmId: string, invoice: TInvoiceTermsFields): Promise<TInvoiceTermsTax> {
  return describeInvoiceTermsTax(invoice, invoice.SalesTermRef?.value && !invoice.SalesTermRef.name ? await getTermNames(api, realmId) : new Map());
}
