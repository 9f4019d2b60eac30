import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { listJobsPage } from "@/lib/jobs/list-jobs";
import { listPayouts } from "@/lib/payouts/queries";
import { expectAppError } from "../factories/assertions";
import { createTestShop, type TTestShop } from "../factories/shops";
import { createSyncRow, createTestPayout } from "../factories/sync-rows";

let shop: TTestShop;
let other: TTestShop;
const numberOf = (index: number) => `J-6${String(index).padStart(4, "0")}`;

beforeAll(async () => {
  shop = await createTestShop("Jobs list");
  other = await createTestShop("Other");
  // 110 shipped Xometry jobs (one a minute), 10 offers, 5 in-house jobs for "Great Lakes Aerospace".
  await db.job.createMany({
    data: [
      ...Array.from({ length: 110 }, (_, index) => ({
        organizationId: shop.organizationId, source: "XOMETRY" as const, number: numberOf(index), status: "SHIPPED" as const, partName: index % 10 === 0 ? "Titanium Manifold" : "Bracket",
        quantity: 1, priceCents: 10_000, updatedAt: new Date(Date.UTC(2026, 10, 1, 8, index)),
      })),
      ...Array.from({ length: 10 }, (_, index) => ({ organizationId: shop.organizationId, source: "XOMETRY" as const, number: `J-7${index}`, status: "OFFERED" as const, partName: "Offer", quantity: 1, priceCents: 5_000 })),
      ...Array.from({ length: 5 }, (_, index) => ({ organizationId: shop.organizationId, source: "IN_HOUSE" as const, number: `IH-${index}`, status: "OPEN" as const, partName: "Prototype", customerName: "Great Lakes Aerospace", quantity: 1, priceCents: 7_000 })),
    ],
  });
  await db.job.create({ data: { organizationId: other.organizationId, source: "XOMETRY", number: numberOf(1), status: "SHIPPED", partName: "Titanium Manifold", quantity: 1, priceCents: 1 } });
  const jobs = await db.job.findMany({ where: { organizationId: shop.organizationId, number: { in: [numberOf(1), numberOf(2), numberOf(3), numberOf(4)] } }, orderBy: { number: "asc" } });
  await createSyncRow(shop, { jobId: jobs[0]!.id, status: "SYNCED", qboDocNumber: "1001" });
  await createSyncRow(shop, { jobId: jobs[1]!.id, status: "SYNCED", qboDocNumber: "1002", qboState: "PAID" });
  await createSyncRow(shop, { jobId: jobs[2]!.id, status: "FAILED", errorMessage: "QuickBooks refused it." });
  // A failed change to an invoice that is in QuickBooks: the job's own invoice decides.
  await createSyncRow(shop, { jobId: jobs[3]!.id, status: "SYNCED", qboDocNumber: "1004" });
  await createSyncRow(shop, { jobId: jobs[3]!.id, kind: "INVOICE_UPDATE", sequence: 1, status: "FAILED" });
});

describe("Jobs list at scale", () => {
  it("pages through every job but offers, most recently changed first, each once", async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listJobsPage(shop.organizationId, { limit: 40, cursor });
      seen.push(...page.jobs.map((job) => job.number));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(115);
    expect(new Set(seen).size).toBe(115);
    expect(seen.filter((number) => number.startsWith("J-6"))).toEqual(Array.from({ length: 110 }, (_, index) => numberOf(109 - index)));
  });

  it("filters by source and status; offers only when asked for", async () => {
    expect((await listJobsPage(shop.organizationId, { source: "IN_HOUSE" })).jobs.map((job) => job.number).sort()).toEqual(["IH-0", "IH-1", "IH-2", "IH-3", "IH-4"]);
    expect((await listJobsPage(shop.organizationId, { status: "OFFERED" })).jobs).toHaveLength(10);
    expect((await listJobsPage(shop.organizationId, { status: "SHIPPED", limit: 200 })).jobs).toHaveLength(110);
  });

  it("searches job number, part and customer, in any case", async () => {
    expect((await listJobsPage(shop.organizationId, { q: "j-60042" })).jobs.map((job) => job.number)).toEqual([numberOf(42)]);
    expect((await listJobsPage(shop.organizationId, { q: "titanium" })).jobs).toHaveLength(11);
    expect((await listJobsPage(shop.organizationId, { q: "great lakes" })).jobs).toHaveLength(5);
    expect((await listJobsPage(shop.organizationId, { q: "nothing like this" })).jobs).toEqual([]);
  });

  it("filters by invoice: none, in QuickBooks, failed, paid; and shows the job's own invoice", async () => {
    const numbers = async (invoice: string) => (await listJobsPage(shop.organizationId, { invoice, limit: 200 })).jobs.map((job) => job.number).sort();
    expect(await numbers("synced")).toEqual([numberOf(1), numberOf(2), numberOf(4)]);
    expect(await numbers("failed")).toEqual([numberOf(3)]);
    expect(await numbers("paid")).toEqual([numberOf(2)]);
    expect(await numbers("none")).toHaveLength(111);
    const row = (await listJobsPage(shop.organizationId, { q: numberOf(2) })).jobs[0]!;
    expect(row.invoice).toEqual({ status: "SYNCED", qboDocNumber: "1002", qboState: "PAID", payment: { kind: "paid", label: "Paid", openCents: 0 } });
  });

  it("never lists another shop's jobs, and refuses a bad page link in words", async () => {
    const page = await listJobsPage(other.organizationId, { q: "titanium" });
    expect(page.jobs.map((job) => job.organizationId)).toEqual([other.organizationId]);
    expect((await expectAppError(listJobsPage(shop.organizationId, { cursor: "not-a-cursor" }))).details?.[0]).toMatch(/start from the first page/);
    expect((await expectAppError(listJobsPage(shop.organizationId, { invoice: "sometimes" }))).code).toBe("INVALID_INPUT");
  });
});

describe("Payouts list", () => {
  it("pages by paid date, each payout once, only the shop's", async () => {
    for (let index = 0; index < 7; index += 1) await createTestPayout(shop, `P-5500${index}`);
    await createTestPayout(other, "P-99999");
    const first = await listPayouts(shop.organizationId, { limit: 3 });
    const second = await listPayouts(shop.organizationId, { limit: 3, cursor: first.nextCursor });
    const third = await listPayouts(shop.organizationId, { limit: 3, cursor: second.nextCursor });
    const ids = [...first.payouts, ...second.payouts, ...third.payouts].map((payout) => payout.externalId);
    expect(third.nextCursor).toBeNull();
    expect(new Set(ids).size).toBe(7);
    expect(ids).not.toContain("P-99999");
  });
});
