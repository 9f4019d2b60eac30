// Admin API (reset, realms, entities, tokens, config) and the company UI (lists, PDF, void/delete, settings toggle).
import { describe, expect, it } from "vitest";
import { ACME, admin, BIRCH, buildInvoiceBody, callQbo, getFaultCode, mustQbo, useTestEmulator } from "./helpers";

const ctx = useTestEmulator();

async function page(path: string): Promise<{ status: number; html: string }> {
  const res = await fetch(`${ctx.emu.url}${path}`);
  return { status: res.status, html: await res.text() };
}

async function post(path: string): Promise<{ status: number; location: string }> {
  const res = await fetch(`${ctx.emu.url}${path}`, { method: "POST", redirect: "manual" });
  return { status: res.status, location: res.headers.get("location") ?? "" };
}

describe("admin API", () => {
  it("lists the seeded realms", async () => {
    const { realms } = await admin(ctx.emu, "GET", "/realms");
    expect(realms).toEqual([
      { realmId: ACME, companyName: "Acme Precision Machining", customTxnNumbers: false, multiCurrencyEnabled: true, homeCurrency: "USD" },
      { realmId: BIRCH, companyName: "Birch Fabrication", customTxnNumbers: true, multiCurrencyEnabled: false, homeCurrency: "USD" },
    ]);
  });

  it("shows everything stored, deleted records flagged, and reset restores the seed", async () => {
    const inv = await mustQbo(ctx.qbo, "createInvoice", buildInvoiceBody("1", 10));
    await mustQbo(ctx.qbo, "deleteInvoice", { Id: inv.Id, SyncToken: inv.SyncToken });
    const { items } = await admin(ctx.emu, "GET", `/realms/${ACME}/entities/Invoice`);
    expect(items.find((i: { Id: string }) => i.Id === inv.Id)).toMatchObject({ deleted: true });
    expect(items.find((i: { Id: string }) => i.Id === "1")).toMatchObject({ deleted: false, voided: false, DocNumber: "1001" });
    const customers = await admin(ctx.emu, "GET", `/realms/${ACME}/entities/customer`);
    expect(customers.items.length).toBeGreaterThan(100);
    await admin(ctx.emu, "POST", "/reset");
    const after = await admin(ctx.emu, "GET", `/realms/${ACME}/entities/Invoice`);
    expect(after.items.map((i: { Id: string }) => i.Id)).toEqual(["1", "2"]);
    const gone = await callQbo(ctx.qbo, "getPreferences");
    expect(gone.err.response.status).toBe(401);
  });

  it("reset with keepTokens keeps the connection", async () => {
    await admin(ctx.emu, "POST", "/reset", { keepTokens: true });
    expect((await callQbo(ctx.qbo, "getPreferences")).err).toBeFalsy();
  });

  it("issues tokens for tests and reports config changes", async () => {
    const tokens = await admin(ctx.emu, "POST", "/tokens", { realmId: BIRCH });
    expect(tokens).toMatchObject({ token_type: "bearer", realmId: BIRCH });
    expect(tokens.access_token).toBeTruthy();
    expect(tokens.refresh_token).toMatch(/^RT1-/);
    const config = await admin(ctx.emu, "POST", "/config", { latency: { kind: "lognormal", medianMs: 1, sigma: 0.1 } });
    expect(config.latency).toEqual({ kind: "lognormal", medianMs: 1, sigma: 0.1 });
    expect((await callQbo(ctx.qbo, "getPreferences")).err).toBeFalsy();
    await admin(ctx.emu, "POST", "/config", { latency: { kind: "none" } });
    const unknown = await fetch(`${ctx.emu.url}/__emulator/tokens`, { method: "POST", body: JSON.stringify({ realmId: "1" }) });
    expect(unknown.status).toBe(404);
  });

  it("edits, voids and receives payment through the admin API", async () => {
    const edited = await admin(ctx.emu, "POST", `/realms/${ACME}/invoices/1`, { PrivateNote: "edited in QBO" });
    expect(edited.Invoice.PrivateNote).toBe("edited in QBO");
    const paid = await admin(ctx.emu, "POST", `/realms/${ACME}/invoices/1/payments`, { amount: 250 });
    expect(paid.Payment.TotalAmt).toBe(250);
    expect((await mustQbo(ctx.qbo, "getInvoice", "1")).Balance).toBe(1000);
    const voided = await admin(ctx.emu, "POST", `/realms/${ACME}/invoices/2/void`);
    expect(voided.Invoice.TotalAmt).toBe(0);
  });
});

