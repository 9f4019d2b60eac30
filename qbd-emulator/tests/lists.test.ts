// qbXML contract: Host/Company/Preferences, Customer/Item/Account queries, CustomerAdd, iterators, requestID echo.
import { describe, expect, it } from "vitest";
import { newFile, rets, send, sendOne } from "./helpers";

type TListRet = { ListID: string; Name: string; FullName: string; IsActive: string; AccountType?: string; SpecialAccountType?: string };

describe("host and company", () => {
  it("answers HostQuery, CompanyQuery and PreferencesQuery in one document, in order", () => {
    const file = newFile();
    const all = send(file, { HostQueryRq: { "@_requestID": "1" }, CompanyQueryRq: { "@_requestID": "2" }, PreferencesQueryRq: {} });
    expect(Object.keys(all)).toEqual(["HostQueryRs", "CompanyQueryRs", "PreferencesQueryRs"]);
    expect(all.HostQueryRs?.[0]?.["@requestID"]).toBe("1");
    const host = rets<{ Country: string; SupportedQBXMLVersion: string[] }>(all.HostQueryRs?.[0] as never, "HostRet")[0];
    expect(host?.Country).toBe("US");
    expect(host?.SupportedQBXMLVersion).toContain("13.0");
    const company = rets<{ CompanyName: string }>(all.CompanyQueryRs?.[0] as never, "CompanyRet")[0];
    expect(company?.CompanyName).toBe("Acme Precision Machining");
  });
});

describe("CustomerQuery", () => {
  it("lists active customers by name, including Xometry", () => {
    const rs = sendOne(newFile(), { CustomerQueryRq: { "@_requestID": "7" } });
    expect(rs["@requestID"]).toBe("7");
    expect(rs["@statusCode"]).toBe("0");
    const names = rets<TListRet>(rs, "CustomerRet").map((c) => c.FullName);
    expect(names).toContain("Xometry");
    expect([...names].sort((a, b) => a.localeCompare(b))).toEqual(names);
  });

  it("filters by NameFilter, MaxReturned, ListID and FullName", () => {
    const file = newFile();
    const starts = rets<TListRet>(sendOne(file, { CustomerQueryRq: { NameFilter: { MatchCriterion: "StartsWith", Name: "xom" } } }), "CustomerRet");
    expect(starts.map((c) => c.Name)).toEqual(["Xometry"]);
    const contains = rets<TListRet>(sendOne(file, { CustomerQueryRq: { NameFilter: { MatchCriterion: "Contains", Name: "a" } } }), "CustomerRet");
    expect(contains.length).toBeGreaterThan(1);
    expect(rets(sendOne(file, { CustomerQueryRq: { MaxReturned: 2 } }), "CustomerRet")).toHaveLength(2);
    const byId = rets<TListRet>(sendOne(file, { CustomerQueryRq: { ListID: starts[0]?.ListID } }), "CustomerRet");
    expect(byId[0]?.FullName).toBe("Xometry");
    const byName = rets<TListRet>(sendOne(file, { CustomerQueryRq: { FullName: "XOMETRY" } }), "CustomerRet");
    expect(byName[0]?.ListID).toBe(starts[0]?.ListID);
  });

  it("answers 1 (Info) when nothing matches and 500 (Warn) for a ListID that does not exist", () => {
    const file = newFile();
    const none = sendOne(file, { CustomerQueryRq: { NameFilter: { MatchCriterion: "StartsWith", Name: "zzz" } } });
    expect(none).toMatchObject({ "@statusCode": "1", "@statusSeverity": "Info", "@statusMessage": "A query request did not find a matching object in QuickBooks" });
    const missing = sendOne(file, { CustomerQueryRq: { ListID: ["80000099-1", rets<TListRet>(sendOne(file, { CustomerQueryRq: { FullName: "Xometry" } }), "CustomerRet")[0]?.ListID] } });
    expect(missing["@statusCode"]).toBe("500");
    expect(missing["@statusSeverity"]).toBe("Warn");
    expect(missing["@statusMessage"]).toContain('"80000099-1"');
    expect(rets(missing, "CustomerRet")).toHaveLength(1);
  });

  it("pages with an iterator and keeps only IncludeRetElement", () => {
    const file = newFile();
    const first = sendOne(file, { CustomerQueryRq: { "@_iterator": "Start", MaxReturned: 3, IncludeRetElement: ["ListID", "FullName"] } });
    expect(first["@iteratorRemainingCount"]).toBe("1");
    const page = rets<Record<string, string>>(first, "CustomerRet");
    expect(page).toHaveLength(3);
    expect(Object.keys(page[0] ?? {})).toEqual(["ListID", "FullName"]);
    const next = sendOne(file, { CustomerQueryRq: { "@_iterator": "Continue", "@_iteratorID": String(first["@iteratorID"]), MaxReturned: 3 } });
    expect(next["@iteratorRemainingCount"]).toBe("0");
    expect(rets(next, "CustomerRet")).toHaveLength(1);
    const gone = sendOne(file, { CustomerQueryRq: { "@_iterator": "Continue", "@_iteratorID": String(first["@iteratorID"]), MaxReturned: 3 } });
    expect(gone["@statusCode"]).toBe("3120");
  });
});

