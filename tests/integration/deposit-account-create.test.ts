import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRoleAccount } from "@/lib/quickbooks/setup/account-lookups";
import type { RunningEmulator } from "../../qbo-emulator/src/index";
import { createCompanyAccount } from "../factories/accounts";
import { expectAppError } from "../factories/assertions";
import { ACME_REALM, BIRCH_REALM, connectTestShop, emulatorAdmin, startTestQuickBooks } from "../factories/quickbooks";
import { createTestShop, type TTestShop } from "../factories/shops";

let emulator: RunningEmulator;
let acme: TTestShop;
let connectionId: string;

type TStoredAccount = { Id: string; Name: string; AccountType: string; AccountSubType: string; Active: boolean; CurrencyRef?: { value: string } };
const accountsNamed = async (name: string) =>
  (await emulatorAdmin<{ items: TStoredAccount[] }>(emulator, "GET", `/__emulator/realms/${ACME_REALM}/entities/Account`)).items.filter((account) => account.Name === name);

beforeAll(async () => {
  emulator = await startTestQuickBooks();
  acme = await createTestShop("Acme");
  connectionId = (await connectTestShop(emulator, acme, ACME_REALM)).id;
});
afterAll(() => emulator.close());

describe("Create this account in QuickBooks", () => {
  it("creates the FastPay fee account with its default name and type, once", async () => {
    const created = await createRoleAccount(acme.actors.owner, { role: "fastPayFee" });
    expect(created).toMatchObject({ existed: false, option: { name: "Xometry FastPay Fees", detail: "Expense", isUsable: true } });
    const [stored, ...others] = await accountsNamed("Xometry FastPay Fees");
    expect(others).toHaveLength(0);
    expect(stored).toMatchObject({ Id: created.option.id, AccountType: "Expense", AccountSubType: "CommissionsAndFees", Active: true, CurrencyRef: { value: "USD" } });
    // A second click finds it instead of failing or doubling it.
    expect(await createRoleAccount(acme.actors.admin, { role: "fastPayFee" })).toEqual({ existed: true, option: created.option });
    expect(await accountsNamed("Xometry FastPay Fees")).toHaveLength(1);
  });

  it("creates the liability for Supplies BNPL and chooses the Advance Card account QuickBooks already has", async () => {
    expect(await createRoleAccount(acme.actors.owner, { role: "bnpl" })).toMatchObject({ existed: false, option: { name: "Xometry Supplies BNPL", detail: "Other Current Liability" } });
    expect((await accountsNamed("Xometry Supplies BNPL"))[0]).toMatchObject({ AccountType: "Other Current Liability", AccountSubType: "OtherCurrentLiabilities" });
    const [seeded] = await accountsNamed("Xometry Advance Card");
    expect(await createRoleAccount(acme.actors.owner, { role: "advanceCard" })).toEqual({ existed: true, option: { id: seeded!.Id, name: "Xometry Advance Card", detail: "Credit Card", isUsable: true } });
  });

  it("explains a name clash with an account that does not fit, and creates nothing", async () => {
    await createCompanyAccount(connectionId, { Name: "Xometry Adjustments", AccountType: "Credit Card" });
    const clash = await expectAppError(createRoleAccount(acme.actors.owner, { role: "adjustment" }));
    expect(clash.code).toBe("CONFLICT");
    expect(clash.userMessage).toBe(
      "QuickBooks already has an account named “Xometry Adjustments” that cannot be used here: Xometry Adjustments is a Credit Card account; adjustments need an Expense, Income or Other Current Liability account. Choose another account from the list, or rename that one in QuickBooks.",
    );
    expect(await accountsNamed("Xometry Adjustments")).toMatchObject([{ AccountType: "Credit Card" }]);
  });

  it("says so when the clashing account is inactive", async () => {
    const birch = await createTestShop("Birch");
    const birchConnection = await connectTestShop(emulator, birch, BIRCH_REALM);
    await createCompanyAccount(birchConnection.id, { Name: "Xometry FastPay Fees", AccountType: "Expense", Active: false });
    const clash = await expectAppError(createRoleAccount(birch.actors.owner, { role: "fastPayFee" }));
    expect(clash.userMessage).toBe("QuickBooks already has an account named “Xometry FastPay Fees” that cannot be used here: it is inactive. Choose another account from the list, or rename that one in QuickBooks.");
  });

  it("is for owners and admins, and never creates a bank account", async () => {
    for (const actor of [acme.actors.bookkeeper, acme.actors.operator]) {
      expect((await expectAppError(createRoleAccount(actor, { role: "adjustment" }))).httpStatus).toBe(403);
    }
    const bank = await expectAppError(createRoleAccount(acme.actors.owner, { role: "bank" }));
    expect(bank.userMessage).toMatch(/does not create bank accounts/);
    expect((await expectAppError(createRoleAccount(acme.actors.owner, { role: "fastPayFee", name: "Other" }))).code).toBe("INVALID_INPUT");
  });
});
