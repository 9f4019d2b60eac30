import crypto from "node:crypto";
import { hashSecretToken as hash, newSecretToken } from "@/lib/crypto/secret-token";
import { db } from "@/lib/db/client";

export const OAUTH_STATE_COOKIE = "wc_qbo_oauth_state";
export const OAUTH_STATE_TTL_MS = 10 * 60 * 1000;

/** A fresh `state`: 256 random bits, stored only as a hash, bound to the organization and user. */
export async function createOAuthState(organizationId: string, userId: string, now = new Date()): Promise<string> {
  const state = newSecretToken();
  await db.quickBooksOAuthState.create({
    data: { stateHash: hash(state), organizationId, userId, expiresAt: new Date(now.getTime() + OAUTH_STATE_TTL_MS) },
  });
  return state;
}

export type TStateCheck = { ok: true; organizationId: string; userId: string } | { ok: false; reason: "invalid_state" | "expired_state" };

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && crypto.timingSafeEqual(left, right);
}

/**
 * Checks the callback's `state` against the browser's cookie and consumes it (single use) for
 * this user. Missing, mismatched, replayed, expired or another user's states are refused.
 */
export async function consumeOAuthState(
  fromQuery: string | null,
  fromCookie: string | undefined,
  session: { userId: string; organizationId: string },
  now = new Date(),
): Promise<TStateCheck> {
  if (!fromQuery || !fromCookie || !sameSecret(fromQuery, fromCookie)) return { ok: false, reason: "invalid_state" };
  const stateHash = hash(fromQuery);
  const consumed = await db.quickBooksOAuthState.updateMany({
    where: { stateHash, usedAt: null, expiresAt: { gt: now }, userId: session.userId, organizationId: session.organizationId },
    data: { usedAt: now },
  });
  if (consumed.count === 1) return { ok: true, organizationId: session.organizationId, userId: session.userId };
  const row = await db.quickBooksOAuthState.findUnique({ where: { stateHash } });
  return { ok: false, reason: row && !row.usedAt && row.expiresAt <= now ? "expired_state" : "invalid_state" };
}