describe("ItemQuery and AccountQuery", () => {
  it("returns services, non-inventory and other-charge items with their income account", () => {
    const rs = sendOne(newFile(), { ItemQueryRq: {} });
    const services = rets<TListRet & { SalesOrPurchase: { AccountRef: { FullName: string } } }>(rs, "ItemServiceRet");
    expect(services.map((i) => i.Name)).toContain("Machining Services");
    expect(services[0]?.SalesOrPurchase.AccountRef.FullName).toBe("Machining Income");
    expect(rets<TListRet>(rs, "ItemNonInventoryRet").map((i) => i.Name)).toEqual(["Parts"]);
    expect(rets<TListRet>(rs, "ItemOtherChargeRet").map((i) => i.Name)).toEqual(["Shipping"]);
  });

  it("returns accounts with their type, filtered by AccountType", () => {
    const file = newFile();
    const all = rets<TListRet>(sendOne(file, { AccountQueryRq: {} }), "AccountRet");
    expect(all.find((a) => a.Name === "Undeposited Funds")).toMatchObject({ AccountType: "OtherCurrentAsset", SpecialAccountType: "UndepositedFunds" });
    const banks = rets<TListRet>(sendOne(file, { AccountQueryRq: { AccountType: "Bank" } }), "AccountRet");
    expect(banks.map((a) => a.Name)).toEqual(["Business Checking"]);
    const fees = rets<TListRet>(sendOne(file, { AccountQueryRq: { AccountType: "Expense" } }), "AccountRet");
    expect(fees.map((a) => a.Name)).toEqual(expect.arrayContaining(["Xometry FastPay Fees", "Merchant Fees"]));
  });
});

describe("CustomerAdd", () => {
  it("adds a customer and refuses a name in use (3100) or too long (3070)", () => {
    const file = newFile();
    const added = sendOne(file, { CustomerAddRq: { "@_requestID": "9", CustomerAdd: { Name: "Birch Robotics" } } });
    expect(added["@statusCode"]).toBe("0");
    expect(rets<TListRet>(added, "CustomerRet")[0]).toMatchObject({ Name: "Birch Robotics", IsActive: "true" });
    const again = sendOne(file, { CustomerAddRq: { CustomerAdd: { Name: "birch robotics" } } });
    expect(again).toMatchObject({ "@statusCode": "3100", "@statusSeverity": "Error", "@statusMessage": 'The name "birch robotics" of the list element is already in use.' });
    const long = sendOne(file, { CustomerAddRq: { CustomerAdd: { Name: "x".repeat(42) } } });
    expect(long["@statusCode"]).toBe("3070");
    expect(file.admin.customers().filter((c) => c.Name === "Birch Robotics")).toHaveLength(1);
  });
});
