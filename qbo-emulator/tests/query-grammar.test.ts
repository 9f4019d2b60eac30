// Query statements other clients send: `*` with extra fields, ORDER BY / ORDERBY, keyword case, paging clauses in
// either order, and ExchangeRate — raw HTTP and through node-quickbooks.
import { beforeEach, describe, expect, it } from "vitest";
import { ACME, BIRCH, mustQbo, rawApi, useTestEmulator } from "./helpers";

const ctx = useTestEmulator();
let token: string;
beforeEach(() => {
  token = ctx.emu.issueTokens(ACME).access_token;
});

async function query(statement: string, realmId = ACME, bearer = token): Promise<{ status: number; json: any }> {
  const res = await rawApi(ctx.emu, bearer, "GET", `/v3/company/${realmId}/query?query=${encodeURIComponent(statement)}&minorversion=75`);
  return { status: res.status, json: res.json };
}

function getIds(res: { json: any }, entity: string): string[] {
  return (res.json.QueryResponse[entity] ?? []).map((r: { Id: string }) => r.Id);
}

describe("select list", () => {
  it("SELECT *, Sku FROM Item MAXRESULTS 100 returns every item with all its fields", async () => {
    await mustQbo(ctx.qbo, "createItem", { Name: "Bracket", Sku: "BR-1", Type: "NonInventory", IncomeAccountRef: { value: "5" } });
    const res = await query("SELECT *, Sku FROM Item MAXRESULTS 100");
    expect(res.status).toBe(200);
    const items = res.json.QueryResponse.Item;
    expect(items).toHaveLength(8);
    expect(res.json.QueryResponse).toMatchObject({ startPosition: 1, maxResults: 8 });
    const bracket = items.find((i: { Name: string }) => i.Name === "Bracket");
    expect(bracket).toMatchObject({ Sku: "BR-1", Type: "NonInventory", sparse: false, IncomeAccountRef: { value: "5" } });
    expect(items[0]).toHaveProperty("UnitPrice");
  });

  it("a field list without * still projects", async () => {
    const res = await query("select Name, Sku from Item where Id = '5'");
    expect(res.json.QueryResponse.Item[0]).toEqual({ domain: "QBO", sparse: true, Id: "5", Name: "Setup Fee" });
  });
});

describe("clauses", () => {
  it("ORDER BY and ORDERBY sort the same way, in any keyword case", async () => {
    const spaced = await query("Select * From Customer Where Id IN ('1','2','3') Order By DisplayName Desc");
    const joined = await query("SELECT * FROM Customer WHERE Id IN ('1','2','3') ORDERBY DisplayName DESC");
    expect(spaced.status).toBe(200);
    expect(getIds(spaced, "Customer")).toEqual(["1", "3", "2"]);
    expect(getIds(joined, "Customer")).toEqual(getIds(spaced, "Customer"));
  });

  it("MAXRESULTS and STARTPOSITION are accepted in either order", async () => {
    const a = await query("select * from Customer orderby Id startposition 3 maxresults 4");
    const b = await query("select * from Customer maxresults 4 startposition 3 orderby Id");
    expect(getIds(a, "Customer")).toEqual(["3", "4", "5", "6"]);
    expect(getIds(b, "Customer")).toEqual(["3", "4", "5", "6"]);
    expect(b.json.QueryResponse).toMatchObject({ startPosition: 3, maxResults: 4 });
  });

  it("a clause given twice, or an unknown one, is still a 4000 parse error", async () => {
    expect((await query("select * from Customer maxresults 4 maxresults 5")).json.Fault.Error[0].code).toBe("4000");
    expect((await query("select * from Customer limit 5")).json.Fault.Error[0].code).toBe("4000");
    expect((await query("select , Name from Item")).json.Fault.Error[0].code).toBe("4000");
  });
});

describe("ExchangeRate", () => {
  it("select * from ExchangeRate where SourceCurrencyCode = 'EUR' answers in Intuit's shape", async () => {
    const res = await query("select * from ExchangeRate where SourceCurrencyCode = 'EUR'");
    expect(res.status).toBe(200);
    expect(res.json.QueryResponse).toMatchObject({ startPosition: 1, maxResults: 1 });
    const [rate] = res.json.QueryResponse.ExchangeRate;
    expect(rate).toMatchObject({ SourceCurrencyCode: "EUR", TargetCurrencyCode: "USD", Rate: 1.08, domain: "QBO", sparse: false, SyncToken: "0" });
    expect(rate.AsOfDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(rate.MetaData.LastUpdatedTime).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(typeof res.json.time).toBe("string");
  });

  it("filters by AsOfDate and IN, and lists every foreign currency without a filter", async () => {
    const dated = await query("select * from exchangerate where sourcecurrencycode in ('CAD', 'GBP') and asofdate = '2026-03-02'");
    expect(dated.json.QueryResponse.ExchangeRate.map((r: { SourceCurrencyCode: string; AsOfDate: string }) => [r.SourceCurrencyCode, r.AsOfDate]))
      .toEqual([["CAD", "2026-03-02"], ["GBP", "2026-03-02"]]);
    const all = await query("select * from ExchangeRate");
    expect(all.json.QueryResponse.ExchangeRate.map((r: { SourceCurrencyCode: string }) => r.SourceCurrencyCode).sort())
      .toEqual(["AUD", "CAD", "EUR", "GBP", "MXN"]);
    const birch = await query("select count(*) from ExchangeRate", BIRCH, ctx.emu.issueTokens(BIRCH).access_token);
    expect(birch.json.QueryResponse).toEqual({ totalCount: 5 });
  });

  it("node-quickbooks findExchangeRates and getExchangeRate reach the same rates", async () => {
    const found = await mustQbo(ctx.qbo, "findExchangeRates", { SourceCurrencyCode: "CAD" });
    expect(found.QueryResponse.ExchangeRate).toHaveLength(1);
    expect(found.QueryResponse.ExchangeRate[0]).toMatchObject({ SourceCurrencyCode: "CAD", TargetCurrencyCode: "USD", Rate: 0.72 });
    const one = await mustQbo(ctx.qbo, "getExchangeRate", { sourcecurrencycode: "CAD", asofdate: "" });
    expect(one.ExchangeRate).toMatchObject({ SourceCurrencyCode: "CAD", Rate: 0.72 });
    expect(one.ExchangeRate.AsOfDate).toBe(found.QueryResponse.ExchangeRate[0].AsOfDate);
  });
});
