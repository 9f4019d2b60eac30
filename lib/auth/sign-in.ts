import crypto from "node:crypto";
import { db } from "@/lib/db/client";
import { getAddressBucket } from "@/lib/security/client-address";
import { hashPassword, verifyPassword } from "./password";
import { createSession, signOut } from "./sessions";
import { recordSignInEvent, type TSignInClient } from "./sign-in-events";
import { releaseSignInAttempt, reserveSignInAttempt } from "./throttle";
import { ACCOUNT_THROTTLE, ADDRESS_THROTTLE, type TThrottlePolicy } from "./throttle-policy";

export type TSignInInput = {
  email: string;
  password: string;
  client: TSignInClient;
  /** The session cookie the browser already had, if any: it is ended, never carried over. */
  previousToken?: string;
};

export type TSignInResult =
  | { ok: true; token: string; expiresAt: Date }
  | { ok: false; reason: "invalid"; retryAt: Date | null }
  | { ok: false; reason: "throttled"; retryAt: Date; scope: TThrottlePolicy["scope"] };

// Spent on unknown emails too, so timing does not reveal which emails exist.
let dummyHash: Promise<string> | undefined;

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Signs in with the throttles of lib/auth/throttle-policy.ts (per account and per address, the same
 * for emails that match no account), records the attempt, and opens a session with a new token in
 * the user's first organization.
 */
export async function attemptSignIn(input: TSignInInput, now: Date = new Date()): Promise<TSignInResult> {
  const email = normalizeEmail(input.email);
  const event = { email, ...input.client };
  const user = await db.user.findUnique({ where: { email }, include: { memberships: { orderBy: { createdAt: "asc" }, take: 1 } } });
  const reservation = await reserveSignInAttempt(
    [
      { key: `account:${email}`, policy: ACCOUNT_THROTTLE },
      { key: `address:${getAddressBucket(input.client.address)}`, policy: ADDRESS_THROTTLE },
    ],
    now,
  );
  if (!reservation.isAllowed) {
    await recordSignInEvent({ ...event, kind: "REFUSED", userId: user?.id, lockScope: reservation.scope, lockedUntil: reservation.retryAt });
    return { ok: false, reason: "throttled", retryAt: reservation.retryAt, scope: reservation.scope };
  }
  dummyHash ??= hashPassword(crypto.randomBytes(16).toString("hex"));
  const isValid = await verifyPassword(user?.passwordHash ?? (await dummyHash), input.password);
  const membership = user?.memberships[0];
  if (!user || !isValid || !membership) {
    await recordSignInEvent({ ...event, kind: "FAILED", userId: user?.id });
    for (const lock of reservation.reservations.filter((entry) => entry.isLock)) {
      await recordSignInEvent({ ...event, kind: "LOCKED", userId: user?.id, lockScope: lock.policy.scope, lockedUntil: lock.lockedUntil });
    }
    const waits = reservation.reservations.map((entry) => entry.lockedUntil).filter((date): date is Date => !!date);
    return { ok: false, reason: "invalid", retryAt: waits.length ? new Date(Math.max(...waits.map((date) => date.getTime()))) : null };
  }
  await releaseSignInAttempt(reservation.reservations);
  if (input.previousToken) await signOut(input.previousToken);
  const session = await createSession(user.id, membership.organizationId, now);
  await recordSignInEvent({ ...event, kind: "SIGNED_IN", userId: user.id });
  return { ok: true, ...session };
}
