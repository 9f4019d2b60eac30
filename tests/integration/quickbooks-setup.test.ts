import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { QuickBooksApi } from "@/lib/quickbooks/api";
import { createXometryCustomer, getPreflight, listDepositAccounts, searchCustomers, searchItems } from "@/lib/quickbooks/setup/lookups";
import { getQuickBooksConfiguration } from "@/lib/quickbooks/setup/queries";
import { saveQuickBooksConfiguration } from "@/lib/quickbooks/setup/save-configuration";
import { submitSetupStep } from "@/lib/quickbooks/setup/wizard";
import type { RunningEmulator } from "../../qbo-emulator/src/index";
import { ACME_REALM, BIRCH_REALM, connectTestShop, emulatorAdmin, startTestQuickBooks } from "../factories/quickbooks";
import { expectAppError } from "../factories/assertions";
import { createTestShop, type TTestShop } from "../factories/shops";

let emulator: RunningEmulator;
let acme: TTestShop;
let acmeApi: QuickBooksApi;
const ids = { xometry: "", maple: "", machining: "", undeposited: "", checking: "" };

beforeAll(async () => {
  emulator = await startTestQuickBooks();
  acme = await createTestShop("Acme");
  const connection = await connectTestShop(emulator, acme, ACME_REALM);
  acmeApi = new QuickBooksApi(connection.id);
  ids.xometry = (await acmeApi.searchCustomers("Xometry", { startPosition: 1, maxResults: 5 }))[0]!.Id;
  ids.maple = (await acmeApi.searchCustomers("Maple Leaf", { startPosition: 1, maxResults: 5 }))[0]!.Id;
  ids.machining = (await acmeApi.searchItems("Machining Services", { startPosition: 1, maxResults: 5 }))[0]!.Id;
  const accounts = await acmeApi.listDepositAccounts();
  ids.undeposited = accounts.find((account) => account.Name === "Undeposited Funds")!.Id;
  ids.checking = accounts.find((account) => account.Name === "Business Checking")!.Id;
});
afterAll(() => emulator.close());

const validConfiguration = () => ({
  jobSources: "BOTH",
  invoiceTrigger: "JOB_ACCEPTED",
  xometryCustomerId: ids.xometry,
  defaultItemId: ids.machining,
  paymentsEnabled: true,
  depositAccountId: ids.undeposited,
});

describe("lookups loaded live from QuickBooks", () => {
  it("pages through customers and marks non-USD ones unusable", async () => {
    const first = await searchCustomers(acme.actors.owner, { search: "", page: 1 });
    const second = await searchCustomers(acme.actors.owner, { search: "", page: 2 });
    expect(first.options).toHaveLength(20);
    expect(first.hasMore).toBe(true);
    expect(second.options[0]!.id).not.toBe(first.options[0]!.id);
    const maple = await searchCustomers(acme.actors.owner, { search: "maple" });
    expect(maple.options).toEqual([{ id: ids.maple, name: "Maple Leaf Robotics", detail: "CAD", isUsable: false }]);
    const quoted = await searchCustomers(acme.actors.owner, { search: "Amy's" });
    expect(quoted.options.map((option) => option.name)).toEqual(["Amy's Bird Sanctuary"]);
    const items = await searchItems(acme.actors.bookkeeper, { search: "machining" });
    expect(items.options.map((option) => option.name)).toEqual(["Machining Services"]);
    expect((await listDepositAccounts(acme.actors.admin)).map((account) => account.name)).toEqual(expect.arrayContaining(["Undeposited Funds", "Business Checking"]));
  });

  it("creates the Xometry customer in USD, or reuses the existing one", async () => {
    const option = await createXometryCustomer(acme.actors.owner);
    expect(option).toEqual({ id: ids.xometry, name: "Xometry", detail: "USD", isUsable: true });
  });

  it("keeps operators out of QuickBooks lookups", async () => {
    expect((await expectAppError(searchCustomers(acme.actors.operator, {}))).httpStatus).toBe(403);
    expect((await expectAppError(createXometryCustomer(acme.actors.bookkeeper))).httpStatus).toBe(403);
  });
});

