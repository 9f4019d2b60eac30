// Values Intuit reads leniently: zero Qty/UnitPrice defaults, "" and null for "not set", numbers as text, empty
// references and addresses — raw HTTP (as another client sends them) and through node-quickbooks.
import { beforeEach, describe, expect, it } from "vitest";
import { ACME, buildInvoiceBody, callQbo, getFaultCode, mustQbo, rawApi, useTestEmulator } from "./helpers";

const ctx = useTestEmulator();
let token: string;
beforeEach(() => {
  token = ctx.emu.issueTokens(ACME).access_token;
});

async function post(entity: string, body: unknown): Promise<{ status: number; json: any }> {
  const res = await rawApi(ctx.emu, token, "POST", `/v3/company/${ACME}/${entity}?minorversion=75`, JSON.stringify(body));
  return { status: res.status, json: res.json };
}

function buildZeroDefaultLine(amount: number, detail: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    Amount: amount, DetailType: "SalesItemLineDetail",
    SalesItemLineDetail: { ItemRef: { value: "2" }, Qty: 0, UnitPrice: 0, ServiceDate: "", ...detail },
  };
}

describe("invoice lines", () => {
  it("Amount with Qty 0 / UnitPrice 0 takes the Amount (no 6070), raw and through node-quickbooks", async () => {
    const raw = await post("invoice", { CustomerRef: { value: "1" }, Line: [buildZeroDefaultLine(100)] });
    expect(raw.status).toBe(200);
    expect(raw.json.Invoice.TotalAmt).toBe(100);
    expect(raw.json.Invoice.Line[0].Amount).toBe(100);
    expect(raw.json.Invoice.Line[0].SalesItemLineDetail.Qty).toBeUndefined();
    expect(raw.json.Invoice.Line[0].SalesItemLineDetail.ServiceDate).toBeUndefined();
    const viaClient = await mustQbo(ctx.qbo, "createInvoice", { CustomerRef: { value: "1" }, Line: [buildZeroDefaultLine(42.5)] });
    expect(viaClient.TotalAmt).toBe(42.5);
  });

  it("a zero UnitPrice beside a real Qty is derived from the Amount; a real mismatch is still 6070", async () => {
    const derived = await post("invoice", { CustomerRef: { value: "1" }, Line: [buildZeroDefaultLine(100, { Qty: 4 })] });
    expect(derived.json.Invoice.Line[0].SalesItemLineDetail).toMatchObject({ Qty: 4, UnitPrice: 25 });
    const mismatch = await post("invoice", { CustomerRef: { value: "1" }, Line: [buildZeroDefaultLine(100, { Qty: 3, UnitPrice: 30 })] });
    expect(mismatch.json.Fault.Error[0].code).toBe("6070");
  });
});

