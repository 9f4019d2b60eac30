// qbXML contract: InvoiceAdd/InvoiceQuery shapes and refusals, and the message set's onError rules.
import { describe, expect, it } from "vitest";
import { buildRequest, PARSE_HRESULT, QbXmlProcessError } from "../src/index";
import { addInvoice, newFile, rets, send, sendOne } from "./helpers";

type TInvoiceRet = {
  TxnID: string;
  EditSequence: string;
  TxnNumber: string;
  CustomerRef: { ListID: string; FullName: string };
  RefNumber: string;
  Memo?: string;
  Subtotal: string;
  BalanceRemaining: string;
  IsPaid: string;
  InvoiceLineRet?: { TxnLineID: string; Amount: string; Quantity?: string; Rate?: string; ItemRef: { FullName: string } }[];
};

function catchError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

const lines = [
  { ItemRef: { FullName: "Machining Services" }, Desc: "Bracket, 6061", Quantity: 3, Rate: "41.50" },
  { ItemRef: { FullName: "Setup Fee" } },
];

describe("InvoiceAdd", () => {
  it("returns InvoiceRet with ids, customer, RefNumber, Memo, Subtotal, BalanceRemaining, IsPaid and lines", () => {
    const file = newFile();
    const rs = sendOne(file, {
      InvoiceAddRq: { "@_requestID": "inv-1", InvoiceAdd: { CustomerRef: { FullName: "Xometry" }, TxnDate: "2026-11-30", RefNumber: "J-40117", Memo: "Xometry job J-40117 wc:sync-1", InvoiceLineAdd: lines } },
    });
    expect(rs).toMatchObject({ "@requestID": "inv-1", "@statusCode": "0", "@statusSeverity": "Info" });
    const invoice = rets<TInvoiceRet>(rs, "InvoiceRet")[0] as TInvoiceRet;
    expect(invoice.TxnID).toMatch(/^[0-9A-F]+-\d+$/);
    expect(invoice.TxnNumber).toBe("1");
    expect(invoice).toMatchObject({ RefNumber: "J-40117", Memo: "Xometry job J-40117 wc:sync-1", Subtotal: "274.50", BalanceRemaining: "274.50", IsPaid: "false" });
    expect(invoice.CustomerRef.FullName).toBe("Xometry");
    expect(invoice.InvoiceLineRet?.map((l) => l.Amount)).toEqual(["124.50", "150.00"]);
    expect(file.admin.customers().find((c) => c.Name === "Xometry")?.BalanceCents).toBe(27450);
  });

  it("refuses a RefNumber over 11 characters (3070) and applies nothing", () => {
    const file = newFile();
    const rs = sendOne(file, { InvoiceAddRq: { InvoiceAdd: { CustomerRef: { FullName: "Xometry" }, RefNumber: "J-1234567890", InvoiceLineAdd: lines[0] } } });
    expect(rs).toMatchObject({ "@statusCode": "3070", "@statusSeverity": "Error", "@statusMessage": 'The string "J-1234567890" in the field "RefNumber" is too long.' });
    expect(file.admin.invoices()).toHaveLength(0);
  });

  it("refuses an unknown customer or item with 3140", () => {
    const file = newFile();
    const customer = sendOne(file, { InvoiceAddRq: { InvoiceAdd: { CustomerRef: { FullName: "Nobody Inc." }, InvoiceLineAdd: lines[0] } } });
    expect(customer["@statusCode"]).toBe("3140");
    expect(customer["@statusMessage"]).toContain('QuickBooks Customer "Nobody Inc." in the Invoice');
    const item = sendOne(file, { InvoiceAddRq: { InvoiceAdd: { CustomerRef: { FullName: "Xometry" }, InvoiceLineAdd: { ItemRef: { ListID: "80000999-1" }, Amount: "1.00" } } } });
    expect(item["@statusCode"]).toBe("3140");
    expect(file.admin.invoices()).toHaveLength(0);
  });

  it("numbers an invoice without RefNumber after the highest numeric one, and allows a duplicate RefNumber", () => {
    const file = newFile();
    addInvoice(file, "Xometry", "1041", "10.00");
    const next = rets<TInvoiceRet>(sendOne(file, { InvoiceAddRq: { InvoiceAdd: { CustomerRef: { FullName: "Xometry" }, InvoiceLineAdd: lines[0] } } }), "InvoiceRet")[0];
    expect(next?.RefNumber).toBe("1042");
    addInvoice(file, "Great Lakes Aerospace", "1041", "20.00");
    expect(file.admin.invoices().filter((i) => i.RefNumber === "1041")).toHaveLength(2);
  });

  it("fails the whole request as a parse error when elements are out of order or unknown", () => {
    const file = newFile();
    const outOfOrder = buildRequest({ InvoiceAddRq: { InvoiceAdd: { RefNumber: "1", CustomerRef: { FullName: "Xometry" } } } });
    expect(() => file.process(outOfOrder)).toThrow(QbXmlProcessError);
    const unknown = catchError(() => file.process(buildRequest({ InvoiceAddRq: { InvoiceAdd: { CustomerRef: { FullName: "Xometry" }, Colour: "red" } } })));
    expect(unknown).toMatchObject({ hresult: PARSE_HRESULT, detail: "<Colour> is not allowed in <InvoiceAdd>" });
    expect(() => file.process('<?xml version="1.0"?><QBXML><QBXMLMsgsRq onError="stopOnError"><HostQueryRq/></QBXMLMsgsRq></QBXML>')).toThrow(/parsing/);
    expect(() => file.process(buildRequest({ HostQueryRq: {} }).replace(' onError="stopOnError"', ""))).toThrow(QbXmlProcessError);
    expect(file.admin.invoices()).toHaveLength(0);
  });
});

