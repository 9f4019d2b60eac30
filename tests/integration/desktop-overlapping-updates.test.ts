import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { hasDesktopWork, nextDesktopRequest, receiveDesktopResponse } from "@/lib/quickbooks-desktop/work";
import { ageSession, createTestCompanyFile, openTestSession, pollOnce, requestTypes, shopWithWaitingInvoice } from "../factories/desktop";

const rowOf = (id: string) => db.quickBooksSync.findUniqueOrThrow({ where: { id } });

describe("two Web Connector updates of one shop at once (a second PC with the same .qwc)", () => {
  it("the later update never takes over an update still talking: its InvoiceAdd in flight is answered by its own session, one invoice", async () => {
    const file = createTestCompanyFile();
    const { shop, sync } = await shopWithWaitingInvoice(file);
    const first = await openTestSession(shop);
    const inFlight = (await nextDesktopRequest(first))!;
    expect(requestTypes([inFlight])).toEqual(["InvoiceAddRq"]);

    // QuickBooks is still working on it when the second PC's update logs in and polls.
    const second = await pollOnce(shop, file);
    expect(second.requests).toEqual([]);
    expect(await rowOf(sync.id)).toMatchObject({ status: "SYNCING", claimedBy: `desktop:${first.sessionId}` });

    // The first update's answer arrives and is recorded: one invoice, adopted by its row.
    expect(await receiveDesktopResponse(first, { xml: file.process(inFlight) })).toBe(100);
    const [invoice, ...others] = file.admin.invoices();
    expect(others).toHaveLength(0);
    expect(await rowOf(sync.id)).toMatchObject({ status: "SYNCED", qboId: invoice!.TxnID, claimedBy: null });
    expect(await db.quickBooksDesktopRequest.count({ where: { syncId: sync.id, purpose: "invoice.add" } })).toBe(1);
  });

  it("an update silent for longer than a poll's interval is over: the next one takes its row over, looks it up, adopts it", async () => {
    const file = createTestCompanyFile();
    const { shop, sync } = await shopWithWaitingInvoice(file);
    const dead = await openTestSession(shop);
    file.process((await nextDesktopRequest(dead))!); // applied; the PC then crashed
    await ageSession(dead);
    expect(await hasDesktopWork(shop.organizationId)).toBe(true);

    const next = await pollOnce(shop, file);
    expect(requestTypes(next.requests)).toEqual(["InvoiceQueryRq"]);
    const [invoice, ...others] = file.admin.invoices();
    expect(others).toHaveLength(0);
    expect(await rowOf(sync.id)).toMatchObject({ status: "SYNCED", qboId: invoice!.TxnID });
    // The dead session's answer, if it ever came, changes nothing.
    expect(await receiveDesktopResponse(dead, { xml: "<QBXML/>" })).toBeGreaterThanOrEqual(0);
    expect(await rowOf(sync.id)).toMatchObject({ status: "SYNCED", qboId: invoice!.TxnID });
  });
});
