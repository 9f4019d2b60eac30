import { z } from "zod";
import type { TTransaction } from "@/lib/db/client";
import { getBoss, inTransaction, type TQueueName } from "./boss";
import { notifyQueue } from "./wake";

/** Task payloads are validated like any other input; an invalid payload fails without retries. */
export const ZPushSyncTaskSchema = z.strictObject({ syncId: z.string().min(1).max(64) });
export type TPushSyncTask = z.infer<typeof ZPushSyncTaskSchema>;

const TASK_NAME_PATTERN = /^[a-z]+\.[a-z]+(-[a-z]+)*$/;

/**
 * Queues the push of one sync row; with `tx`, the task exists only if the transaction commits.
 * The queue keeps at most one waiting task per row (singletonKey = row id); a task first claims
 * its row (lib/sync/run-push-sync.ts), and the row is unique per document, so a trigger delivered
 * twice is one row and one push.
 */
export async function enqueuePushSync(syncId: string, options: { tx?: TTransaction; startAfter?: Date } = {}): Promise<void> {
  const data: TPushSyncTask = ZPushSyncTaskSchema.parse({ syncId });
  await enqueueTask("quickbooks.push-document", data, { ...options, singletonKey: syncId });
}

/** Queues a task; `singletonKey` keeps at most one waiting per key; with `tx`, only if the transaction commits. */
export async function enqueueTask(name: TQueueName, data: object, options: { singletonKey: string; tx?: TTransaction; startAfter?: Date }): Promise<void> {
  if (!TASK_NAME_PATTERN.test(name)) throw new Error(`bad task name ${name}`);
  const boss = await getBoss();
  await boss.send(name, data, {
    singletonKey: options.singletonKey,
    startAfter: options.startAfter,
    ...(options.tx ? { db: inTransaction(options.tx) } : {}),
  });
  // A task due now wakes the listening workers (on commit, with `tx`); a deferred one waits for the poll.
  if (!options.startAfter || options.startAfter.getTime() <= Date.now()) await notifyQueue(name, options.tx);
}
