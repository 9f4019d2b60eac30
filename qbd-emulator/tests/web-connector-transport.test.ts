// How the Web Connector reaches the service: the .qwc's AppURL through an injectable fetch, and what a broken service does.
import { afterEach, describe, expect, it } from "vitest";
import { createCompanyFile, WebConnector } from "../src/index";
import { buildQwc, startSoapService, type TSoapService } from "./soap-service";

let service: TSoapService | undefined;
afterEach(async () => {
  await service?.close();
  service = undefined;
});

describe("Web Connector transport", () => {
  it("posts every call to the https AppURL through the injected fetch (no network needed for the app's host)", async () => {
    service = await startSoapService({ authenticate: () => ["t", "none"] });
    const target = service.url;
    const seen: { url: string; method: string | undefined; action: string | null }[] = [];
    const appUrl = "https://app.workcenter.example/api/integrations/quickbooks-desktop/qbwc";
    const wc = new WebConnector({
      qwc: buildQwc({ appUrl }),
      password: "p",
      companyFile: createCompanyFile(),
      fetch: (url, init) => {
        seen.push({ url, method: init.method, action: new Headers(init.headers).get("soapaction") });
        return fetch(target, init);
      },
    });
    const result = await wc.runOnce();
    expect(result.errors).toEqual([]);
    expect(seen.map((s) => s.url)).toEqual([appUrl, appUrl, appUrl, appUrl]);
    expect(seen.every((s) => s.method === "POST")).toBe(true);
    expect(seen.map((s) => s.action)).toEqual([
      '"http://developer.intuit.com/serverVersion"',
      '"http://developer.intuit.com/clientVersion"',
      '"http://developer.intuit.com/authenticate"',
      '"http://developer.intuit.com/closeConnection"',
    ]);
  });

  it("ends the run with the method's name when the service answers an HTTP error or cannot be reached", async () => {
    const companyFile = createCompanyFile();
    const failing = new WebConnector({
      qwc: buildQwc({ appUrl: "http://localhost:9/qbwc" }),
      password: "p",
      companyFile,
      fetch: async () => new Response("<html>Bad gateway</html>", { status: 502 }),
    });
    const bad = await failing.runOnce();
    expect(bad.errors).toEqual(["serverVersion: the service answered HTTP 502"]);
    const unreachable = new WebConnector({
      qwc: buildQwc({ appUrl: "http://localhost:9/qbwc" }),
      password: "p",
      companyFile,
      fetch: () => Promise.reject(new Error("connect ECONNREFUSED")),
    });
    const down = await unreachable.runOnce();
    expect(down.errors).toEqual(["serverVersion: connect ECONNREFUSED"]);
    const faulting = new WebConnector({
      qwc: buildQwc({ appUrl: "http://localhost:9/qbwc" }),
      password: "p",
      companyFile,
      fetch: async () =>
        new Response(
          '<?xml version="1.0"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><soap:Fault><faultcode>soap:Client</faultcode><faultstring>Unreadable envelope</faultstring></soap:Fault></soap:Body></soap:Envelope>',
          { status: 500, headers: { "content-type": "text/xml" } },
        ),
    });
    expect((await faulting.runOnce()).errors).toEqual(["serverVersion: SOAP fault: Unreadable envelope"]);
    expect(companyFile.admin.requestLog()).toEqual([]);
  });
});
