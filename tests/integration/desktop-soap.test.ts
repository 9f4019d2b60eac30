import crypto from "node:crypto";
import { XMLParser } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/integrations/quickbooks-desktop/qbwc/route";
import { db } from "@/lib/db/client";
import { connectQuickBooksDesktop, disconnectQuickBooksDesktop, getDesktopQwcFile } from "@/lib/quickbooks-desktop/connect";
import { verifyDesktopLogin } from "@/lib/quickbooks-desktop/credentials";
import { EXPIRED_SESSION_MESSAGE, SERVER_VERSION } from "@/lib/quickbooks-desktop/soap-service";
import { openDesktopSession } from "@/lib/quickbooks-desktop/sessions";
import { createCompanyFile, WebConnector } from "../../qbd-emulator/src/index";
import { authenticate, callQbwc, callQbwcRoute, QBWC_ROUTE_URL } from "../factories/qbwc";
import { createTestShop, type TTestShop } from "../factories/shops";

const APP_URL = "http://localhost:3999";
const sha256 = (value: string) => crypto.createHash("sha256").update(value).digest("hex");
let addressCounter = 0;
const nextAddress = () => `192.0.2.${++addressCounter}`;

async function connectShop(name = "Shop") {
  const shop = await createTestShop(name);
  const login = await connectQuickBooksDesktop(shop.actors.owner);
  return { shop, ...login };
}

/** A session as authenticate opens one (whether the transport has work or not). */
async function openSession(userName: string, password: string): Promise<string> {
  return openDesktopSession((await verifyDesktopLogin(userName, password, nextAddress()))!);
}

const credentialOf = (shop: TTestShop) => db.quickBooksDesktopCredential.findUniqueOrThrow({ where: { organizationId: shop.organizationId } });
const firstSend = (ticket: string, companyFileName = "C:\\Books\\Acme.QBW", hcp = "") => ({
  ticket,
  strHCPResponse: hcp,
  strCompanyFileName: companyFileName,
  qbXMLCountry: "US",
  qbXMLMajorVers: 13,
  qbXMLMinorVers: 0,
});

