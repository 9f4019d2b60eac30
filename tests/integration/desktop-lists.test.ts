import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { requestDesktopCustomer } from "@/lib/quickbooks-desktop/lists/customer-add";
import { getDesktopListNote, WAITING_FOR_LISTS } from "@/lib/quickbooks-desktop/lists/list-note";
import { LIST_PAGE_SIZE } from "@/lib/quickbooks-desktop/lists/list-queries";
import { hasDesktopWork } from "@/lib/quickbooks-desktop/work";
import { searchAccounts } from "@/lib/quickbooks/setup/account-lookups";
import { createXometryCustomer, loadSetupContext, searchCustomers, searchItems } from "@/lib/quickbooks/setup/lookups";
import { saveQuickBooksConfiguration } from "@/lib/quickbooks/setup/save-configuration";
import { submitSetupStep } from "@/lib/quickbooks/setup/wizard";
import { createCompanyFile } from "../../qbd-emulator/src/index";
import { createDesktopShop, createTestCompanyFile, pollOnce, requestTypes } from "../factories/desktop";

describe("the setup wizard's lists on QuickBooks Desktop", () => {
  it("waits for the Web Connector, then answers from the company file's lists (ListIDs and names only) with where they come from", async () => {
    const file = createTestCompanyFile();
    const shop = await createDesktopShop(file, { configure: false });
    const owner = shop.actors.owner;
    expect(await searchCustomers(owner, {})).toEqual({ options: [], hasMore: false });
    expect(await getDesktopListNote(shop.organizationId)).toMatchObject({ note: WAITING_FOR_LISTS, isWaiting: true });
    expect(await hasDesktopWork(shop.organizationId)).toBe(true);

    const poll = await pollOnce(shop, file);
    expect(requestTypes(poll.requests)).toEqual(["CompanyQueryRq", "CustomerQueryRq", "ItemQueryRq", "AccountQueryRq"]);
    expect(poll.percents.at(-1)).toBe(100);

    const note = await getDesktopListNote(shop.organizationId);
    expect(note?.isWaiting).toBe(false);
    expect(note?.note).toMatch(/^From your company file, as of .+ UTC; refreshed at the next Web Connector poll\.$/);
    const customers = await searchCustomers(owner, { search: "" });
    expect(customers.options.map((option) => option.name)).toEqual(["Great Lakes Aerospace", "Ridgeline Medical Devices", "Summit Automation Inc.", "Xometry"]);
    const xometry = file.admin.customers().find((customer) => customer.Name === "Xometry")!;
    expect((await searchCustomers(owner, { search: "xomet" })).options).toEqual([{ id: xometry.ListID, name: "Xometry", detail: "USD", isUsable: true }]);
    // Only Service and Non-inventory items can be invoice lines.
    expect((await searchItems(owner, {})).options.map((option) => [option.name, option.detail])).toEqual([
      ["Machining Services", "Service"],
      ["Parts", "Non-inventory"],
      ["Setup Fee", "Service"],
    ]);
    const banks = await searchAccounts(owner, { role: "bank" });
    expect(banks.options.map((option) => option.name)).toEqual(["Business Checking"]);
    const context = await loadSetupContext(owner);
    expect("accounts" in context && context.accounts.map((account) => [account.name, account.detail])).toEqual([
      ["Business Checking", "Bank"],
      ["Undeposited Funds", "Undeposited Funds"],
    ]);

    // Every column of what is stored: ids, names, an account's type or an item's kind, when read. Nothing else.
    const columns = await db.$queryRawUnsafe<{ column_name: string }[]>(`SELECT column_name FROM information_schema.columns WHERE table_name = 'QuickBooksDesktopListEntry' ORDER BY column_name`);
    expect(columns.map((column) => column.column_name)).toEqual(["detail", "id", "list", "listId", "name", "organizationId", "readAt"]);
    const stored = await db.quickBooksDesktopListEntry.findMany({ where: { organizationId: shop.organizationId } });
    expect(stored).toHaveLength(file.admin.customers().length + file.admin.items().length + file.admin.accounts().length);
    const everyValue = JSON.stringify(stored);
    for (const customer of file.admin.customers()) if (customer.Email) expect(everyValue).not.toContain(customer.Email);
    expect(everyValue).not.toMatch(/Balance|EditSequence|TimeCreated/);

    // Nothing more to read until a page asks again after a while.
    expect(await hasDesktopWork(shop.organizationId)).toBe(false);
  });

  it("saves the wizard from the Desktop lists, refusing a ListID the company file does not hold, in words", async () => {
    const file = createTestCompanyFile();
    const shop = await createDesktopShop(file, { configure: false });
    await pollOnce(shop, file);
    const owner = shop.actors.owner;
    const id = (name: string) => [...file.admin.customers(), ...file.admin.items(), ...file.admin.accounts()].find((entry) => entry.Name === name)!.ListID;
    await submitSetupStep(owner, "source", { jobSources: "XOMETRY" });
    await expect(submitSetupStep(owner, "invoicing", { invoiceTrigger: "JOB_ACCEPTED", xometryCustomerId: "80000099-1796144299", defaultItemId: id("Machining Services") })).rejects.toMatchObject({
      userMessage: "That customer was not found in your QuickBooks company. Choose one from the list.",
    });
    await expect(submitSetupStep(owner, "invoicing", { invoiceTrigger: "JOB_ACCEPTED", xometryCustomerId: id("Xometry"), defaultItemId: id("Shipping") })).rejects.toMatchObject({
      userMessage: "Shipping cannot be used: choose an active Service or Non-inventory product/service.",
    });
    const { next } = await submitSetupStep(owner, "invoicing", { invoiceTrigger: "JOB_ACCEPTED", xometryCustomerId: id("Xometry"), defaultItemId: id("Machining Services") });
    expect(next).toBe("payments");
    await saveQuickBooksConfiguration(owner, { jobSources: "XOMETRY", invoiceTrigger: "JOB_ACCEPTED", xometryCustomerId: id("Xometry"), defaultItemId: id("Machining Services"), paymentsEnabled: true, depositAccountId: id("Undeposited Funds") });
    expect(await db.quickBooksConfiguration.findUniqueOrThrow({ where: { organizationId: shop.organizationId } })).toMatchObject({
      realmId: shop.realmId,
      xometryCustomerId: id("Xometry"),
      xometryCustomerName: "Xometry",
      defaultItemName: "Machining Services",
      depositAccountName: "Undeposited Funds",
      customTxnNumbers: false,
    });
    // Creating in QuickBooks is done in QuickBooks Desktop itself: said in words.
    await expect(createXometryCustomer(owner)).rejects.toMatchObject({ userMessage: "Create it in QuickBooks Desktop; it appears here after the next Web Connector poll." });
  });

  it("reads long lists a page at a time, and again when a page asks after ten minutes", async () => {
    const names = Array.from({ length: LIST_PAGE_SIZE + 20 }, (_, index) => `Customer ${String(index).padStart(4, "0")}`);
    const file = createCompanyFile({ seed: { customers: names } });
    const shop = await createDesktopShop(file, { configure: false });
    const poll = await pollOnce(shop, file);
    expect(requestTypes(poll.requests)).toEqual(["CompanyQueryRq", "CustomerQueryRq", "ItemQueryRq", "AccountQueryRq", "CustomerQueryRq"]);
    expect(await db.quickBooksDesktopListEntry.count({ where: { organizationId: shop.organizationId, list: "customers" } })).toBe(names.length);

    await getDesktopListNote(shop.organizationId); // fresh: asks for nothing
    expect(await hasDesktopWork(shop.organizationId)).toBe(false);
    await db.quickBooksDesktopListRead.updateMany({ where: { organizationId: shop.organizationId }, data: { readAt: new Date(Date.now() - 11 * 60_000) } });
    await getDesktopListNote(shop.organizationId);
    expect(await hasDesktopWork(shop.organizationId)).toBe(true);
    await pollOnce(shop, file);
    expect(await hasDesktopWork(shop.organizationId)).toBe(false);
  });

  it("Create customer “Xometry” on Desktop: added at the next poll (once, however many clicks), then in the list", async () => {
    const file = createCompanyFile({ seed: { customers: ["Great Lakes Aerospace"] } });
    const shop = await createDesktopShop(file, { configure: false });
    await pollOnce(shop, file);
    const owner = shop.actors.owner;
    const words = "“Xometry” is created in QuickBooks Desktop at the next Web Connector poll; it appears in this list then.";
    expect(await requestDesktopCustomer(owner, "Xometry")).toEqual({ pending: true, message: words });
    expect(await requestDesktopCustomer(owner, "Xometry")).toEqual({ pending: true, message: words });
    await expect(requestDesktopCustomer(shop.actors.bookkeeper, "Xometry")).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await hasDesktopWork(shop.organizationId)).toBe(true);
    const poll = await pollOnce(shop, file);
    expect(requestTypes(poll.requests)).toEqual(["CustomerAddRq"]);
    const created = file.admin.customers().filter((customer) => customer.Name === "Xometry");
    expect(created).toHaveLength(1);
    expect((await searchCustomers(owner, { search: "Xometry" })).options).toEqual([{ id: created[0]!.ListID, name: "Xometry", detail: "USD", isUsable: true }]);
    expect(await requestDesktopCustomer(owner, "xometry")).toEqual({ option: { id: created[0]!.ListID, name: "Xometry", detail: "USD", isUsable: true } });
    expect(await hasDesktopWork(shop.organizationId)).toBe(false);
  });

  it("one shop never sees another's lists", async () => {
    const file = createTestCompanyFile();
    const first = await createDesktopShop(file, { configure: false });
    await pollOnce(first, file);
    const other = await createDesktopShop(createCompanyFile({ seed: { customers: ["Only Other"] } }), { configure: false });
    expect((await searchCustomers(other.actors.owner, {})).options).toEqual([]);
    expect((await searchCustomers(first.actors.owner, { search: "Only" })).options).toEqual([]);
  });
});
