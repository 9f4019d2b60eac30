// Bench phase: a worker process is SIGKILLed mid-push; how long until another worker has finished
// the rows it held (its leases run out, the takeover check hands them on, the marker lookup adopts).
import { fork } from "node:child_process";
import type { TActor } from "../lib/auth/permissions";

type TContext = {
  organizationId: string;
  actor: TActor;
  offerJob: (index: number) => Promise<{ id: string }>;
  startWorker: () => Promise<{ stop: () => Promise<void> }>;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function benchTakeover(context: TContext): Promise<void> {
  const { db } = await import("../lib/db/client");
  const { acceptJob } = await import("../lib/jobs/job-actions");
  const { getLeaseMs } = await import("../lib/runtime/worker-process");
  const child = fork("tests/support/worker-process.ts", { execArgv: ["--import", "tsx"], env: process.env, stdio: "ignore" });
  await new Promise((resolve) => child.once("message", resolve));
  for (let index = 0; index < 20; index++) await acceptJob(context.actor, (await context.offerJob(900_000 + index)).id);
  const held = async () => db.quickBooksSync.findMany({ where: { organizationId: context.organizationId, status: "SYNCING" }, select: { id: true } });
  let rows = await held();
  while (rows.length === 0) {
    await sleep(10);
    rows = await held();
  }
  child.kill("SIGKILL");
  const diedAt = Date.now();
  const worker = await context.startWorker();
  const ids = rows.map((row) => row.id);
  for (;;) {
    const open = await db.quickBooksSync.count({ where: { id: { in: ids }, status: { notIn: ["SYNCED", "FAILED"] } } });
    if (open === 0) break;
    await sleep(50);
  }
  const finished = await db.quickBooksSync.findMany({ where: { id: { in: ids } } });
  const seconds = finished.map((sync) => ((sync.syncedAt?.getTime() ?? Date.now()) - diedAt) / 1000).sort((a, b) => a - b);
  console.log(`Takeover: a worker killed holding ${ids.length} rows (lease ${getLeaseMs() / 1000} s, takeover check every 2 s)`);
  console.log(`  death → finished elsewhere: first ${seconds[0]!.toFixed(1)} s, last ${seconds.at(-1)!.toFixed(1)} s (goal ≤ 15 s); ${finished.filter((sync) => sync.status === "SYNCED").length}/${ids.length} synced`);
  await worker.stop();
}
