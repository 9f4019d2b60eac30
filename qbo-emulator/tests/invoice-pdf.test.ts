// The invoice PDF (GET invoice/{id}/pdf): a real PDF with the number, customer, lines, rates and totals.
import { inflateSync } from "node:zlib";
import { PDFDocument } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { ACME, buildInvoiceBody, callQbo, mustQbo, rawApi, useTestEmulator } from "./helpers";

const ctx = useTestEmulator();

/** The page text, from the PDF's Flate-encoded content streams (pdf-lib writes text as hex strings). */
function extractTextStreams(pdf: Buffer): string {
  const text = pdf.toString("latin1");
  const out: string[] = [];
  const re = /stream\r?\n/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const start = m.index + m[0].length;
    const end = text.indexOf("endstream", start);
    try {
      out.push(inflateSync(pdf.subarray(start, end)).toString("latin1"));
    } catch {
      // not a Flate stream
    }
  }
  return out.join("\n");
}

function hex(s: string): string {
  return Buffer.from(s, "latin1").toString("hex").toUpperCase();
}

describe("invoice PDF", () => {
  it("returns a real PDF carrying the invoice number, customer and total", async () => {
    const created = await mustQbo(ctx.qbo, "createInvoice", buildInvoiceBody("1", 1234.5));
    const { err, data } = await callQbo(ctx.qbo, "getInvoicePdf", created.Id);
    expect(err).toBeFalsy();
    const pdf = Buffer.from(data);
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pdf.toString("latin1")).toContain(`Invoice ${created.DocNumber}`);
    const doc = await PDFDocument.load(pdf);
    expect(doc.getTitle()).toBe(`Invoice ${created.DocNumber}`);
    expect(doc.getPageCount()).toBe(1);
    const streams = extractTextStreams(pdf);
    expect(streams).toContain(hex(`Invoice no.: ${created.DocNumber}`));
    expect(streams).toContain(hex("Xometry"));
    expect(streams).toContain(hex("USD 1234.50"));
  });

  it("spills long invoices onto more pages and survives characters the standard fonts lack", async () => {
    const customer = await mustQbo(ctx.qbo, "createCustomer", { DisplayName: "Zürich Präzision AG 🚀" });
    const lines = Array.from({ length: 60 }, (_, i) => ({ Amount: 1, Description: `Part ${i + 1} — Ø12 mm`, DetailType: "SalesItemLineDetail", SalesItemLineDetail: { ItemRef: { value: "3" } } }));
    const inv = await mustQbo(ctx.qbo, "createInvoice", { CustomerRef: { value: customer.Id }, Line: lines });
    const { err, data } = await callQbo(ctx.qbo, "getInvoicePdf", inv.Id);
    expect(err).toBeFalsy();
    const doc = await PDFDocument.load(Buffer.from(data));
    expect(doc.getPageCount()).toBeGreaterThan(1);
    expect(extractTextStreams(Buffer.from(data))).toContain(hex("USD 60.00"));
  });

  it("answers a missing invoice's PDF with a JSON 610 fault", async () => {
    const t = ctx.emu.issueTokens(ACME);
    const res = await rawApi(ctx.emu, t.access_token, "GET", `/v3/company/${ACME}/invoice/424242/pdf`);
    expect(res.status).toBe(400);
    expect(res.json.Fault.Error[0].code).toBe("610");
  });

  it("prints each rate with its decimals (4253 → 4253.00, 33.3333333 kept) beside the quantity", async () => {
    const inv = await mustQbo(ctx.qbo, "createInvoice", {
      CustomerRef: { value: "1" },
      Line: [
        { Amount: 4253, DetailType: "SalesItemLineDetail", SalesItemLineDetail: { ItemRef: { value: "2" }, Qty: 1, UnitPrice: 4253 } },
        { Amount: 100, DetailType: "SalesItemLineDetail", SalesItemLineDetail: { ItemRef: { value: "3" }, Qty: 3 } },
      ],
    });
    const { data } = await callQbo(ctx.qbo, "getInvoicePdf", inv.Id);
    const streams = extractTextStreams(Buffer.from(data));
    expect(streams).toContain(hex("4253.00"));
    expect(streams).toContain(hex("33.3333333"));
    expect(streams).toContain(hex("USD 4253.00"));
    expect(streams).not.toContain(`<${hex("4253")}>`);
  });
});
