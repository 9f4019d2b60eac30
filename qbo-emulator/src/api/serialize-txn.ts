// Invoice and Payment → Intuit JSON.
import { formatDateTime } from "../clock";
import { money } from "../json";
import {
  findDepositOfPayment,
  getInvoiceBalanceCents,
  getInvoiceTotalCents,
  getPaymentsForInvoice,
  getUnappliedCents,
  toHomeCents,
} from "../store/ledger";
import type { InvoiceLineRec, InvoiceRec, PaymentRec, RealmState } from "../store/types";
import { buildBase, buildCurrencyRef, buildRef } from "./serialize";

function serializeInvoiceLine(realm: RealmState, l: InvoiceLineRec, index: number, isVoided: boolean): Record<string, unknown> {
  const base = { Id: l.id, LineNum: index + 1, Description: l.description };
  if (l.kind === "DescriptionOnly") {
    return { ...base, Amount: isVoided ? money(0) : undefined, DetailType: "DescriptionOnly", DescriptionLineDetail: {} };
  }
  return {
    ...base,
    Amount: money(isVoided ? 0 : l.amountCents),
    DetailType: "SalesItemLineDetail",
    SalesItemLineDetail: {
      ItemRef: buildRef(realm, "Item", l.itemId ?? "1"),
      UnitPrice: isVoided ? 0 : l.unitPrice,
      Qty: isVoided ? 0 : l.qty,
      ServiceDate: l.serviceDate,
      ItemAccountRef: buildRef(realm, "Account", realm.Item[l.itemId ?? "1"]?.incomeAccountId ?? "4"),
      TaxCodeRef: { value: "NON" },
    },
  };
}

export function serializeInvoice(realm: RealmState, inv: InvoiceRec): Record<string, unknown> {
  const total = getInvoiceTotalCents(inv);
  const balance = getInvoiceBalanceCents(realm, inv);
  const isForeign = realm.prefs.multiCurrencyEnabled;
  const customer = realm.Customer[inv.customerId];
  const lines = inv.lines.map((l, i) => serializeInvoiceLine(realm, l, i, inv.isVoided));
  lines.push({ Amount: money(total), DetailType: "SubTotalLineDetail", SubTotalLineDetail: {} });
  return {
    AllowIPNPayment: false,
    AllowOnlinePayment: false,
    AllowOnlineCreditCardPayment: false,
    AllowOnlineACHPayment: false,
    ...buildBase(inv),
    CustomField: [],
    DocNumber: inv.docNumber ?? undefined,
    TxnDate: inv.txnDate,
    CurrencyRef: buildCurrencyRef(inv.currency),
    ExchangeRate: isForeign ? inv.exchangeRate : undefined,
    LinkedTxn: getPaymentsForInvoice(realm, inv.id).map((p) => ({ TxnId: p.id, TxnType: "Payment" })),
    Line: lines,
    TxnTaxDetail: { TotalTax: 0 },
    CustomerRef: buildRef(realm, "Customer", inv.customerId),
    BillAddr: customer?.fields.BillAddr,
    ...inv.fields,
    DueDate: inv.dueDate,
    TotalAmt: money(total),
    HomeTotalAmt: isForeign ? money(toHomeCents(total, inv.exchangeRate)) : undefined,
    ApplyTaxAfterDiscount: false,
    PrintStatus: inv.printStatus,
    EmailStatus: inv.emailStatus,
    DeliveryInfo: inv.deliveryTime ? { DeliveryType: "Email", DeliveryTime: formatDateTime(inv.deliveryTime) } : undefined,
    Balance: money(balance),
    HomeBalance: isForeign ? money(toHomeCents(balance, inv.exchangeRate)) : undefined,
    PrivateNote: inv.isVoided ? "Voided" : inv.fields.PrivateNote,
  };
}

function buildNameValue(name: string, value: string): Record<string, unknown> {
  return {
    name: "{http://schema.intuit.com/finance/v3}NameValue",
    declaredType: "com.intuit.schema.finance.v3.NameValue",
    scope: "javax.xml.bind.JAXBElement$GlobalScope",
    value: { Name: name, Value: value },
    nil: false,
    globalScope: true,
    typeSubstituted: false,
  };
}

export function serializePayment(realm: RealmState, p: PaymentRec): Record<string, unknown> {
  const isForeign = realm.prefs.multiCurrencyEnabled;
  const deposit = findDepositOfPayment(realm, p.id);
  const lines = p.lines.map((l) => {
    const inv = realm.Invoice[l.invoiceId];
    const open = inv ? getInvoiceBalanceCents(realm, inv) : 0;
    return {
      Amount: money(l.amountCents),
      LinkedTxn: [{ TxnId: l.invoiceId, TxnType: "Invoice" }],
      LineEx: {
        any: [
          buildNameValue("txnId", l.invoiceId),
          buildNameValue("txnOpenBalance", (open / 100).toFixed(2)),
          buildNameValue("txnReferenceNumber", inv?.docNumber ?? ""),
        ],
      },
    };
  });
  return {
    CustomerRef: buildRef(realm, "Customer", p.customerId),
    DepositToAccountRef: buildRef(realm, "Account", p.depositAccountId),
    TotalAmt: money(p.isVoided ? 0 : p.totalCents),
    UnappliedAmt: money(p.isVoided ? 0 : getUnappliedCents(p)),
    ProcessPayment: false,
    ...buildBase(p),
    TxnDate: p.txnDate,
    CurrencyRef: buildCurrencyRef(p.currency),
    ExchangeRate: isForeign ? p.exchangeRate : undefined,
    LinkedTxn: deposit ? [{ TxnId: deposit.id, TxnType: "Deposit" }] : undefined,
    Line: lines,
    ...p.fields,
    PrivateNote: p.isVoided ? "Voided" : p.fields.PrivateNote,
  };
}