describe("the setup wizard", () => {
  it("validates each step and stores the draft so it can be resumed", async () => {
    const shop = await createTestShop("Wizard");
    await db.quickBooksConnection.updateMany({ where: { organizationId: acme.organizationId }, data: { status: "DISCONNECTED" } });
    try {
      await connectTestShop(emulator, shop, ACME_REALM);
      const owner = shop.actors.owner;
      expect((await expectAppError(submitSetupStep(owner, "source", {}))).details).toEqual(["jobSources: Choose which jobs to invoice"]);
      expect(await submitSetupStep(owner, "source", { jobSources: "BOTH" })).toMatchObject({ next: "invoicing" });
      const missing = await expectAppError(submitSetupStep(owner, "invoicing", { defaultItemId: ids.machining }));
      expect(missing.details).toEqual(expect.arrayContaining(["invoiceTrigger: Choose when to invoice"]));
      const cad = await expectAppError(submitSetupStep(owner, "invoicing", { invoiceTrigger: "JOB_ACCEPTED", xometryCustomerId: ids.maple, defaultItemId: ids.machining }));
      expect(cad.userMessage).toMatch(/Maple Leaf Robotics uses CAD, not USD/);
      expect(cad.userMessage).toMatch(/turn on multi-currency/);
      expect(await submitSetupStep(owner, "invoicing", { invoiceTrigger: "JOB_ACCEPTED", xometryCustomerId: ids.xometry, defaultItemId: ids.machining })).toMatchObject({ next: "payments" });
      expect((await expectAppError(submitSetupStep(owner, "payments", { paymentsEnabled: true }))).details).toEqual(["depositAccountId: Choose where payments are deposited"]);
      const { next, draft } = await submitSetupStep(owner, "payments", { paymentsEnabled: true, depositAccountId: ids.checking });
      expect(next).toBe("review");
      expect(draft).toMatchObject({ jobSources: "BOTH", invoiceTrigger: "JOB_ACCEPTED", xometryCustomerId: ids.xometry, depositAccountId: ids.checking });
      await saveQuickBooksConfiguration(owner, draft);
      expect(await db.quickBooksSetupDraft.count({ where: { organizationId: shop.organizationId } })).toBe(0);
      expect(await getQuickBooksConfiguration(shop.organizationId)).toMatchObject({ depositAccountName: "Business Checking", xometryCustomerName: "Xometry" });
    } finally {
      await db.quickBooksConnection.updateMany({ where: { organizationId: shop.organizationId }, data: { status: "DISCONNECTED" } });
      await db.quickBooksConnection.updateMany({ where: { organizationId: acme.organizationId }, data: { status: "CONNECTED" } });
    }
  });

  it("skips the Xometry parts for in-house-only shops", async () => {
    const result = await submitSetupStep(acme.actors.owner, "source", { jobSources: "IN_HOUSE" });
    expect(result.next).toBe("invoicing");
    expect((await submitSetupStep(acme.actors.owner, "invoicing", { defaultItemId: ids.machining })).next).toBe("review");
  });
});

