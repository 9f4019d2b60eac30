// Deposits through node-quickbooks: a payout (linked payments + negative deduction lines), read, query, sparse update, delete.
import { describe, expect, it } from "vitest";
import { ACCOUNTS, buildAccountLine, buildDepositBody, buildLinkedLine, createUndepositedPayment } from "./deposit-helpers";
import { ACME, callQbo, getFaultBody, getFaultCode, mustQbo, rawApi, useTestEmulator } from "./helpers";

const ctx = useTestEmulator();

async function createPayout(note = "Xometry payout P-1001"): Promise<{ deposit: any; payments: any[] }> {
  const a = await createUndepositedPayment(ctx.qbo, "1", 1234.56);
  const b = await createUndepositedPayment(ctx.qbo, "1", 789.1);
  const deposit = await mustQbo(ctx.qbo, "createDeposit", buildDepositBody([
    buildLinkedLine(a),
    buildLinkedLine(b),
    buildAccountLine(ACCOUNTS.advanceCard, -412.37, "Advance Card repayment"),
    buildAccountLine(ACCOUNTS.loansPayable, -58.19, "Supplies BNPL, job J-1042"),
    buildAccountLine(ACCOUNTS.bankFees, -20.11, "FastPay fee"),
  ], { TxnDate: "2026-11-20", PrivateNote: note }));
  return { deposit, payments: [a, b] };
}

