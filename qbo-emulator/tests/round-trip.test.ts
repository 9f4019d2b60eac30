// Read → change → full update (sparse:false) for Invoice, Customer, Item and Payment: through node-quickbooks, and
// as raw HTTP from a client that fills every field it models with a zero default.
import { beforeEach, describe, expect, it } from "vitest";
import { withCustomerDefaults, withInvoiceDefaults, withItemDefaults, withPaymentDefaults } from "./client-defaults";
import { ACME, buildInvoiceBody, mustQbo, rawApi, useTestEmulator } from "./helpers";

const ctx = useTestEmulator();
let token: string;
beforeEach(() => {
  token = ctx.emu.issueTokens(ACME).access_token;
});

type Json = Record<string, any>;

async function readRaw(entity: string, id: string): Promise<Json> {
  const res = await rawApi(ctx.emu, token, "GET", `/v3/company/${ACME}/${entity.toLowerCase()}/${id}?minorversion=75`);
  expect(res.status).toBe(200);
  return res.json[entity];
}

/** POST /{entity} with the whole entity (Id inside, no operation): Intuit's full update. */
async function saveRaw(entity: string, body: Json): Promise<Json> {
  const res = await rawApi(ctx.emu, token, "POST", `/v3/company/${ACME}/${entity.toLowerCase()}?minorversion=75`, JSON.stringify(body));
  expect(res.json.Fault, JSON.stringify(res.json.Fault)).toBeUndefined();
  expect(res.status).toBe(200);
  return res.json[entity];
}

async function createPaidInvoice(): Promise<{ invoice: Json; payment: Json }> {
  const invoice = await mustQbo(ctx.qbo, "createInvoice", buildInvoiceBody("2", 300, {
    BillAddr: { Line1: "1 Hangar Way", City: "Toledo" }, ShipDate: "2026-05-01", CustomerMemo: { value: "Thanks" },
  }));
  const payment = await mustQbo(ctx.qbo, "createPayment", {
    CustomerRef: { value: "2" }, TotalAmt: 120, PaymentRefNum: "CHK-1", Line: [{ Amount: 120, LinkedTxn: [{ TxnId: invoice.Id, TxnType: "Invoice" }] }],
  });
  return { invoice: await mustQbo(ctx.qbo, "getInvoice", invoice.Id), payment };
}

describe("Invoice", () => {
  it.each([
    ["node-quickbooks", (read: Json) => mustQbo(ctx.qbo, "updateInvoice", { ...read, sparse: false, PrivateNote: "changed", DueDate: "2026-12-31" })],
    ["raw HTTP with zero defaults", (read: Json) => saveRaw("Invoice", { ...withInvoiceDefaults(read), PrivateNote: "changed", DueDate: "2026-12-31" })],
  ])("read → change → full save keeps lines, payments and fields (%s)", async (_name, save) => {
    const { invoice } = await createPaidInvoice();
    const read = await readRaw("Invoice", invoice.Id);
    const saved = await save(read);
    expect(saved).toMatchObject({ PrivateNote: "changed", DueDate: "2026-12-31", SyncToken: String(Number(read.SyncToken) + 1) });
    for (const key of ["TotalAmt", "Balance", "Line", "LinkedTxn", "TxnDate", "DocNumber", "ShipDate", "CustomerMemo", "BillAddr", "CustomerRef"]) {
      expect(saved[key], key).toEqual(read[key]);
    }
    expect(saved.Balance).toBe(180);
  });
});

describe("Customer", () => {
  it.each([
    ["node-quickbooks", (read: Json) => mustQbo(ctx.qbo, "updateCustomer", { ...read, sparse: false, Notes: "Net 45 agreed", CompanyName: "GLA Inc." })],
    ["raw HTTP with zero defaults", (read: Json) => saveRaw("Customer", { ...withCustomerDefaults(read), Notes: "Net 45 agreed", CompanyName: "GLA Inc." })],
  ])("read → change → full save (%s)", async (_name, save) => {
    const created = await mustQbo(ctx.qbo, "createCustomer", {
      DisplayName: "Round Trip Co", PrimaryEmailAddr: { Address: "ap@roundtrip.example" }, BillAddr: { Line1: "5 Elm St", City: "Dayton" },
    });
    const read = await readRaw("Customer", created.Id);
    const saved = await save(read);
    expect(saved).toMatchObject({ Notes: "Net 45 agreed", CompanyName: "GLA Inc.", SyncToken: String(Number(read.SyncToken) + 1) });
    for (const key of ["DisplayName", "PrimaryEmailAddr", "BillAddr", "CurrencyRef", "Active", "Balance"]) expect(saved[key], key).toEqual(read[key]);
  });
});

describe("Item", () => {
  it.each([
    ["node-quickbooks", (read: Json) => mustQbo(ctx.qbo, "updateItem", { ...read, sparse: false, Description: "Hard anodize", UnitPrice: 12.75 })],
    ["raw HTTP with zero defaults", (read: Json) => saveRaw("Item", { ...withItemDefaults(read), Description: "Hard anodize", UnitPrice: 12.75 })],
  ])("read → change → full save (%s)", async (_name, save) => {
    const created = await mustQbo(ctx.qbo, "createItem", { Name: "Coating", Sku: "CT-9", Type: "Service", IncomeAccountRef: { value: "4" } });
    const read = await readRaw("Item", created.Id);
    const saved = await save(read);
    expect(saved).toMatchObject({ Description: "Hard anodize", UnitPrice: 12.75, SyncToken: String(Number(read.SyncToken) + 1) });
    for (const key of ["Name", "Sku", "Type", "IncomeAccountRef", "Active"]) expect(saved[key], key).toEqual(read[key]);
  });
});

describe("Payment", () => {
  it.each([
    ["node-quickbooks", (read: Json) => mustQbo(ctx.qbo, "updatePayment", { ...read, sparse: false, PaymentRefNum: "CHK-2", PrivateNote: "re-keyed" })],
    ["raw HTTP with zero defaults", (read: Json) => saveRaw("Payment", { ...withPaymentDefaults(read), PaymentRefNum: "CHK-2", PrivateNote: "re-keyed" })],
  ])("read → change → full save keeps the allocation (%s)", async (_name, save) => {
    const { invoice, payment } = await createPaidInvoice();
    const read = await readRaw("Payment", payment.Id);
    const saved = await save(read);
    expect(saved).toMatchObject({ PaymentRefNum: "CHK-2", PrivateNote: "re-keyed", SyncToken: String(Number(read.SyncToken) + 1) });
    for (const key of ["TotalAmt", "UnappliedAmt", "TxnDate", "CustomerRef", "DepositToAccountRef"]) expect(saved[key], key).toEqual(read[key]);
    expect(saved.Line.map((l: Json) => [l.Amount, l.LinkedTxn[0].TxnId])).toEqual([[120, invoice.Id]]);
    expect((await readRaw("Invoice", invoice.Id)).Balance).toBe(180);
  });
});
