import pg from "pg";
import { db, type TTransaction } from "@/lib/db/client";
import { getLogger } from "@/lib/logger";
import type { TQueueName } from "./boss";

const log = getLogger("queue");
const CHANNEL = "workcenter_queue";
const RECONNECT_MS = 1000;

/** LISTEN/NOTIFY needs a session of its own: off (QUEUE_LISTEN_NOTIFY=off) behind a transaction-pooling proxy. */
export function listenNotifyEnabled(): boolean {
  return process.env.QUEUE_LISTEN_NOTIFY !== "off";
}

/**
 * Tells every listening worker that `queue` has a new task. With `tx`, PostgreSQL delivers it only
 * when the transaction commits, so a worker never wakes for a task it cannot see yet.
 */
export async function notifyQueue(queue: TQueueName, tx?: TTransaction): Promise<void> {
  if (!listenNotifyEnabled()) return;
  if (tx) {
    // One notification per transaction and queue (PostgreSQL would fold the rest anyway): a
    // transaction queuing 50 tasks spends no 50 more round trips.
    const sent = notifiedIn.get(tx) ?? new Set<string>();
    if (sent.has(queue)) return;
    sent.add(queue);
    notifiedIn.set(tx, sent);
  }
  await (tx ?? db).$executeRaw`SELECT pg_notify(${CHANNEL}, ${queue})`;
}

const notifiedIn = new WeakMap<TTransaction, Set<string>>();

export type TWakeListener = { stop: () => Promise<void> };

/**
 * One LISTEN connection per process (counted in the README's budget): a notification means "new
 * tasks on this queue" (one or many), so it wakes this process's idle workers of that queue at once,
 * once per event-loop turn however many arrive; without it they find new tasks on their 1 s poll. A
 * lost connection is opened again after a second (tasks meanwhile start on the poll).
 */
export function startWakeListener(onWake: (queue: string) => void): TWakeListener {
  let client: pg.Client | undefined;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  const pending = new Set<string>();
  const connect = async () => {
    const next = new pg.Client({ connectionString: process.env.DATABASE_URL });
    client = next;
    const reconnect = () => {
      if (client !== next) return;
      client = undefined;
      void next.end().catch(() => {});
      if (!stopped) retry = setTimeout(() => void connect(), RECONNECT_MS).unref();
    };
    next.on("error", (error) => {
      log.warn({ err: error.message }, "queue listener lost its connection; reconnecting");
      reconnect();
    });
    next.on("end", reconnect);
    next.on("notification", (message) => {
      if (message.channel !== CHANNEL || !message.payload || pending.has(message.payload)) return;
      pending.add(message.payload);
      setImmediate(() => {
        pending.delete(message.payload!);
        onWake(message.payload!);
      });
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${CHANNEL}`);
      if (stopped) await next.end();
    } catch (error) {
      log.warn({ err: error instanceof Error ? error.message : String(error) }, "queue listener could not connect; retrying");
      reconnect();
    }
  };
  if (listenNotifyEnabled()) void connect();
  return {
    stop: async () => {
      stopped = true;
      clearTimeout(retry);
      const current = client;
      client = undefined;
      await current?.end().catch(() => {});
    },
  };
}
