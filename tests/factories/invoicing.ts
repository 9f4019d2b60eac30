import { expect } from "vitest";
import { db } from "@/lib/db/client";
import type { QuickBooksSync } from "@/lib/generated/prisma/client";
import { QuickBooksApi } from "@/lib/quickbooks/api";
import type { RunningEmulator } from "../../qbo-emulator/src/index";
import { ACME_REALM, connectTestShop, emulatorAdmin } from "./quickbooks";
import { createTestShop, type TTestShop } from "./shops";

export type TConfiguredShop = TTestShop & { connectionId: string; api: QuickBooksApi; ids: Record<string, string> };

/** A shop connected to an emulator company and configured (configuration written as the wizard would). */
export async function createConfiguredShop(
  emulator: RunningEmulator,
  options: { realmId?: string; trigger?: "JOB_ACCEPTED" | "JOB_SHIPPED"; jobSources?: "XOMETRY" | "IN_HOUSE" | "BOTH"; paymentsEnabled?: boolean } = {},
): Promise<TConfiguredShop> {
  const realmId = options.realmId ?? ACME_REALM;
  await db.quickBooksConnection.updateMany({ where: { realmId }, data: { status: "DISCONNECTED" } });
  const shop = await createTestShop();
  const connection = await connectTestShop(emulator, shop, realmId);
  const api = new QuickBooksApi(connection.id);
  const [xometry] = await api.searchCustomers("Xometry", { startPosition: 1, maxResults: 1 });
  const items = await api.searchItems("", { startPosition: 1, maxResults: 50 });
  const item = items.find((candidate) => candidate.Name === "Machining Services" || candidate.Name === "Fabrication Services")!;
  const accounts = await api.listDepositAccounts();
  const undeposited = accounts.find((account) => account.Name === "Undeposited Funds")!;
  await db.quickBooksConfiguration.create({
    data: {
      organizationId: shop.organizationId,
      realmId,
      jobSources: options.jobSources ?? "BOTH",
      invoiceTrigger: options.trigger ?? "JOB_ACCEPTED",
      xometryCustomerId: xometry!.Id,
      xometryCustomerName: xometry!.DisplayName,
      defaultItemId: item.Id,
      defaultItemName: item.Name,
      paymentsEnabled: options.paymentsEnabled ?? false,
      depositAccountId: undeposited.Id,
      depositAccountName: undeposited.Name,
      updatedByUserId: shop.actors.owner.userId,
    },
  });
  return { ...shop, connectionId: connection.id, api, ids: { xometry: xometry!.Id, item: item.Id, undeposited: undeposited.Id } };
}

/** Waits (bounded) until the job's invoice sync reaches one of the statuses. */
export async function waitForSync(where: { jobId?: string; payoutId?: string; kind?: QuickBooksSync["kind"] }, statuses: QuickBooksSync["status"][], timeoutMs = 20_000): Promise<QuickBooksSync> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const sync = await db.quickBooksSync.findFirst({ where });
    if (sync && statuses.includes(sync.status)) return sync;
    if (Date.now() > deadline) throw new Error(`sync for ${JSON.stringify(where)} is ${sync?.status ?? "missing"} (${sync?.errorMessage ?? "no error"}), expected ${statuses.join("/")}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

type TStoredInvoice = { Id: string; DocNumber?: string; PrivateNote?: string; TxnDate: string; TotalAmt: number; CustomerRef: { value: string }; deleted?: boolean; voided?: boolean; Balance?: number; Line?: { Description?: string; Amount: number }[] };

/** Every invoice the emulator holds for a realm (deleted ones flagged). */
export async function emulatorInvoices(emulator: RunningEmulator, realmId = ACME_REALM): Promise<TStoredInvoice[]> {
  const body = await emulatorAdmin<{ items: TStoredInvoice[] }>(emulator, "GET", `/__emulator/realms/${realmId}/entities/Invoice`);
  return body.items.filter((invoice) => !invoice.deleted);
}

export async function invoicesForJob(emulator: RunningEmulator, jobNumber: string, realmId = ACME_REALM) {
  return (await emulatorInvoices(emulator, realmId)).filter((invoice) => invoice.PrivateNote?.includes(`Workcenter job ${jobNumber} `));
}

export function expectOne<T>(items: T[]): T {
  expect(items).toHaveLength(1);
  return items[0]!;
}
