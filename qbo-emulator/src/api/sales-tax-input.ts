// A sales form's tax when it is saved: its TAX lines at its tax code's rates (TxnTaxDetail.TxnTaxCodeRef as sent,
// else the one it had for the same customer, else the customer's DefaultTaxCodeRef, else the company's).
import { z } from "zod";
import { computeSalesTax } from "../store/sales-tax";
import { DEFAULT_SALES_TAX_CODE_ID } from "../store/seed-sales";
import type { InvoiceLineRec, RealmState, SalesFormRec, SalesTaxRec } from "../store/types";
import { ZRefSchema } from "./field-schemas";
import { resolveTaxCodeId } from "./sales-lists";

const ZTxnTaxDetailSchema = z.looseObject({ TxnTaxCodeRef: ZRefSchema });

export function resolveSalesTax(
  realm: RealmState,
  txnTaxDetail: unknown,
  customerId: string,
  lines: InvoiceLineRec[],
  previous?: SalesFormRec,
): SalesTaxRec | undefined {
  const parsed = ZTxnTaxDetailSchema.safeParse(txnTaxDetail);
  const sent = resolveTaxCodeId(realm, parsed.success ? parsed.data.TxnTaxCodeRef : undefined, "TxnTaxDetail.TxnTaxCodeRef");
  const kept = previous?.customerId === customerId ? previous.tax?.taxCodeId : undefined;
  const codeId = sent ?? kept ?? realm.Customer[customerId]?.taxCodeId ?? DEFAULT_SALES_TAX_CODE_ID;
  return computeSalesTax(realm, lines, codeId);
}