describe("deposits", () => {
  it("records a payout: two linked payments and negative deduction lines, total = net to the cent", async () => {
    const { deposit, payments } = await createPayout();
    expect(deposit.TotalAmt).toBe(1532.99);
    expect(deposit.DepositToAccountRef).toEqual({ value: ACCOUNTS.checking, name: "Business Checking" });
    expect(deposit).toMatchObject({ TxnDate: "2026-11-20", PrivateNote: "Xometry payout P-1001", SyncToken: "0", CurrencyRef: { value: "USD" } });
    expect(deposit.Line.slice(0, 2)).toEqual([
      { Amount: 1234.56, LinkedTxn: [{ TxnId: payments[0].Id, TxnType: "Payment", TxnLineId: "0" }] },
      { Amount: 789.1, LinkedTxn: [{ TxnId: payments[1].Id, TxnType: "Payment", TxnLineId: "0" }] },
    ]);
    expect(deposit.Line[2]).toEqual({
      Id: "1", LineNum: 1, Description: "Advance Card repayment", Amount: -412.37, DetailType: "DepositLineDetail",
      DepositLineDetail: { AccountRef: { value: ACCOUNTS.advanceCard, name: "Xometry Advance Card" } },
    });
    expect(deposit.Line.map((l: any) => l.Id)).toEqual([undefined, undefined, "1", "2", "3"]);
    expect(await mustQbo(ctx.qbo, "getDeposit", deposit.Id)).toEqual(deposit);
  });

  it("writes amounts with two decimals and no float drift", async () => {
    const a = await createUndepositedPayment(ctx.qbo, "1", 100.1);
    const b = await createUndepositedPayment(ctx.qbo, "1", 200.2);
    const t = ctx.emu.issueTokens(ACME);
    const body = JSON.stringify(buildDepositBody([buildLinkedLine(a), buildLinkedLine(b), buildAccountLine(ACCOUNTS.bankFees, -0.3)]));
    const res = await rawApi(ctx.emu, t.access_token, "POST", `/v3/company/${ACME}/deposit`, body);
    expect(res.status).toBe(200);
    expect(res.text).toContain('"TotalAmt":300.00');
    expect(res.text).toContain('"Amount":-0.30');
  });

  it("a deposited payment keeps Undeposited Funds and gains the Deposit LinkedTxn and a new SyncToken", async () => {
    const { deposit, payments } = await createPayout();
    const after = await mustQbo(ctx.qbo, "getPayment", payments[0].Id);
    expect(after.DepositToAccountRef).toEqual({ value: ACCOUNTS.undeposited, name: "Undeposited Funds" });
    expect(after.LinkedTxn).toEqual([{ TxnId: deposit.Id, TxnType: "Deposit" }]);
    expect(Number(after.SyncToken)).toBe(Number(payments[0].SyncToken) + 1);
  });

  it("refuses edits, void and delete of a deposited payment (6540) until the deposit is deleted", async () => {
    const { deposit, payments } = await createPayout();
    const p = await mustQbo(ctx.qbo, "getPayment", payments[0].Id);
    const edit = await callQbo(ctx.qbo, "updatePayment", { Id: p.Id, SyncToken: p.SyncToken, sparse: true, PrivateNote: "changed" });
    expect(edit.err.response.status).toBe(400);
    expect(getFaultBody(edit.err).Fault.Error[0]).toMatchObject({
      code: "6540",
      Message: "Deposited Transaction cannot be changed",
      Detail: "This transaction has been deposited. If you want to change or delete it, you must edit the deposit it appears on and remove it first",
    });
    expect(getFaultCode((await callQbo(ctx.qbo, "voidPayment", { Id: p.Id, SyncToken: p.SyncToken })).err)).toBe("6540");
    expect(getFaultCode((await callQbo(ctx.qbo, "deletePayment", { Id: p.Id, SyncToken: p.SyncToken })).err)).toBe("6540");
    const deleted = await mustQbo(ctx.qbo, "deleteDeposit", deposit.Id);
    expect(deleted.Deposit).toMatchObject({ status: "Deleted", domain: "QBO", Id: deposit.Id });
    expect(getFaultCode((await callQbo(ctx.qbo, "getDeposit", deposit.Id)).err)).toBe("610");
    const freed = await mustQbo(ctx.qbo, "getPayment", p.Id);
    expect(freed.LinkedTxn).toBeUndefined();
    expect(freed.DepositToAccountRef.name).toBe("Undeposited Funds");
    const edited = await mustQbo(ctx.qbo, "updatePayment", { Id: freed.Id, SyncToken: freed.SyncToken, sparse: true, PrivateNote: "changed" });
    expect(edited.PrivateNote).toBe("changed");
    const again = await mustQbo(ctx.qbo, "createDeposit", buildDepositBody([buildLinkedLine(edited)]));
    expect(again.TotalAmt).toBe(1234.56);
  });

  it("a sparse update changes the memo, and one with Line replaces the lines (freeing a removed payment)", async () => {
    const { deposit, payments } = await createPayout();
    const noAccount = await callQbo(ctx.qbo, "updateDeposit", { Id: deposit.Id, SyncToken: deposit.SyncToken, PrivateNote: "x" });
    expect(getFaultCode(noAccount.err)).toBe("2020");
    const memo = await mustQbo(ctx.qbo, "updateDeposit", {
      Id: deposit.Id, SyncToken: deposit.SyncToken, DepositToAccountRef: { value: ACCOUNTS.checking }, PrivateNote: "payout P-1001 (checked)",
    });
    expect(memo).toMatchObject({ SyncToken: "1", PrivateNote: "payout P-1001 (checked)", TotalAmt: 1532.99, TxnDate: "2026-11-20" });
    expect(memo.Line).toEqual(deposit.Line);
    const stale = await callQbo(ctx.qbo, "updateDeposit", { Id: deposit.Id, SyncToken: "0", DepositToAccountRef: { value: ACCOUNTS.checking } });
    expect(getFaultCode(stale.err)).toBe("5010");
    const lines = await mustQbo(ctx.qbo, "updateDeposit", {
      Id: deposit.Id, SyncToken: memo.SyncToken, DepositToAccountRef: { value: ACCOUNTS.checking },
      Line: [buildLinkedLine(payments[0]), buildAccountLine(ACCOUNTS.bankFees, -4.56)],
    });
    expect(lines.TotalAmt).toBe(1230);
    expect(lines.Line).toHaveLength(2);
    const removed = await mustQbo(ctx.qbo, "getPayment", payments[1].Id);
    expect(removed.LinkedTxn).toBeUndefined();
    expect((await mustQbo(ctx.qbo, "getPayment", payments[0].Id)).LinkedTxn).toEqual([{ TxnId: deposit.Id, TxnType: "Deposit" }]);
    await mustQbo(ctx.qbo, "updatePayment", { Id: removed.Id, SyncToken: removed.SyncToken, sparse: true, PrivateNote: "free again" });
  });

  it("a full update (sparse false) sent back as read works", async () => {
    const { deposit } = await createPayout();
    const full = await mustQbo(ctx.qbo, "updateDeposit", { ...deposit, sparse: false, PrivateNote: "full update" });
    expect(full).toMatchObject({ SyncToken: "1", TotalAmt: 1532.99, PrivateNote: "full update" });
    expect(full.Line).toEqual(deposit.Line);
  });

  it("queries deposits by date with paging and order, PrivateNote returned", async () => {
    await createPayout("first");
    const a = await createUndepositedPayment(ctx.qbo, "2", 50);
    await mustQbo(ctx.qbo, "createDeposit", buildDepositBody([buildLinkedLine(a)], { TxnDate: "2026-11-20", PrivateNote: "second" }));
    await mustQbo(ctx.qbo, "createDeposit", buildDepositBody([buildAccountLine(ACCOUNTS.income, 10)], { TxnDate: "2026-11-21", PrivateNote: "third" }));
    const byDate = await mustQbo(ctx.qbo, "findDeposits", { TxnDate: "2026-11-20" });
    expect(byDate.QueryResponse.Deposit.map((d: any) => d.PrivateNote)).toEqual(["first", "second"]);
    const paged = await mustQbo(ctx.qbo, "findDeposits", "where TxnDate >= '2026-11-20' orderby TotalAmt desc startposition 2 maxresults 1");
    expect(paged.QueryResponse).toMatchObject({ startPosition: 2, maxResults: 1 });
    expect(paged.QueryResponse.Deposit[0].PrivateNote).toBe("second");
    const toChecking = await mustQbo(ctx.qbo, "findDeposits", { DepositToAccountRef: ACCOUNTS.checking, count: true });
    expect(toChecking.QueryResponse.totalCount).toBe(3);
    const notes = await callQbo(ctx.qbo, "findDeposits", { PrivateNote: "first" });
    expect(getFaultCode(notes.err)).toBe("4001");
  });
});
