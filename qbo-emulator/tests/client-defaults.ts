// What a client that models every field with a zero default sends back after a read: "" for text and dates, 0 for
// numbers, empty lists — the shapes of a widely used Python QuickBooks client (read JSON merged over its defaults).
type Json = Record<string, any>;

const ADDRESS = { Line1: "", Line2: "", Line3: "", Line4: "", Line5: "", City: "", CountrySubDivisionCode: "", Country: "", PostalCode: "", Lat: "", Long: "", Note: "" };

function withAddresses(entity: Json): Json {
  const out = { ...entity };
  for (const key of ["BillAddr", "ShipAddr"]) if (out[key]) out[key] = { ...ADDRESS, ...out[key] };
  return out;
}

function withLineDefaults(line: Json): Json {
  const out: Json = { LineNum: 0, Amount: 0, LinkedTxn: [], CustomField: [], ...line };
  if (line.SalesItemLineDetail) out.SalesItemLineDetail = { UnitPrice: 0, Qty: 0, ServiceDate: "", ...line.SalesItemLineDetail };
  return out;
}

export function withInvoiceDefaults(inv: Json): Json {
  return withAddresses({
    Deposit: 0, Balance: 0, AllowIPNPayment: true, DocNumber: "", PrivateNote: "", TxnDate: "", DueDate: "", ShipDate: "",
    TrackingNum: "", TotalAmt: "", ApplyTaxAfterDiscount: false, PrintStatus: "NotSet", EmailStatus: "NotSet", ExchangeRate: 1,
    GlobalTaxCalculation: "TaxExcluded", CustomField: [], LinkedTxn: [],
    ...inv,
    Line: (inv.Line as Json[]).map(withLineDefaults),
  });
}

export function withCustomerDefaults(customer: Json): Json {
  return withAddresses({
    Title: "", GivenName: "", MiddleName: "", FamilyName: "", Suffix: "", FullyQualifiedName: "", CompanyName: "", DisplayName: "",
    PrintOnCheckName: "", Notes: "", Active: true, Job: false, BillWithParent: false, Taxable: true, Balance: 0, BalanceWithJobs: 0,
    PreferredDeliveryMethod: "", ResaleNum: "", Level: 0, OpenBalanceDate: "",
    ...customer,
  });
}

export function withItemDefaults(item: Json): Json {
  return {
    Name: "", Description: "", Active: true, SubItem: false, FullyQualifiedName: "", Taxable: false, UnitPrice: 0, Type: "",
    TrackQtyOnHand: false,
    ...item,
  };
}

export function withPaymentDefaults(payment: Json): Json {
  return {
    PaymentRefNum: 0, TotalAmt: 0, UnappliedAmt: 0, TxnDate: "",
    ...payment,
    Line: (payment.Line as Json[]).map((l) => ({
      Amount: 0, ...l, LinkedTxn: (l.LinkedTxn as Json[]).map((t) => ({ TxnId: 0, TxnType: 0, TxnLineId: 0, ...t })),
    })),
  };
}
