// Invoice request schema (everything Intuit's Invoice class accepts, read-only fields included) and line parsing.
import { z } from "zod";
import { isValidDate } from "../clock";
import { Faults } from "../faults";
import { toCents } from "../json";
import type { InvoiceLineRec, RealmState } from "../store/types";
import { READ_ONLY_COMMON, ZBool, ZDecimal, ZIdText, ZRef } from "./schema";

const ZText = z.string().optional();
const ZAny = z.unknown().optional();
const ZLoose = z.looseObject({}).optional();

const ZSalesItemLineDetail = z.strictObject({
  ItemRef: ZRef.optional(), ClassRef: ZRef.optional(), UnitPrice: ZDecimal.optional(), Qty: ZDecimal.optional(),
  ItemAccountRef: ZRef.optional(), TaxCodeRef: ZRef.optional(), ServiceDate: ZText, DiscountRate: ZAny,
  DiscountAmt: ZAny, TaxInclusiveAmt: ZAny, MarkupInfo: ZAny, PriceLevelRef: ZAny, TaxClassificationRef: ZAny,
});

export const ZInvoiceLine = z.strictObject({
  Id: ZIdText.optional(), LineNum: ZAny, Description: ZText, Amount: ZDecimal.optional(), DetailType: ZText,
  SalesItemLineDetail: ZSalesItemLineDetail.optional(), SubTotalLineDetail: ZAny, DescriptionLineDetail: ZAny,
  DiscountLineDetail: ZAny, GroupLineDetail: ZAny, LinkedTxn: ZAny, CustomField: ZAny, LineEx: ZAny, ProjectRef: ZAny,
});
type TInvoiceLine = z.infer<typeof ZInvoiceLine>;

export const ZInvoiceInput = z.strictObject({
  ...READ_ONLY_COMMON,
  Line: z.array(ZInvoiceLine).optional(),
  CustomerRef: ZRef.optional(),
  TxnDate: ZText, DueDate: ZText, ShipDate: ZText, TrackingNum: ZText, PrivateNote: ZText,
  DocNumber: z.union([z.string(), z.number()]).transform(String).optional(),
  CustomerMemo: ZLoose, BillEmail: ZLoose, BillEmailCc: ZLoose, BillEmailBcc: ZLoose,
  BillAddr: ZLoose, ShipAddr: ZLoose, ShipFromAddr: ZLoose,
  CurrencyRef: ZRef.optional(), ExchangeRate: ZDecimal.optional(),
  SalesTermRef: ZRef.optional(), ClassRef: ZRef.optional(), DepartmentRef: ZRef.optional(), ShipMethodRef: ZRef.optional(),
  ProjectRef: ZRef.optional(), DepositToAccountRef: ZRef.optional(), TaxExemptionRef: ZRef.optional(), RecurDataRef: ZRef.optional(),
  EmailStatus: z.enum(["NotSet", "NeedToSend", "EmailSent"]).optional(),
  PrintStatus: z.enum(["NotSet", "NeedToPrint", "PrintComplete"]).optional(),
  AllowIPNPayment: ZBool.optional(), AllowOnlinePayment: ZBool.optional(), AllowOnlineCreditCardPayment: ZBool.optional(),
  AllowOnlineACHPayment: ZBool.optional(), ApplyTaxAfterDiscount: ZBool.optional(), AutoDocNumber: ZBool.optional(),
  TxnTaxDetail: ZAny, LinkedTxn: ZAny, Deposit: ZAny, CustomField: ZAny, TotalAmt: ZAny, Balance: ZAny,
  HomeTotalAmt: ZAny, HomeBalance: ZAny, GlobalTaxCalculation: ZAny, TxnSource: ZAny, DeliveryInfo: ZAny,
  InvoiceLink: ZAny, FreeFormAddress: ZAny, TransactionLocationType: ZAny, HomeAmtTotal: ZAny,
});
export type TInvoiceInput = z.infer<typeof ZInvoiceInput>;

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
  if (!item.active) throw Faults.objectNotFound("Line.SalesItemLineDetail.ItemRef");
  return id;
}

function buildSalesLine(realm: RealmState, l: TInvoiceLine, id: string): InvoiceLineRec {
  if (l.Amount === undefined) throw Faults.requiredMissing("Amount", "Line.Amount");
  const amountCents = toCents(l.Amount);
  const d = l.SalesItemLineDetail ?? {};
  let qty = d.Qty;
  let unitPrice = d.UnitPrice;
  if (qty !== undefined && unitPrice !== undefined) {
    if (toCents(qty * unitPrice) !== amountCents) throw Faults.amountMismatch(formatSuppliedAmount(amountCents));
  } else if (qty !== undefined && qty !== 0) {
    unitPrice = Math.round((amountCents / 100 / qty) * 1e7) / 1e7;
  } else if (unitPrice !== undefined && unitPrice !== 0) {
    qty = Math.round((amountCents / 100 / unitPrice) * 1e7) / 1e7;
  }
  if (d.ServiceDate !== undefined && !isValidDate(d.ServiceDate)) {
    throw Faults.unknownProperty(`ServiceDate specified is unsupported or invalid: ${d.ServiceDate}`, "Line.SalesItemLineDetail.ServiceDate");
  }
  return {
    id, kind: "SalesItem", amountCents, description: l.Description, itemId: resolveItem(realm, d.ItemRef),
    qty, unitPrice, serviceDate: d.ServiceDate,
  };
}

/** Request lines → stored lines. SubTotal lines are recomputed by the server, so they are dropped. */
export function buildInvoiceLines(realm: RealmState, lines: TInvoiceLine[] | undefined): InvoiceLineRec[] {
  if (!lines || lines.length === 0) throw Faults.requiredMissing("Line");
  const out: InvoiceLineRec[] = [];
  for (const l of lines) {
    if (!l.DetailType) throw Faults.requiredMissing("DetailType", "Line.DetailType");
    const id = String(out.length + 1);
    if (l.DetailType === "SubTotalLineDetail") continue;
    if (l.DetailType === "DescriptionOnly") {
      out.push({ id, kind: "DescriptionOnly", amountCents: 0, description: l.Description });
    } else if (l.DetailType === "SalesItemLineDetail") {
      out.push(buildSalesLine(realm, l, id));
    } else {
      throw Faults.businessValidation(`Line DetailType ${l.DetailType} is not supported by the emulator.`, "Line.DetailType");
    }
  }
  if (!out.some((l) => l.kind === "SalesItem")) throw Faults.requiredMissing("Line");
  if (out.length > 750) throw Faults.businessValidation("A transaction can have at most 750 lines.", "Line");
  return out;
}

export function ensureDate(value: string | undefined, element: string): string | undefined {
  if (value === undefined) return undefined;
  if (!isValidDate(value)) throw Faults.unknownProperty(`${element} specified is unsupported or invalid: ${value}`, element);
  return value;
}
