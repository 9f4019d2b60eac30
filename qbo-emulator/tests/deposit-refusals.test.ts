// What a Deposit refuses, each with its code: negative total, deposited / not-undeposited / mismatched payments, wrong accounts.
import { describe, expect, it } from "vitest";
import { ACCOUNTS, buildAccountLine, buildDepositBody, buildLinkedLine, createUndepositedPayment } from "./deposit-helpers";
import { type QboResult, admin, callQbo, getFaultBody, getFaultCode, mustQbo, useTestEmulator } from "./helpers";

const ctx = useTestEmulator();

function createDeposit(body: Record<string, unknown>): Promise<QboResult> {
  return callQbo(ctx.qbo, "createDeposit", body);
}

function expectFault(result: QboResult, code: string, detail?: RegExp, element?: string): void {
  expect(result.err?.response?.status).toBe(400);
  const error = getFaultBody(result.err).Fault.Error[0];
  expect(error.code).toBe(code);
  if (detail) expect(error.Detail).toMatch(detail);
  if (element !== undefined) expect(error.element).toBe(element);
}

async function countDeposits(): Promise<number> {
  const { items } = await admin(ctx.emu, "GET", `/realms/${ctx.qbo.realmId}/entities/Deposit`);
  return items.length;
}

describe("deposit refusals", () => {
  it("a negative total → 6000; a zero total is accepted", async () => {
    const p = await createUndepositedPayment(ctx.qbo, "1", 100);
    const negative = await createDeposit(buildDepositBody([buildLinkedLine(p), buildAccountLine(ACCOUNTS.advanceCard, -100.01)]));
    expectFault(negative, "6000", /A deposit can't be negative \(the lines add up to -0\.01\)/, "TotalAmt");
    expect(await countDeposits()).toBe(0);
    const zero = await mustQbo(ctx.qbo, "createDeposit", buildDepositBody([buildLinkedLine(p), buildAccountLine(ACCOUNTS.advanceCard, -100)]));
    expect(zero.TotalAmt).toBe(0);
  });

  it("a payment already deposited, or twice in one deposit → 6000", async () => {
    const p = await createUndepositedPayment(ctx.qbo, "1", 100);
    const twice = await createDeposit(buildDepositBody([buildLinkedLine(p), buildLinkedLine(p)]));
    expectFault(twice, "6000", new RegExp(`Payment ${p.Id} has already been deposited`), "Line.LinkedTxn.TxnId");
    const first = await mustQbo(ctx.qbo, "createDeposit", buildDepositBody([buildLinkedLine(p)]));
    const again = await createDeposit(buildDepositBody([buildLinkedLine(p)]));
    expectFault(again, "6000", new RegExp(`Payment ${p.Id} has already been deposited \\(Deposit ${first.Id}\\)`), "Line.LinkedTxn.TxnId");
  });

  it("a payment received straight into the bank (not Undeposited Funds) → 6000", async () => {
    const p = await createUndepositedPayment(ctx.qbo, "1", 100, { DepositToAccountRef: { value: ACCOUNTS.checking } });
    const res = await createDeposit(buildDepositBody([buildLinkedLine(p)]));
    expectFault(res, "6000", /only payments in Undeposited Funds can be deposited/, "Line.LinkedTxn.TxnId");
  });

  it("currency mismatches → 6000 (a CAD payment into a USD bank, a CurrencyRef other than the bank's)", async () => {
    const p = await createUndepositedPayment(ctx.qbo, "5", 500, { CurrencyRef: { value: "CAD" } });
    expect(p.CurrencyRef.value).toBe("CAD");
    const intoUsd = await createDeposit(buildDepositBody([buildLinkedLine(p)]));
    expectFault(intoUsd, "6000", /currency of payment .* \(CAD\) must match the deposit's currency \(USD\)/, "Line.LinkedTxn.TxnId");
    const wrongRef = await createDeposit(buildDepositBody([buildAccountLine(ACCOUNTS.income, 5)], { CurrencyRef: { value: "CAD" } }));
    expectFault(wrongRef, "6000", /deposit's currency \(CAD\) must match the currency of Business Checking \(USD\)/, "CurrencyRef");
    const cadBank = await mustQbo(ctx.qbo, "createAccount", { Name: "Chequing CAD", AccountType: "Bank", CurrencyRef: { value: "CAD" } });
    const intoCad = await mustQbo(ctx.qbo, "createDeposit", { ...buildDepositBody([buildLinkedLine(p)]), DepositToAccountRef: { value: cadBank.Id } });
    expect(intoCad).toMatchObject({ TotalAmt: 500, CurrencyRef: { value: "CAD" }, ExchangeRate: 0.72, HomeTotalAmt: 360 });
  });

  it("a deposit account that is not Bank or Other Current Asset → 6000; missing → 2020; unknown → 2500", async () => {
    const line = [buildAccountLine(ACCOUNTS.income, 10)];
    for (const account of [ACCOUNTS.advanceCard, ACCOUNTS.bankFees, ACCOUNTS.undeposited]) {
      const res = await createDeposit({ ...buildDepositBody(line), DepositToAccountRef: { value: account } });
      expectFault(res, "6000", /^Business Validation Error: Select a bank account for this deposit/, "DepositToAccountRef");
    }
    expectFault(await createDeposit({ Line: line }), "2020", /DepositToAccountRef/);
    expectFault(await createDeposit({ ...buildDepositBody(line), DepositToAccountRef: { value: "999" } }), "2500");
  });

  it("line rules: no lines → 2020; a DetailType on a linked line → 2020; amount ≠ payment → 6000; missing/voided payment", async () => {
    const p = await createUndepositedPayment(ctx.qbo, "1", 100);
    expectFault(await createDeposit(buildDepositBody([])), "2020", /Required parameter Line is missing/);
    const detailType = await createDeposit(buildDepositBody([{ ...buildLinkedLine(p), DetailType: "DepositLineDetail" }]));
    expectFault(detailType, "2020", /Required parameter Line\.DepositLineDetail\.AccountRef is missing in the request/);
    expectFault(await createDeposit(buildDepositBody([buildLinkedLine(p, 60)])), "6000", /must equal the payment amount \(100\.00\)/, "Line.Amount");
    expectFault(await createDeposit(buildDepositBody([buildLinkedLine({ Id: "999", TotalAmt: 5 })])), "610");
    const v = await createUndepositedPayment(ctx.qbo, "1", 20);
    await mustQbo(ctx.qbo, "voidPayment", { Id: v.Id, SyncToken: v.SyncToken });
    expectFault(await createDeposit(buildDepositBody([buildLinkedLine(v)])), "6000", /voided/);
    expect(await countDeposits()).toBe(0);
  });

  it("an unknown property → 2010; a deposit dated in closed books → 6210", async () => {
    expectFault(await createDeposit({ ...buildDepositBody([buildAccountLine(ACCOUNTS.income, 1)]), Widget: 1 }), "2010", /Unrecognized field "Widget"/);
    await admin(ctx.emu, "POST", `/realms/${ctx.qbo.realmId}/company-status`, { closingDate: "2026-01-31" });
    const closed = await createDeposit(buildDepositBody([buildAccountLine(ACCOUNTS.income, 1)], { TxnDate: "2026-01-15" }));
    expectFault(closed, "6210");
    expect(getFaultCode((await createDeposit(buildDepositBody([buildAccountLine(ACCOUNTS.income, 1)], { TxnDate: "2026-02-01" }))).err)).toBeUndefined();
  });
});
