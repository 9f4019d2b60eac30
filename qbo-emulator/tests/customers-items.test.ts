// Customers and items: DisplayName/Name uniqueness (6240), currency rules, deactivation, paging through > 100 customers.
import { describe, expect, it } from "vitest";
import { ACME, BIRCH, callQbo, connectQbo, getFaultBody, getFaultCode, mustQbo, useTestEmulator } from "./helpers";

const ctx = useTestEmulator();

describe("customers", () => {
  it("creates a customer in the home currency with Intuit's fields", async () => {
    const c = await mustQbo(ctx.qbo, "createCustomer", { DisplayName: "Doe5, Jane", PrimaryEmailAddr: { Address: "jane@example.com" } });
    expect(c.Id).toMatch(/^\d+$/);
    expect(c.DisplayName).toBe("Doe5, Jane");
    expect(c.FullyQualifiedName).toBe("Doe5, Jane");
    expect(c.CurrencyRef).toEqual({ value: "USD", name: "United States Dollar" });
    expect(c.Balance).toBe(0);
    expect(c.Active).toBe(true);
    expect(c.PrimaryEmailAddr.Address).toBe("jane@example.com");
    expect(await mustQbo(ctx.qbo, "getCustomer", c.Id)).toMatchObject({ DisplayName: "Doe5, Jane" });
  });

  it("rejects a duplicate DisplayName with 6240 (case-insensitive)", async () => {
    const { err } = await callQbo(ctx.qbo, "createCustomer", { DisplayName: "xometry" });
    expect(getFaultCode(err)).toBe("6240");
    expect(getFaultBody(err).Fault.Error[0].Message).toBe("Duplicate Name Exists Error");
  });

  it("requires a name (2020)", async () => {
    const { err } = await callQbo(ctx.qbo, "createCustomer", { Notes: "no name" });
    expect(getFaultCode(err)).toBe("2020");
  });

  it("sets CurrencyRef at creation only", async () => {
    const c = await mustQbo(ctx.qbo, "createCustomer", { DisplayName: "Euro Parts GmbH", CurrencyRef: { value: "EUR" } });
    expect(c.CurrencyRef.value).toBe("EUR");
    const change = await callQbo(ctx.qbo, "updateCustomer", { Id: c.Id, SyncToken: c.SyncToken, CurrencyRef: { value: "USD" } });
    expect(getFaultCode(change.err)).toBe("6000");
  });

  it("refuses a foreign currency when multi-currency is off (Birch)", async () => {
    const birch = await connectQbo(ctx.emu, BIRCH);
    const { err } = await callQbo(birch, "createCustomer", { DisplayName: "Canuck Steel", CurrencyRef: { value: "CAD" } });
    expect(getFaultCode(err)).toBe("6000");
    const prefs = await mustQbo(birch, "getPreferences");
    expect(prefs.CurrencyPrefs.MultiCurrencyEnabled).toBe(false);
  });

  it("deactivating renames with ' (deleted)' and hides the customer from queries", async () => {
    const c = await mustQbo(ctx.qbo, "createCustomer", { DisplayName: "Short Lived LLC" });
    const off = await mustQbo(ctx.qbo, "updateCustomer", { Id: c.Id, SyncToken: c.SyncToken, Active: false });
    expect(off.DisplayName).toBe("Short Lived LLC (deleted)");
    expect(off.Active).toBe(false);
    const found = await mustQbo(ctx.qbo, "findCustomers", { DisplayName: "Short Lived LLC (deleted)" });
    expect(found.QueryResponse).toEqual({});
    const all = await mustQbo(ctx.qbo, "findCustomers", [{ field: "Active", value: [true, false], operator: "IN" }, { field: "DisplayName", value: "Short Lived%", operator: "LIKE" }]);
    expect(all.QueryResponse.Customer).toHaveLength(1);
    const again = await mustQbo(ctx.qbo, "createCustomer", { DisplayName: "Short Lived LLC" });
    expect(again.Id).not.toBe(c.Id);
    const invoice = await callQbo(ctx.qbo, "createInvoice", { CustomerRef: { value: c.Id }, Line: [{ Amount: 1, DetailType: "SalesItemLineDetail", SalesItemLineDetail: { ItemRef: { value: "2" } } }] });
    expect(getFaultCode(invoice.err)).toBe("610");
  });

  it("pages through more than 100 customers (fetchAll)", async () => {
    const count = await mustQbo(ctx.qbo, "findCustomers", { count: true });
    expect(count.QueryResponse.totalCount).toBeGreaterThan(100);
    const firstPage = await mustQbo(ctx.qbo, "findCustomers", { limit: 50, offset: 1 });
    expect(firstPage.QueryResponse.Customer).toHaveLength(50);
    expect(firstPage.QueryResponse.maxResults).toBe(50);
    const all = await mustQbo(ctx.qbo, "findCustomers", { fetchAll: true, limit: 40 });
    expect(all.QueryResponse.Customer).toHaveLength(count.QueryResponse.totalCount);
    const ids = new Set(all.QueryResponse.Customer.map((c: { Id: string }) => c.Id));
    expect(ids.size).toBe(count.QueryResponse.totalCount);
  });
});

