// qbXML contract: ReceivePaymentAdd applied to several invoices, balances, over-paying and unknown invoices; the query.
import { describe, expect, it } from "vitest";
import { addInvoice, newFile, rets, sendOne } from "./helpers";

type TPaymentRet = { TxnID: string; TotalAmount: string; UnusedPayment: string; DepositToAccountRef: { FullName: string }; AppliedToTxnRet: { TxnID: string; Amount: string; BalanceRemaining: string; TxnType: string }[] };
type TInvoiceRet = { TxnID: string; BalanceRemaining: string; IsPaid: string; AppliedAmount: string; LinkedTxn?: { TxnID: string; TxnType: string; Amount: string }[] };

function pay(file: ReturnType<typeof newFile>, customer: string, total: string | undefined, applied: { TxnID: string; PaymentAmount?: string }[]) {
  return sendOne(file, { ReceivePaymentAddRq: { "@_requestID": "p", ReceivePaymentAdd: { CustomerRef: { FullName: customer }, TxnDate: "2026-11-28", RefNumber: "PO-77", TotalAmount: total, Memo: "Xometry payout wc:pay-1", AppliedToTxnAdd: applied } } });
}

const invoice = (file: ReturnType<typeof newFile>, txnId: string) => rets<TInvoiceRet>(sendOne(file, { InvoiceQueryRq: { TxnID: txnId, IncludeLinkedTxns: true } }), "InvoiceRet")[0] as TInvoiceRet;

