// Invoice request schema (everything Intuit's Invoice class accepts, read-only fields included) and line parsing.
import { z } from "zod";
import { Faults } from "../faults";
import { toCents } from "../json";
import type { InvoiceLineRec, RealmState } from "../store/types";
import {
  READ_ONLY_COMMON, ZAnySchema, ZBoolSchema, ZDateSchema, ZDecimalSchema, ZIdTextSchema, ZLooseSchema, ZRefSchema, ZTextSchema,
  buildEnumSchema,
} from "./field-schemas";

const ZSalesItemLineDetailSchema = z.strictObject({
  ItemRef: ZRefSchema.optional(), ClassRef: ZRefSchema.optional(), UnitPrice: ZDecimalSchema.optional(), Qty: ZDecimalSchema.optional(),
  ItemAccountRef: ZRefSchema.optional(), TaxCodeRef: ZRefSchema.optional(), ServiceDate: ZDateSchema, DiscountRate: ZAnySchema,
  DiscountAmt: ZAnySchema, TaxInclusiveAmt: ZAnySchema, MarkupInfo: ZAnySchema, PriceLevelRef: ZAnySchema, TaxClassificationRef: ZAnySchema,
});

export const ZInvoiceLineSchema = z.strictObject({
  Id: ZIdTextSchema.optional(), LineNum: ZAnySchema, Description: ZTextSchema, Amount: ZDecimalSchema.optional(), DetailType: ZTextSchema,
  SalesItemLineDetail: ZSalesItemLineDetailSchema.optional(), SubTotalLineDetail: ZAnySchema, DescriptionLineDetail: ZAnySchema,
  DiscountLineDetail: ZAnySchema, GroupLineDetail: ZAnySchema, LinkedTxn: ZAnySchema, CustomField: ZAnySchema, LineEx: ZAnySchema, ProjectRef: ZAnySchema,
});
type TInvoiceLine = z.infer<typeof ZInvoiceLineSchema>;

export const ZInvoiceRequestSchema = z.strictObject({
  ...READ_ONLY_COMMON,
  Line: z.array(ZInvoiceLineSchema).optional(),
  CustomerRef: ZRefSchema.optional(),
  TxnDate: ZDateSchema, DueDate: ZDateSchema, ShipDate: ZDateSchema, TrackingNum: ZTextSchema, PrivateNote: ZTextSchema,
  DocNumber: z.union([z.string(), z.number()]).transform(String).optional(),
  CustomerMemo: ZLooseSchema, BillEmail: ZLooseSchema, BillEmailCc: ZLooseSchema, BillEmailBcc: ZLooseSchema,
  BillAddr: ZLooseSchema, ShipAddr: ZLooseSchema, ShipFromAddr: ZLooseSchema,
  CurrencyRef: ZRefSchema.optional(), ExchangeRate: ZDecimalSchema.optional(),
  SalesTermRef: ZRefSchema.optional(), ClassRef: ZRefSchema.optional(), DepartmentRef: ZRefSchema.optional(), ShipMethodRef: ZRefSchema.optional(),
  ProjectRef: ZRefSchema.optional(), DepositToAccountRef: ZRefSchema.optional(), TaxExemptionRef: ZRefSchema.optional(), RecurDataRef: ZRefSchema.optional(),
  EmailStatus: buildEnumSchema(["NotSet", "NeedToSend", "EmailSent"]),
  PrintStatus: buildEnumSchema(["NotSet", "NeedToPrint", "PrintComplete"]),
  AllowIPNPayment: ZBoolSchema.optional(), AllowOnlinePayment: ZBoolSchema.optional(), AllowOnlineCreditCardPayment: ZBoolSchema.optional(),
  AllowOnlineACHPayment: ZBoolSchema.optional(), ApplyTaxAfterDiscount: ZBoolSchema.optional(), AutoDocNumber: ZBoolSchema.optional(),
  TxnTaxDetail: ZAnySchema, LinkedTxn: ZAnySchema, Deposit: ZAnySchema, CustomField: ZAnySchema, TotalAmt: ZAnySchema, Balance: ZAnySchema,
  HomeTotalAmt: ZAnySchema, HomeBalance: ZAnySchema, GlobalTaxCalculation: ZAnySchema, TxnSource: ZAnySchema, DeliveryInfo: ZAnySchema,
  InvoiceLink: ZAnySchema, FreeFormAddress: ZAnySchema, TransactionLocationType: ZAnySchema, HomeAmtTotal: ZAnySchema,
  EInvoiceStatus: ZAnySchema,
});
export type TInvoiceRequest = z.infer<typeof ZInvoiceRequestSchema>;

