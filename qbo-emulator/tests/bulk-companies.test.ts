// POST /__emulator/companies: many companies at once, each a working copy of a seeded one with its own state.
import { describe, expect, it } from "vitest";
import { ACME, admin, buildInvoiceBody, connectQbo, mustQbo, useTestEmulator } from "./helpers";

const ctx = useTestEmulator();

describe("bulk companies", () => {
  it("creates numbered companies that the official client uses like any other, each with its own records", async () => {
    const { realms } = await admin(ctx.emu, "POST", "/companies", { count: 3, firstRealmId: "9200000000000001", namePrefix: "Scale Shop" });
    expect(realms).toEqual([
      { realmId: "9200000000000001", companyName: "Scale Shop 1" },
      { realmId: "9200000000000002", companyName: "Scale Shop 2" },
      { realmId: "9200000000000003", companyName: "Scale Shop 3" },
    ]);
    const listed = (await admin(ctx.emu, "GET", "/realms")).realms.map((realm: { realmId: string }) => realm.realmId);
    expect(listed).toEqual(expect.arrayContaining([ACME, "9200000000000001", "9200000000000002", "9200000000000003"]));

    const second = await connectQbo(ctx.emu, "9200000000000002");
    expect((await mustQbo(second, "getCompanyInfo", "9200000000000002")).CompanyName).toBe("Scale Shop 2");
    const created = await mustQbo(second, "createInvoice", buildInvoiceBody("1", 125));
    expect(created).toMatchObject({ Id: "3", DocNumber: "1003", TotalAmt: 125 });

    const third = await connectQbo(ctx.emu, "9200000000000003");
    const thirdInvoices = (await mustQbo(third, "findInvoices", {})).QueryResponse.Invoice;
    expect(thirdInvoices.map((invoice: { Id: string }) => invoice.Id)).toEqual(["1", "2"]);
  });

  it("continues after the highest id by default, copies Birch on request, and refuses ids in use (nothing created)", async () => {
    const first = await admin(ctx.emu, "POST", "/companies", { count: 2, template: "birch" });
    expect(first.realms.map((realm: { realmId: string }) => realm.realmId)).toEqual(["9130357766900003", "9130357766900004"]);
    const birchCopy = await connectQbo(ctx.emu, "9130357766900004");
    expect((await mustQbo(birchCopy, "getPreferences")).SalesFormsPrefs.CustomTxnNumbers).toBe(true);

    const clash = await fetch(`${ctx.emu.url}/__emulator/companies`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ count: 3, firstRealmId: "9130357766900002" }) });
    expect(clash.status).toBe(409);
    expect((await admin(ctx.emu, "GET", "/realms")).realms).toHaveLength(4);

    const invalid = await fetch(`${ctx.emu.url}/__emulator/companies`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ count: 0 }) });
    expect(invalid.status).toBe(400);
  });

  it("is undone by reset (the seed has two companies)", async () => {
    await admin(ctx.emu, "POST", "/companies", { count: 5 });
    await admin(ctx.emu, "POST", "/reset");
    expect((await admin(ctx.emu, "GET", "/realms")).realms.map((realm: { realmId: string }) => realm.realmId)).toEqual([ACME, "9130357766900002"]);
  });
});