describe("InvoiceQuery", () => {
  it("finds by RefNumber (case-insensitive) without lines unless IncludeLineItems, by TxnID, and answers 1 or 500 when missing", () => {
    const file = newFile();
    const added = addInvoice(file, "Xometry", "J-7", "99.00", "wc:abc");
    const byRef = rets<TInvoiceRet>(sendOne(file, { InvoiceQueryRq: { RefNumber: "j-7", IncludeLineItems: false } }), "InvoiceRet");
    expect(byRef.map((i) => i.TxnID)).toEqual([added.TxnID]);
    expect(byRef[0]?.InvoiceLineRet).toBeUndefined();
    const withLines = rets<TInvoiceRet>(sendOne(file, { InvoiceQueryRq: { TxnID: added.TxnID, IncludeLineItems: true } }), "InvoiceRet");
    expect(withLines[0]?.InvoiceLineRet?.[0]?.Amount).toBe("99.00");
    expect(sendOne(file, { InvoiceQueryRq: { RefNumber: "J-8" } })["@statusCode"]).toBe("1");
    expect(sendOne(file, { InvoiceQueryRq: { TxnID: "FFFF-1" } })["@statusCode"]).toBe("500");
  });

  it("refuses, as a parse error, an id and filters together (qbXML's choice), or both date filters", () => {
    const file = newFile();
    expect(() => file.process(buildRequest({ InvoiceQueryRq: { RefNumber: "J-1", MaxReturned: 1 } }))).toThrow(QbXmlProcessError);
    expect(() => file.process(buildRequest({ InvoiceQueryRq: { TxnID: "1-1", RefNumber: "J-1" } }))).toThrow(QbXmlProcessError);
    const both = { ModifiedDateRangeFilter: { FromModifiedDate: "2026-11-01" }, TxnDateRangeFilter: { FromTxnDate: "2026-11-01" } };
    expect(() => file.process(buildRequest({ InvoiceQueryRq: both }))).toThrow(QbXmlProcessError);
    expect(() => file.process(buildRequest({ CustomerQueryRq: { FullName: "Xometry", ActiveStatus: "All" } }))).toThrow(QbXmlProcessError);
    expect(sendOne(file, { InvoiceQueryRq: { RefNumber: "J-1", IncludeLineItems: false } })["@statusCode"]).toBe("1");
  });

  it("filters by RefNumberFilter, TxnDateRangeFilter, EntityFilter and PaidStatus", () => {
    const file = newFile();
    addInvoice(file, "Xometry", "X-1", "10.00");
    addInvoice(file, "Xometry", "X-2", "20.00");
    addInvoice(file, "Great Lakes Aerospace", "G-1", "30.00");
    sendOne(file, { InvoiceAddRq: { InvoiceAdd: { CustomerRef: { FullName: "Xometry" }, TxnDate: "2026-10-01", RefNumber: "X-OLD", InvoiceLineAdd: lines[0] } } });
    const refs = (rs: ReturnType<typeof sendOne>) => rets<TInvoiceRet>(rs, "InvoiceRet").map((i) => i.RefNumber);
    expect(refs(sendOne(file, { InvoiceQueryRq: { RefNumberFilter: { MatchCriterion: "StartsWith", RefNumber: "x-" } } }))).toEqual(["X-1", "X-2", "X-OLD"]);
    expect(refs(sendOne(file, { InvoiceQueryRq: { TxnDateRangeFilter: { FromTxnDate: "2026-11-01", ToTxnDate: "2026-11-30" } } }))).toEqual(["X-1", "X-2", "G-1"]);
    expect(refs(sendOne(file, { InvoiceQueryRq: { EntityFilter: { FullName: "Great Lakes Aerospace" } } }))).toEqual(["G-1"]);
    expect(refs(sendOne(file, { InvoiceQueryRq: { MaxReturned: 1, EntityFilter: { FullName: "Xometry" } } }))).toEqual(["X-1"]);
    expect(refs(sendOne(file, { InvoiceQueryRq: { PaidStatus: "PaidOnly" } }))).toEqual([]);
  });
});

