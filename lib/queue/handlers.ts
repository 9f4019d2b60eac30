import type { TQueueName } from "./boss";

/** Work a feature adds to every worker: a queue's task handler, or something to run every so often. */
export type TTaskHandler = { queue: TQueueName; handle: (data: unknown) => Promise<void> };
export type TPeriodicWork = { name: string; everyMs: () => number; run: () => Promise<unknown> };

// On globalThis: Next.js bundles instrumentation and routes apart, and both must see one registry.
const registry = globalThis as unknown as { workcenterTaskHandlers?: TTaskHandler[]; workcenterPeriodicWork?: TPeriodicWork[] };

export function registerTaskHandler(handler: TTaskHandler): void {
  (registry.workcenterTaskHandlers ??= []).push(handler);
}

export function registerPeriodicWork(work: TPeriodicWork): void {
  (registry.workcenterPeriodicWork ??= []).push(work);
}

export function getTaskHandlers(): TTaskHandler[] {
  return registry.workcenterTaskHandlers ?? [];
}

export function getPeriodicWork(): TPeriodicWork[] {
  return registry.workcenterPeriodicWork ?? [];
}
