import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { runDueCdc } from "@/lib/inbound/cdc";
import type { RunningEmulator } from "../../qbo-emulator/src/index";
import { deliverQuickBooks, drainInbound, invoicedJob, legacyBody, VERIFIER } from "../factories/inbound";
import { createConfiguredShop, type TConfiguredShop } from "../factories/invoicing";
import { ACME_REALM, emulatorAdmin, startTestQuickBooks } from "../factories/quickbooks";

let emulator: RunningEmulator;
let shop: TConfiguredShop;
beforeAll(async () => {
  process.env.QBO_WEBHOOK_VERIFIER_TOKEN = VERIFIER;
  emulator = await startTestQuickBooks();
  shop = await createConfiguredShop(emulator);
});
afterAll(() => emulator.close());

/** The next CDC read is due now (as after the interval or a reconnect). */
async function cdcNow() {
  await db.quickBooksCdcCursor.updateMany({ where: { realmId: ACME_REALM }, data: { lastRunAt: null } });
  expect(await runDueCdc()).toBe(1);
  await drainInbound(ACME_REALM);
}

describe("CDC catch-up", () => {
  it("recovers a change whose webhook was lost, and runs each company once per interval", async () => {
    await runDueCdc(); // the first read sets the company's cursor
    const sync = await invoicedJob(shop);
    const invoice = await shop.api.getInvoice(sync.qboId!);
    await shop.api.voidInvoice({ Id: invoice.Id, SyncToken: invoice.SyncToken }, `cdc-void-${invoice.Id}`);
    expect(await runDueCdc()).toBe(0); // not due yet
    await cdcNow();
    expect(await db.quickBooksSync.findUniqueOrThrow({ where: { id: sync.id } })).toMatchObject({ qboState: "VOIDED" });
    const cursor = await db.quickBooksCdcCursor.findUniqueOrThrow({ where: { realmId: ACME_REALM } });
    expect(cursor.lastError).toBeNull();
  });

  it("makes one change of a webhook and a CDC row for the same change", async () => {
    const sync = await invoicedJob(shop);
    const invoice = await shop.api.getInvoice(sync.qboId!);
    const voided = await shop.api.voidInvoice({ Id: invoice.Id, SyncToken: invoice.SyncToken }, `dup-void-${invoice.Id}`);
    await deliverQuickBooks(legacyBody(ACME_REALM, [{ name: "Invoice", id: invoice.Id, operation: "Void", lastUpdated: voided.MetaData!.LastUpdatedTime! }]));
    await drainInbound(ACME_REALM);
    const afterWebhook = await db.quickBooksSync.findUniqueOrThrow({ where: { id: sync.id } });
    expect(afterWebhook.qboState).toBe("VOIDED");
    await cdcNow();
    const events = await db.quickBooksInboundEvent.findMany({ where: { realmId: ACME_REALM, entity: "Invoice", entityId: invoice.Id } });
    expect(events.map((event) => event.source).sort()).toEqual(["webhook"]);
    expect((await db.quickBooksSync.findUniqueOrThrow({ where: { id: sync.id } })).updatedAt).toEqual(afterWebhook.updatedAt);
  });

  it("falls back to re-reading what we link to when the cursor is past CDC's 30 days", async () => {
    const sync = await invoicedJob(shop);
    const invoice = await shop.api.getInvoice(sync.qboId!);
    await shop.api.voidInvoice({ Id: invoice.Id, SyncToken: invoice.SyncToken }, `old-void-${invoice.Id}`);
    await db.quickBooksCdcCursor.update({ where: { realmId: ACME_REALM }, data: { changedSince: new Date(Date.now() - 40 * 86_400_000) } });
    await cdcNow();
    expect((await db.quickBooksSync.findUniqueOrThrow({ where: { id: sync.id } })).qboState).toBe("VOIDED");
    const cursor = await db.quickBooksCdcCursor.findUniqueOrThrow({ where: { realmId: ACME_REALM } });
    expect(Date.now() - cursor.changedSince.getTime()).toBeLessThan(86_400_000);
  });
});

describe("configuration health", () => {
  it("says so when the default product/service is made inactive in QuickBooks, and clears it when it is active again", async () => {
    const item = await shop.api.getItem(shop.ids.item!);
    const setActive = async (active: boolean) => {
      const current = await shop.api.getItem(item.Id);
      const { access_token } = emulator.issueTokens(ACME_REALM);
      const response = await fetch(`${emulator.url}/v3/company/${ACME_REALM}/item?operation=update&minorversion=75`, {
        method: "POST",
        headers: { authorization: `Bearer ${access_token}`, "content-type": "application/json", accept: "application/json" },
        body: JSON.stringify({ Id: item.Id, SyncToken: current.SyncToken, sparse: true, Active: active }),
      });
      expect(response.status, await response.clone().text()).toBe(200);
      await deliverQuickBooks(legacyBody(ACME_REALM, [{ name: "Item", id: item.Id, operation: "Update", lastUpdated: new Date().toISOString() }]));
      await drainInbound(ACME_REALM);
      return db.quickBooksConfiguration.findUniqueOrThrow({ where: { organizationId: shop.organizationId } });
    };
    expect((await setActive(false)).healthIssue).toMatch(/product\/service \(.+\) was made inactive in QuickBooks\. Choose another in Edit Configuration\./);
    expect((await setActive(true)).healthIssue).toBeNull();
  });

  it("follows the Xometry customer merged into another in QuickBooks, with a line in the audit", async () => {
    const survivor = await shop.api.createCustomer({ DisplayName: "Xometry (merged)" });
    await emulatorAdmin(emulator, "POST", `/__emulator/realms/${ACME_REALM}/customers/${shop.ids.xometry}/merge`, { into: survivor.Id });
    await deliverQuickBooks(legacyBody(ACME_REALM, [{ name: "Customer", id: survivor.Id, operation: "Merge", deletedId: shop.ids.xometry!, lastUpdated: new Date().toISOString() }]));
    await drainInbound(ACME_REALM);
    const configuration = await db.quickBooksConfiguration.findUniqueOrThrow({ where: { organizationId: shop.organizationId }, include: { changes: true } });
    expect(configuration).toMatchObject({ xometryCustomerId: survivor.Id, xometryCustomerName: "Xometry (merged)", healthIssue: null });
    expect(JSON.stringify(configuration.changes.map((change) => change.changes))).toContain("merged in QuickBooks");
  });
});
