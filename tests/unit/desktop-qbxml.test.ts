import { describe, expect, it } from "vitest";
import { buildInvoiceAdd, buildInvoiceLookup, getRefNumber } from "@/lib/quickbooks-desktop/documents/invoice-xml";
import { invoiceTotalCents, ZInvoiceRetSchema } from "@/lib/quickbooks-desktop/documents/invoice-ret";
import { buildListQuery, readCompanyName, readListEntries } from "@/lib/quickbooks-desktop/lists/list-queries";
import { toPercentDone } from "@/lib/quickbooks-desktop/queue/progress";
import { qbAmountToCents, toQbAmount } from "@/lib/quickbooks-desktop/qbxml/amounts";
import { classifyStatus } from "@/lib/quickbooks-desktop/qbxml/status";
import { buildQbxmlDocument, parseQbxmlResponse, pickQbxmlVersion, QbxmlParseError, readRets } from "@/lib/quickbooks-desktop/qbxml/xml";

const payload = {
  source: "XOMETRY" as const,
  jobNumber: "J-10042",
  customerId: "80000001-1234567890",
  customerName: "Xometry",
  txnDate: "2026-03-05",
  lines: [{ itemId: "80000002-1234567890", description: "Xometry job J-10042: Bracket & <plate> (qty 4)", quantity: 3, unitPriceCents: 33_333 }],
};

