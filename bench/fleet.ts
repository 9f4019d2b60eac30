// Bench helpers for many companies and many processes: connected shops seeded in bulk (tokens
// issued by the emulator, encrypted as the OAuth callback stores them), accepted jobs, and real
// worker processes (`npm run worker`'s script) that can be stopped or SIGKILLed.
import { fork, type ChildProcess } from "node:child_process";
import type { TActor } from "../lib/auth/permissions";
import type { RunningEmulator } from "../qbo-emulator/src/index";

export type TBenchShop = { organizationId: string; realmId: string; actor: TActor };

/** Creates `count` emulator companies and as many organizations, each connected to one and configured. */
export async function seedConnectedShops(emulator: RunningEmulator, count: number, firstRealmId = "9300000000000001"): Promise<TBenchShop[]> {
  const { db } = await import("../lib/db/client");
  const { encryptTokenSet } = await import("../lib/quickbooks/token-store");
  const created = await fetch(`${emulator.url}/__emulator/companies`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ count, firstRealmId, namePrefix: "Scale Shop" }) });
  if (!created.ok) throw new Error(`emulator refused the companies: ${created.status} ${await created.text()}`);
  const { realms } = (await created.json()) as { realms: { realmId: string; companyName: string }[] };
  const user = await db.user.create({ data: { email: `fleet-${firstRealmId}@shop.test`, name: "Fleet Owner", passwordHash: "-" } });
  const organizations = await db.organization.createManyAndReturn({ data: realms.map((realm, index) => ({ name: realm.companyName, xometrySupplierId: `S-SCALE-${firstRealmId}-${index}` })), select: { id: true } });
  await db.membership.createMany({ data: organizations.map((organization) => ({ organizationId: organization.id, userId: user.id, role: "OWNER" as const })) });
  await db.quickBooksConnection.createMany({
    data: organizations.map((organization, index) => {
      const { realmId, companyName } = realms[index]!;
      const issued = emulator.issueTokens(realmId);
      const tokens = { accessToken: issued.access_token, refreshToken: issued.refresh_token, accessTokenExpiresAt: new Date(Date.now() + issued.expires_in * 1000), refreshTokenExpiresAt: new Date(Date.now() + issued.x_refresh_token_expires_in * 1000), refreshTokenHardExpiresAt: null };
      return { organizationId: organization.id, realmId, companyName, environment: "sandbox", status: "CONNECTED" as const, connectedAt: new Date(), ...encryptTokenSet(organization.id, realmId, tokens) };
    }),
  });
  await db.quickBooksConfiguration.createMany({
    data: organizations.map((organization, index) => ({
      organizationId: organization.id, realmId: realms[index]!.realmId, jobSources: "XOMETRY" as const, invoiceTrigger: "JOB_ACCEPTED" as const,
      xometryCustomerId: "1", xometryCustomerName: "Xometry", defaultItemId: "2", defaultItemName: "Machining Services", updatedByUserId: user.id,
    })),
  });
  return organizations.map((organization, index) => ({ organizationId: organization.id, realmId: realms[index]!.realmId, actor: { userId: user.id, organizationId: organization.id, role: "OWNER" } }));
}

/** Offers `perShop` Xometry jobs to every shop (numbers J-<batch>-<n>); returns [shop, jobId] pairs. */
export async function offerJobs(shops: TBenchShop[], perShop: number, batch: string): Promise<[TBenchShop, string][]> {
  const { db } = await import("../lib/db/client");
  const pairs: [TBenchShop, string][] = [];
  for (const shop of shops) {
    const jobs = await db.job.createManyAndReturn({
      data: Array.from({ length: perShop }, (_, index) => ({
        organizationId: shop.organizationId, source: "XOMETRY" as const, number: `J-${batch}-${index + 1}`, status: "OFFERED" as const, partName: "Scale Bracket",
        quantity: 1, priceCents: 10_000 + index, expectedShipDate: new Date("2026-12-15T00:00:00Z"),
      })),
      select: { id: true },
    });
    for (const job of jobs) pairs.push([shop, job.id]);
  }
  return pairs;
}

/** Accepts every job (each queues its invoice in the same transaction), `parallel` at a time. */
export async function acceptAll(pairs: [TBenchShop, string][], parallel = 8): Promise<void> {
  const { acceptJob } = await import("../lib/jobs/job-actions");
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < pairs.length) {
        const [shop, jobId] = pairs[next++]!;
        await acceptJob(shop.actor, jobId);
      }
    }),
  );
}

export type TWorkerProcess = { child: ChildProcess; stop: () => Promise<void>; kill: () => void };

/** `npm run worker` in its own process (scripts/worker.ts), ready once it says so. */
export async function startWorkerProcess(env: Record<string, string> = {}): Promise<TWorkerProcess> {
  const child = fork("scripts/worker.ts", { execArgv: ["--import", "tsx"], env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe", "ipc"] });
  let output = "";
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("worker running")) resolve();
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("exit", (code) => reject(new Error(`worker exited early (${code}): ${output.slice(-2000)}`)));
  });
  return {
    child,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      await exited;
    },
    kill: () => void child.kill("SIGKILL"),
  };
}
