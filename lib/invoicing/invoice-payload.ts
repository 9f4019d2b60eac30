import { z } from "zod";
import { centsToDecimalString } from "@/lib/money";
import { RESALE_SALES, type TInvoiceSales } from "./invoice-terms-tax";

/** An invoice as fixed at trigger time, stored on the sync row (QuickBooks ids and names only). */
export const ZInvoicePayloadSchema = z.object({
  source: z.enum(["XOMETRY", "IN_HOUSE"]),
  jobNumber: z.string(),
  customerId: z.string(),
  customerName: z.string(),
  txnDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  lines: z
    .array(
      z.object({
        itemId: z.string(),
        description: z.string().max(4000),
        quantity: z.number().int().positive(),
        unitPriceCents: z.number().int().nonnegative(),
      }),
    )
    .min(1),
});
export type TInvoicePayload = z.infer<typeof ZInvoicePayloadSchema>;

export function totalCentsOf(payload: TInvoicePayload): number {
  return payload.lines.reduce((sum, line) => sum + line.quantity * line.unitPriceCents, 0);
}

/** The marker we put on every invoice, to find it again after an ambiguous failure. */
export function buildInvoiceMarker(syncId: string): string {
  return `wc:${syncId}`;
}

/** QuickBooks requestid for a push: the same for automatic retries, new after a person's Retry (≤ 50 chars). */
export function buildRequestId(syncId: string, generation: number): string {
  return `wc-${syncId}-${generation}`;
}

const money = (cents: number) => Number(centsToDecimalString(cents));

/**
 * The QuickBooks Invoice body. DocNumber = the job number only when the company uses Custom
 * Transaction Numbers (otherwise QuickBooks numbers it). Amount = Qty × UnitPrice exactly (6070).
 * Terms and tax (`sales`, lib/invoicing/invoice-terms-tax.ts): every line's TaxCodeRef (US: TAX or
 * NON; without `sales`, NON: a sale for resale), SalesTermRef and the transaction's tax code when
 * known; QuickBooks computes DueDate and the tax, and TotalAmt includes the tax.
 * @link https://developer.intuit.com/app/developer/qbo/docs/api/accounting/all-entities/invoice
 */
export function buildQuickBooksInvoice(payload: TInvoicePayload, options: { syncId: string; customTxnNumbers: boolean; sales?: TInvoiceSales }) {
  const sales = options.sales ?? RESALE_SALES;
  return {
    CustomerRef: { value: payload.customerId },
    TxnDate: payload.txnDate,
    ...(options.customTxnNumbers ? { DocNumber: payload.jobNumber.slice(0, 21) } : {}),
    ...(sales.termId ? { SalesTermRef: { value: sales.termId } } : {}),
    ...(sales.taxCodeId && sales.lineTaxCode === "TAX" ? { TxnTaxDetail: { TxnTaxCodeRef: { value: sales.taxCodeId } } } : {}),
    PrivateNote: `Workcenter job ${payload.jobNumber} · ${buildInvoiceMarker(options.syncId)}`,
    Line: payload.lines.map((line) => ({
      DetailType: "SalesItemLineDetail",
      Amount: money(line.quantity * line.unitPriceCents),
      Description: line.description,
      SalesItemLineDetail: { ItemRef: { value: line.itemId }, Qty: line.quantity, UnitPrice: money(line.unitPriceCents), TaxCodeRef: { value: sales.lineTaxCode } },
    })),
  };
}
