// Accounts through node-quickbooks: the seeded chart (deduction accounts included), queries by type, create and its refusals.
import { describe, expect, it } from "vitest";
import { ACCOUNTS } from "./deposit-helpers";
import { BIRCH, callQbo, connectQbo, getFaultBody, getFaultCode, mustQbo, useTestEmulator } from "./helpers";

const ctx = useTestEmulator();

function names(res: any): string[] {
  return (res.QueryResponse.Account ?? []).map((a: { Name: string }) => a.Name);
}

describe("accounts", () => {
  it("seeds a checking account, a credit card, a liability and Bank Charges & Fees after the older accounts", async () => {
    const card = await mustQbo(ctx.qbo, "getAccount", ACCOUNTS.advanceCard);
    expect(card).toMatchObject({
      Name: "Xometry Advance Card", AccountType: "Credit Card", AccountSubType: "CreditCard", Classification: "Liability",
      Active: true, CurrencyRef: { value: "USD", name: "United States Dollar" },
    });
    expect(await mustQbo(ctx.qbo, "getAccount", ACCOUNTS.loansPayable)).toMatchObject({ Name: "Loans Payable", AccountType: "Other Current Liability", AccountSubType: "LoanPayable" });
    expect(await mustQbo(ctx.qbo, "getAccount", ACCOUNTS.bankFees)).toMatchObject({ Name: "Bank Charges & Fees", AccountType: "Expense", AccountSubType: "BankCharges" });
    expect((await mustQbo(ctx.qbo, "getAccount", "8")).Name).toBe("Shipping Income");
    const birch = await connectQbo(ctx.emu, BIRCH);
    const birchIds = (await mustQbo(birch, "findAccounts", "where Id IN ('5', '6', '7')")).QueryResponse.Account.map((a: any) => `${a.Id} ${a.Name}`);
    expect(birchIds).toEqual(["5 Xometry Advance Card", "6 Loans Payable", "7 Bank Charges & Fees"]);
  });

  it("queries by type, IN, Active and Name LIKE", async () => {
    expect(names(await mustQbo(ctx.qbo, "findAccounts", { AccountType: "Bank" }))).toEqual(["Business Checking"]);
    expect(names(await mustQbo(ctx.qbo, "findAccounts", "where AccountType = 'Credit Card'"))).toEqual(["Xometry Advance Card"]);
    const liabilities = await mustQbo(ctx.qbo, "findAccounts", { AccountType: ["Credit Card", "Other Current Liability"], Active: true });
    expect(names(liabilities)).toEqual(["Xometry Advance Card", "Loans Payable"]);
    const deposits = await mustQbo(ctx.qbo, "findAccounts", "where AccountType IN ('Bank', 'Other Current Asset') orderby Name");
    expect(names(deposits)).toEqual(["Business Checking", "Undeposited Funds"]);
    expect(names(await mustQbo(ctx.qbo, "findAccounts", [{ field: "Name", value: "%Fees%", operator: "LIKE" }]))).toEqual(["Bank Charges & Fees"]);
    expect(names(await mustQbo(ctx.qbo, "findAccounts", { AccountSubType: "UndepositedFunds" }))).toEqual(["Undeposited Funds"]);
  });

  it("creates an account with the default sub-type, home currency and classification, visible to queries", async () => {
    const created = await mustQbo(ctx.qbo, "createAccount", { Name: "Supplies BNPL Payable", AccountType: "Other Current Liability" });
    expect(created).toMatchObject({
      Id: "12", SyncToken: "0", Name: "Supplies BNPL Payable", FullyQualifiedName: "Supplies BNPL Payable", AccountType: "Other Current Liability",
      AccountSubType: "OtherCurrentLiabilities", Classification: "Liability", Active: true, SubAccount: false, CurrentBalance: 0,
      CurrencyRef: { value: "USD", name: "United States Dollar" },
    });
    expect(await mustQbo(ctx.qbo, "getAccount", created.Id)).toEqual(created);
    const bySubType = await mustQbo(ctx.qbo, "createAccount", { Name: "FastPay Fees", AccountSubType: "BankCharges", Description: "Xometry FastPay" });
    expect(bySubType).toMatchObject({ AccountType: "Expense", Classification: "Expense", Description: "Xometry FastPay" });
    const found = await mustQbo(ctx.qbo, "findAccounts", { AccountType: "Other Current Liability" });
    expect(names(found)).toEqual(["Loans Payable", "Supplies BNPL Payable"]);
  });

  it("refuses a duplicate name (6240, case-insensitive), a missing name or type (2020), an invalid type (2010)", async () => {
    const dup = await callQbo(ctx.qbo, "createAccount", { Name: "bank charges & fees", AccountType: "Expense" });
    expect(dup.err.response.status).toBe(400);
    expect(getFaultBody(dup.err).Fault.Error[0]).toMatchObject({
      code: "6240", Message: "Duplicate Name Exists Error",
      Detail: "The name supplied already exists. : Another account is already using this name. Please use a different name.",
    });
    expect(getFaultCode((await callQbo(ctx.qbo, "createAccount", { AccountType: "Expense" })).err)).toBe("2020");
    expect(getFaultCode((await callQbo(ctx.qbo, "createAccount", { Name: "No Type" })).err)).toBe("2020");
    expect(getFaultCode((await callQbo(ctx.qbo, "createAccount", { Name: "Bad Type", AccountType: "Creditcard" })).err)).toBe("2010");
  });

  it("refuses a sub-type of another type, a colon in the name, and a foreign currency where it can't be (6000)", async () => {
    const wrongSub = await callQbo(ctx.qbo, "createAccount", { Name: "Odd", AccountType: "Bank", AccountSubType: "CreditCard" });
    expect(getFaultCode(wrongSub.err)).toBe("6000");
    expect(getFaultCode((await callQbo(ctx.qbo, "createAccount", { Name: "A:B", AccountType: "Expense" })).err)).toBe("6000");
    const cadExpense = await callQbo(ctx.qbo, "createAccount", { Name: "CAD Fees", AccountType: "Expense", CurrencyRef: { value: "CAD" } });
    expect(getFaultCode(cadExpense.err)).toBe("6000");
    const cadCard = await mustQbo(ctx.qbo, "createAccount", { Name: "CAD Card", AccountType: "Credit Card", CurrencyRef: { value: "CAD" } });
    expect(cadCard.CurrencyRef).toEqual({ value: "CAD", name: "Canadian Dollar" });
    const birch = await connectQbo(ctx.emu, BIRCH);
    const noMulti = await callQbo(birch, "createAccount", { Name: "CAD Bank", AccountType: "Bank", CurrencyRef: { value: "CAD" } });
    expect(getFaultCode(noMulti.err)).toBe("6000");
  });

  it("updating an account is not emulated (400, code 500 Unsupported Operation)", async () => {
    const card = await mustQbo(ctx.qbo, "getAccount", ACCOUNTS.advanceCard);
    const res = await callQbo(ctx.qbo, "updateAccount", { Id: card.Id, SyncToken: card.SyncToken, Name: "Renamed" });
    expect(res.err.response.status).toBe(400);
    expect(getFaultCode(res.err)).toBe("500");
  });

  it("an inactive account is hidden from queries unless they filter on Active", async () => {
    await mustQbo(ctx.qbo, "createAccount", { Name: "Old Card", AccountType: "Credit Card", Active: false });
    expect(names(await mustQbo(ctx.qbo, "findAccounts", { AccountType: "Credit Card" }))).toEqual(["Xometry Advance Card"]);
    const all = await mustQbo(ctx.qbo, "findAccounts", "where AccountType = 'Credit Card' and Active IN (true, false)");
    expect(names(all)).toEqual(["Xometry Advance Card", "Old Card"]);
  });
});
