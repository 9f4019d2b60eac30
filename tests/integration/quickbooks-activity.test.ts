import { beforeAll, describe, expect, it } from "vitest";
import { exportActivityCsv } from "@/lib/activity/activity-csv";
import { countNeedingAttention, listActivity } from "@/lib/activity/list-activity";
import { getRetryAllProgress, retryActivityRow, retryAllFailed } from "@/lib/activity/retry-activity";
import { db } from "@/lib/db/client";
import { REALM_CHANGED } from "@/lib/sync/realm-change";
import { expectAppError } from "../factories/assertions";
import { createTestShop, createXometryJob, type TTestShop } from "../factories/shops";
import { createSyncRow, createTestPayout } from "../factories/sync-rows";

const at = (day: number, minute = 0) => new Date(Date.UTC(2026, 10, day, 12, minute));
let shop: TTestShop;
let other: TTestShop;
let jobNumber: string;

beforeAll(async () => {
  shop = await createTestShop("Activity");
  other = await createTestShop("Other");
  // 60 synced invoices over Nov 1–30, 5 failed payments, one failed deposit, a failed change for a previous company.
  for (let index = 0; index < 60; index += 1) {
    const job = await createXometryJob(shop, { status: "ACCEPTED", number: `J-88${String(index).padStart(3, "0")}` });
    if (index === 7) jobNumber = job.number;
    await createSyncRow(shop, { jobId: job.id, qboId: String(1000 + index), qboDocNumber: String(5000 + index), createdAt: at(1 + (index % 30), index) });
  }
  for (let index = 0; index < 5; index += 1) {
    const payout = await createTestPayout(shop, `P-7700${index}`);
    await createSyncRow(shop, { kind: "PAYMENT", status: "FAILED", payoutId: payout.id, attempts: 8, errorMessage: "QuickBooks is not answering.", createdAt: at(20, index) });
  }
  const depositPayout = await createTestPayout(shop, "P-77099");
  await createSyncRow(shop, { kind: "DEPOSIT", status: "FAILED", payoutId: depositPayout.id, errorMessage: "The bank account is inactive.", createdAt: at(21) });
  const changed = await createXometryJob(shop, { status: "ACCEPTED" });
  await createSyncRow(shop, { kind: "INVOICE_UPDATE", status: "FAILED", jobId: changed.id, sequence: 1, errorCode: REALM_CHANGED, errorMessage: "Meant for the previous company.", createdAt: at(22) });
  const otherJob = await createXometryJob(other, { status: "ACCEPTED" });
  await createSyncRow(other, { jobId: otherJob.id, status: "FAILED", qboDocNumber: "5007", errorMessage: "Other shop's failure", createdAt: at(20) });
});

describe("QuickBooks activity: filters, search and pagination", () => {
  it("pages through every row newest first with a keyset cursor, and no row twice", async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await listActivity(shop.actors.bookkeeper, { limit: 25, cursor });
      seen.push(...page.rows.map((row) => row.id));
      const times = page.rows.map((row) => row.createdAt);
      expect(times).toEqual([...times].sort().reverse());
      cursor = page.nextCursor ?? undefined;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(67);
    expect(new Set(seen).size).toBe(67);
  });

  it("filters by status, kind and date range, and counts what needs attention", async () => {
    const failed = await listActivity(shop.actors.owner, { status: "FAILED" });
    expect(failed.rows).toHaveLength(7);
    expect(failed.needsAttention).toBe(7);
    expect(failed.rows.every((row) => row.message)).toBe(true);
    expect((await listActivity(shop.actors.owner, { kind: "PAYMENT" })).rows.map((row) => row.payout?.externalId).sort()).toEqual(["P-77000", "P-77001", "P-77002", "P-77003", "P-77004"]);
    const early = await listActivity(shop.actors.owner, { from: "2026-11-01", to: "2026-11-03" });
    expect(early.rows).toHaveLength(6);
    expect(early.rows.every((row) => row.createdAt < "2026-11-04")).toBe(true);
    expect(await countNeedingAttention(shop.organizationId)).toBe(7);
  });

  it("finds a row by job number (any case), payout id, or QuickBooks document number", async () => {
    const byJob = await listActivity(shop.actors.owner, { q: jobNumber.toLowerCase() });
    expect(byJob.rows.map((row) => row.job?.number)).toEqual([jobNumber]);
    expect((await listActivity(shop.actors.owner, { q: "P-77003" })).rows.map((row) => row.kind)).toEqual(["PAYMENT"]);
    const byNumber = await listActivity(shop.actors.owner, { q: "5007" });
    expect(byNumber.rows.map((row) => row.qboDocNumber)).toEqual(["5007"]);
    expect(byNumber.rows[0]!.job?.number).toBe(jobNumber);
    expect((await listActivity(shop.actors.owner, { q: "no-such-thing" })).rows).toEqual([]);
  });

  it("refuses bad filters in words and changes nothing", async () => {
    expect((await expectAppError(listActivity(shop.actors.owner, { status: "BROKEN" }))).code).toBe("INVALID_INPUT");
    expect((await expectAppError(listActivity(shop.actors.owner, { from: "2026-11-10", to: "2026-11-01" }))).details).toEqual(["to: The start date must be on or before the end date"]);
    expect((await expectAppError(listActivity(shop.actors.owner, { cursor: "garbage" }))).details?.[0]).toMatch(/not valid; start from the first page/);
  });

  it("exports every matching row as CSV, not just one page", async () => {
    const text = await new Response(await exportActivityCsv(shop.actors.bookkeeper, { kind: "INVOICE", limit: "5" })).text();
    const lines = text.trim().split("\r\n");
    expect(lines[0]).toBe("time,kind,status,job,payout,quickbooks_id,quickbooks_number,attempts,error");
    expect(lines).toHaveLength(61);
    expect(text).not.toContain("Other shop");
  });
});

