// The query language subset: operators, ordering, paging, escaping, count(*), errors — over GET and POST.
import { beforeEach, describe, expect, it } from "vitest";
import { ACME, buildInvoiceBody, callQbo, getFaultBody, getFaultCode, mustQbo, rawApi, useTestEmulator } from "./helpers";

const ctx = useTestEmulator();
let token: string;
beforeEach(() => {
  token = ctx.emu.issueTokens(ACME).access_token;
});

async function query(statement: string): Promise<{ status: number; json: any }> {
  const res = await rawApi(ctx.emu, token, "GET", `/v3/company/${ACME}/query?query=${encodeURIComponent(statement)}&minorversion=75`);
  return { status: res.status, json: res.json };
}

describe("query language", () => {
  it("filters with = and escaped quotes (node-quickbooks escaping)", async () => {
    const found = await mustQbo(ctx.qbo, "findCustomers", { DisplayName: "Amy's Bird Sanctuary" });
    expect(found.QueryResponse.Customer).toHaveLength(1);
    expect(found.QueryResponse.Customer[0].DisplayName).toBe("Amy's Bird Sanctuary");
    expect(found.QueryResponse.startPosition).toBe(1);
    expect(found.QueryResponse.maxResults).toBe(1);
  });

  it("supports LIKE, IN, AND and ORDERBY DESC", async () => {
    const like = await query("SELECT * FROM Customer WHERE DisplayName LIKE 'Maple%'");
    expect(like.json.QueryResponse.Customer.map((c: { DisplayName: string }) => c.DisplayName)).toEqual(["Maple Leaf Robotics"]);
    const inList = await query("select * from Customer where Id IN ('1', '2', '3') orderby Id desc");
    expect(inList.json.QueryResponse.Customer.map((c: { Id: string }) => c.Id)).toEqual(["3", "2", "1"]);
    await mustQbo(ctx.qbo, "createInvoice", buildInvoiceBody("1", 10));
    await mustQbo(ctx.qbo, "createInvoice", buildInvoiceBody("1", 500));
    const and = await query("select * from Invoice where CustomerRef = '1' and TotalAmt > '100.00'");
    expect(and.json.QueryResponse.Invoice).toHaveLength(1);
    expect(and.json.QueryResponse.Invoice[0].TotalAmt).toBe(500);
    const sorted = await query("SELECT * FROM Customer ORDERBY DisplayName ASC MAXRESULTS 3");
    const names = sorted.json.QueryResponse.Customer.map((c: { DisplayName: string }) => c.DisplayName);
    expect([...names].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()))).toEqual(names);
  });

  it("pages with STARTPOSITION and MAXRESULTS; maxResults is the number of rows returned", async () => {
    const total = (await query("select count(*) from Customer")).json.QueryResponse.totalCount;
    expect(total).toBeGreaterThan(100);
    const last = await query(`select * from Customer startposition ${total - 1} maxresults 5`);
    expect(last.json.QueryResponse.startPosition).toBe(total - 1);
    expect(last.json.QueryResponse.maxResults).toBe(2);
    const defaultPage = await query("select * from Customer");
    expect(defaultPage.json.QueryResponse.Customer).toHaveLength(100);
    const tooMany = await query("select * from Customer maxresults 1001");
    expect(tooMany.json.Fault.Error[0].code).toBe("4001");
  });

  it("answers count(*) with totalCount only, and an empty result with {}", async () => {
    const count = await query("SELECT COUNT(*) FROM Invoice");
    expect(count.json.QueryResponse).toEqual({ totalCount: 2 });
    const empty = await query("select * from Invoice where DocNumber = 'NOPE'");
    expect(empty.status).toBe(200);
    expect(empty.json.QueryResponse).toEqual({});
  });

  it("filters by MetaData.LastUpdatedTime", async () => {
    const since = new Date(Date.now() - 1000).toISOString();
    await mustQbo(ctx.qbo, "createCustomer", { DisplayName: "Fresh Co" });
    const res = await query(`select * from Customer where MetaData.LastUpdatedTime > '${since}'`);
    expect(res.json.QueryResponse.Customer.map((c: { DisplayName: string }) => c.DisplayName)).toEqual(["Fresh Co"]);
  });

  it("accepts POST query with application/text", async () => {
    const res = await rawApi(ctx.emu, token, "POST", `/v3/company/${ACME}/query`, "select * from Item where Name = 'Parts'", "application/text");
    expect(res.json.QueryResponse.Item[0].Name).toBe("Parts");
  });

  it("selects only the listed fields", async () => {
    const res = await query("select Id, DisplayName from Customer where Id = '1'");
    const row = res.json.QueryResponse.Customer[0];
    expect(row.DisplayName).toBe("Xometry");
    expect(row.Balance).toBeUndefined();
  });
});

describe("query shapes a picker uses", () => {
  it("customers, items and deposit accounts with Active/LIKE/IN/ORDERBY/paging", async () => {
    const customers = await mustQbo(ctx.qbo, "findCustomers", "where Active = true and DisplayName LIKE '%robot%' orderby DisplayName startposition 1 maxresults 25");
    const names = customers.QueryResponse.Customer.map((c: { DisplayName: string }) => c.DisplayName);
    expect(names).toContain("Maple Leaf Robotics");
    expect(names.every((n: string) => n.toLowerCase().includes("robot"))).toBe(true);
    const items = await mustQbo(ctx.qbo, "findItems", "where Type IN ('Service', 'NonInventory') and Active = true orderby Name startposition 1 maxresults 50");
    expect(items.QueryResponse.Item.map((i: { Name: string }) => i.Name)).toEqual(["Anodizing", "Machining Services", "Parts", "Services", "Setup Fee", "Shipping", "Tooling"]);
    const accounts = await mustQbo(ctx.qbo, "findAccounts", "where Active = true and AccountType IN ('Bank', 'Other Current Asset') orderby Name maxresults 200");
    expect(accounts.QueryResponse.Account.map((a: { Name: string }) => a.Name)).toEqual(["Business Checking", "Undeposited Funds"]);
  });
});

describe("query errors", () => {
  it("a bad entity is 4001 invalid context declaration", async () => {
    const res = await query("select * from Custmoer");
    expect(res.status).toBe(400);
    expect(res.json.Fault.Error[0]).toMatchObject({ code: "4001", Message: "Invalid query" });
    expect(res.json.Fault.Error[0].Detail).toBe("QueryValidationError: invalid context declaration: Custmoer");
    const viaClient = await callQbo(ctx.qbo, "findCustomers", "where Nonsense = 'x'");
    expect(getFaultCode(viaClient.err)).toBe("4001");
  });

  it("syntax errors are 4000 and OR is not supported", async () => {
    const res = await query("select * from Customer where DisplayName = 'a' OR DisplayName = 'b'");
    expect(res.json.Fault.Error[0].code).toBe("4000");
    const unterminated = await query("select * from Customer where DisplayName = 'abc");
    expect(unterminated.json.Fault.Error[0].code).toBe("4000");
    const empty = await rawApi(ctx.emu, token, "GET", `/v3/company/${ACME}/query`);
    expect(getFaultBody({ response: { data: empty.json } }).Fault.Error[0].code).toBe("4000");
  });
});
