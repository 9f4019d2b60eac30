import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { generateXometryInvoice } from "@/lib/invoicing/manual-invoices";
import { recordPayout } from "@/lib/payouts/record-payout";
import { KEPT_FAILING } from "@/lib/quickbooks-desktop/queue/record";
import { MAX_AUTOMATIC_ATTEMPTS } from "@/lib/sync/record-outcome";
import { endDesktopSession, getDesktopLastError, hasDesktopWork, nextDesktopRequest, receiveDesktopResponse } from "@/lib/quickbooks-desktop/work";
import { ageSession, createDesktopShop, createTestCompanyFile, openTestSession, pollOnce, requestTypes, shopWithWaitingInvoice, type TDesktopShop } from "../factories/desktop";
import { createXometryJob } from "../factories/shops";
import type { TCompanyFile } from "../../qbd-emulator/src/index";

/** The session's next request goes to the company file (applied there), and its answer is lost. */
async function sendAndLoseAnswer(shop: TDesktopShop, file: TCompanyFile) {
  const session = await openTestSession(shop);
  const xml = await nextDesktopRequest(session);
  expect(requestTypes([xml!])).toEqual(["InvoiceAddRq"]);
  file.process(xml!);
  return session;
}

const rowOf = (id: string) => db.quickBooksSync.findUniqueOrThrow({ where: { id } });