describe("the Web Connector's SOAP service, through SOAP envelopes as QBWC sends them", () => {
  it("answers serverVersion (even with an empty body) and clientVersion against its floor", async () => {
    expect((await callQbwc("serverVersion")).result).toBe(SERVER_VERSION);
    expect((await callQbwc("clientVersion", { strVersion: "2.3.0.215" })).result).toBe("");
    expect((await callQbwc("clientVersion", { strVersion: "2.0.1.6" })).result).toMatch(/^W:.*2\.1 or later/);
    expect((await callQbwc("clientVersion", { strVersion: "1.5.0.0" })).result).toMatch(/^E:.*too old/);
  });

  it("refuses a wrong password, an unknown user and a disconnected shop with nvu, in at most four strings of Intuit's namespace", async () => {
    const { shop, userName, password } = await connectShop();
    const refused = await callQbwc("authenticate", { strUserName: userName, strPassword: "not-the-password" }, nextAddress());
    expect(refused.xml).toMatch(/<authenticateResponse xmlns="http:\/\/developer\.intuit\.com\/"><authenticateResult><string>/);
    expect(refused.xml.match(/<string>/g)!.length).toBeLessThanOrEqual(4);
    expect(await authenticate(userName, "not-the-password", nextAddress())).toEqual(["", "nvu", "", ""]);
    expect(await authenticate("nobody-000000", password, nextAddress())).toEqual(["", "nvu", "", ""]);
    expect(await authenticate("x".repeat(5000), "y".repeat(5000), nextAddress())).toEqual(["", "nvu", "", ""]);
    expect(await db.quickBooksDesktopSession.count({ where: { organizationId: shop.organizationId } })).toBe(0);
    expect((await credentialOf(shop)).lastContactAt).toBeNull();

    await disconnectQuickBooksDesktop(shop.actors.owner);
    expect(await authenticate(userName, password, nextAddress())).toEqual(["", "nvu", "", ""]);
  });

  it("hands out a random ticket bound to the shop when there is work, storing only its hash, for 30 minutes", async () => {
    const { shop, userName, password } = await connectShop();
    // A shop just connected has its lists to read: that is work.
    const [ticket, status, ...rest] = await authenticate(userName, password, nextAddress());
    expect(status).toBe("");
    expect(rest).toEqual(["", ""]);
    expect(ticket).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const session = await db.quickBooksDesktopSession.findUniqueOrThrow({ where: { ticketHash: sha256(ticket!) } });
    expect(session.organizationId).toBe(shop.organizationId);
    expect(session.expiresAt.getTime() - session.createdAt.getTime()).toBe(30 * 60 * 1000);
    expect(JSON.stringify(await db.$queryRawUnsafe(`SELECT * FROM "QuickBooksDesktopSession"`))).not.toContain(ticket);
    expect((await credentialOf(shop)).lastContactAt).not.toBeNull();
  });

  it("records the company file, its name and the qbXML version from sendRequestXML's first call", async () => {
    const { shop, userName, password } = await connectShop();
    const ticket = await openSession(userName, password);
    const hcp = `<?xml version="1.0" ?><QBXML><QBXMLMsgsRs><HostQueryRs statusCode="0"/><CompanyQueryRs statusCode="0" statusSeverity="Info"><CompanyRet><CompanyName>Acme &amp; Sons Books</CompanyName></CompanyRet></CompanyQueryRs></QBXMLMsgsRs></QBXML>`;
    const reply = await callQbwc("sendRequestXML", firstSend(ticket, "C:\\Books\\Acme.QBW", hcp));
    expect(reply.status).toBe(200);
    expect(typeof reply.result).toBe("string");
    expect(await credentialOf(shop)).toMatchObject({ companyFileName: "C:\\Books\\Acme.QBW", qbXmlVersion: "13.0" });
    expect((await credentialOf(shop)).lastContactAt).not.toBeNull();
    expect(await db.quickBooksDesktopSession.findUniqueOrThrow({ where: { ticketHash: sha256(ticket) } })).toMatchObject({ companyFileName: "C:\\Books\\Acme.QBW", qbXmlMajor: 13, qbXmlMinor: 0 });
    expect((await db.quickBooksConnection.findUniqueOrThrow({ where: { organizationId: shop.organizationId } })).companyName).toBe("Acme & Sons Books");
  });

  it("does nothing for unknown, expired, closed or disconnected tickets, and answers each method's failure value", async () => {
    const unknown = crypto.randomBytes(32).toString("base64url");
    expect((await callQbwc("sendRequestXML", firstSend(unknown))).result).toBe("");
    expect((await callQbwc("receiveResponseXML", { ticket: unknown, response: "<QBXML/>", hresult: "", message: "" })).result).toBe("-1");
    expect((await callQbwc("getLastError", { ticket: unknown })).result).toBe(EXPIRED_SESSION_MESSAGE);
    expect((await callQbwc("connectionError", { ticket: unknown, hresult: "0x80040408", message: "Could not start QuickBooks." })).result).toBe("done");
    expect((await callQbwc("closeConnection", { ticket: unknown })).result).toBe("");

    const { shop, userName, password } = await connectShop();
    const expired = await openSession(userName, password);
    await db.quickBooksDesktopSession.update({ where: { ticketHash: sha256(expired) }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await callQbwc("sendRequestXML", firstSend(expired))).result).toBe("");
    expect((await callQbwc("receiveResponseXML", { ticket: expired, response: "<QBXML/>", hresult: "", message: "" })).result).toBe("-1");
    expect(await credentialOf(shop)).toMatchObject({ lastContactAt: null, companyFileName: null });

    const closed = await openSession(userName, password);
    expect((await callQbwc("closeConnection", { ticket: closed })).result).toBe("OK");
    expect((await callQbwc("closeConnection", { ticket: closed })).result).toBe("");
    expect((await callQbwc("sendRequestXML", firstSend(closed))).result).toBe("");

    const dropped = await openSession(userName, password);
    expect((await callQbwc("connectionError", { ticket: dropped, hresult: "0x80040408", message: "Could not start QuickBooks." })).result).toBe("done");
    expect((await db.quickBooksDesktopSession.findUniqueOrThrow({ where: { ticketHash: sha256(dropped) } })).closedAt).not.toBeNull();
    expect((await callQbwc("sendRequestXML", firstSend(dropped))).result).toBe("");

    const live = await openSession(userName, password);
    await disconnectQuickBooksDesktop(shop.actors.owner);
    expect((await callQbwc("sendRequestXML", firstSend(live))).result).toBe("");
    expect(await credentialOf(shop)).toMatchObject({ lastContactAt: null, companyFileName: null });
  });

  it("keeps shops apart: a ticket only ever touches its own shop", async () => {
    const acme = await connectShop("Acme");
    const birch = await connectShop("Birch");
    const birchTicket = await openSession(birch.userName, birch.password);
    await callQbwc("sendRequestXML", firstSend(birchTicket, "C:\\Books\\Birch.QBW"));
    expect((await credentialOf(birch.shop)).companyFileName).toBe("C:\\Books\\Birch.QBW");
    expect(await credentialOf(acme.shop)).toMatchObject({ companyFileName: null, lastContactAt: null });
    expect((await db.quickBooksConnection.findUniqueOrThrow({ where: { organizationId: acme.shop.organizationId } })).companyName).toBe("QuickBooks Desktop");
  });

  it("answers a request it cannot read with a SOAP fault in plain words, never a stack", async () => {
    for (const body of ["not xml at all", `<?xml version="1.0"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><dropTables xmlns="http://developer.intuit.com/"/></soap:Body></soap:Envelope>`]) {
      const response = await callQbwcRoute(QBWC_ROUTE_URL, { method: "POST", body, headers: { "content-type": "text/xml" } });
      expect(response.status).toBe(500);
      const text = await response.text();
      expect(text).toContain("<faultstring>This is the QuickBooks Web Connector service of Workcenter; the request could not be read.</faultstring>");
      expect(text).not.toMatch(/Error|\bat \w|\.js|\.ts/);
    }
  });

  it("refuses a body over its limit before reading it", async () => {
    const response = await callQbwcRoute(QBWC_ROUTE_URL, { method: "POST", body: " ".repeat(1024 * 1024 + 1), headers: { "content-type": "text/xml" } });
    expect(response.status).toBe(413);
  });

  it("describes itself at ?wsdl with this app's address", async () => {
    const response = await GET();
    expect(response.headers.get("content-type")).toMatch(/xml/);
    const wsdl = new XMLParser({ ignoreAttributes: false, removeNSPrefix: true }).parse(await response.text());
    expect(wsdl.definitions.service.port.address["@_location"]).toBe(`${APP_URL}/api/integrations/quickbooks-desktop/qbwc`);
    const operations = (wsdl.definitions.binding.operation as { "@_name": string }[]).map((operation) => operation["@_name"]);
    expect(operations.sort()).toEqual(["authenticate", "clientVersion", "closeConnection", "connectionError", "getLastError", "receiveResponseXML", "sendRequestXML", "serverVersion"]);
  });
});

