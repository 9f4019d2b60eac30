import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { QuickBooksApi } from "@/lib/quickbooks/api";
import { searchAccounts } from "@/lib/quickbooks/setup/account-lookups";
import { getQuickBooksConfiguration } from "@/lib/quickbooks/setup/queries";
import { saveQuickBooksConfiguration } from "@/lib/quickbooks/setup/save-configuration";
import { submitSetupStep } from "@/lib/quickbooks/setup/wizard";
import type { RunningEmulator } from "../../qbo-emulator/src/index";
import { createCompanyAccount } from "../factories/accounts";
import { expectAppError } from "../factories/assertions";
import { ACME_REALM, connectTestShop, startTestQuickBooks } from "../factories/quickbooks";
import { createTestShop, type TTestShop } from "../factories/shops";

let emulator: RunningEmulator;
let acme: TTestShop;
const ids: Record<string, string> = {};

beforeAll(async () => {
  emulator = await startTestQuickBooks();
  acme = await createTestShop("Acme");
  const connection = await connectTestShop(emulator, acme, ACME_REALM);
  const api = new QuickBooksApi(connection.id);
  ids.xometry = (await api.searchCustomers("Xometry", { startPosition: 1, maxResults: 5 }))[0]!.Id;
  ids.machining = (await api.searchItems("Machining Services", { startPosition: 1, maxResults: 5 }))[0]!.Id;
  const accounts = await api.listAccounts(["Bank", "Other Current Asset", "Credit Card", "Other Current Liability", "Expense"]);
  const named = (name: string) => accounts.find((account) => account.Name === name)!.Id;
  Object.assign(ids, {
    undeposited: named("Undeposited Funds"),
    checking: named("Business Checking"),
    card: named("Xometry Advance Card"),
    loans: named("Loans Payable"),
    fees: named("Bank Charges & Fees"),
  });
  ids.inactive = (await createCompanyAccount(connection.id, { Name: "Old Savings", AccountType: "Bank", Active: false })).Id;
  ids.cad = (await createCompanyAccount(connection.id, { Name: "Toronto Checking", AccountType: "Bank", AccountSubType: "Checking", CurrencyRef: { value: "CAD" } })).Id;
});
afterAll(() => emulator.close());

const withDeposits = (overrides: Record<string, unknown> = {}) => ({
  jobSources: "XOMETRY",
  invoiceTrigger: "JOB_SHIPPED",
  xometryCustomerId: ids.xometry,
  defaultItemId: ids.machining,
  paymentsEnabled: true,
  depositAccountId: ids.undeposited,
  depositsEnabled: true,
  bankAccountId: ids.checking,
  advanceCardAccountId: ids.card,
  bnplAccountId: ids.loans,
  fastPayFeeAccountId: ids.fees,
  adjustmentAccountId: ids.fees,
  ...overrides,
});

describe("deposit accounts, looked up live by role", () => {
  it("lists the types each role takes, leaves Undeposited Funds out of the bank list and greys a CAD bank", async () => {
    const bank = await searchAccounts(acme.actors.bookkeeper, { role: "bank" });
    expect(bank.options.map((option) => option.name)).toEqual(expect.arrayContaining(["Business Checking", "Toronto Checking"]));
    expect(bank.options.map((option) => option.name)).not.toContain("Undeposited Funds");
    expect(bank.options.map((option) => option.name)).not.toContain("Old Savings");
    expect(bank.options.find((option) => option.name === "Toronto Checking")).toMatchObject({ detail: "Bank · CAD", isUsable: false });
    expect(bank.options.find((option) => option.name === "Business Checking")).toMatchObject({ id: ids.checking, detail: "Bank", isUsable: true });
    const fees = await searchAccounts(acme.actors.owner, { role: "fastPayFee", search: "bank" });
    expect(fees.options).toEqual([{ id: ids.fees, name: "Bank Charges & Fees", detail: "Expense", isUsable: true }]);
    const card = await searchAccounts(acme.actors.owner, { role: "advanceCard" });
    expect(card.options.map((option) => option.name)).toEqual(expect.arrayContaining(["Xometry Advance Card", "Loans Payable"]));
    expect(card.options.map((option) => option.detail)).not.toContain("Expense");
  });

  it("keeps operators out and refuses an unknown role", async () => {
    expect((await expectAppError(searchAccounts(acme.actors.operator, { role: "bank" }))).httpStatus).toBe(403);
    expect((await expectAppError(searchAccounts(acme.actors.owner, { role: "payroll" }))).details).toEqual(["role: Choose which account this is for"]);
  });
});

