// Batch (≤30 items, per-item faults, HTTP 200) and Change Data Capture (changedSince, deleted flagged).
import { describe, expect, it } from "vitest";
import { ACME, buildInvoiceBody, callQbo, getFaultCode, getStatus, mustQbo, rawApi, useTestEmulator } from "./helpers";

const ctx = useTestEmulator();

describe("batch", () => {
  it("runs creates, updates, deletes and queries with per-item faults", async () => {
    const inv = await mustQbo(ctx.qbo, "createInvoice", buildInvoiceBody("1", 20));
    const res = await mustQbo(ctx.qbo, "batch", [
      { bId: "bid1", operation: "create", Customer: { DisplayName: "Batch Customer One" } },
      { bId: "bid2", operation: "create", Customer: { DisplayName: "Xometry" } },
      { bId: "bid3", operation: "update", Invoice: { Id: inv.Id, SyncToken: "7", sparse: true, PrivateNote: "x" } },
      { bId: "bid4", operation: "delete", Invoice: { Id: "987654", SyncToken: "0" } },
      { bId: "bid5", Query: "select count(*) from Customer where DisplayName LIKE 'Batch%'" },
      { bId: "bid6", operation: "update", Invoice: { Id: inv.Id, SyncToken: inv.SyncToken, sparse: true, PrivateNote: "batched" } },
    ]);
    const byId = Object.fromEntries(res.BatchItemResponse.map((r: { bId: string }) => [r.bId, r]));
    expect(byId.bid1.Customer.DisplayName).toBe("Batch Customer One");
    expect(byId.bid2.Fault.Error[0].code).toBe("6240");
    expect(byId.bid3.Fault.Error[0].code).toBe("5010");
    expect(byId.bid4.Fault.Error[0].code).toBe("610");
    expect(byId.bid5.QueryResponse.totalCount).toBe(1);
    expect(byId.bid6.Invoice.PrivateNote).toBe("batched");
    expect(res.time).toBeTruthy();
  });

  it("rejects more than 30 items", async () => {
    const items = Array.from({ length: 31 }, (_, i) => ({ bId: `b${i}`, Query: "select count(*) from Item" }));
    const { err } = await callQbo(ctx.qbo, "batch", items);
    expect(getStatus(err)).toBe(400);
    expect(getFaultCode(err)).toBe("6000");
    const thirty = await mustQbo(ctx.qbo, "batch", items.slice(0, 30));
    expect(thirty.BatchItemResponse).toHaveLength(30);
  });

  it("with a requestid: ≤36 characters, bIds ≤10 characters, and the batch replays", async () => {
    const t = ctx.emu.issueTokens(ACME);
    const body = JSON.stringify({ BatchItemRequest: [{ bId: "c1", operation: "create", Customer: { DisplayName: "Replayed Batch Co" } }] });
    const path = `/v3/company/${ACME}/batch?requestid=`;
    const long = await rawApi(ctx.emu, t.access_token, "POST", `${path}${"r".repeat(37)}`, body);
    expect(long.json.Fault.Error[0].code).toBe("2050");
    const longBid = await rawApi(ctx.emu, t.access_token, "POST", `${path}batch-1`, JSON.stringify({ BatchItemRequest: [{ bId: "bid-longer-than-10", Query: "select * from Item" }] }));
    expect(longBid.json.Fault.Error[0].code).toBe("2050");
    const first = await rawApi(ctx.emu, t.access_token, "POST", `${path}batch-2`, body);
    const second = await rawApi(ctx.emu, t.access_token, "POST", `${path}batch-2`, body);
    expect(first.json.BatchItemResponse[0].Customer.DisplayName).toBe("Replayed Batch Co");
    expect(second.text).toBe(first.text);
  });

  it("rejects unknown item properties and missing bId", async () => {
    const res = await mustQbo(ctx.qbo, "batch", [{ bId: "x1", operation: "create", Widget: { Name: "x" } }]);
    expect(res.BatchItemResponse[0].Fault.Error[0].code).toBe("2010");
    const noBid = await callQbo(ctx.qbo, "batch", [{ operation: "create", Customer: { DisplayName: "No bId" } }]);
    expect(getFaultCode(noBid.err)).toBe("2020");
  });
});

describe("change data capture", () => {
  it("returns entities changed since a time, with deleted ones flagged", async () => {
    const since = new Date(Date.now() - 1000);
    const kept = await mustQbo(ctx.qbo, "createInvoice", buildInvoiceBody("1", 10));
    const gone = await mustQbo(ctx.qbo, "createInvoice", buildInvoiceBody("1", 20));
    await mustQbo(ctx.qbo, "deleteInvoice", { Id: gone.Id, SyncToken: gone.SyncToken });
    const payment = await mustQbo(ctx.qbo, "createPayment", { CustomerRef: { value: "1" }, TotalAmt: 10, Line: [{ Amount: 10, LinkedTxn: [{ TxnId: kept.Id, TxnType: "Invoice" }] }] });
    const res = await mustQbo(ctx.qbo, "changeDataCapture", ["Invoice", "Payment", "Item"], since);
    const [invoices, payments, items] = res.CDCResponse[0].QueryResponse;
    const invoiceRows = invoices.Invoice;
    expect(invoiceRows.find((r: { Id: string }) => r.Id === kept.Id).Balance).toBe(0);
    expect(invoiceRows.find((r: { Id: string }) => r.Id === gone.Id)).toMatchObject({ status: "Deleted", domain: "QBO" });
    expect(invoices.startPosition).toBe(1);
    expect(invoices.maxResults).toBe(invoiceRows.length);
    expect(payments.Payment.map((p: { Id: string }) => p.Id)).toEqual([payment.Id]);
    expect(items).toEqual({});
    expect(invoiceRows.some((r: { Id: string }) => r.Id === "1")).toBe(false);
  });

  it("requires changedSince within 30 days and known entities", async () => {
    const t = ctx.emu.issueTokens(ACME);
    const old = new Date(Date.now() - 31 * 86_400_000).toISOString();
    const tooOld = await rawApi(ctx.emu, t.access_token, "GET", `/v3/company/${ACME}/cdc?entities=Invoice&changedSince=${old}`);
    expect(tooOld.status).toBe(400);
    const missing = await rawApi(ctx.emu, t.access_token, "GET", `/v3/company/${ACME}/cdc?entities=Invoice`);
    expect(missing.json.Fault.Error[0].code).toBe("2020");
    const bad = await rawApi(ctx.emu, t.access_token, "GET", `/v3/company/${ACME}/cdc?entities=Widget&changedSince=${new Date().toISOString()}`);
    expect(bad.json.Fault.Error[0].code).toBe("2010");
  });
});
