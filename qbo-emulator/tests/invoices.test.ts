// Invoices through node-quickbooks: create/read/query/sparse update/void/delete, SyncToken, numbering, 6140, company status.
import { describe, expect, it } from "vitest";
import {
  ACME, admin, BIRCH, buildInvoiceBody, callQbo, connectQbo, expectStaleObjectFault, getFaultBody, getFaultCode, getStatus, mustQbo, rawApi,
  useTestEmulator,
} from "./helpers";

const ctx = useTestEmulator();

describe("invoice lifecycle", () => {
  it("creates an invoice with Intuit's computed fields", async () => {
    const inv = await mustQbo(ctx.qbo, "createInvoice", {
      CustomerRef: { value: "1" },
      Line: [
        { Amount: 1861.07, Description: "Bracket, 6061-T6", DetailType: "SalesItemLineDetail", SalesItemLineDetail: { ItemRef: { value: "3" }, Qty: 7, UnitPrice: 265.867142857 } },
        { Amount: 150, DetailType: "SalesItemLineDetail", SalesItemLineDetail: { ItemRef: { value: "5" } } },
      ],
      TxnDate: "2026-11-02",
      PrivateNote: "workcenter:job:J-1001",
    });
    expect(inv.Id).toMatch(/^\d+$/);
    expect(inv.SyncToken).toBe("0");
    expect(inv.DocNumber).toBe("1003");
    expect(inv.TotalAmt).toBe(2011.07);
    expect(inv.Balance).toBe(2011.07);
    expect(inv.DueDate).toBe("2026-12-02");
    expect(inv.CustomerRef).toEqual({ value: "1", name: "Xometry" });
    expect(inv.CurrencyRef.value).toBe("USD");
    expect(inv.Line.at(-1)).toEqual({ Amount: 2011.07, DetailType: "SubTotalLineDetail", SubTotalLineDetail: {} });
    expect(inv.Line[0].SalesItemLineDetail.ItemRef).toEqual({ value: "3", name: "Parts" });
    expect(inv.PrivateNote).toBe("workcenter:job:J-1001");
    expect(inv.domain).toBe("QBO");
    expect(inv.MetaData.CreateTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[-+]\d\d:\d\d$/);
  });

  it("serializes money with two decimals on the wire", async () => {
    const t = ctx.emu.issueTokens(ACME);
    const res = await rawApi(ctx.emu, t.access_token, "POST", `/v3/company/${ACME}/invoice?minorversion=75`, JSON.stringify(buildInvoiceBody("1", 100)));
    expect(res.status).toBe(200);
    expect(res.text).toContain('"TotalAmt":100.00');
    expect(res.text).toMatch(/"time":"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[-+]\d\d:\d\d"/);
  });

  it("reads, queries, sparse-updates and rejects a stale SyncToken with 5010", async () => {
    const created = await mustQbo(ctx.qbo, "createInvoice", buildInvoiceBody("1", 250));
    const read = await mustQbo(ctx.qbo, "getInvoice", created.Id);
    expect(read.TotalAmt).toBe(250);
    const found = await mustQbo(ctx.qbo, "findInvoices", { DocNumber: created.DocNumber });
    expect(found.QueryResponse.Invoice).toHaveLength(1);
    expect(found.QueryResponse.Invoice[0].Id).toBe(created.Id);

    const updated = await mustQbo(ctx.qbo, "updateInvoice", { Id: created.Id, SyncToken: created.SyncToken, PrivateNote: "rev B" });
    expect(updated.SyncToken).toBe("1");
    expect(updated.PrivateNote).toBe("rev B");
    expect(updated.TotalAmt).toBe(250);
    expect(updated.DocNumber).toBe(created.DocNumber);

    const stale = await callQbo(ctx.qbo, "updateInvoice", { Id: created.Id, SyncToken: "0", PrivateNote: "lost" });
    expectStaleObjectFault(stale.err);
    const staleLines = await callQbo(ctx.qbo, "updateInvoice", { Id: created.Id, SyncToken: "0", Line: buildInvoiceBody("1", 200).Line });
    expectStaleObjectFault(staleLines.err);
    const staleVoid = await callQbo(ctx.qbo, "voidInvoice", { Id: created.Id, SyncToken: "0" });
    expectStaleObjectFault(staleVoid.err);
    expect((await mustQbo(ctx.qbo, "getInvoice", created.Id)).PrivateNote).toBe("rev B");
  });

  it("a sparse update with Line replaces all lines", async () => {
    const created = await mustQbo(ctx.qbo, "createInvoice", {
      CustomerRef: { value: "1" },
      Line: [
        { Amount: 10, DetailType: "SalesItemLineDetail", SalesItemLineDetail: { ItemRef: { value: "2" } } },
        { Amount: 20, DetailType: "SalesItemLineDetail", SalesItemLineDetail: { ItemRef: { value: "3" } } },
      ],
    });
    const updated = await mustQbo(ctx.qbo, "updateInvoice", {
      Id: created.Id, SyncToken: created.SyncToken,
      Line: [{ Amount: 5, DetailType: "SalesItemLineDetail", SalesItemLineDetail: { ItemRef: { value: "3" } } }],
    });
    expect(updated.TotalAmt).toBe(5);
    expect(updated.Line.filter((l: { DetailType: string }) => l.DetailType === "SalesItemLineDetail")).toHaveLength(1);
  });

  it("voids an invoice: amounts 0, Voided note, SyncToken + 1, number kept", async () => {
    const created = await mustQbo(ctx.qbo, "createInvoice", buildInvoiceBody("1", 300));
    const res = await mustQbo(ctx.qbo, "voidInvoice", { Id: created.Id, SyncToken: created.SyncToken });
    const voided = res.Invoice;
    expect(voided.TotalAmt).toBe(0);
    expect(voided.Balance).toBe(0);
    expect(voided.PrivateNote).toBe("Voided");
    expect(voided.SyncToken).toBe("1");
    expect(voided.DocNumber).toBe(created.DocNumber);
    expect(voided.Line[0].Amount).toBe(0);
  });

  it("voidInvoice by id GETs first and sends the whole entity back (accepted)", async () => {
    const created = await mustQbo(ctx.qbo, "createInvoice", buildInvoiceBody("1", 42));
    const res = await mustQbo(ctx.qbo, "voidInvoice", created.Id);
    expect(res.Invoice.TotalAmt).toBe(0);
  });

  it("deletes an invoice; reading it afterwards is 610", async () => {
    const created = await mustQbo(ctx.qbo, "createInvoice", buildInvoiceBody("1", 300));
    const res = await mustQbo(ctx.qbo, "deleteInvoice", { Id: created.Id, SyncToken: created.SyncToken });
    expect(res.Invoice).toEqual({ domain: "QBO", status: "Deleted", Id: created.Id });
    const gone = await callQbo(ctx.qbo, "getInvoice", created.Id);
    expect(getFaultCode(gone.err)).toBe("610");
    const stale = await callQbo(ctx.qbo, "deleteInvoice", { Id: created.Id, SyncToken: "0" });
    expect(getFaultCode(stale.err)).toBe("610");
  });

  it("checks Amount = Qty × UnitPrice (6070)", async () => {
    const { err } = await callQbo(ctx.qbo, "createInvoice", {
      CustomerRef: { value: "1" },
      Line: [{ Amount: 1861.07, DetailType: "SalesItemLineDetail", SalesItemLineDetail: { ItemRef: { value: "3" }, Qty: 2, UnitPrice: 900 } }],
    });
    expect(getFaultCode(err)).toBe("6070");
    expect(getFaultBody(err).Fault.Error[0].Detail).toContain("Supplied value:1,861.07");
  });

  it("marks an invoice sent (send endpoint)", async () => {
    const created = await mustQbo(ctx.qbo, "createInvoice", buildInvoiceBody("1", 10));
    const sent = await mustQbo(ctx.qbo, "sendInvoicePdf", created.Id, "ap@xometry.example.com");
    expect(sent.EmailStatus).toBe("EmailSent");
    expect(sent.DeliveryInfo.DeliveryType).toBe("Email");
    expect(sent.SyncToken).toBe("1");
  });

  it("rejects unknown customers (2500) and items (2500)", async () => {
    const customer = await callQbo(ctx.qbo, "createInvoice", buildInvoiceBody("99999", 10));
    expect(getFaultCode(customer.err)).toBe("2500");
    const item = await callQbo(ctx.qbo, "createInvoice", {
      CustomerRef: { value: "1" },
      Line: [{ Amount: 1, DetailType: "SalesItemLineDetail", SalesItemLineDetail: { ItemRef: { value: "777" } } }],
    });
    expect(getFaultCode(item.err)).toBe("2500");
  });
});

