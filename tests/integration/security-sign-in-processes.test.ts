import { fork, type ChildProcess } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createPerson, createTestAddress } from "../factories/people";
import { createTestShop } from "../factories/shops";

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
});

async function startBurst(env: Record<string, string>): Promise<ChildProcess> {
  const child = fork("tests/support/sign-in-burst.ts", { execArgv: ["--import", "tsx"], env: { ...process.env, ...env }, stdio: "ignore" });
  children.push(child);
  await new Promise<void>((resolve, reject) => {
    child.once("message", () => resolve());
    child.once("exit", (code) => reject(new Error(`sign-in process exited early (${code})`)));
  });
  return child;
}

function fire(child: ChildProcess): Promise<string[]> {
  return new Promise((resolve, reject) => {
    child.once("message", (outcomes) => resolve(outcomes as string[]));
    child.once("exit", (code) => reject(new Error(`sign-in process exited before answering (${code})`)));
    child.send("go");
  });
}

describe("sign-in throttling across processes", () => {
  it("two processes guessing at one account at once get three password checks between them, not three each", async () => {
    const shop = await createTestShop();
    const person = await createPerson(shop.organizationId);
    const env = { BURST_EMAIL: person.email, BURST_ADDRESS: createTestAddress(), BURST_COUNT: "15", BURST_AT: "2026-12-01T09:00:00Z" };
    const [first, second] = await Promise.all([startBurst(env), startBurst(env)]);
    const outcomes = (await Promise.all([fire(first!), fire(second!)])).flat();

    expect(outcomes).toHaveLength(30);
    expect(outcomes.filter((outcome) => outcome === "invalid")).toHaveLength(3);
    expect(outcomes.filter((outcome) => outcome === "throttled")).toHaveLength(27);
    expect(await db.signInThrottle.findUnique({ where: { key: `account:${person.email}` } })).toMatchObject({ failures: 3 });
    const events = await db.signInEvent.groupBy({ by: ["kind"], where: { userId: person.id }, _count: true });
    expect(Object.fromEntries(events.map((event) => [event.kind, event._count]))).toEqual({ FAILED: 3, REFUSED: 27 });
  });
});
