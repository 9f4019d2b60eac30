import crypto from "node:crypto";
import { db } from "@/lib/db/client";
import { completeInHouseJob, createInHouseJob } from "@/lib/jobs/in-house-jobs";
import type { RunningEmulator } from "../../qbo-emulator/src/index";
import { createConfiguredShop, emulatorInvoices, type TConfiguredShop } from "./invoicing";
import { ACME_REALM, emulatorAdmin } from "./quickbooks";

/** A customer name no other test has typed (the emulator company is shared within a file). */
export function uniqueCustomerName(prefix: string): string {
  return `${prefix} ${crypto.randomBytes(3).toString("hex")}`;
}

/** A configured shop whose in-house invoices go out automatically when a job is completed. */
export async function createAutoInvoicingShop(emulator: RunningEmulator, realmId = ACME_REALM): Promise<TConfiguredShop> {
  const shop = await createConfiguredShop(emulator, { realmId });
  await db.quickBooksConfiguration.update({ where: { organizationId: shop.organizationId }, data: { inHouseInvoiceMode: "ON_COMPLETION" } });
  return shop;
}

/** An in-house job for the customer as typed (two lines, $49.40 + $45.00), completed by the operator. */
export async function completeNewJob(shop: TConfiguredShop, customerName: string) {
  const job = await createInHouseJob(shop.actors.operator, {
    customerName,
    title: "Grippers",
    lineItems: [
      { description: "Finger, 6061", quantity: 4, unitPrice: "12.35" },
      { description: "Anodize", quantity: 1, unitPrice: "45.00" },
    ],
  });
  await completeInHouseJob(shop.actors.operator, job.id);
  return job;
}

/** The emulator's customer record as QuickBooks holds it (all fields). */
export async function emulatorCustomer(emulator: RunningEmulator, id: string, realmId = ACME_REALM): Promise<Record<string, unknown> | undefined> {
  const body = await emulatorAdmin<{ items: ({ Id: string } & Record<string, unknown>)[] }>(emulator, "GET", `/__emulator/realms/${realmId}/entities/Customer`);
  return body.items.find((customer) => customer.Id === id);
}

/** The invoices carrying a sync row's marker (in-house job numbers repeat from shop to shop). */
export async function invoicesForSync(emulator: RunningEmulator, syncId: string, realmId = ACME_REALM) {
  return (await emulatorInvoices(emulator, realmId)).filter((invoice) => invoice.PrivateNote?.endsWith(`wc:${syncId}`));
}