describe("QuickBooks activity: roles and shops", () => {
  it("never shows another shop's rows, and another shop's row is not found for a Retry", async () => {
    const page = await listActivity(other.actors.owner, {});
    expect(page.rows).toHaveLength(1);
    expect(page.rows[0]!.message).toBe("Other shop's failure");
    const ours = await db.quickBooksSync.findFirstOrThrow({ where: { organizationId: shop.organizationId, status: "FAILED", kind: "PAYMENT" } });
    expect((await expectAppError(retryActivityRow(other.actors.owner, { syncId: ours.id }))).code).toBe("NOT_FOUND");
    expect((await db.quickBooksSync.findUniqueOrThrow({ where: { id: ours.id } })).status).toBe("FAILED");
  });

  it("lets operators neither read the activity nor retry", async () => {
    const row = await db.quickBooksSync.findFirstOrThrow({ where: { organizationId: shop.organizationId, status: "FAILED", kind: "PAYMENT" } });
    expect((await expectAppError(listActivity(shop.actors.operator, {}))).code).toBe("FORBIDDEN");
    expect((await expectAppError(retryActivityRow(shop.actors.operator, { syncId: row.id }))).code).toBe("FORBIDDEN");
    expect((await expectAppError(retryAllFailed(shop.actors.operator))).code).toBe("FORBIDDEN");
    expect(await countNeedingAttention(shop.organizationId)).toBe(7);
  });
});

describe("QuickBooks activity: Retry", () => {
  it("retries one row with a new generation; a change meant for the previous company is refused in words", async () => {
    const change = await db.quickBooksSync.findFirstOrThrow({ where: { organizationId: shop.organizationId, kind: "INVOICE_UPDATE" } });
    const page = await listActivity(shop.actors.owner, { kind: "INVOICE_UPDATE" });
    expect(page.rows[0]!.canRetry).toBe(false);
    expect((await expectAppError(retryActivityRow(shop.actors.owner, { syncId: change.id }))).userMessage).toMatch(/company your shop used before/);
    const payment = await db.quickBooksSync.findFirstOrThrow({ where: { organizationId: shop.organizationId, kind: "PAYMENT", status: "FAILED" }, orderBy: { createdAt: "asc" } });
    await retryActivityRow(shop.actors.bookkeeper, { syncId: payment.id });
    const retried = await db.quickBooksSync.findUniqueOrThrow({ where: { id: payment.id } });
    expect(retried).toMatchObject({ status: "PENDING", generation: payment.generation + 1, attempts: 0, errorMessage: null });
    expect((await expectAppError(retryActivityRow(shop.actors.bookkeeper, { syncId: payment.id }))).userMessage).toBe("It is already being sent.");
  });

  it("retries all failed rows at once (not the other shop's, not the previous company's change) with progress from the rows", async () => {
    const { total, runId } = await retryAllFailed(shop.actors.admin);
    expect(total).toBe(5); // 4 payments + 1 deposit still failed
    expect(await getRetryAllProgress(shop.organizationId)).toMatchObject({ runId, total: 5, done: 0, failed: 0, isFinished: false });
    expect(await db.quickBooksSync.count({ where: { organizationId: shop.organizationId, status: "FAILED" } })).toBe(1);
    expect(await db.quickBooksSync.count({ where: { organizationId: other.organizationId, status: "FAILED" } })).toBe(1);
    // The worker's outcomes, as it would write them: four sent, one failing again.
    const rows = await db.quickBooksSync.findMany({ where: { retryRunId: runId }, orderBy: { createdAt: "asc" } });
    await db.quickBooksSync.updateMany({ where: { id: { in: rows.slice(0, 4).map((row) => row.id) } }, data: { status: "SYNCED" } });
    await db.quickBooksSync.update({ where: { id: rows[4]!.id }, data: { status: "FAILED", errorMessage: "Still inactive." } });
    expect(await getRetryAllProgress(shop.organizationId)).toMatchObject({ total: 5, done: 4, failed: 1, isFinished: true });
    expect((await expectAppError(retryAllFailed(other.actors.operator))).code).toBe("FORBIDDEN");
  });
});
