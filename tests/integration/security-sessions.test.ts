import { describe, expect, it } from "vitest";
import { findSessionContext, hashToken, SESSION_TTL_MS, signOutEverywhere } from "@/lib/auth/sessions";
import { attemptSignIn } from "@/lib/auth/sign-in";
import { db } from "@/lib/db/client";
import { resetEnvCache } from "@/lib/env";
import { createPerson, createTestAddress, TEST_PASSWORD } from "../factories/people";
import { createTestShop } from "../factories/shops";

const MINUTE = 60_000;
const IDLE_MS = 720 * MINUTE;

async function signedIn(email: string, now: Date, previousToken?: string) {
  const result = await attemptSignIn({ email, password: TEST_PASSWORD, client: { address: createTestAddress(), userAgent: "vitest" }, previousToken }, now);
  if (!result.ok) throw new Error(`expected a session, got ${JSON.stringify(result)}`);
  return result;
}

describe("sessions", () => {
  it("end after 12 hours without use, and stay alive while used", async () => {
    const shop = await createTestShop();
    const person = await createPerson(shop.organizationId);
    const start = new Date("2026-12-01T08:00:00Z");
    const session = await signedIn(person.email, start);

    // Used every 11 hours for two days: still signed in (each use moves the idle deadline).
    let now = start;
    for (let use = 0; use < 4; use++) {
      now = new Date(now.getTime() + 11 * 60 * MINUTE);
      expect(await findSessionContext(session.token, now)).toMatchObject({ userId: person.id });
    }
    expect(await db.session.findUniqueOrThrow({ where: { tokenHash: hashToken(session.token) } })).toMatchObject({ lastSeenAt: now });

    expect(await findSessionContext(session.token, new Date(now.getTime() + IDLE_MS + 1))).toBeNull();
    expect(await db.session.count({ where: { userId: person.id } })).toBe(0);
  });

  it("use the idle timeout set by SESSION_IDLE_TIMEOUT_MINUTES", async () => {
    const shop = await createTestShop();
    const person = await createPerson(shop.organizationId);
    const start = new Date("2026-12-01T08:00:00Z");
    const session = await signedIn(person.email, start);
    process.env.SESSION_IDLE_TIMEOUT_MINUTES = "30";
    resetEnvCache();
    try {
      expect(await findSessionContext(session.token, new Date(start.getTime() + 29 * MINUTE))).not.toBeNull();
      expect(await findSessionContext(session.token, new Date(start.getTime() + 60 * MINUTE))).toBeNull();
    } finally {
      delete process.env.SESSION_IDLE_TIMEOUT_MINUTES;
      resetEnvCache();
    }
  });

  it("end 14 days after sign-in however much they are used", async () => {
    const shop = await createTestShop();
    const person = await createPerson(shop.organizationId);
    const start = new Date("2026-12-01T08:00:00Z");
    const session = await signedIn(person.email, start);
    expect(session.expiresAt).toEqual(new Date(start.getTime() + SESSION_TTL_MS));
    await db.session.updateMany({ where: { userId: person.id }, data: { lastSeenAt: session.expiresAt } });
    expect(await findSessionContext(session.token, session.expiresAt)).toBeNull();
  });

  it("write the last-seen time at most once a minute", async () => {
    const shop = await createTestShop();
    const person = await createPerson(shop.organizationId);
    const start = new Date("2026-12-01T08:00:00Z");
    const session = await signedIn(person.email, start);
    await findSessionContext(session.token, new Date(start.getTime() + 30_000));
    expect(await db.session.findFirstOrThrow({ where: { userId: person.id } })).toMatchObject({ lastSeenAt: start });
    await findSessionContext(session.token, new Date(start.getTime() + 61_000));
    expect(await db.session.findFirstOrThrow({ where: { userId: person.id } })).toMatchObject({ lastSeenAt: new Date(start.getTime() + 61_000) });
  });

  it("get a new token at every sign-in, and the browser's previous session ends", async () => {
    const shop = await createTestShop();
    const person = await createPerson(shop.organizationId);
    const now = new Date("2026-12-01T08:00:00Z");
    const first = await signedIn(person.email, now);
    const second = await signedIn(person.email, now, first.token);
    expect(second.token).not.toBe(first.token);
    expect(await findSessionContext(first.token, now)).toBeNull();
    expect(await findSessionContext(second.token, now)).toMatchObject({ userId: person.id });
  });

  it("all end with Sign out everywhere, and only that person's", async () => {
    const shop = await createTestShop();
    const person = await createPerson(shop.organizationId);
    const colleague = await createPerson(shop.organizationId);
    const now = new Date("2026-12-01T08:00:00Z");
    const laptop = await signedIn(person.email, now);
    const phone = await signedIn(person.email, now);
    const other = await signedIn(colleague.email, now);
    expect(await signOutEverywhere(person.id)).toBe(2);
    expect(await findSessionContext(laptop.token, now)).toBeNull();
    expect(await findSessionContext(phone.token, now)).toBeNull();
    expect(await findSessionContext(other.token, now)).toMatchObject({ userId: colleague.id });
  });
});
