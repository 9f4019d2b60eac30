import { fork, type ChildProcess } from "node:child_process";
import { loggedRequests } from "./quickbooks";
import type { RunningEmulator } from "../../qbo-emulator/src/index";

export type TChildWorker = { child: ChildProcess; output: () => string; waitForOutput: (pattern: RegExp, timeoutMs?: number) => Promise<void> };

/** A worker in its own process (tests/support/worker-process.ts), ready to take tasks; its log is kept. */
export async function forkWorker(env: Record<string, string> = {}): Promise<TChildWorker> {
  const child = fork("tests/support/worker-process.ts", { execArgv: ["--import", "tsx"], env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe", "ipc"] });
  let log = "";
  child.stdout?.on("data", (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (log += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    child.once("message", () => resolve());
    child.once("exit", (code) => reject(new Error(`worker exited early (${code}): ${log.slice(-2000)}`)));
  });
  const waitForOutput = async (pattern: RegExp, timeoutMs = 20_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!pattern.test(log)) {
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`worker never logged ${pattern}: ${log.slice(-3000)}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  return { child, output: () => log, waitForOutput };
}

/** Waits (bounded) until the emulator has received `count` requests matching method and path. */
export async function waitForRequests(emulator: RunningEmulator, method: string, pathEnd: string, count = 1, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const matching = async () => (await loggedRequests(emulator)).filter((request) => request.method === method && request.path.endsWith(pathEnd)).length;
  while ((await matching()) < count) {
    if (Date.now() > deadline) throw new Error(`QuickBooks never received ${count} × ${method} …${pathEnd}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