describe("items and accounts", () => {
  it("lists the seeded items and accounts", async () => {
    const items = await mustQbo(ctx.qbo, "findItems", { Name: "Machining Services" });
    expect(items.QueryResponse.Item[0]).toMatchObject({ Name: "Machining Services", Type: "Service" });
    const parts = await mustQbo(ctx.qbo, "findItems", { Name: "Parts" });
    expect(parts.QueryResponse.Item[0].Type).toBe("NonInventory");
    const accounts = await mustQbo(ctx.qbo, "findAccounts", { Name: "Undeposited Funds" });
    expect(accounts.QueryResponse.Account[0].AccountType).toBe("Other Current Asset");
    const bank = await mustQbo(ctx.qbo, "findAccounts", { AccountType: "Bank" });
    expect(bank.QueryResponse.Account[0].Name).toBe("Business Checking");
    const read = await mustQbo(ctx.qbo, "getAccount", accounts.QueryResponse.Account[0].Id);
    expect(read.Name).toBe("Undeposited Funds");
  });

  it("creates Service and NonInventory items; Name unique (6240); IncomeAccountRef required (2020)", async () => {
    const item = await mustQbo(ctx.qbo, "createItem", { Name: "Deburring", Type: "Service", IncomeAccountRef: { value: "4" }, UnitPrice: 45 });
    expect(item).toMatchObject({ Name: "Deburring", Type: "Service", UnitPrice: 45, Active: true });
    expect(item.IncomeAccountRef.name).toBe("Machining Income");
    const dup = await callQbo(ctx.qbo, "createItem", { Name: "deburring", Type: "Service", IncomeAccountRef: { value: "4" } });
    expect(getFaultCode(dup.err)).toBe("6240");
    const missing = await callQbo(ctx.qbo, "createItem", { Name: "Bead blast", Type: "NonInventory" });
    expect(getFaultCode(missing.err)).toBe("2020");
    const badAccount = await callQbo(ctx.qbo, "createItem", { Name: "Bead blast", Type: "NonInventory", IncomeAccountRef: { value: "999" } });
    expect(getFaultCode(badAccount.err)).toBe("2500");
    const updated = await mustQbo(ctx.qbo, "updateItem", { Id: item.Id, SyncToken: item.SyncToken, UnitPrice: 50 });
    expect(updated.UnitPrice).toBe(50);
    expect(updated.SyncToken).toBe("1");
  });
});

describe("round trips", () => {
  it("accepts every entity exactly as it was read, as a full update", async () => {
    const inv = await mustQbo(ctx.qbo, "createInvoice", { CustomerRef: { value: "5" }, Line: [{ Amount: 100, DetailType: "SalesItemLineDetail", SalesItemLineDetail: { ItemRef: { value: "2" }, Qty: 4, UnitPrice: 25 } }, { Description: "Note", DetailType: "DescriptionOnly", DescriptionLineDetail: {} }] });
    const pay = await mustQbo(ctx.qbo, "createPayment", { CustomerRef: { value: "5" }, TotalAmt: 60, Line: [{ Amount: 40, LinkedTxn: [{ TxnId: inv.Id, TxnType: "Invoice" }] }] });
    const cases: [string, string, string][] = [
      ["getCustomer", "updateCustomer", "5"],
      ["getItem", "updateItem", "2"],
      ["getInvoice", "updateInvoice", inv.Id],
      ["getPayment", "updatePayment", pay.Id],
    ];
    for (const [get, update, id] of cases) {
      const read = await mustQbo(ctx.qbo, get, id);
      const written = await mustQbo(ctx.qbo, update, { ...read, sparse: false });
      expect(written.SyncToken).toBe(String(Number(read.SyncToken) + 1));
      const { MetaData: _a, SyncToken: _b, ...before } = read;
      const { MetaData: _c, SyncToken: _d, ...after } = written;
      expect(after).toEqual(before);
    }
    const prefs = await mustQbo(ctx.qbo, "getPreferences");
    expect((await callQbo(ctx.qbo, "updatePreferences", { ...prefs })).err).toBeFalsy();
  });
});

describe("company", () => {
  it("returns CompanyInfo and Preferences", async () => {
    const info = await mustQbo(ctx.qbo, "getCompanyInfo", ACME);
    expect(info.CompanyName).toBe("Acme Precision Machining");
    expect(info.Country).toBe("US");
    const prefs = await mustQbo(ctx.qbo, "getPreferences");
    expect(prefs.CurrencyPrefs).toEqual({ MultiCurrencyEnabled: true, HomeCurrency: { value: "USD" } });
    expect(prefs.SalesFormsPrefs.CustomTxnNumbers).toBe(false);
  });

  it("updates CustomTxnNumbers through the Preferences API (SyncToken checked)", async () => {
    const prefs = await mustQbo(ctx.qbo, "getPreferences");
    const updated = await mustQbo(ctx.qbo, "updatePreferences", { Id: "1", SyncToken: prefs.SyncToken, SalesFormsPrefs: { CustomTxnNumbers: true } });
    expect(updated.SalesFormsPrefs.CustomTxnNumbers).toBe(true);
    const stale = await callQbo(ctx.qbo, "updatePreferences", { Id: "1", SyncToken: prefs.SyncToken, SalesFormsPrefs: { CustomTxnNumbers: false } });
    expect(getFaultCode(stale.err)).toBe("5010");
  });
});