describe("company UI", () => {
  it("lists invoices and payments, and serves the PDF", async () => {
    const inv = await mustQbo(ctx.qbo, "createInvoice", buildInvoiceBody("1", 77));
    const list = await page(`/app/${ACME}/invoices`);
    expect(list.status).toBe(200);
    expect(list.html).toContain("Acme Precision Machining");
    expect(list.html).toContain(inv.DocNumber);
    expect(list.html).toContain("$77.00");
    const pdf = await fetch(`${ctx.emu.url}/app/${ACME}/invoices/${inv.Id}/pdf`);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe("%PDF-");
    await post(`/app/${ACME}/invoices/${inv.Id}/receive-payment`);
    const payments = await page(`/app/${ACME}/payments`);
    expect(payments.html).toContain("Xometry");
    expect(payments.html).toContain(inv.DocNumber);
    expect((await page("/app")).html).toContain("Birch Fabrication");
    expect((await page(`/app/${ACME}/customers`)).html).toContain("Maple Leaf Robotics");
  });

  it("voids and deletes invoices from the UI (SyncToken moves, API sees it)", async () => {
    const inv = await mustQbo(ctx.qbo, "createInvoice", buildInvoiceBody("1", 50));
    const voided = await post(`/app/${ACME}/invoices/${inv.Id}/void`);
    expect(voided.status).toBe(303);
    expect(voided.location).toContain("notice=");
    const read = await mustQbo(ctx.qbo, "getInvoice", inv.Id);
    expect(read.TotalAmt).toBe(0);
    const stale = await callQbo(ctx.qbo, "updateInvoice", { Id: inv.Id, SyncToken: inv.SyncToken, PrivateNote: "x" });
    expect(getFaultCode(stale.err)).toBe("5010");
    await post(`/app/${ACME}/invoices/${inv.Id}/delete`);
    expect(getFaultCode((await callQbo(ctx.qbo, "getInvoice", inv.Id)).err)).toBe("610");
  });

  it("edits an invoice from the UI form and reports errors", async () => {
    const res = await fetch(`${ctx.emu.url}/app/${ACME}/invoices/1/edit`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ DocNumber: "1001", DueDate: "2026-13-40", PrivateNote: "x" }).toString(),
      redirect: "manual",
    });
    expect(res.headers.get("location")).toContain("error=");
    const detail = await page(`/app/${ACME}/invoices/1`);
    expect(detail.html).toContain("Invoice 1001");
  });

  it("toggles Custom Transaction Numbers", async () => {
    const before = await page(`/app/${ACME}/settings`);
    expect(before.html).toContain('id="custom-txn-numbers">Off');
    await post(`/app/${ACME}/settings/custom-txn-numbers?value=on`);
    expect((await mustQbo(ctx.qbo, "getPreferences")).SalesFormsPrefs.CustomTxnNumbers).toBe(true);
    expect((await page(`/app/${ACME}/settings`)).html).toContain('id="custom-txn-numbers">On');
    await post(`/app/${ACME}/settings/custom-txn-numbers?value=off`);
    expect((await mustQbo(ctx.qbo, "getPreferences")).SalesFormsPrefs.CustomTxnNumbers).toBe(false);
  });

  it("lists connected apps and disconnects one (its tokens stop working)", async () => {
    const settings = await page(`/app/${ACME}/settings`);
    expect(settings.html).toContain('<ul id="connected-apps"><li>Workcenter');
    const res = await post(`/app/${ACME}/settings/disconnect?clientId=workcenter-emulator-client`);
    expect(res.location).toContain("notice=");
    expect((await callQbo(ctx.qbo, "getPreferences")).err.response.status).toBe(401);
    expect((await page(`/app/${ACME}/settings`)).html).toContain("No apps are connected");
  });

  it("answers unknown pages with 404", async () => {
    expect((await page(`/app/${ACME}/nothing`)).status).toBe(404);
    expect((await page("/app/123")).status).toBe(404);
  });
});
