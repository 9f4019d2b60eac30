import { db } from "@/lib/db/client";
import { getBoss, QUEUE_NAMES } from "@/lib/queue/boss";
import { getLeaseMs } from "./worker-process";

const CHECK_TIMEOUT_MS = 3000;

type TCheck = "ok" | "unreachable" | "timeout";

async function runCheck(check: () => Promise<unknown>): Promise<TCheck> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<TCheck>((resolve) => {
    timer = setTimeout(() => resolve("timeout"), CHECK_TIMEOUT_MS);
  });
  try {
    return await Promise.race([check().then((): TCheck => "ok"), timeout]);
  } catch {
    return "unreachable";
  } finally {
    clearTimeout(timer);
  }
}

/** The queue answers: pg-boss is started on our database and every queue of ours exists. */
async function checkQueue(): Promise<void> {
  const boss = await getBoss();
  for (const name of QUEUE_NAMES) {
    if (!(await boss.getQueue(name))) throw new Error(`queue ${name} missing`);
  }
}

/**
 * For load balancers and start-up checks: the database and the queue, each within 3 s, and how
 * many worker processes beat within their lease (informational: a web-only node runs none).
 * Says nothing about any shop.
 */
export async function checkHealth() {
  const [database, queue] = await Promise.all([runCheck(() => db.$queryRaw`SELECT 1`), runCheck(checkQueue)]);
  const workers = database === "ok" ? await db.workerProcess.count({ where: { role: "worker", heartbeatAt: { gt: new Date(Date.now() - getLeaseMs()) } } }).catch(() => null) : null;
  return { status: database === "ok" && queue === "ok" ? ("ok" as const) : ("unavailable" as const), database, queue, workers };
}
