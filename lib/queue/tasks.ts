import { z } from "zod";
import type { TTransaction } from "@/lib/db/client";
import { getBoss, inTransaction, type TQueueName } from "./boss";

/** Task payloads are validated like any other input; an invalid payload fails without retries. */
export const ZPushSyncTaskSchema = z.strictObject({ syncId: z.string().min(1).max(64) });
export type TPushSyncTask = z.infer<typeof ZPushSyncTaskSchema>;

const TASK_NAME_PATTERN = /^[a-z]+\.[a-z]+(-[a-z]+)*$/;

/**
 * Queues the push of one sync row. `singletonKey` = the row id, so a trigger delivered twice is
 * one queued task; with `tx`, the task exists only if the transaction commits.
 */
export async function enqueuePushSync(syncId: string, options: { tx?: TTransaction; startAfter?: Date } = {}): Promise<void> {
  const name: TQueueName = "quickbooks.push-sync";
  if (!TASK_NAME_PATTERN.test(name)) throw new Error(`bad task name ${name}`);
  const boss = await getBoss();
  const data: TPushSyncTask = ZPushSyncTaskSchema.parse({ syncId });
  await boss.send(name, data, {
    singletonKey: options.startAfter ? `${syncId}:${options.startAfter.getTime()}` : syncId,
    startAfter: options.startAfter,
    ...(options.tx ? { db: inTransaction(options.tx) } : {}),
  });
}
