import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { acceptJob } from "@/lib/jobs/job-actions";
import { connectQuickBooksDesktop, getDesktopQwcFile } from "@/lib/quickbooks-desktop/connect";
import { createCompanyFile, WebConnector } from "../../qbd-emulator/src/index";
import { ageSession } from "../factories/desktop";
import { callQbwcRoute } from "../factories/qbwc";
import { createTestShop, createXometryJob, type TTestShop } from "../factories/shops";

let addressCounter = 0;

/** A shop connected with Connect Account → Desktop, its Web Connector loaded with the downloaded .qwc, calling the route handler over SOAP. */
async function connectWithWebConnector() {
  const shop = await createTestShop("Web Connector Shop");
  const { password } = await connectQuickBooksDesktop(shop.actors.owner);
  const { text } = await getDesktopQwcFile(shop.actors.owner, "http://localhost:3999");
  const companyFile = createCompanyFile({ companyName: "Web Connector Books" });
  const fetch = (url: string, init: RequestInit) => callQbwcRoute(url, { ...init, address: `198.51.100.${++addressCounter % 250}` });
  return { shop, companyFile, webConnector: new WebConnector({ qwc: text, password, companyFile, fetch }) };
}

/** The wizard's choices, from the lists the first update read. */
async function configure(shop: TTestShop) {
  const connection = await db.quickBooksConnection.findUniqueOrThrow({ where: { organizationId: shop.organizationId } });
  const entry = (list: string, name: string) => db.quickBooksDesktopListEntry.findFirstOrThrow({ where: { organizationId: shop.organizationId, list, name } });
  const [xometry, item] = [await entry("customers", "Xometry"), await entry("items", "Machining Services")];
  await db.quickBooksConfiguration.create({
    data: {
      organizationId: shop.organizationId,
      realmId: connection.realmId,
      jobSources: "BOTH",
      invoiceTrigger: "JOB_ACCEPTED",
      xometryCustomerId: xometry.listId,
      xometryCustomerName: xometry.name,
      defaultItemId: item.listId,
      defaultItemName: item.name,
      updatedByUserId: shop.actors.owner.userId,
    },
  });
}

describe("QuickBooks Desktop through the emulated Web Connector and the SOAP route", () => {
  it("an update that stops right after InvoiceAdd was applied: the next scheduled update looks it up and adopts it, one invoice, then nothing to do", async () => {
    const { shop, companyFile, webConnector } = await connectWithWebConnector();
    expect((await webConnector.runOnce()).errors).toEqual([]); // the lists
    await configure(shop);
    const job = await createXometryJob(shop, { expectedShipDate: "2026-12-18", priceCents: 98_000, number: "J-77001" });
    await acceptJob(shop.actors.operator, job.id);

    // QuickBooks applies the InvoiceAdd; the Web Connector stops before the answer reaches us (no closeConnection).
    companyFile.faults.dropAfterApply({ requestType: "InvoiceAddRq", mode: "stop" });
    const dropped = await webConnector.runOnce();
    expect(dropped.status).toBe("The Web Connector stopped before the response was sent.");
    expect(companyFile.admin.invoices().map((invoice) => invoice.RefNumber)).toEqual([job.number]);
    const row = () => db.quickBooksSync.findFirstOrThrow({ where: { jobId: job.id, kind: "INVOICE" } });
    expect(await row()).toMatchObject({ status: "SYNCING" });

    // Pressed Update again at once: the stopped update may still be running, so nothing is sent again.
    const atOnce = await webConnector.runOnce();
    expect(atOnce.errors).toEqual([]);
    expect(companyFile.admin.invoices()).toHaveLength(1);

    // The next scheduled update, minutes later: a lookup by RefNumber and marker finds it; adopted, not re-sent.
    const dead = await db.quickBooksDesktopSession.findMany({ where: { organizationId: shop.organizationId, closedAt: null } });
    for (const session of dead) await ageSession({ sessionId: session.id });
    const next = await webConnector.runOnce();
    expect(next).toMatchObject({ requests: 1, errors: [] });
    const [invoice, ...others] = companyFile.admin.invoices();
    expect(others).toHaveLength(0);
    expect(await row()).toMatchObject({ status: "SYNCED", qboId: invoice!.TxnID, qboDocNumber: job.number, qboTotalCents: 98_000 });
    expect((await webConnector.runOnce()).status).toMatch(/No data exchange required/);
    expect(companyFile.admin.invoices()).toHaveLength(1);
  });
});
