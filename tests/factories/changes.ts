import { afterAll, afterEach, beforeAll } from "vitest";
import { db } from "@/lib/db/client";
import type { QuickBooksSync } from "@/lib/generated/prisma/client";
import { applyDocumentChange } from "@/lib/inbound/apply-documents";
import { getJobInvoiceView } from "@/lib/invoicing/job-invoice-view";
import { acceptJob } from "@/lib/jobs/job-actions";
import { startWorker, type TWorker } from "@/lib/queue/worker";
import type { RunningEmulator } from "../../qbo-emulator/src/index";
import { createConfiguredShop, waitForSync, type TConfiguredShop } from "./invoicing";
import { BIRCH_REALM, emulatorAdmin, startTestQuickBooks } from "./quickbooks";
import { createXometryJob } from "./shops";

/** A Xometry job accepted at `priceCents`, its invoice sent by the running worker. */
export async function createInvoicedJob(shop: TConfiguredShop, priceCents = 125_000) {
  const job = await createXometryJob(shop, { priceCents });
  await acceptJob(shop.actors.operator, job.id);
  const invoice = await waitForSync({ jobId: job.id, kind: "INVOICE" }, ["SYNCED"]);
  return { job, invoice };
}

type TEmulatorInvoice = { Id: string; SyncToken: string; TotalAmt: number; Balance: number; PrivateNote?: string; deleted?: boolean; Line?: { Amount: number }[] };

/** The invoice as the emulator holds it (deleted ones flagged). */
export async function emulatorInvoice(emulator: RunningEmulator, shop: TConfiguredShop, id: string): Promise<TEmulatorInvoice> {
  const realmId = (await db.quickBooksConnection.findUniqueOrThrow({ where: { id: shop.connectionId } })).realmId;
  const body = await emulatorAdmin<{ items: TEmulatorInvoice[] }>(emulator, "GET", `/__emulator/realms/${realmId}/entities/Invoice`);
  return body.items.find((invoice) => invoice.Id === id)!;
}

/** Someone records a payment on the invoice in QuickBooks (`amount` dollars, default all), and Workcenter hears of it as a webhook would make it. */
export async function payInQuickBooks(emulator: RunningEmulator, shop: TConfiguredShop, invoice: QuickBooksSync, amount?: number) {
  await emulatorAdmin(emulator, "POST", `/__emulator/realms/${invoice.realmId}/invoices/${invoice.qboId}/payments`, amount === undefined ? {} : { amount });
  await applyDocumentChange(shop.api, invoice.realmId, "Invoice", invoice.qboId!);
}

/** The job's change rows of a kind, oldest first. */
export function changesOf(jobId: string, kind?: QuickBooksSync["kind"]) {
  return db.quickBooksSync.findMany({ where: { jobId, kind: kind ?? { notIn: ["INVOICE", "PAYMENT", "DEPOSIT"] } }, orderBy: { createdAt: "asc" } });
}

export async function setChangePolicy(shop: TConfiguredShop, changePolicy: "ASK" | "AUTOMATIC") {
  await db.quickBooksConfiguration.update({ where: { organizationId: shop.organizationId }, data: { changePolicy } });
}

export type TChangeTestbed = { emulator: RunningEmulator; worker: TWorker; shop: TConfiguredShop; automatic: TConfiguredShop };

/**
 * A running emulator and worker, an Acme-company shop that asks first, and a Birch-company shop
 * whose configuration says "Update QuickBooks automatically" (filled in before the tests run).
 * Retries back off from 20 ms; injected faults end with each test.
 */
export function useChangeTestbed(): TChangeTestbed {
  const testbed = {} as TChangeTestbed;
  beforeAll(async () => {
    process.env.SYNC_BACKOFF_BASE_MS = "20";
    testbed.emulator = await startTestQuickBooks();
    testbed.worker = await startWorker({ concurrency: 2, sweepIntervalMs: 300 });
    testbed.shop = await createConfiguredShop(testbed.emulator);
    testbed.automatic = await createConfiguredShop(testbed.emulator, { realmId: BIRCH_REALM });
    await setChangePolicy(testbed.automatic, "AUTOMATIC");
  });
  afterEach(() => emulatorAdmin(testbed.emulator, "DELETE", "/__emulator/faults"));
  afterAll(async () => {
    delete process.env.SYNC_BACKOFF_BASE_MS;
    await testbed.worker.stop();
    await testbed.emulator.close();
  });
  return testbed;
}

/** The Invoice tab's document view as a bookkeeper of the shop sees it. */
export async function getDocumentView(shop: TConfiguredShop, jobId: string) {
  const view = await getJobInvoiceView(shop.actors.bookkeeper, jobId);
  if (view.state !== "document") throw new Error(`no invoice document (${view.state})`);
  return view;
}