describe("onError", () => {
  const ok = { InvoiceAdd: { CustomerRef: { FullName: "Xometry" }, RefNumber: "OK-1", InvoiceLineAdd: lines[0] } };
  const bad = { InvoiceAdd: { CustomerRef: { FullName: "Nobody" }, RefNumber: "BAD", InvoiceLineAdd: lines[0] } };
  const ok2 = { InvoiceAdd: { CustomerRef: { FullName: "Xometry" }, RefNumber: "OK-2", InvoiceLineAdd: lines[0] } };

  it("stopOnError: earlier requests stay applied, later ones get no response", () => {
    const file = newFile();
    const all = send(file, { InvoiceAddRq: [{ "@_requestID": "1", ...ok }, { "@_requestID": "2", ...bad }, { "@_requestID": "3", ...ok2 }] });
    expect(all.InvoiceAddRs?.map((rs) => [rs["@requestID"], rs["@statusCode"]])).toEqual([["1", "0"], ["2", "3140"]]);
    expect(file.admin.invoices().map((i) => i.RefNumber)).toEqual(["OK-1"]);
  });

  it("Info and Warn statuses (no match, not all found) never stop a set", () => {
    const file = newFile();
    const all = send(file, { InvoiceQueryRq: [{ "@_requestID": "q1", RefNumber: "NOPE" }, { "@_requestID": "q2", TxnID: "FFFF-1" }], InvoiceAddRq: { "@_requestID": "a1", ...ok } });
    expect(all.InvoiceQueryRs?.map((rs) => [rs["@requestID"], rs["@statusCode"], rs["@statusSeverity"]])).toEqual([["q1", "1", "Info"], ["q2", "500", "Warn"]]);
    expect(all.InvoiceAddRs?.[0]?.["@statusCode"]).toBe("0");
    expect(file.admin.invoices()).toHaveLength(1);
  });

  it("refuses a qbXML version QuickBooks does not know", () => {
    expect(() => newFile().process(buildRequest({ HostQueryRq: {} }, { version: "17.0" }))).toThrow(QbXmlProcessError);
  });

  it("continueOnError: every request runs", () => {
    const file = newFile();
    const all = send(file, { InvoiceAddRq: [{ "@_requestID": "1", ...ok }, { "@_requestID": "2", ...bad }, { "@_requestID": "3", ...ok2 }] }, { onError: "continueOnError" });
    expect(all.InvoiceAddRs?.map((rs) => rs["@statusCode"])).toEqual(["0", "3140", "0"]);
    expect(file.admin.invoices().map((i) => i.RefNumber)).toEqual(["OK-1", "OK-2"]);
  });

  it("rollbackOnError: nothing of the set stays applied", () => {
    const file = newFile();
    const all = send(file, { InvoiceAddRq: [ok, bad, ok2] }, { onError: "rollbackOnError" });
    expect(all.InvoiceAddRs?.map((rs) => rs["@statusCode"])).toEqual(["0", "3140"]);
    expect(file.admin.invoices()).toHaveLength(0);
    expect(file.admin.customers().find((c) => c.Name === "Xometry")?.BalanceCents).toBe(0);
  });

  it("a parse error in a later request undoes the earlier ones (QuickBooks checks the whole document first)", () => {
    const file = newFile();
    const xml = buildRequest({ InvoiceAddRq: ok, CustomerQueryRq: { Bogus: "1" } });
    expect(() => file.process(xml)).toThrow(QbXmlProcessError);
    expect(file.admin.invoices()).toHaveLength(0);
  });
});