describe("saving the configuration", () => {
  it("saves ids with names from QuickBooks and records who changed what", async () => {
    await saveQuickBooksConfiguration(acme.actors.owner, validConfiguration());
    const saved = await getQuickBooksConfiguration(acme.organizationId);
    expect(saved).toMatchObject({
      realmId: ACME_REALM,
      jobSources: "BOTH",
      invoiceTrigger: "JOB_ACCEPTED",
      xometryCustomerName: "Xometry",
      defaultItemName: "Machining Services",
      depositAccountName: "Undeposited Funds",
      customTxnNumbers: false,
    });
    const { changes } = await saveQuickBooksConfiguration(acme.actors.admin, { ...validConfiguration(), invoiceTrigger: "JOB_SHIPPED" });
    expect(changes).toEqual({ invoiceTrigger: { label: "Invoice when", from: "Job Accepted", to: "Job Completed (Shipped)" } });
    const history = (await getQuickBooksConfiguration(acme.organizationId))!.changes;
    expect(history[0]).toMatchObject({ userName: expect.stringContaining("ADMIN"), changes: { invoiceTrigger: { to: "Job Completed (Shipped)" } } });
    expect(history).toHaveLength(2);
    expect((await saveQuickBooksConfiguration(acme.actors.admin, { ...validConfiguration(), invoiceTrigger: "JOB_SHIPPED" })).changes).toEqual({});
    expect((await getQuickBooksConfiguration(acme.organizationId))!.changes).toHaveLength(2);
  });

  it("refuses a CAD customer with the multi-currency explanation", async () => {
    const error = await expectAppError(saveQuickBooksConfiguration(acme.actors.owner, { ...validConfiguration(), xometryCustomerId: ids.maple }));
    expect(error.details?.[0]).toMatch(/^xometryCustomerId: Maple Leaf Robotics uses CAD, not USD\. .*create a customer for Xometry with USD/);
  });

  it("refuses made-up ids and ids that belong to another company", async () => {
    for (const [field, value] of [
      ["xometryCustomerId", "987654"],
      ["defaultItemId", "987654"],
      ["depositAccountId", "987654"],
      ["xometryCustomerId", "not-a-number"],
    ] as const) {
      const error = await expectAppError(saveQuickBooksConfiguration(acme.actors.owner, { ...validConfiguration(), [field]: value }));
      expect(error.details?.[0], `${field}=${value}`).toMatch(new RegExp(`^${field}: `));
    }
    const birchShop = await createTestShop("Birch");
    await connectTestShop(emulator, birchShop, BIRCH_REALM);
    // Acme's 100th-odd customer does not exist in Birch's much smaller company.
    const acmeOnlyCustomer = (await acmeApi.searchCustomers("", { startPosition: 100, maxResults: 1 }))[0]!.Id;
    const error = await expectAppError(saveQuickBooksConfiguration(birchShop.actors.owner, { ...validConfiguration(), xometryCustomerId: acmeOnlyCustomer, defaultItemId: "1", depositAccountId: undefined, paymentsEnabled: false }));
    expect(error.details?.[0]).toMatch(/^xometryCustomerId: That customer was not found in your QuickBooks company/);
    expect(await getQuickBooksConfiguration(birchShop.organizationId)).toBeNull();
  });

  it("detects and explains Custom Transaction Numbers", async () => {
    const shop = await createTestShop("Numbers");
    await db.quickBooksConnection.updateMany({ where: { realmId: BIRCH_REALM }, data: { status: "DISCONNECTED" } });
    await connectTestShop(emulator, shop, BIRCH_REALM);
    const { issues, settings } = await getPreflight(shop.actors.owner);
    expect(settings.customTxnNumbers).toBe(true);
    expect(issues).toMatchObject([{ code: "CUSTOM_TXN_NUMBERS", severity: "info", message: expect.stringContaining("the job number") }]);
    await emulatorAdmin(emulator, "POST", `/__emulator/realms/${BIRCH_REALM}/preferences`, { customTxnNumbers: false });
    expect((await getPreflight(shop.actors.owner)).issues).toEqual([]);
    await emulatorAdmin(emulator, "POST", `/__emulator/realms/${BIRCH_REALM}/preferences`, { customTxnNumbers: true });
  });

  it("lets only owners and admins save, and keeps each shop's configuration to itself", async () => {
    for (const actor of [acme.actors.bookkeeper, acme.actors.operator]) {
      expect((await expectAppError(saveQuickBooksConfiguration(actor, validConfiguration()))).httpStatus).toBe(403);
      expect((await expectAppError(submitSetupStep(actor, "source", { jobSources: "BOTH" }))).httpStatus).toBe(403);
    }
    const before = await getQuickBooksConfiguration(acme.organizationId);
    const birch = await createTestShop("Birch2");
    expect(await getQuickBooksConfiguration(birch.organizationId)).toBeNull();
    const notConnected = await expectAppError(saveQuickBooksConfiguration(birch.actors.owner, validConfiguration()));
    expect(notConnected.userMessage).toMatch(/not connected/);
    expect(await getQuickBooksConfiguration(acme.organizationId)).toEqual(before);
  });
});
