import { db } from "@/lib/db/client";
import type { QuickBooksSync } from "@/lib/generated/prisma/client";
import { applyDocumentChange } from "@/lib/inbound/apply-documents";
import { acceptJob } from "@/lib/jobs/job-actions";
import type { RunningEmulator } from "../../qbo-emulator/src/index";
import { waitForSync, type TConfiguredShop } from "./invoicing";
import { emulatorAdmin } from "./quickbooks";
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