describe("dates", () => {
  it('TxnDate, DueDate, ShipDate and ServiceDate "" count as not sent', async () => {
    const res = await post("invoice", {
      CustomerRef: { value: "1" }, TxnDate: "", DueDate: "", ShipDate: "", Line: [buildZeroDefaultLine(10)],
    });
    expect(res.status).toBe(200);
    const inv = res.json.Invoice;
    expect(inv.TxnDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const due = new Date(`${inv.TxnDate}T00:00:00Z`);
    due.setUTCDate(due.getUTCDate() + 30);
    expect(inv.DueDate).toBe(due.toISOString().slice(0, 10));
    expect(inv).not.toHaveProperty("ShipDate");
    const payment = await mustQbo(ctx.qbo, "createPayment", { CustomerRef: { value: "1" }, TotalAmt: 5, TxnDate: "" });
    expect(payment.TxnDate).toBe(inv.TxnDate);
  });

  it("a date with a time or zone keeps its calendar date; a malformed one is still 2010", async () => {
    const res = await post("invoice", buildInvoiceBody("1", 10, { TxnDate: "2026-03-02T00:00:00-08:00", ShipDate: "2026-03-04" }));
    expect(res.json.Invoice).toMatchObject({ TxnDate: "2026-03-02", ShipDate: "2026-03-04", DueDate: "2026-04-01" });
    for (const bad of [{ TxnDate: "2026-02-30" }, { ShipDate: "soon" }]) {
      const fault = await post("invoice", buildInvoiceBody("1", 10, bad));
      expect(fault.json.Fault.Error[0].code).toBe("2010");
    }
    const service = await post("invoice", { CustomerRef: { value: "1" }, Line: [buildZeroDefaultLine(1, { ServiceDate: "13/01/2026" })] });
    expect(service.json.Fault.Error[0]).toMatchObject({ code: "2010", element: "Line.SalesItemLineDetail.ServiceDate" });
  });
});

describe("not-set values", () => {
  it("null members are read as absent", async () => {
    const res = await post("invoice", buildInvoiceBody("1", 10, { PrivateNote: null, SalesTermRef: null, CustomerMemo: null, TxnDate: null }));
    expect(res.status).toBe(200);
    expect(res.json.Invoice).not.toHaveProperty("PrivateNote");
    expect(res.json.Invoice).not.toHaveProperty("SalesTermRef");
  });

  it('an empty reference ({"value":""}) is not sent: ItemRef defaults, ClassRef is not stored', async () => {
    const res = await post("invoice", {
      CustomerRef: { value: "1", name: "", type: "" }, ClassRef: { value: "", name: "" },
      Line: [{ Amount: 7, DetailType: "SalesItemLineDetail", SalesItemLineDetail: { ItemRef: { value: "", name: "" } } }],
    });
    expect(res.status).toBe(200);
    expect(res.json.Invoice).not.toHaveProperty("ClassRef");
    expect(res.json.Invoice.Line[0].SalesItemLineDetail.ItemRef.value).toBe("1");
    const noCustomer = await post("invoice", { CustomerRef: { value: "" }, Line: [buildZeroDefaultLine(1)] });
    expect(noCustomer.json.Fault.Error[0].code).toBe("2020");
  });

  it('numbers where text is expected are taken as text; "" in numbers, booleans and enums is absent', async () => {
    const payment = await post("payment", { CustomerRef: { value: "1" }, TotalAmt: "12.50", PaymentRefNum: 1234, UnappliedAmt: 0, ProcessPayment: "" });
    expect(payment.json.Payment).toMatchObject({ TotalAmt: 12.5, PaymentRefNum: "1234" });
    const item = await post("item", { Name: "Deburring", Type: "", UnitPrice: "", Taxable: "", IncomeAccountRef: { value: "4" }, Id: "" });
    expect(item.json.Item).toMatchObject({ Name: "Deburring", Type: "NonInventory", UnitPrice: 0, Id: expect.stringMatching(/^\d+$/) });
    const inv = await post("invoice", buildInvoiceBody("1", 10, { EmailStatus: "", PrintStatus: "", DocNumber: 77 }));
    expect(inv.json.Invoice).toMatchObject({ EmailStatus: "NotSet", PrintStatus: "NeedToPrint", DocNumber: "77" });
  });

  it("empty strings in addresses and other objects are neither stored nor echoed", async () => {
    const address = { Line1: "12 Mill Rd", Line2: "", City: "Akron", CountrySubDivisionCode: "", PostalCode: "", Lat: "", Long: "" };
    const created = await mustQbo(ctx.qbo, "createCustomer", {
      DisplayName: "Empty Field Co", Title: "", Notes: "", BillAddr: address, ShipAddr: { Line1: "", Lat: "" }, PrimaryEmailAddr: { Address: "" },
    });
    expect(created.BillAddr).toEqual({ Line1: "12 Mill Rd", City: "Akron" });
    expect(created).not.toHaveProperty("ShipAddr");
    expect(created).not.toHaveProperty("PrimaryEmailAddr");
    expect(created).not.toHaveProperty("Title");
    const read = await mustQbo(ctx.qbo, "getCustomer", created.Id);
    expect(read.BillAddr).toEqual({ Line1: "12 Mill Rd", City: "Akron" });
    const cleared = await mustQbo(ctx.qbo, "updateCustomer", { Id: read.Id, SyncToken: read.SyncToken, sparse: true, BillAddr: { Line1: "" } });
    expect(cleared).not.toHaveProperty("BillAddr");
    const kept = await callQbo(ctx.qbo, "updateCustomer", { Id: read.Id, SyncToken: cleared.SyncToken, sparse: true, Notes: "vip" });
    expect(kept.data.Notes).toBe("vip");
    expect(getFaultCode(kept.err)).toBeUndefined();
  });

  it("a batch takes numeric bIds and zero-default bodies like single requests", async () => {
    const res = await post("batch", {
      BatchItemRequest: [
        { bId: 1, operation: "create", Invoice: { CustomerRef: { value: "1" }, TxnDate: "", Line: [buildZeroDefaultLine(55)] } },
        { bId: 2, Query: "SELECT *, Sku FROM Item WHERE Id = '5'" },
      ],
    });
    expect(res.status).toBe(200);
    const [created, queried] = res.json.BatchItemResponse;
    expect(created).toMatchObject({ bId: "1", Invoice: { TotalAmt: 55 } });
    expect(queried).toMatchObject({ bId: "2", QueryResponse: { Item: [{ Name: "Setup Fee" }] } });
  });
});

describe("deposit lines", () => {
  it("a linked line with a client's empty DetailType and empty DepositLineDetail is still a linked line", async () => {
    const inv = await mustQbo(ctx.qbo, "createInvoice", buildInvoiceBody("1", 75));
    const p = await mustQbo(ctx.qbo, "createPayment", { CustomerRef: { value: "1" }, TotalAmt: 75, Line: [{ Amount: 75, LinkedTxn: [{ TxnId: inv.Id, TxnType: "Invoice" }] }] });
    const line = {
      Amount: "75.00", DetailType: "", Description: "",
      DepositLineDetail: { AccountRef: { value: "", name: "" }, Entity: { value: "", type: "" }, CheckNum: "" },
      LinkedTxn: [{ TxnId: p.Id, TxnType: "Payment", TxnLineId: "0" }],
    };
    const res = await post("deposit", { DepositToAccountRef: { value: "1" }, TxnDate: "", Line: [line] });
    expect(res.status).toBe(200);
    expect(res.json.Deposit.Line).toEqual([{ Amount: 75, LinkedTxn: [{ TxnId: p.Id, TxnType: "Payment", TxnLineId: "0" }] }]);
  });
});