describe("qbXML requests", () => {
  it("writes one request in the qbXML envelope, elements in qbXML's order, text escaped", () => {
    const xml = buildQbxmlDocument({ name: "InvoiceAddRq", requestId: "r1", body: buildInvoiceAdd(payload, "sync123") }, "13.0");
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?><?qbxml version="13.0"?><QBXML><QBXMLMsgsRq onError="stopOnError"><InvoiceAddRq requestID="r1">')).toBe(true);
    const order = ["<CustomerRef><ListID>80000001-1234567890</ListID></CustomerRef>", "<TxnDate>2026-03-05</TxnDate>", "<RefNumber>J-10042</RefNumber>", "<Memo>Workcenter job J-10042 · wc:sync123</Memo>", "<InvoiceLineAdd>"];
    const positions = order.map((part) => xml.indexOf(part));
    expect(positions.every((position) => position > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(xml).toContain("<Desc>Xometry job J-10042: Bracket &amp; &lt;plate&gt; (qty 4)</Desc><Quantity>3</Quantity><Rate>333.33</Rate><Amount>999.99</Amount>");
  });

  it("never cuts a job number longer than 11 characters into RefNumber: it is left out and the lookup goes by day and customer", () => {
    expect(getRefNumber({ jobNumber: "J-123456789" })).toBe("J-123456789");
    const long = { ...payload, jobNumber: "JOB-2026-000123" };
    expect(getRefNumber(long)).toBeUndefined();
    const add = buildInvoiceAdd(long, "s1") as { InvoiceAdd: Record<string, unknown> };
    expect(add.InvoiceAdd.RefNumber).toBeUndefined();
    expect(add.InvoiceAdd.Memo).toBe("Workcenter job JOB-2026-000123 · wc:s1");
    expect(buildInvoiceLookup(long)).toEqual({ TxnDateRangeFilter: { FromTxnDate: "2026-03-05", ToTxnDate: "2026-03-05" }, EntityFilter: { ListID: payload.customerId }, IncludeLineItems: "false" });
    expect(buildInvoiceLookup(payload)).toEqual({ RefNumber: "J-10042", IncludeLineItems: "false" });
  });

  it("asks the lists for active entries and only the elements we keep", () => {
    const query = buildListQuery("accounts");
    const xml = buildQbxmlDocument({ name: query.name, requestId: "a", body: query.body, attributes: query.attributes }, pickQbxmlVersion(16, 0));
    expect(xml).toContain('<?qbxml version="13.0"?>');
    expect(xml).toContain(
      '<AccountQueryRq requestID="a" iterator="Start"><MaxReturned>500</MaxReturned><ActiveStatus>ActiveOnly</ActiveStatus><IncludeRetElement>ListID</IncludeRetElement><IncludeRetElement>FullName</IncludeRetElement><IncludeRetElement>AccountType</IncludeRetElement><IncludeRetElement>SpecialAccountType</IncludeRetElement></AccountQueryRq>',
    );
    expect(pickQbxmlVersion(12, 1)).toBe("12.1");
    const next = buildListQuery("customers", "{8D0C2C3A-1111}");
    expect(buildQbxmlDocument({ name: next.name, requestId: "b", body: next.body, attributes: next.attributes }, "13.0")).toContain('<CustomerQueryRq requestID="b" iterator="Continue" iteratorID="{8D0C2C3A-1111}"><MaxReturned>500</MaxReturned>');
  });
});

describe("qbXML responses", () => {
  const answer = `<?xml version="1.0" ?><QBXML><QBXMLMsgsRs>
    <InvoiceAddRs requestID="r1" statusCode="0" statusSeverity="Info" statusMessage="Status OK">
      <InvoiceRet><TxnID>1A-1700000000</TxnID><TxnDate>2026-03-05</TxnDate><RefNumber>J-10042</RefNumber>
        <CustomerRef><ListID>80000001-1234567890</ListID><FullName>Xometry &amp; Co</FullName></CustomerRef>
        <Subtotal>999.99</Subtotal><SalesTaxTotal>0.01</SalesTaxTotal><Memo>Workcenter job J-10042 · wc:sync123</Memo></InvoiceRet>
    </InvoiceAddRs></QBXMLMsgsRs></QBXML>`;

  it("reads status, requestID and the Ret as text (no number guessing), cents exact", () => {
    const [response] = parseQbxmlResponse(answer);
    expect(response).toMatchObject({ name: "InvoiceAddRs", requestId: "r1", statusCode: 0 });
    const [invoice] = readRets(response!, "InvoiceRet", ZInvoiceRetSchema);
    expect(invoice!.RefNumber).toBe("J-10042");
    expect(invoice!.CustomerRef.FullName).toBe("Xometry & Co");
    expect(invoiceTotalCents(invoice!)).toBe(100_000);
  });

  it("refuses what is not a qbXML response", () => {
    expect(() => parseQbxmlResponse("<html>busy</html>")).toThrow(QbxmlParseError);
    expect(() => parseQbxmlResponse("<QBXML><QBXMLMsgsRs><InvoiceAddRs/></QBXMLMsgsRs></QBXML>")).toThrow(QbxmlParseError);
  });

  it("reads list entries: ListIDs and names, an item's kind from its element, an account's type", () => {
    const [items] = parseQbxmlResponse(`<QBXML><QBXMLMsgsRs><ItemQueryRs requestID="i" statusCode="0" statusSeverity="Info" statusMessage="Status OK">
      <ItemServiceRet><ListID>1-1</ListID><FullName>Machining</FullName></ItemServiceRet>
      <ItemNonInventoryRet><ListID>1-2</ListID><FullName>Parts:Bolts</FullName></ItemNonInventoryRet>
      <ItemServiceRet><ListID>1-3</ListID><FullName>Finishing</FullName></ItemServiceRet></ItemQueryRs></QBXMLMsgsRs></QBXML>`);
    expect(readListEntries("items", items!)).toEqual([
      { listId: "1-1", name: "Machining", detail: "Service" },
      { listId: "1-3", name: "Finishing", detail: "Service" },
      { listId: "1-2", name: "Parts:Bolts", detail: "NonInventory" },
    ]);
    const [company] = parseQbxmlResponse(`<QBXML><QBXMLMsgsRs><CompanyQueryRs statusCode="0" statusSeverity="Info" statusMessage="Status OK"><CompanyRet><CompanyName>Acme Machining</CompanyName></CompanyRet></CompanyQueryRs></QBXMLMsgsRs></QBXML>`);
    expect(readCompanyName(company!)).toBe("Acme Machining");
    const [none] = parseQbxmlResponse(`<QBXML><QBXMLMsgsRs><CustomerQueryRs statusCode="1" statusSeverity="Info" statusMessage="A query request did not find a matching object in QuickBooks"/></QBXMLMsgsRs></QBXML>`);
    expect(readListEntries("customers", none!)).toEqual([]);
    expect(classifyStatus(none!).kind).toBe("none");
  });

  it("puts qbXML status codes in plain words; busy codes are retried, never shown raw", () => {
    expect(classifyStatus({ statusCode: 0 }).kind).toBe("ok");
    expect(classifyStatus({ statusCode: 3180 })).toMatchObject({ kind: "retry", code: "QBD_3180" });
    expect(classifyStatus({ statusCode: 3175 }).kind).toBe("retry");
    for (const code of [3100, 3120, 3140, 3200, 3210, 9999]) {
      const status = classifyStatus({ statusCode: code });
      expect(status.kind).toBe("refused");
      expect(status.words).not.toMatch(/\d{4}|QuickBooks error message/);
    }
    expect(classifyStatus({ statusCode: 3100 }).words).toContain("already used");
    expect(classifyStatus({ statusCode: 3140 }).words).toContain("not in the company file");
    expect(classifyStatus({ statusCode: 3200 }).words).toContain("changed in QuickBooks Desktop");
  });
});

describe("amounts and progress", () => {
  it("turns cents into two-decimal strings and back, negatives included", () => {
    expect(toQbAmount(-1250)).toBe("-12.50");
    expect(toQbAmount(5)).toBe("0.05");
    expect(qbAmountToCents("-12.5")).toBe(-1250);
    expect(qbAmountToCents("1,250.00")).toBe(125_000);
  });

  it("reports percent done as QBWC reads it", () => {
    expect(toPercentDone(0, 0)).toBe(100);
    expect(toPercentDone(5, 0)).toBe(100);
    expect(toPercentDone(0, 4)).toBe(0);
    expect(toPercentDone(1, 2)).toBe(33);
    expect(toPercentDone(999, 1)).toBe(99);
  });
});
