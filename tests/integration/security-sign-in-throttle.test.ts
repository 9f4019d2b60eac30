import { describe, expect, it } from "vitest";
import { attemptSignIn, type TSignInResult } from "@/lib/auth/sign-in";
import { listSignInActivity } from "@/lib/auth/sign-in-events";
import { db } from "@/lib/db/client";
import { getAddressBucket } from "@/lib/security/client-address";
import { expectAppError } from "../factories/assertions";
import { createPerson, createTestAddress, TEST_PASSWORD } from "../factories/people";
import { createTestShop } from "../factories/shops";

const SECOND = 1000;
const at = (start: Date, ms: number) => new Date(start.getTime() + ms);

function signInAt(email: string, password: string, address: string, now: Date): Promise<TSignInResult> {
  return attemptSignIn({ email, password, client: { address, userAgent: "vitest" } }, now);
}

/** Fails once at `now`; returns when the next attempt is allowed. */
async function failAt(email: string, address: string, now: Date): Promise<Date> {
  const result = await signInAt(email, "wrong password", address, now);
  if (result.ok || result.reason !== "invalid") throw new Error(`expected a plain failure, got ${JSON.stringify(result)}`);
  return result.retryAt ?? now;
}

describe("sign-in throttling", () => {
  it("gives an account three free failures, then waits that double, then a 15-minute lock that even the right password cannot pass", async () => {
    const shop = await createTestShop();
    const person = await createPerson(shop.organizationId);
    const address = createTestAddress();
    const start = new Date("2026-12-01T09:00:00Z");
    let now = start;
    const waits: number[] = [];
    for (let failure = 1; failure <= 10; failure++) {
      const next = await failAt(person.email, address, now);
      waits.push(next.getTime() - now.getTime());
      now = next;
    }
    expect(waits).toEqual([0, 0, 1, 2, 4, 8, 16, 32, 60, 900].map((seconds) => seconds * SECOND));

    const early = await signInAt(person.email, TEST_PASSWORD, address, at(now, -1));
    expect(early).toEqual({ ok: false, reason: "throttled", retryAt: now, scope: "ACCOUNT" });
    const onTime = await signInAt(person.email, TEST_PASSWORD, address, now);
    expect(onTime.ok).toBe(true);
    expect(await db.signInThrottle.findUnique({ where: { key: `account:${person.email}` } })).toMatchObject({ failures: 0, lockedUntil: null });

    const events = await db.signInEvent.findMany({ where: { userId: person.id }, orderBy: { createdAt: "asc" } });
    expect(events.map((event) => event.kind).sort()).toEqual([...Array(10).fill("FAILED"), "LOCKED", "REFUSED", "SIGNED_IN"].sort());
    expect(events.find((event) => event.kind === "LOCKED")).toMatchObject({ lockScope: "ACCOUNT", lockedUntil: now, address, userAgent: "vitest" });
    expect(JSON.stringify(events)).not.toMatch(/wrong password|correct horse/);
  });

  it("throttles an email that matches no account exactly like a real one", async () => {
    const address = createTestAddress();
    const email = `nobody-${Date.now()}@nowhere.test`;
    const now = new Date("2026-12-01T10:00:00Z");
    expect(await failAt(email, address, now)).toEqual(now);
    expect(await failAt(email, address, now)).toEqual(now);
    expect(await failAt(email, address, now)).toEqual(at(now, SECOND));
    expect(await signInAt(email, "anything", address, now)).toMatchObject({ ok: false, reason: "throttled", scope: "ACCOUNT" });
    expect(await db.signInEvent.count({ where: { email, userId: null, kind: "FAILED" } })).toBe(3);
  });

  it("starts an account over after a correct sign-in", async () => {
    const shop = await createTestShop();
    const person = await createPerson(shop.organizationId);
    const address = createTestAddress();
    const now = new Date("2026-12-01T11:00:00Z");
    await failAt(person.email, address, now);
    await failAt(person.email, address, now);
    expect((await signInAt(person.email, TEST_PASSWORD, address, now)).ok).toBe(true);
    expect(await failAt(person.email, address, now)).toEqual(now);
    expect(await failAt(person.email, address, now)).toEqual(now);
  });

  it("forgets an account's failures a day after the last one", async () => {
    const address = createTestAddress();
    const email = `forgetful-${Date.now()}@nowhere.test`;
    const now = new Date("2026-12-01T12:00:00Z");
    for (let failure = 0; failure < 3; failure++) await failAt(email, address, now);
    const nextDay = at(now, 24 * 3600 * SECOND + 1);
    expect(await failAt(email, address, nextDay)).toEqual(nextDay);
  });

  it("slows an address that tries many accounts after 20 failures and locks it after 50; a correct sign-in does not clear it", async () => {
    const shop = await createTestShop();
    const person = await createPerson(shop.organizationId);
    const address = createTestAddress();
    const start = new Date("2026-12-01T13:00:00Z");
    let now = start;
    for (let failure = 1; failure <= 20; failure++) now = await failAt(`guess-${failure}-${Date.now()}@nowhere.test`, address, now);
    expect(now).toEqual(at(start, SECOND));
    expect(await signInAt(person.email, TEST_PASSWORD, address, start)).toMatchObject({ ok: false, reason: "throttled", scope: "ADDRESS", retryAt: now });
    expect((await signInAt(person.email, TEST_PASSWORD, createTestAddress(), start)).ok).toBe(true);

    expect((await signInAt(person.email, TEST_PASSWORD, address, now)).ok).toBe(true);
    expect(await db.signInThrottle.findUnique({ where: { key: `address:${getAddressBucket(address)}` } })).toMatchObject({ failures: 20, lockedUntil: null });
    for (let failure = 21; failure <= 50; failure++) now = await failAt(`guess-${failure}-${Date.now()}@nowhere.test`, address, now);
    expect(await signInAt(person.email, TEST_PASSWORD, address, at(now, -SECOND))).toMatchObject({ ok: false, reason: "throttled", scope: "ADDRESS" });
    expect(await db.signInEvent.findMany({ where: { kind: "LOCKED", address } })).toMatchObject([{ lockScope: "ADDRESS", lockedUntil: now }]);
  });

  it("lets a burst of concurrent guesses check the password only as often as the policy allows", async () => {
    const shop = await createTestShop();
    const person = await createPerson(shop.organizationId);
    const address = createTestAddress();
    const now = new Date("2026-12-01T14:00:00Z");
    const results = await Promise.all(Array.from({ length: 20 }, () => signInAt(person.email, "wrong password", address, now)));
    expect(results.filter((result) => !result.ok && result.reason === "invalid")).toHaveLength(3);
    expect(results.filter((result) => !result.ok && result.reason === "throttled")).toHaveLength(17);
    expect(await db.signInEvent.count({ where: { userId: person.id, kind: "FAILED" } })).toBe(3);
  });

  it("shows a shop's sign-in events to its owner only, and only its own people's", async () => {
    const acme = await createTestShop("Acme");
    const birch = await createTestShop("Birch");
    const member = await createPerson(acme.organizationId);
    const outsider = await createPerson(birch.organizationId);
    const now = new Date("2026-12-01T15:00:00Z");
    await failAt(member.email, createTestAddress(), now);
    await signInAt(outsider.email, TEST_PASSWORD, createTestAddress(), now);
    const events = await listSignInActivity(acme.actors.owner);
    expect(events.map((event) => event.email)).toEqual([member.email]);
    expect(events[0]).toMatchObject({ kind: "FAILED", user: { name: member.name } });
    expect((await expectAppError(listSignInActivity(acme.actors.admin))).code).toBe("FORBIDDEN");
  });
});
