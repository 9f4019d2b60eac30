import { z } from "zod";
import { qbAmountToCents } from "../qbxml/amounts";

/** What we rely on in an InvoiceRet (qbXML 13.0). */
export const ZInvoiceRetSchema = z.object({
  TxnID: z.string().min(1),
  TxnDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  RefNumber: z.string().optional(),
  CustomerRef: z.object({ ListID: z.string().optional(), FullName: z.string().optional() }),
  Subtotal: z.string().optional(),
  SalesTaxTotal: z.string().optional(),
  BalanceRemaining: z.string().optional(),
  Memo: z.string().optional(),
});
export type TInvoiceRet = z.infer<typeof ZInvoiceRetSchema>;

/** The invoice's total in cents: Subtotal plus any sales tax. */
export function invoiceTotalCents(invoice: TInvoiceRet): number {
  return qbAmountToCents(invoice.Subtotal ?? "0") + qbAmountToCents(invoice.SalesTaxTotal ?? "0");
}
