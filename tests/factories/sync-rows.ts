import { db } from "@/lib/db/client";
import type { QuickBooksSync } from "@/lib/generated/prisma/client";
import type { TTestShop } from "./shops";

type TRow = Partial<Pick<QuickBooksSync, "kind" | "status" | "jobId" | "payoutId" | "qboId" | "qboDocNumber" | "qboState" | "errorCode" | "errorMessage" | "attempts" | "sequence" | "createdAt">>;

/** A sync row written straight into the ledger (no worker, no QuickBooks): for lists and filters. */
export function createSyncRow(shop: TTestShop, row: TRow): Promise<QuickBooksSync> {
  return db.quickBooksSync.create({
    data: { organizationId: shop.organizationId, realmId: "test-realm", trigger: "test", payload: {}, kind: "INVOICE", status: "SYNCED", ...row },
  });
}

/** A payout of the shop with no lines, for rows that belong to a payout. */
export function createTestPayout(shop: TTestShop, externalId: string) {
  return db.payout.create({
    data: { organizationId: shop.organizationId, externalId, paidAt: new Date("2026-11-27T00:00:00Z"), grossCents: 10_000, deductionsCents: 0, netCents: 10_000, source: "SIMULATED" },
  });
}
