import { afterAll, afterEach, beforeAll } from "vitest";
import { startWorker, type TWorker } from "@/lib/queue/worker";
import type { RunningEmulator } from "../../qbo-emulator/src/index";
import { startTestQuickBooks } from "./quickbooks";

/**
 * The hooks most QuickBooks integration files need: one emulator for the file, and an in-process
 * worker a test starts when it wants pushes to run (stopped after each test).
 */
export function useEmulatorWithWorker() {
  let emulator: RunningEmulator | undefined;
  let worker: TWorker | undefined;
  beforeAll(async () => {
    emulator = await startTestQuickBooks();
  });
  afterEach(async () => {
    await worker?.stop();
    worker = undefined;
  });
  afterAll(() => emulator?.close());
  return {
    get emulator(): RunningEmulator {
      if (!emulator) throw new Error("the emulator starts in beforeAll");
      return emulator;
    },
    startWorker: async () => {
      worker = await startWorker({ concurrency: 4, sweepIntervalMs: 300 });
    },
  };
}