describe("ReceivePaymentAdd", () => {
  it("applies one payment to several invoices and updates their balances, IsPaid and links", () => {
    const file = newFile();
    const a = addInvoice(file, "Xometry", "J-1", "100.00");
    const b = addInvoice(file, "Xometry", "J-2", "250.00");
    const rs = pay(file, "Xometry", "300.00", [{ TxnID: a.TxnID, PaymentAmount: "100.00" }, { TxnID: b.TxnID, PaymentAmount: "200.00" }]);
    expect(rs).toMatchObject({ "@statusCode": "0", "@requestID": "p" });
    const payment = rets<TPaymentRet>(rs, "ReceivePaymentRet")[0] as TPaymentRet;
    expect(payment).toMatchObject({ TotalAmount: "300.00", UnusedPayment: "0.00", DepositToAccountRef: { FullName: "Undeposited Funds" } });
    expect(payment.AppliedToTxnRet.map((x) => [x.TxnID, x.TxnType, x.Amount, x.BalanceRemaining])).toEqual([
      [a.TxnID, "Invoice", "100.00", "0.00"],
      [b.TxnID, "Invoice", "200.00", "50.00"],
    ]);
    expect(invoice(file, a.TxnID)).toMatchObject({ BalanceRemaining: "0.00", IsPaid: "true", AppliedAmount: "-100.00" });
    expect(invoice(file, b.TxnID)).toMatchObject({ BalanceRemaining: "50.00", IsPaid: "false" });
    expect(invoice(file, b.TxnID).LinkedTxn?.[0]).toMatchObject({ TxnID: payment.TxnID, TxnType: "ReceivePayment", Amount: "-200.00" });
    expect(file.admin.customers().find((c) => c.Name === "Xometry")?.BalanceCents).toBe(5000);
    expect(file.admin.accounts().find((x) => x.Name === "Undeposited Funds")?.BalanceCents).toBe(30000);
  });

  it("keeps what is not applied as UnusedPayment, and takes TotalAmount from the applied amounts when absent", () => {
    const file = newFile();
    const a = addInvoice(file, "Xometry", "J-1", "100.00");
    const over = rets<TPaymentRet>(pay(file, "Xometry", "120.00", [{ TxnID: a.TxnID, PaymentAmount: "100.00" }]), "ReceivePaymentRet")[0];
    expect(over?.UnusedPayment).toBe("20.00");
    const b = addInvoice(file, "Xometry", "J-2", "40.00");
    const implied = rets<TPaymentRet>(pay(file, "Xometry", undefined, [{ TxnID: b.TxnID, PaymentAmount: "15.00" }]), "ReceivePaymentRet")[0];
    expect(implied?.TotalAmount).toBe("15.00");
  });

  it("refuses paying more than an invoice's balance (3210) and applies nothing", () => {
    const file = newFile();
    const a = addInvoice(file, "Xometry", "J-1", "100.00");
    const rs = pay(file, "Xometry", "100.01", [{ TxnID: a.TxnID, PaymentAmount: "100.01" }]);
    expect(rs["@statusCode"]).toBe("3210");
    expect(rs["@statusMessage"]).toContain("You cannot pay more than the amount due.");
    expect(invoice(file, a.TxnID).BalanceRemaining).toBe("100.00");
    expect(file.admin.payments()).toHaveLength(0);
  });

  it("refuses applied amounts over TotalAmount (3210)", () => {
    const file = newFile();
    const a = addInvoice(file, "Xometry", "J-1", "100.00");
    expect(pay(file, "Xometry", "50.00", [{ TxnID: a.TxnID, PaymentAmount: "60.00" }])["@statusCode"]).toBe("3210");
  });

  it("cannot find an unknown, another customer's or an already paid invoice (3120)", () => {
    const file = newFile();
    const mine = addInvoice(file, "Xometry", "J-1", "10.00");
    const theirs = addInvoice(file, "Great Lakes Aerospace", "G-1", "10.00");
    expect(pay(file, "Xometry", "10.00", [{ TxnID: "FFFF-1", PaymentAmount: "10.00" }])).toMatchObject({ "@statusCode": "3120", "@statusMessage": 'Object "FFFF-1" specified in the request cannot be found.' });
    expect(pay(file, "Xometry", "10.00", [{ TxnID: theirs.TxnID, PaymentAmount: "10.00" }])["@statusCode"]).toBe("3120");
    expect(pay(file, "Xometry", "10.00", [{ TxnID: mine.TxnID, PaymentAmount: "10.00" }])["@statusCode"]).toBe("0");
    expect(pay(file, "Xometry", "10.00", [{ TxnID: mine.TxnID, PaymentAmount: "10.00" }])["@statusCode"]).toBe("3120");
    expect(pay(file, "Nobody", "10.00", [])["@statusCode"]).toBe("3140");
  });

  it("IsAutoApply pays the oldest open invoices first", () => {
    const file = newFile();
    const a = addInvoice(file, "Xometry", "J-1", "30.00");
    const b = addInvoice(file, "Xometry", "J-2", "30.00");
    sendOne(file, { ReceivePaymentAddRq: { ReceivePaymentAdd: { CustomerRef: { FullName: "Xometry" }, TotalAmount: "45.00", IsAutoApply: true } } });
    expect(invoice(file, a.TxnID).BalanceRemaining).toBe("0.00");
    expect(invoice(file, b.TxnID).BalanceRemaining).toBe("15.00");
  });
});

describe("ReceivePaymentQuery", () => {
  it("finds payments by TxnID, RefNumber and EntityFilter", () => {
    const file = newFile();
    const a = addInvoice(file, "Xometry", "J-1", "10.00");
    const paid = rets<TPaymentRet>(pay(file, "Xometry", "10.00", [{ TxnID: a.TxnID }]), "ReceivePaymentRet")[0] as TPaymentRet;
    expect(paid.AppliedToTxnRet[0]?.Amount).toBe("10.00");
    expect(rets<TPaymentRet>(sendOne(file, { ReceivePaymentQueryRq: { TxnID: paid.TxnID } }), "ReceivePaymentRet")[0]?.TotalAmount).toBe("10.00");
    expect(rets(sendOne(file, { ReceivePaymentQueryRq: { RefNumber: "PO-77" } }), "ReceivePaymentRet")).toHaveLength(1);
    expect(rets(sendOne(file, { ReceivePaymentQueryRq: { EntityFilter: { FullName: "Xometry" } } }), "ReceivePaymentRet")).toHaveLength(1);
    expect(sendOne(file, { ReceivePaymentQueryRq: { EntityFilter: { FullName: "Great Lakes Aerospace" } } })["@statusCode"]).toBe("1");
  });
});