describe("the emulated Web Connector, with the downloaded .qwc, against the route handler", () => {
  async function webConnectorFor(shop: TTestShop, password: string, companyName = "Acme Books") {
    const { text } = await getDesktopQwcFile(shop.actors.owner, APP_URL);
    const companyFile = createCompanyFile({ companyName });
    const fetch = (url: string, init: RequestInit) => callQbwcRoute(url, { ...init, address: nextAddress() });
    return { companyFile, webConnector: new WebConnector({ qwc: text, password, companyFile, fetch }) };
  }

  it("runs a whole update: the company file is recorded, then the next update has nothing to do", async () => {
    const { shop, userName, password } = await connectShop();
    const { companyFile, webConnector } = await webConnectorFor(shop, password);
    const first = await webConnector.runOnce();
    expect(first.errors).toEqual([]);
    expect(first.requests).toBeGreaterThan(0);
    const credential = await credentialOf(shop);
    expect(credential.companyFileName).toBe(companyFile.admin.fileName());
    expect(credential.lastContactAt).not.toBeNull();
    expect((await db.quickBooksConnection.findUniqueOrThrow({ where: { organizationId: shop.organizationId } })).companyName).toBe("Acme Books");
    expect(await db.quickBooksDesktopSession.count({ where: { organizationId: shop.organizationId, closedAt: null } })).toBe(0);

    const second = await webConnector.runOnce();
    expect(second).toMatchObject({ requests: 0, errors: [] });
    expect(second.status).toMatch(/No data exchange required/);
    expect(await authenticate(userName, password, nextAddress())).toEqual(["", "none", "", ""]);
  });

  it("shows the Web Connector a refused login for a wrong password", async () => {
    const { shop } = await connectShop();
    const { webConnector } = await webConnectorFor(shop, "wrong-password");
    const result = await webConnector.runOnce();
    expect(result.requests).toBe(0);
    expect(result.errors).toEqual(["Invalid user name or password."]);
    expect(await db.quickBooksDesktopSession.count({ where: { organizationId: shop.organizationId } })).toBe(0);
  });
});
