// Bad input gets Intuit's errors (2010, 2020, 2030, 500 Unsupported Operation, legacy 401/403) and never crashes the server.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../src/index";
import { ACME, BIRCH, admin, callQbo, connectQbo, getStatus, rawApi, startTestEmulator } from "./helpers";

let emu: RunningEmulator;
let token: string;

beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(async () => {
  await emu.close();
});
beforeEach(async () => {
  await admin(emu, "POST", "/reset");
  token = emu.issueTokens(ACME).access_token;
});

const base = `/v3/company/${ACME}`;

describe("validation faults", () => {
  it("malformed JSON → 400 ValidationFault 2010", async () => {
    const res = await rawApi(emu, token, "POST", `${base}/customer`, '{"DisplayName": "Broken",');
    expect(res.status).toBe(400);
    expect(res.json.Fault.type).toBe("ValidationFault");
    expect(res.json.Fault.Error[0].code).toBe("2010");
    expect(typeof res.json.time).toBe("string");
  });

  it("an unknown property → 2010 naming the field and Intuit's class", async () => {
    const res = await rawApi(emu, token, "POST", `${base}/customer`, JSON.stringify({ DisplayName: "Field Test", BadJson: 1 }));
    expect(res.json.Fault.Error[0]).toMatchObject({ code: "2010", Message: "Request has invalid or unsupported property" });
    expect(res.json.Fault.Error[0].Detail).toContain('Unrecognized field "BadJson" (class com.intuit.schema.finance.v3.Customer)');
    const nested = await rawApi(emu, token, "POST", `${base}/invoice`, JSON.stringify({
      CustomerRef: { value: "1" },
      Line: [{ Amount: 1, DetailType: "SalesItemLineDetail", SalesItemLineDetail: { ItemRef: { value: "2" }, Colour: "red" } }],
    }));
    expect(nested.json.Fault.Error[0].code).toBe("2010");
    expect(nested.json.Fault.Error[0].Detail).toContain('"Colour"');
  });

  it("a wrong type → 2010", async () => {
    const res = await rawApi(emu, token, "POST", `${base}/invoice`, JSON.stringify({ CustomerRef: { value: "1" }, Line: "not-a-list" }));
    expect(res.json.Fault.Error[0].code).toBe("2010");
    const huge = await rawApi(emu, token, "POST", `${base}/invoice`, '{"CustomerRef":{"value":"1"},"Line":[{"Amount":1e308,"DetailType":"SalesItemLineDetail","SalesItemLineDetail":{}}]}');
    expect(huge.json.Fault.Error[0].code).toBe("2010");
  });

  it("a missing required field → 2020", async () => {
    const noCustomer = await rawApi(emu, token, "POST", `${base}/invoice`, JSON.stringify({ Line: [{ Amount: 1, DetailType: "SalesItemLineDetail", SalesItemLineDetail: {} }] }));
    expect(noCustomer.json.Fault.Error[0]).toMatchObject({ code: "2020", Detail: "Required parameter CustomerRef is missing in the request" });
    const noLines = await rawApi(emu, token, "POST", `${base}/invoice`, JSON.stringify({ CustomerRef: { value: "1" } }));
    expect(noLines.json.Fault.Error[0].code).toBe("2020");
    const noAmount = await rawApi(emu, token, "POST", `${base}/invoice`, JSON.stringify({ CustomerRef: { value: "1" }, Line: [{ DetailType: "SalesItemLineDetail", SalesItemLineDetail: {} }] }));
    expect(noAmount.json.Fault.Error[0].code).toBe("2020");
    const noSync = await rawApi(emu, token, "POST", `${base}/invoice?operation=update`, JSON.stringify({ Id: "1", sparse: true, PrivateNote: "x" }));
    expect(noSync.json.Fault.Error[0].code).toBe("2020");
  });

  it("a non-numeric id → 2030", async () => {
    const res = await rawApi(emu, token, "GET", `${base}/invoice/1.5`);
    expect(res.status).toBe(400);
    expect(res.json.Fault.Error[0]).toEqual({ Message: "Invalid ID", Detail: "Id should be a valid number. Supplied value:1.5", code: "2030", element: "Id" });
    const body = await rawApi(emu, token, "POST", `${base}/invoice?operation=delete`, JSON.stringify({ Id: "abc", SyncToken: "0" }));
    expect(body.json.Fault.Error[0].code).toBe("2030");
  });

  it("an unknown path → 400 code 500 Unsupported Operation", async () => {
    const res = await rawApi(emu, token, "GET", `${base}/customer/1/5`);
    expect(res.status).toBe(400);
    expect(res.json.Fault.Error[0].code).toBe("500");
    expect(res.json.Fault.Error[0].Message).toBe("Unsupported Operation");
    expect(res.json.Fault.Error[0].Detail).toContain(`relative : ${base}/customer/1/5`);
    const widget = await rawApi(emu, token, "POST", `${base}/widget`, "{}");
    expect(widget.json.Fault.Error[0].code).toBe("500");
    const op = await rawApi(emu, token, "POST", `${base}/customer?operation=delete`, JSON.stringify({ Id: "1", SyncToken: "0" }));
    expect(op.json.Fault.Error[0].code).toBe("500");
    const put = await rawApi(emu, token, "PUT", `${base}/customer`, "{}");
    expect(put.json.Fault.Error[0].code).toBe("500");
  });
});

