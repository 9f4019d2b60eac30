import { afterAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/health/route";
import { getBoss, stopBoss } from "@/lib/queue/boss";
import { startWorker } from "@/lib/queue/worker";

afterAll(() => stopBoss());

describe("GET /api/health", () => {
  it("answers 200 when the database and the queue answer, and counts live workers", async () => {
    const worker = await startWorker({ concurrency: 1, sweepIntervalMs: 60_000 });
    try {
      const response = await GET();
      expect(response.status).toBe(200);
      expect(response.headers.get("cache-control")).toBe("no-store");
      expect(await response.json()).toEqual({ status: "ok", database: "ok", queue: "ok", workers: 1 });
    } finally {
      await worker.stop();
    }
  });

  it("answers 503 naming the queue when a queue of ours is gone, and 200 once it is back", async () => {
    await (await getBoss()).deleteQueue("quickbooks.inbound");
    const response = await GET();
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ status: "unavailable", database: "ok", queue: "unreachable" });
    await stopBoss(); // the next start creates the queues again, as every process does
    expect((await GET()).status).toBe(200);
  });
});