describe("invoice numbering", () => {
  it("numbers invoices automatically when Custom Transaction Numbers is off", async () => {
    const a = await mustQbo(ctx.qbo, "createInvoice", buildInvoiceBody("1", 1));
    const b = await mustQbo(ctx.qbo, "createInvoice", buildInvoiceBody("1", 1));
    expect(Number(b.DocNumber)).toBe(Number(a.DocNumber) + 1);
  });

  it("leaves the number empty when Custom Transaction Numbers is on and none is sent", async () => {
    const birch = await connectQbo(ctx.emu, BIRCH);
    const inv = await mustQbo(birch, "createInvoice", buildInvoiceBody("1", 75));
    expect(inv.DocNumber).toBeUndefined();
    const prefs = await mustQbo(birch, "getPreferences");
    expect(prefs.SalesFormsPrefs.CustomTxnNumbers).toBe(true);
  });

  it("rejects a duplicate DocNumber with 6140 when on, unless include=allowduplicatedocnum", async () => {
    const birch = await connectQbo(ctx.emu, BIRCH);
    const first = await mustQbo(birch, "createInvoice", buildInvoiceBody("1", 75, { DocNumber: "WC-1001" }));
    expect(first.DocNumber).toBe("WC-1001");
    const dup = await callQbo(birch, "createInvoice", buildInvoiceBody("1", 75, { DocNumber: "WC-1001" }));
    expect(getStatus(dup.err)).toBe(400);
    expect(getFaultCode(dup.err)).toBe("6140");
    expect(getFaultBody(dup.err).Fault.Error[0].Detail).toContain(`DocNumber=WC-1001 is assigned to TxnType=Invoice with TxnId=${first.Id}`);
    const allowed = await mustQbo(birch, "createInvoice", buildInvoiceBody("1", 75, { DocNumber: "WC-1001", allowDuplicateDocNum: true }));
    expect(allowed.DocNumber).toBe("WC-1001");
    expect(allowed.Id).not.toBe(first.Id);
  });

  it("switches behaviour when the preference is toggled through the admin API", async () => {
    await admin(ctx.emu, "POST", `/realms/${ACME}/preferences`, { customTxnNumbers: true });
    const prefs = await mustQbo(ctx.qbo, "getPreferences");
    expect(prefs.SalesFormsPrefs.CustomTxnNumbers).toBe(true);
    const inv = await mustQbo(ctx.qbo, "createInvoice", buildInvoiceBody("1", 5));
    expect(inv.DocNumber).toBeUndefined();
    await admin(ctx.emu, "POST", `/realms/${ACME}/preferences`, { SalesFormsPrefs: { CustomTxnNumbers: false } });
    const numbered = await mustQbo(ctx.qbo, "createInvoice", buildInvoiceBody("1", 5));
    expect(numbered.DocNumber).toMatch(/^\d+$/);
  });

  it("rejects a DocNumber longer than 21 characters (2050)", async () => {
    const { err } = await callQbo(ctx.qbo, "createInvoice", buildInvoiceBody("1", 5, { DocNumber: "X".repeat(22) }));
    expect(getFaultCode(err)).toBe("2050");
  });
});