/** Writable fields stored as sent. */
export const INVOICE_WRITABLE = [
  "CustomerMemo", "BillEmail", "BillEmailCc", "BillEmailBcc", "BillAddr", "ShipAddr", "ShipFromAddr", "ShipDate",
  "TrackingNum", "PrivateNote", "SalesTermRef", "ClassRef", "DepartmentRef", "ShipMethodRef",
] as const;

function formatSuppliedAmount(cents: number): string {
  return (cents / 100).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

function resolveItem(realm: RealmState, ref: { value: string } | undefined): string {
  const id = ref?.value ?? "1";
  const item = /^\d+$/.test(id) ? realm.Item[id] : undefined;
  if (!item) throw Faults.invalidReference("Item", id, "Line.SalesItemLineDetail.ItemRef");
  if (!item.isActive) throw Faults.objectNotFound("Line.SalesItemLineDetail.ItemRef");
  return id;
}

/** A line's TaxCodeRef (US: TAX or NON, else 2500); not sent → the line it updates keeps its code, a new one is NON. */
function resolveLineTaxCode(ref: { value: string } | undefined, previous: InvoiceLineRec | undefined): "TAX" | "NON" {
  if (!ref) return previous?.taxCode ?? "NON";
  if (ref.value !== "TAX" && ref.value !== "NON") throw Faults.invalidReference("TaxCode", ref.value, "Line.SalesItemLineDetail.TaxCodeRef");
  return ref.value;
}

function buildSalesLine(realm: RealmState, l: TInvoiceLine, id: string, previous: InvoiceLineRec | undefined): InvoiceLineRec {
  if (l.Amount === undefined) throw Faults.requiredMissing("Amount", "Line.Amount");
  const amountCents = toCents(l.Amount);
  const d = l.SalesItemLineDetail ?? {};
  // A client's zero default (Qty 0 / UnitPrice 0 on a line with an Amount) means "not set": the Amount wins.
  const isSet = (v: number | undefined): v is number => v !== undefined && (v !== 0 || amountCents === 0);
  let qty = isSet(d.Qty) ? d.Qty : undefined;
  let unitPrice = isSet(d.UnitPrice) ? d.UnitPrice : undefined;
  if (qty !== undefined && unitPrice !== undefined) {
    if (toCents(qty * unitPrice) !== amountCents) throw Faults.amountMismatch(formatSuppliedAmount(amountCents));
  } else if (qty !== undefined && qty !== 0) {
    unitPrice = Math.round((amountCents / 100 / qty) * 1e7) / 1e7;
  } else if (unitPrice !== undefined && unitPrice !== 0) {
    qty = Math.round((amountCents / 100 / unitPrice) * 1e7) / 1e7;
  }
  return {
    id, kind: "SalesItem", amountCents, description: l.Description, itemId: resolveItem(realm, d.ItemRef),
    qty, unitPrice, serviceDate: d.ServiceDate, taxCode: resolveLineTaxCode(d.TaxCodeRef, previous),
  };
}

/** Request lines → stored lines. SubTotal lines are recomputed by the server, so they are dropped. `previous`: the lines an update replaces. */
export function buildInvoiceLines(realm: RealmState, lines: TInvoiceLine[] | undefined, previous: InvoiceLineRec[] = []): InvoiceLineRec[] {
  if (!lines || lines.length === 0) throw Faults.requiredMissing("Line");
  const out: InvoiceLineRec[] = [];
  for (const l of lines) {
    if (!l.DetailType) throw Faults.requiredMissing("DetailType", "Line.DetailType");
    const id = String(out.length + 1);
    if (l.DetailType === "SubTotalLineDetail") continue;
    if (l.DetailType === "DescriptionOnly") {
      out.push({ id, kind: "DescriptionOnly", amountCents: 0, description: l.Description });
    } else if (l.DetailType === "SalesItemLineDetail") {
      out.push(buildSalesLine(realm, l, id, previous.find((p) => l.Id !== undefined && p.id === l.Id)));
    } else {
      throw Faults.businessValidation(`Line DetailType ${l.DetailType} is not supported by the emulator.`, "Line.DetailType");
    }
  }
  if (!out.some((l) => l.kind === "SalesItem")) throw Faults.requiredMissing("Line");
  if (out.length > 750) throw Faults.businessValidation("A transaction can have at most 750 lines.", "Line");
  return out;
}