describe("QuickBooks Desktop exactly once, without a requestid", () => {
  it("a session dropped after InvoiceAdd was applied: the next session looks it up and adopts it (one invoice)", async () => {
    const file = createTestCompanyFile();
    const { shop, job, sync } = await shopWithWaitingInvoice(file);
    const dead = await sendAndLoseAnswer(shop, file); // the Web Connector died: no answer, no closeConnection
    await ageSession(dead); // the next scheduled poll comes minutes later
    expect(file.admin.invoices()).toHaveLength(1);
    expect(await rowOf(sync.id)).toMatchObject({ status: "SYNCING" });
    // Its next login is not told "none": the dead update's row is work for the new session.
    expect(await hasDesktopWork(shop.organizationId)).toBe(true);

    const poll = await pollOnce(shop, file);
    expect(requestTypes(poll.requests)).toEqual(["InvoiceQueryRq"]);
    const [invoice, ...others] = file.admin.invoices();
    expect(others).toHaveLength(0);
    expect(await rowOf(sync.id)).toMatchObject({ status: "SYNCED", qboId: invoice!.TxnID, qboDocNumber: job.number });
  });

  it("connectionError with a request in flight: looked up first; not there → sent once", async () => {
    const file = createTestCompanyFile();
    const { shop, sync } = await shopWithWaitingInvoice(file);
    const session = await openTestSession(shop);
    const xml = await nextDesktopRequest(session);
    expect(requestTypes([xml!])).toEqual(["InvoiceAddRq"]);
    await endDesktopSession(session, "connectionError", "Could not start QuickBooks.");
    const waiting = await rowOf(sync.id);
    expect(waiting).toMatchObject({ status: "PENDING", claimedBy: null });
    expect(waiting.errorMessage).toMatch(/could not open the QuickBooks Desktop company file/);
    expect(file.admin.invoices()).toHaveLength(0);

    const poll = await pollOnce(shop, file);
    expect(requestTypes(poll.requests)).toEqual(["InvoiceQueryRq", "InvoiceAddRq"]);
    expect(file.admin.invoices()).toHaveLength(1);
    expect(await rowOf(sync.id)).toMatchObject({ status: "SYNCED", qboId: file.admin.invoices()[0]!.TxnID });
  });

  it("QuickBooks failing while answering (hresult, empty response): -1, plain words, then adopted at the next poll", async () => {
    const file = createTestCompanyFile();
    const { shop, sync } = await shopWithWaitingInvoice(file);
    const session = await sendAndLoseAnswer(shop, file);
    expect(await receiveDesktopResponse(session, { xml: "", hresult: "0x80010105", message: "The server threw an exception." })).toBe(-1);
    const words = await getDesktopLastError(session);
    expect(words).toBe("QuickBooks Desktop did not answer the last request. It is checked at the next poll before anything is sent again.");
    await endDesktopSession(session, "closed");

    const poll = await pollOnce(shop, file);
    expect(requestTypes(poll.requests)).toEqual(["InvoiceQueryRq"]);
    expect(file.admin.invoices()).toHaveLength(1);
    expect(await rowOf(sync.id)).toMatchObject({ status: "SYNCED" });
  });

  it("a busy company file (3180) is tried again at a later poll, looked up first, sent once; never shown raw", async () => {
    const file = createTestCompanyFile();
    const { shop, sync } = await shopWithWaitingInvoice(file);
    file.faults.failNext("InvoiceAdd", { statusCode: 3180 });
    await pollOnce(shop, file);
    const busy = await rowOf(sync.id);
    expect(busy).toMatchObject({ status: "PENDING", errorCode: "QBD_3180" });
    expect(busy.errorMessage).toBe("The QuickBooks Desktop company file was busy (in use by someone else). It is tried again at the next Web Connector poll.");
    expect(busy.nextAttemptAt!.getTime()).toBeGreaterThan(Date.now() - 1000);
    await db.quickBooksSync.update({ where: { id: sync.id }, data: { nextAttemptAt: new Date(Date.now() - 1000) } });

    const poll = await pollOnce(shop, file);
    expect(requestTypes(poll.requests)).toEqual(["InvoiceQueryRq", "InvoiceAddRq"]);
    expect(file.admin.invoices()).toHaveLength(1);
    expect(await rowOf(sync.id)).toMatchObject({ status: "SYNCED", errorCode: null });
  });

  it("a company file busy at every try stops after the automatic attempts and waits for Retry, in words", async () => {
    const file = createTestCompanyFile();
    const { shop, sync } = await shopWithWaitingInvoice(file);
    await db.quickBooksSync.update({ where: { id: sync.id }, data: { attempts: MAX_AUTOMATIC_ATTEMPTS - 1 } });
    file.faults.failNext("InvoiceAdd", { statusCode: 3175 });
    await pollOnce(shop, file);
    expect(await rowOf(sync.id)).toMatchObject({ status: "FAILED", errorCode: "QBD_3175", errorMessage: KEPT_FAILING });
    expect(file.admin.invoices()).toHaveLength(0);
  });

  it("qbXML refusals become plain words on the row, and getLastError says them", async () => {
    const file = createTestCompanyFile();
    const { shop, sync } = await shopWithWaitingInvoice(file);
    file.faults.failNext("InvoiceAdd", { statusCode: 3200 });
    const poll = await pollOnce(shop, file, { leaveOpen: true });
    const row = await rowOf(sync.id);
    expect(row).toMatchObject({ status: "FAILED", errorCode: "QBD_3200" });
    expect(row.errorMessage).toBe("The document changed in QuickBooks Desktop meanwhile (edit sequence out of date). Press Retry to read it again.");
    expect(await getDesktopLastError(poll.session)).toBe(row.errorMessage);
  });

  it("a payout paying two customers, dropped after the first payment was applied: adopted, the second added, two payments in all", async () => {
    const file = createTestCompanyFile();
    const shop = await createDesktopShop(file, { paymentsEnabled: true });
    const customer = (name: string) => file.admin.customers().find((candidate) => candidate.Name === name)!;
    const jobs = [];
    for (const name of ["Xometry", "Great Lakes Aerospace"]) {
      await db.quickBooksConfiguration.update({ where: { organizationId: shop.organizationId }, data: { xometryCustomerId: customer(name).ListID, xometryCustomerName: name } });
      const job = await createXometryJob(shop, { status: "SHIPPED", priceCents: 40_000 });
      await generateXometryInvoice(shop.actors.owner, job.id);
      jobs.push(job);
    }
    await pollOnce(shop, file);
    const { payoutId } = await recordPayout({ organizationId: shop.organizationId, externalId: "PO-9001", paidAt: "2026-11-30", lines: jobs.map((job) => ({ jobNumber: job.number, amountCents: 40_000 })), deductions: [], source: "WEBHOOK" });
    // The first ReceivePaymentAdd reaches the company file; its answer and the rest of the session are lost.
    const session = await openTestSession(shop);
    for (;;) {
      const xml = (await nextDesktopRequest(session))!;
      const answer = file.process(xml);
      if (requestTypes([xml])[0] === "ReceivePaymentAddRq") break;
      await receiveDesktopResponse(session, { xml: answer });
    }
    await endDesktopSession(session, "connectionError");
    expect(file.admin.payments()).toHaveLength(1);

    const poll = await pollOnce(shop, file);
    expect(requestTypes(poll.requests)).toEqual(["InvoiceQueryRq", "ReceivePaymentQueryRq", "ReceivePaymentQueryRq", "ReceivePaymentAddRq"]);
    const payments = file.admin.payments();
    expect(payments.map((payment) => [payment.Customer.FullName, payment.TotalAmountCents]).sort()).toEqual([
      ["Great Lakes Aerospace", 40_000],
      ["Xometry", 40_000],
    ]);
    const row = await db.quickBooksSync.findFirstOrThrow({ where: { payoutId, kind: "PAYMENT" } });
    expect(row).toMatchObject({ status: "SYNCED", qboTotalCents: 80_000 });
    expect(row.qboId!.split(",").sort()).toEqual(payments.map((payment) => payment.TxnID).sort());
    expect(file.admin.invoices().every((invoice) => invoice.SubtotalCents === invoice.AppliedCents)).toBe(true);
  });

  it("tenancy: one shop's session never receives another shop's rows", async () => {
    const file = createTestCompanyFile();
    const first = await shopWithWaitingInvoice(file);
    const second = await shopWithWaitingInvoice(file);
    const poll = await pollOnce(first.shop, file);
    expect(requestTypes(poll.requests)).toEqual(["InvoiceAddRq"]);
    expect(poll.requests[0]).toContain(`wc:${first.sync.id}`);
    expect(await rowOf(second.sync.id)).toMatchObject({ status: "PENDING", attempts: 0 });
    expect(await db.quickBooksDesktopRequest.count({ where: { syncId: second.sync.id } })).toBe(0);
    // Another shop's session id in hand changes nothing either.
    const foreign = { ...(await openTestSession(second.shop)), organizationId: first.shop.organizationId };
    expect(await nextDesktopRequest(foreign)).toBeNull();
    expect(await rowOf(second.sync.id)).toMatchObject({ status: "PENDING", attempts: 0 });
  });
});