describe("authentication faults", () => {
  it("401 uses Intuit's legacy lower-case fault shape", async () => {
    const res = await rawApi(emu, "not-a-token", "GET", `${base}/preferences`);
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toBe('Bearer realm="Intuit", error="invalid_token"');
    expect(res.json.Fault).toBeUndefined();
    expect(res.json.fault.type).toBe("AUTHENTICATION");
    expect(res.json.fault.error[0]).toMatchObject({ code: "3200", message: "message=AuthenticationFailed; errorCode=003200; statusCode=401", element: null });
    expect(res.json.batchItemResponse).toEqual([]);
    const none = await rawApi(emu, undefined, "GET", `${base}/preferences`);
    expect(none.status).toBe(401);
  });

  it("node-quickbooks sees the 401 as an AxiosError", async () => {
    const qbo = await connectQbo(emu, ACME);
    qbo.token = "expired-or-bogus";
    const { err } = await callQbo(qbo, "getInvoice", "1");
    expect(getStatus(err)).toBe(401);
    expect(err.response.data.fault.error[0].code).toBe("3200");
  });

  it("a token used against another company → 403 (3100)", async () => {
    const res = await rawApi(emu, token, "GET", `/v3/company/${BIRCH}/preferences`);
    expect(res.status).toBe(403);
    expect(res.json.fault.error[0].code).toBe("3100");
  });
});

describe("content negotiation", () => {
  it("answers XML when the client does not ask for JSON, like Intuit", async () => {
    const res = await fetch(`${emu.url}${base}/invoice/1`, { headers: { Authorization: `Bearer ${token}` } });
    expect(res.headers.get("content-type")).toContain("application/xml");
    const xml = await res.text();
    expect(xml).toContain('<IntuitResponse xmlns="http://schema.intuit.com/finance/v3" time="');
    expect(xml).toContain('<Invoice domain="QBO" sparse="false"><AllowIPNPayment>false</AllowIPNPayment>');
    expect(xml).toContain('<CustomerRef name="Great Lakes Aerospace">2</CustomerRef>');
    expect(xml).toContain("<TotalAmt>1250.00</TotalAmt>");
    const fault = await (await fetch(`${emu.url}${base}/invoice/abc`, { headers: { Authorization: `Bearer ${token}` } })).text();
    expect(fault).toContain('<Fault type="ValidationFault"><Error code="2030" element="Id"><Message>Invalid ID</Message>');
    const query = await (await fetch(`${emu.url}${base}/query?query=${encodeURIComponent("select * from Item where Id = '3'")}`, { headers: { Authorization: `Bearer ${token}` } })).text();
    expect(query).toContain('<QueryResponse startPosition="1" maxResults="1"><Item domain="QBO" sparse="false">');
    const json = await fetch(`${emu.url}${base}/invoice/1?format=json`, { headers: { Authorization: `Bearer ${token}` } });
    expect(json.headers.get("content-type")).toContain("application/json");
  });
});

describe("robustness", () => {
  it("survives garbage and keeps serving", async () => {
    const garbage = [
      rawApi(emu, token, "POST", `${base}/invoice`, "\u0000\u0001\u0002"),
      rawApi(emu, token, "POST", `${base}/invoice`, "[]"),
      rawApi(emu, token, "POST", `${base}/invoice`, "null"),
      rawApi(emu, token, "POST", `${base}/batch`, JSON.stringify({ BatchItemRequest: "x" })),
      rawApi(emu, token, "POST", `${base}/batch`, "{}"),
      rawApi(emu, token, "GET", `${base}/query?query=${encodeURIComponent("select * from")}`),
      rawApi(emu, token, "GET", `${base}/cdc?entities=&changedSince=yesterday`),
      rawApi(emu, token, "GET", `/v3/company/%E0%A4%A/customer/1`),
      rawApi(emu, token, "POST", `${base}/payment`, JSON.stringify({ CustomerRef: { value: "1" }, TotalAmt: 5, Line: [{ Amount: 5, LinkedTxn: "x" }] })),
      rawApi(emu, undefined, "POST", "/oauth2/v1/tokens/bearer", "%%%"),
      rawApi(emu, undefined, "POST", "/oauth2/v1/tokens/revoke", "{not json", "application/json"),
      rawApi(emu, undefined, "POST", "/__emulator/tokens", "{oops"),
    ];
    const results = await Promise.all(garbage);
    for (const r of results) expect(r.status).toBeGreaterThanOrEqual(400);
    expect(results.filter((r) => r.status >= 500).map((r) => r.text)).toEqual([]);
    const ok = await rawApi(emu, token, "GET", `${base}/preferences`);
    expect(ok.status).toBe(200);
  });
});