describe("saving a configuration with deposits", () => {
  it("saves every account with its name from QuickBooks and records the change", async () => {
    await saveQuickBooksConfiguration(acme.actors.owner, withDeposits({ depositsEnabled: false }));
    const { changes } = await saveQuickBooksConfiguration(acme.actors.admin, withDeposits());
    expect(changes).toMatchObject({
      depositsEnabled: { label: "Payout deposits", from: "Off", to: "On" },
      bankAccount: { label: "Deposit payouts to", from: null, to: "Business Checking" },
      advanceCardAccount: { to: "Xometry Advance Card" },
      bnplAccount: { to: "Loans Payable" },
      fastPayFeeAccount: { to: "Bank Charges & Fees" },
    });
    expect(await getQuickBooksConfiguration(acme.organizationId)).toMatchObject({
      depositsEnabled: true,
      bankAccountId: ids.checking,
      bankAccountName: "Business Checking",
      advanceCardAccountName: "Xometry Advance Card",
      bnplAccountName: "Loans Payable",
      fastPayFeeAccountName: "Bank Charges & Fees",
      adjustmentAccountName: "Bank Charges & Fees",
      depositAccountName: "Undeposited Funds",
    });
  });

  it("refuses a missing, made-up, inactive, wrong-type or non-USD account by field, and saves nothing", async () => {
    await saveQuickBooksConfiguration(acme.actors.owner, withDeposits());
    const before = await getQuickBooksConfiguration(acme.organizationId);
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ bnplAccountId: undefined }, "bnplAccountId", /^Choose the account for Supplies BNPL deductions$/],
      [{ fastPayFeeAccountId: "987654" }, "fastPayFeeAccountId", /^That account was not found in your QuickBooks company/],
      [{ bankAccountId: ids.inactive }, "bankAccountId", /^Old Savings is inactive in QuickBooks/],
      [{ fastPayFeeAccountId: ids.checking }, "fastPayFeeAccountId", /^Business Checking is a Bank account; FastPay fees need an Expense or Other Expense account\.$/],
      [{ advanceCardAccountId: ids.fees }, "advanceCardAccountId", /^Bank Charges & Fees is an Expense account; Advance Card repayments need a Credit Card or Other Current Liability account/],
      [{ bankAccountId: ids.undeposited }, "bankAccountId", /^Undeposited Funds holds payments until they are deposited/],
      [{ bankAccountId: ids.cad }, "bankAccountId", /^Toronto Checking is in CAD; Xometry pays in USD/],
      [{ depositAccountId: ids.checking }, "depositAccountId", /payments wait in Undeposited Funds until their deposit collects them; Business Checking cannot/],
      [{ paymentsEnabled: false }, "depositsEnabled", /turn on automated payments too/],
      [{ bankAccountId: "not-an-id" }, "bankAccountId", /^Choose from the list$/],
    ];
    for (const [overrides, field, message] of cases) {
      const error = await expectAppError(saveQuickBooksConfiguration(acme.actors.owner, withDeposits(overrides)));
      const detail = error.details?.find((candidate) => candidate.startsWith(`${field}: `));
      expect(detail?.slice(field.length + 2), JSON.stringify(overrides)).toMatch(message);
    }
    const several = await expectAppError(saveQuickBooksConfiguration(acme.actors.owner, withDeposits({ bankAccountId: ids.cad, fastPayFeeAccountId: ids.checking })));
    expect(several.userMessage).toBe("2 of the chosen accounts cannot be used for deposits. See the highlighted fields.");
    expect(several.details).toHaveLength(2);
    expect(await getQuickBooksConfiguration(acme.organizationId)).toEqual(before);
  });

  it("turning deposits off keeps payments as they were and forgets the accounts", async () => {
    await saveQuickBooksConfiguration(acme.actors.owner, withDeposits());
    const { changes } = await saveQuickBooksConfiguration(acme.actors.owner, withDeposits({ depositsEnabled: false }));
    expect(changes).toMatchObject({ depositsEnabled: { from: "On", to: "Off" }, bankAccount: { from: "Business Checking", to: null } });
    expect(await getQuickBooksConfiguration(acme.organizationId)).toMatchObject({
      paymentsEnabled: true,
      depositAccountName: "Undeposited Funds",
      depositsEnabled: false,
      bankAccountId: null,
      fastPayFeeAccountId: null,
    });
  });

  it("checks the wizard's Payments step the same way, and only owners and admins may save", async () => {
    await saveQuickBooksConfiguration(acme.actors.owner, withDeposits({ depositsEnabled: false }));
    const step = (values: Record<string, unknown>) => submitSetupStep(acme.actors.owner, "payments", { paymentsEnabled: true, depositAccountId: ids.undeposited, ...values });
    await submitSetupStep(acme.actors.owner, "source", { jobSources: "XOMETRY" });
    await submitSetupStep(acme.actors.owner, "invoicing", { invoiceTrigger: "JOB_SHIPPED", xometryCustomerId: ids.xometry, defaultItemId: ids.machining });
    const wrong = await expectAppError(step({ ...withDeposits({ fastPayFeeAccountId: ids.card }), accountLabels: { bank: "Business Checking" } }));
    expect(wrong.details).toEqual(["fastPayFeeAccountId: Xometry Advance Card is a Credit Card account; FastPay fees need an Expense or Other Expense account."]);
    const { next, draft } = await step({ ...withDeposits(), accountLabels: { bank: "Business Checking" } });
    expect(next).toBe("review");
    expect(draft).toMatchObject({ depositsEnabled: true, bankAccountId: ids.checking, accountLabels: { bank: "Business Checking" } });
    for (const actor of [acme.actors.bookkeeper, acme.actors.operator]) {
      expect((await expectAppError(saveQuickBooksConfiguration(actor, withDeposits()))).httpStatus).toBe(403);
    }
    expect(await getQuickBooksConfiguration(acme.organizationId)).toMatchObject({ depositsEnabled: false });
  });
});
