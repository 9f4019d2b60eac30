import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import type { RunningEmulator } from "../../qbo-emulator/src/index";
import { createConfiguredShop, type TConfiguredShop } from "../factories/invoicing";
import { cloudEvent, deliverQuickBooks, drainInbound, invoicedJob, legacyBody, signIntuit, VERIFIER } from "../factories/inbound";
import { ACME_REALM, BIRCH_REALM, emulatorAdmin, startTestQuickBooks } from "../factories/quickbooks";

let emulator: RunningEmulator;
let acme: TConfiguredShop;
let birch: TConfiguredShop;
beforeAll(async () => {
  process.env.QBO_WEBHOOK_VERIFIER_TOKEN = VERIFIER;
  emulator = await startTestQuickBooks();
  acme = await createConfiguredShop(emulator);
  birch = await createConfiguredShop(emulator, { realmId: BIRCH_REALM });
});
afterAll(() => emulator.close());

const eventsCount = () => db.quickBooksInboundEvent.count();

describe("POST /api/webhooks/quickbooks", () => {
  it("refuses a missing, wrong, other-key or altered signature with 401 and stores nothing", async () => {
    const body = legacyBody(ACME_REALM, [{ name: "Invoice", id: "1", operation: "Update", lastUpdated: "2026-12-01T10:00:00Z" }]);
    const raw = JSON.stringify(body);
    const before = await eventsCount();
    for (const signature of [null, "not-base64!", signIntuit(raw, "another-verifier-token"), signIntuit(`${raw} `)]) {
      const response = await deliverQuickBooks(raw, signature);
      expect(response.status).toBe(401);
    }
    expect(await eventsCount()).toBe(before);
  });

  it("answers 400 with reasons for a body that is not a notification, and 200 (ignored) for an unknown company", async () => {
    const bad = await deliverQuickBooks({ eventNotifications: [{ realmId: ACME_REALM }] });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toMatch(/dataChangeEvent/);
    const unknown = await deliverQuickBooks(legacyBody("4620816365000000000", [{ name: "Invoice", id: "9", operation: "Update", lastUpdated: "2026-12-01T10:00:00Z" }]));
    expect(unknown.status).toBe(200);
    expect(await unknown.json()).toEqual({ stored: 0, ignored: 1 });
  });

  it("shows an invoice voided in QuickBooks, from either format, once however often it is delivered", async () => {
    const sync = await invoicedJob(acme);
    const invoice = await acme.api.getInvoice(sync.qboId!);
    const voided = await acme.api.voidInvoice({ Id: invoice.Id, SyncToken: invoice.SyncToken }, `void-${invoice.Id}`);
    const legacy = legacyBody(ACME_REALM, [{ name: "Invoice", id: invoice.Id, operation: "Void", lastUpdated: voided.MetaData?.LastUpdatedTime }]);
    expect(await (await deliverQuickBooks(legacy)).json()).toEqual({ stored: 1, ignored: 0 });
    expect(await (await deliverQuickBooks(legacy)).json()).toEqual({ stored: 0, ignored: 0 });
    expect((await deliverQuickBooks([cloudEvent(ACME_REALM, "invoice", invoice.Id, "voided")])).status).toBe(200);
    await drainInbound(ACME_REALM);
    const after = await db.quickBooksSync.findUniqueOrThrow({ where: { id: sync.id } });
    expect(after).toMatchObject({ qboState: "VOIDED", qboBalanceCents: 0 });
    expect(after.qboStateNote).toMatch(/^Voided in QuickBooks on \d{4}-\d{2}-\d{2}$/);
    // An older "Update" arriving late changes nothing: QuickBooks is read again, and it is still voided.
    await deliverQuickBooks(legacyBody(ACME_REALM, [{ name: "Invoice", id: invoice.Id, operation: "Update", lastUpdated: "2026-01-01T00:00:00Z" }]));
    await drainInbound(ACME_REALM);
    expect(await db.quickBooksSync.findUniqueOrThrow({ where: { id: sync.id } })).toMatchObject({ qboState: "VOIDED", updatedAt: after.updatedAt });
  });

  it("marks an invoice paid when a payment is recorded by hand in QuickBooks", async () => {
    const sync = await invoicedJob(acme);
    const { Payment: payment } = await emulatorAdmin<{ Payment: { Id: string } }>(emulator, "POST", `/__emulator/realms/${ACME_REALM}/invoices/${sync.qboId}/payments`, {});
    await deliverQuickBooks([cloudEvent(ACME_REALM, "payment", payment.Id, "created")]);
    await drainInbound(ACME_REALM);
    const paid = await db.quickBooksSync.findUniqueOrThrow({ where: { id: sync.id } });
    expect(paid).toMatchObject({ qboState: "PAID", qboBalanceCents: 0 });
    expect(paid.qboStateNote).toMatch(/Paid in QuickBooks on/);
  });

  it("says an invoice was deleted, or emailed, in QuickBooks", async () => {
    const emailed = await invoicedJob(acme);
    await emulatorAdmin(emulator, "POST", `/__emulator/realms/${ACME_REALM}/invoices/${emailed.qboId}/send`, { sendTo: "ap@customer.test" });
    const deleted = await invoicedJob(acme);
    await emulatorAdmin(emulator, "POST", `/__emulator/realms/${ACME_REALM}/invoices/${deleted.qboId}/delete`, {});
    await deliverQuickBooks([cloudEvent(ACME_REALM, "invoice", emailed.qboId!, "emailed"), cloudEvent(ACME_REALM, "invoice", deleted.qboId!, "deleted")]);
    await drainInbound(ACME_REALM);
    const afterEmail = await db.quickBooksSync.findUniqueOrThrow({ where: { id: emailed.id } });
    expect(afterEmail.qboStateNote).toMatch(/Emailed to the customer on \d{4}-\d{2}-\d{2}/);
    expect(afterEmail.qboEmailedAt).toBeInstanceOf(Date);
    expect(await db.quickBooksSync.findUniqueOrThrow({ where: { id: deleted.id } })).toMatchObject({ qboState: "DELETED", qboStateNote: "Deleted in QuickBooks" });
  });

  it("never lets a change in Birch's company touch Acme's rows", async () => {
    const acmeSync = await invoicedJob(acme);
    const birchSync = await invoicedJob(birch);
    const invoice = await birch.api.getInvoice(birchSync.qboId!);
    await birch.api.voidInvoice({ Id: invoice.Id, SyncToken: invoice.SyncToken }, `void-birch-${invoice.Id}`);
    // Birch's invoice id may equal one of Acme's: the realm decides.
    await deliverQuickBooks(legacyBody(BIRCH_REALM, [{ name: "Invoice", id: invoice.Id, operation: "Void", lastUpdated: new Date().toISOString() }]));
    await deliverQuickBooks(legacyBody(BIRCH_REALM, [{ name: "Invoice", id: acmeSync.qboId!, operation: "Void", lastUpdated: new Date().toISOString() }]));
    await drainInbound(BIRCH_REALM);
    expect((await db.quickBooksSync.findUniqueOrThrow({ where: { id: birchSync.id } })).qboState).toBe("VOIDED");
    expect((await db.quickBooksSync.findUniqueOrThrow({ where: { id: acmeSync.id } })).qboState).toBeNull();
  });
});
