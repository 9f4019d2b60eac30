// bench:pages data: JOBS jobs (a year of them) and SYNC_ROWS ledger rows in one shop, written by
// set-based SQL (generate_series) in seconds, then ANALYZE, as a busy shop's tables would be.
import type { PrismaClient } from "../lib/generated/prisma/client";

export const JOBS = 50_000;
export const SYNC_ROWS = 200_000;
const PAYOUTS = 12_500;

export async function seedPages(db: PrismaClient, organizationId: string, realmId: string): Promise<number> {
  const org = organizationId.replaceAll("'", "");
  await db.$executeRawUnsafe(`
    INSERT INTO "Job" (id, "organizationId", source, number, status, "partName", quantity, "priceCents", "customerName", "createdAt", "updatedAt")
    SELECT 'bj' || i, '${org}', CASE WHEN i % 10 = 0 THEN 'IN_HOUSE' ELSE 'XOMETRY' END::"JobSource", 'J-' || (100000 + i),
      (CASE WHEN i % 10 = 0 THEN 'OPEN' WHEN i % 7 = 0 THEN 'ACCEPTED' WHEN i % 50 = 1 THEN 'OFFERED' ELSE 'SHIPPED' END)::"JobStatus",
      (ARRAY['Bracket','Titanium Manifold','Gear Housing','Valve Body','Heat Sink'])[1 + i % 5], 1 + i % 20, 10000 + i,
      CASE WHEN i % 10 = 0 THEN (ARRAY['Great Lakes Aerospace','Northwind Robotics','Contoso Medical'])[1 + i % 3] END,
      now() - (i || ' minutes')::interval * 10, now() - (i || ' minutes')::interval * 10
    FROM generate_series(1, ${JOBS}) AS i`);
  await db.$executeRawUnsafe(`
    INSERT INTO "Payout" (id, "organizationId", "externalId", "paidAt", "grossCents", "deductionsCents", "netCents", source)
    SELECT 'bp' || i, '${org}', 'P-' || (500000 + i), (current_date - (i / 35)), 100000, 0, 100000, 'WEBHOOK'
    FROM generate_series(1, ${PAYOUTS}) AS i`);
  const row = (kind: string, owner: string, sequence: string, from: string, status: string) => `
    INSERT INTO "QuickBooksSync" (id, "organizationId", kind, "${owner}", sequence, "realmId", status, trigger, payload, attempts, "qboId", "qboDocNumber", "qboState", "errorMessage", "createdAt", "updatedAt")
    SELECT 'bs-${kind}-' || ${sequence} || '-' || i, '${org}', '${kind}', '${owner === "jobId" ? "bj" : "bp"}' || i, ${sequence}, '${realmId}', ${status}::"QuickBooksSyncStatus", 'bench', '{}', 1,
      CASE WHEN ${status} = 'SYNCED' THEN (i * 4 + ${sequence})::text END, CASE WHEN ${status} = 'SYNCED' THEN (10000 + i * 4 + ${sequence})::text END,
      CASE WHEN '${kind}' = 'INVOICE' AND i % 3 = 0 THEN 'PAID' END, CASE WHEN ${status} = 'FAILED' THEN 'QuickBooks refused the customer: it was made inactive.' END,
      now() - (i || ' minutes')::interval * 10 + (${sequence} || ' minutes')::interval, now()
    FROM ${from}`;
  const jobStatus = `CASE WHEN i % 40 = 0 THEN 'FAILED' WHEN i % 97 = 0 THEN 'PENDING' ELSE 'SYNCED' END`;
  // Offers never have an invoice, and every other in-house job has none yet; the rest have theirs.
  await db.$executeRawUnsafe(row("INVOICE", "jobId", "0", `generate_series(1, ${JOBS}) AS i WHERE i % 50 <> 1 AND i % 20 <> 0`, jobStatus));
  await db.$executeRawUnsafe(row("INVOICE_UPDATE", "jobId", "s", `generate_series(1, ${JOBS}) AS i, generate_series(1, 2) AS s`, jobStatus));
  await db.$executeRawUnsafe(row("CREDIT_MEMO", "jobId", "1", `generate_series(1, ${JOBS / 2}) AS i`, jobStatus));
  await db.$executeRawUnsafe(row("PAYMENT", "payoutId", "0", `generate_series(1, ${PAYOUTS}) AS i`, jobStatus));
  await db.$executeRawUnsafe(row("DEPOSIT", "payoutId", "0", `generate_series(1, ${PAYOUTS}) AS i`, jobStatus));
  // Topped up to SYNC_ROWS with third updates of the oldest jobs' invoices.
  const missing = SYNC_ROWS - (await db.quickBooksSync.count({ where: { organizationId } }));
  await db.$executeRawUnsafe(row("INVOICE_UPDATE", "jobId", "3", `generate_series(${JOBS} - ${missing} + 1, ${JOBS}) AS i`, jobStatus));
  // What QuickBooks said of the invoices: $100 each, due 30 days after they were made (most are past due), one in five unpaid ones partly paid.
  await db.$executeRawUnsafe(`
    UPDATE "QuickBooksSync" SET "qboTotalCents" = 10000, "qboDueDate" = to_char(("createdAt" + interval '30 days')::date, 'YYYY-MM-DD'),
      "qboState" = CASE WHEN "qboState" = 'PAID' THEN 'PAID' WHEN split_part(id, '-', 4)::int % 5 = 1 THEN 'PARTLY_PAID' ELSE 'OPEN' END,
      "qboBalanceCents" = CASE WHEN "qboState" = 'PAID' THEN 0 WHEN split_part(id, '-', 4)::int % 5 = 1 THEN 4000 ELSE 10000 END
    WHERE "organizationId" = '${org}' AND kind = 'INVOICE' AND status = 'SYNCED'`);
  for (const table of ["Job", "Payout", "QuickBooksSync"]) await db.$executeRawUnsafe(`ANALYZE "${table}"`);
  return db.quickBooksSync.count({ where: { organizationId } });
}
