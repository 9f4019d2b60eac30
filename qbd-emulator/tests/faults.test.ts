// Faults on the company file, and its state file.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createCompanyFile } from "../src/index";
import { addInvoice, newFile, sendOne } from "./helpers";

const invoiceAdd = { InvoiceAddRq: { InvoiceAdd: { CustomerRef: { FullName: "Xometry" }, RefNumber: "J-1", InvoiceLineAdd: { ItemRef: { FullName: "Parts" }, Amount: "5.00" } } } };

describe("one-shot qbXML errors", () => {
  it("answers the next request of the type with the status (3180 by default text) once, applying nothing", () => {
    const file = newFile();
    file.faults.failNext("InvoiceAdd", { statusCode: 3180 });
    const first = sendOne(file, invoiceAdd);
    expect(first).toMatchObject({ "@statusCode": "3180", "@statusSeverity": "Error" });
    expect(first["@statusMessage"]).toContain("This list has been modified by another user.");
    expect(file.admin.invoices()).toHaveLength(0);
    expect(sendOne(file, invoiceAdd)["@statusCode"]).toBe("0");
    expect(file.admin.invoices()).toHaveLength(1);
  });

  it("leaves other request types alone and takes a given message", () => {
    const file = newFile();
    file.faults.failNext("ReceivePaymentAddRq", { statusCode: 3175, statusMessage: "Record in use" });
    expect(sendOne(file, invoiceAdd)["@statusCode"]).toBe("0");
    const rs = sendOne(file, { ReceivePaymentAddRq: { ReceivePaymentAdd: { CustomerRef: { FullName: "Xometry" }, TotalAmount: "1.00" } } });
    expect(rs).toMatchObject({ "@statusCode": "3175", "@statusMessage": "Record in use" });
    file.faults.failNext("InvoiceAdd", { statusCode: 3180 });
    file.faults.clear();
    expect(sendOne(file, invoiceAdd)["@statusCode"]).toBe("0");
  });

  it("records every request in the log, and reset goes back to the seed", () => {
    const file = newFile();
    sendOne(file, { CustomerQueryRq: { "@_requestID": "q1", FullName: "Xometry" } });
    addInvoice(file, "Xometry", "J-9", "9.00");
    expect(file.admin.requestLog().map((e) => [e.type, e.statusCode])).toEqual([["CustomerQueryRq", 0], ["InvoiceAddRq", 0]]);
    file.admin.reset();
    expect(file.admin.invoices()).toHaveLength(0);
    expect(file.admin.customers().map((c) => c.Name)).toContain("Xometry");
  });
});

describe("state file", () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("keeps the company file across restarts", () => {
    dir = mkdtempSync(path.join(tmpdir(), "qbd-"));
    const stateFile = path.join(dir, "company.json");
    const first = createCompanyFile({ stateFile });
    const invoice = addInvoice(first, "Xometry", "J-77", "77.00");
    first.flush();
    expect(JSON.parse(readFileSync(stateFile, "utf8")).invoices).toHaveLength(1);
    const second = createCompanyFile({ stateFile });
    expect(second.admin.invoices().map((i) => i.TxnID)).toEqual([invoice.TxnID]);
    const next = addInvoice(second, "Xometry", "J-78", "1.00");
    expect(next.TxnID).not.toBe(invoice.TxnID);
  });
});
