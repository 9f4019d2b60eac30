// qbXML contract: DepositAdd with payment lines and fee lines (negative), its refusals, DepositQuery.
import { describe, expect, it } from "vitest";
import type { TOutObject } from "../src/qbxml/build";
import { addInvoice, newFile, rets, sendOne } from "./helpers";

type TDepositRet = { TxnID: string; DepositTotal: string; DepositToAccountRef: { FullName: string }; DepositLineRet?: { TxnType?: string; TxnID?: string; AccountRef: { FullName: string }; EntityRef?: { FullName: string }; Amount: string }[] };

function paidInvoice(file: ReturnType<typeof newFile>, ref: string, amount: string): string {
  const invoice = addInvoice(file, "Xometry", ref, amount);
  const rs = sendOne(file, { ReceivePaymentAddRq: { ReceivePaymentAdd: { CustomerRef: { FullName: "Xometry" }, TotalAmount: amount, AppliedToTxnAdd: { TxnID: invoice.TxnID, PaymentAmount: amount } } } });
  return (rets<{ TxnID: string }>(rs, "ReceivePaymentRet")[0] as { TxnID: string }).TxnID;
}

function deposit(file: ReturnType<typeof newFile>, lines: TOutObject[], to = "Business Checking") {
  return sendOne(file, { DepositAddRq: { DepositAdd: { TxnDate: "2026-11-29", DepositToAccountRef: { FullName: to }, Memo: "Xometry payout PO-77 wc:dep-1", DepositLineAdd: lines } } });
}

describe("DepositAdd", () => {
  it("deposits payments out of Undeposited Funds with a negative fee line; the total is the net", () => {
    const file = newFile();
    const p1 = paidInvoice(file, "J-1", "100.00");
    const p2 = paidInvoice(file, "J-2", "50.00");
    const rs = deposit(file, [{ PaymentTxnID: p1 }, { PaymentTxnID: p2 }, { EntityRef: { FullName: "Xometry" }, AccountRef: { FullName: "Xometry FastPay Fees" }, Memo: "FastPay fee", Amount: "-4.50" }]);
    expect(rs["@statusCode"]).toBe("0");
    const made = rets<TDepositRet>(rs, "DepositRet")[0] as TDepositRet;
    expect(made).toMatchObject({ DepositTotal: "145.50", DepositToAccountRef: { FullName: "Business Checking" } });
    expect(made.DepositLineRet?.map((l) => [l.TxnType ?? "", l.TxnID ?? "", l.AccountRef.FullName, l.Amount])).toEqual([
      ["ReceivePayment", p1, "Undeposited Funds", "100.00"],
      ["ReceivePayment", p2, "Undeposited Funds", "50.00"],
      ["", "", "Xometry FastPay Fees", "-4.50"],
    ]);
    const accounts = file.admin.accounts();
    expect(accounts.find((a) => a.Name === "Business Checking")?.BalanceCents).toBe(14550);
    expect(accounts.find((a) => a.Name === "Undeposited Funds")?.BalanceCents).toBe(0);
  });

  it("refuses a payment deposited already or unknown (3120), a bad account (3140), a negative total or a non-bank account (3210)", () => {
    const file = newFile();
    const p1 = paidInvoice(file, "J-1", "10.00");
    expect(deposit(file, [{ PaymentTxnID: p1 }])["@statusCode"]).toBe("0");
    expect(deposit(file, [{ PaymentTxnID: p1 }])["@statusCode"]).toBe("3120");
    expect(deposit(file, [{ PaymentTxnID: "FFFF-1" }])["@statusCode"]).toBe("3120");
    const p2 = paidInvoice(file, "J-2", "10.00");
    expect(deposit(file, [{ PaymentTxnID: p2 }, { AccountRef: { FullName: "No Such Account" }, Amount: "-1.00" }])["@statusCode"]).toBe("3140");
    expect(deposit(file, [{ PaymentTxnID: p2 }, { AccountRef: { FullName: "Merchant Fees" }, Amount: "-10.01" }])["@statusCode"]).toBe("3210");
    expect(deposit(file, [{ PaymentTxnID: p2 }], "Merchant Fees")["@statusCode"]).toBe("3210");
    expect(file.admin.deposits()).toHaveLength(1);
    expect(file.admin.payments().find((p) => p.TxnID === p2)?.depositTxnID).toBeUndefined();
  });
});

describe("DepositQuery", () => {
  it("finds a deposit by TxnID with lines only when IncludeLineItems, and by date", () => {
    const file = newFile();
    const p1 = paidInvoice(file, "J-1", "10.00");
    const made = rets<TDepositRet>(deposit(file, [{ PaymentTxnID: p1 }]), "DepositRet")[0] as TDepositRet;
    const bare = rets<TDepositRet>(sendOne(file, { DepositQueryRq: { TxnID: made.TxnID } }), "DepositRet")[0];
    expect(bare?.DepositLineRet).toBeUndefined();
    const full = rets<TDepositRet>(sendOne(file, { DepositQueryRq: { TxnID: made.TxnID, IncludeLineItems: true } }), "DepositRet")[0];
    expect(full?.DepositLineRet?.[0]?.TxnID).toBe(p1);
    expect(rets(sendOne(file, { DepositQueryRq: { TxnDateRangeFilter: { FromTxnDate: "2026-11-29", ToTxnDate: "2026-11-29" } } }), "DepositRet")).toHaveLength(1);
    expect(sendOne(file, { DepositQueryRq: { TxnDateRangeFilter: { FromTxnDate: "2026-12-02" } } })["@statusCode"]).toBe("1");
  });
});
