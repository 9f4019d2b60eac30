import { afterAll, describe, expect, it } from "vitest";
import { db, getPoolSizes } from "@/lib/db/client";
import { getBoss, stopBoss } from "@/lib/queue/boss";
import { enqueuePushSync } from "@/lib/queue/tasks";

afterAll(() => stopBoss());

describe("starting the queue", () => {
  it("works when the first tasks are queued inside more transactions at once than the pool has connections", async () => {
    await stopBoss(); // as in a fresh web process: the queue starts at its first task
    const transactions = getPoolSizes().main + 4;
    const ids = Array.from({ length: transactions }, (_, index) => `queue-start-${Date.now()}-${index}`);
    const results = await Promise.allSettled(
      ids.map((id) => db.$transaction(async (tx) => enqueuePushSync(id, { tx, startAfter: new Date(Date.now() + 3_600_000) }), { timeout: 20_000, maxWait: 20_000 })),
    );
    expect(results.filter((result) => result.status === "rejected")).toEqual([]);
    await getBoss();
    const [row] = await db.$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'quickbooks.push-document' AND singleton_key = ANY($1::text[])`,
      ids,
    );
    expect(row!.n).toBe(transactions);
  });
});
