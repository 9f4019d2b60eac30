// Invoice, CreditMemo and Payment → Intuit JSON.
import { formatDateTime } from "../clock";
import { money } from "../json";
import {
  findDepositOfPayment,
  getInvoiceBalanceCents,
  getInvoiceTotalCents,
  getPaymentsForInvoice,
  getRemainingCreditCents,
  getSubtotalCents,
  getUnappliedCents,
  toHomeCents,
} from "../store/ledger";
import type { CreditMemoRec, InvoiceLineRec, InvoiceRec, PaymentRec, RealmState, SalesFormRec } from "../store/types";
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
      TaxCodeRef: { value: l.taxCode ?? "NON" },
    },
  };
}

/** US sales tax: the transaction's tax code, its total and one TaxLine per rate (TotalTax 0 when nothing is taxable or voided). */
function buildTxnTaxDetail(realm: RealmState, form: SalesFormRec): Record<string, unknown> {
  const tax = form.tax;
  if (!tax || form.isVoided) return { TotalTax: 0 };
  return {
    TxnTaxCodeRef: { value: tax.taxCodeId },
    TotalTax: money(tax.totalCents),
    TaxLine: tax.lines.map((l) => ({
      Amount: money(l.cents),
      DetailType: "TaxLineDetail",
      TaxLineDetail: {
        TaxRateRef: { value: l.taxRateId },
        PercentBased: true,
        TaxPercent: (realm.TaxRate[l.taxRateId]?.ratePpm ?? 0) / 10_000,
        NetAmountTaxable: money(l.netTaxableCents),
      },
    })),
  };
}

/** Invoice and CreditMemo share Intuit's sales-form shape; an invoice has DueDate/Balance, a credit memo RemainingCredit. */
function serializeSalesForm(realm: RealmState, form: SalesFormRec, kind: "Invoice" | "CreditMemo"): Record<string, unknown> {
  const isInvoice = kind === "Invoice";
  const total = getInvoiceTotalCents(form);
  const open = isInvoice ? getInvoiceBalanceCents(realm, form) : getRemainingCreditCents(realm, form);
  const isForeign = realm.prefs.multiCurrencyEnabled;
  const lines = form.lines.map((l, i) => serializeInvoiceLine(realm, l, i, form.isVoided));
  lines.push({ Amount: money(form.isVoided ? 0 : getSubtotalCents(form)), DetailType: "SubTotalLineDetail", SubTotalLineDetail: {} });
  const linked = getPaymentsForInvoice(realm, form.id, kind).map((p) => ({ TxnId: p.id, TxnType: "Payment" }));
  const online = { AllowIPNPayment: false, AllowOnlinePayment: false, AllowOnlineCreditCardPayment: false, AllowOnlineACHPayment: false };
  return {
    ...(isInvoice ? online : {}),
    ...buildBase(form),
    CustomField: [],
    DocNumber: form.docNumber ?? undefined,
    TxnDate: form.txnDate,
    CurrencyRef: buildCurrencyRef(form.currency),
    ExchangeRate: isForeign ? form.exchangeRate : undefined,
    LinkedTxn: isInvoice || linked.length > 0 ? linked : undefined,
    Line: lines,
    TxnTaxDetail: buildTxnTaxDetail(realm, form),
    CustomerRef: buildRef(realm, "Customer", form.customerId),
    BillAddr: realm.Customer[form.customerId]?.fields.BillAddr,
    ...form.fields,
    DueDate: isInvoice ? (form as InvoiceRec).dueDate : undefined,
    TotalAmt: money(total),
    HomeTotalAmt: isForeign ? money(toHomeCents(total, form.exchangeRate)) : undefined,
    ApplyTaxAfterDiscount: false,
    PrintStatus: form.printStatus,
    EmailStatus: form.emailStatus,
    DeliveryInfo: form.deliveryTime ? { DeliveryType: "Email", DeliveryTime: formatDateTime(form.deliveryTime) } : undefined,
    Balance: money(open),
    HomeBalance: isInvoice && isForeign ? money(toHomeCents(open, form.exchangeRate)) : undefined,
    RemainingCredit: isInvoice ? undefined : money(open),
    PrivateNote: form.fields.PrivateNote,
  };
}

export function serializeInvoice(realm: RealmState, inv: InvoiceRec): Record<string, unknown> {
  return serializeSalesForm(realm, inv, "Invoice");
}

/** The shape of Intuit's CreditMemo samples: Balance and RemainingCredit (what is left to apply), no DueDate. */
export function serializeCreditMemo(realm: RealmState, cm: CreditMemoRec): Record<string, unknown> {
  return serializeSalesForm(realm, cm, "CreditMemo");
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
    const isCredit = l.txnType === "CreditMemo";
    const form = isCredit ? realm.CreditMemo[l.txnId] : realm.Invoice[l.txnId];
    const open = !form ? 0 : isCredit ? getRemainingCreditCents(realm, form) : getInvoiceBalanceCents(realm, form);
    return {
      Amount: money(l.amountCents),
      LinkedTxn: [{ TxnId: l.txnId, TxnType: l.txnType }],
      LineEx: {
        any: [
          buildNameValue("txnId", l.txnId),
          buildNameValue("txnOpenBalance", (open / 100).toFixed(2)),
          buildNameValue("txnReferenceNumber", form?.docNumber ?? ""),
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
    PrivateNote: p.fields.PrivateNote,
  };
}