describe("company status", () => {
  it("an ended subscription refuses every write with 6190 (reads still work)", async () => {
    await admin(ctx.emu, "POST", `/realms/${ACME}/company-status`, { subscriptionEnded: true });
    const write = await callQbo(ctx.qbo, "createCustomer", { DisplayName: "Late Co" });
    expect(getFaultCode(write.err)).toBe("6190");
    expect(getFaultBody(write.err).Fault.Error[0].Message).toBe("Invalid Company Status");
    expect((await callQbo(ctx.qbo, "getInvoice", "1")).err).toBeFalsy();
    expect((await callQbo(ctx.qbo, "findCustomers", { DisplayName: "Xometry" })).err).toBeFalsy();
  });

  it("closed books refuse transactions dated on or before the closing date with 6210", async () => {
    await admin(ctx.emu, "POST", `/realms/${ACME}/company-status`, { closingDate: "2026-06-30" });
    const old = await callQbo(ctx.qbo, "createInvoice", buildInvoiceBody("1", 10, { TxnDate: "2026-06-30" }));
    expect(getFaultCode(old.err)).toBe("6210");
    const fresh = await mustQbo(ctx.qbo, "createInvoice", buildInvoiceBody("1", 10, { TxnDate: "2026-07-01" }));
    const backdate = await callQbo(ctx.qbo, "updateInvoice", { Id: fresh.Id, SyncToken: fresh.SyncToken, TxnDate: "2026-01-15" });
    expect(getFaultCode(backdate.err)).toBe("6210");
    await admin(ctx.emu, "POST", `/realms/${ACME}/company-status`, { closingDate: "2026-12-31" });
    const voidClosed = await callQbo(ctx.qbo, "voidInvoice", { Id: fresh.Id, SyncToken: fresh.SyncToken });
    expect(getFaultCode(voidClosed.err)).toBe("6210");
    await admin(ctx.emu, "POST", `/realms/${ACME}/company-status`, { closingDate: null });
    expect((await callQbo(ctx.qbo, "voidInvoice", { Id: fresh.Id, SyncToken: fresh.SyncToken })).err).toBeFalsy();
  });
});
