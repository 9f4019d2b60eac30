import { hashSecretToken, newSecretToken } from "@/lib/crypto/secret-token";
import { db } from "@/lib/db/client";
import { getEnv } from "@/lib/env";

export const SESSION_COOKIE = "wc_session";
/** The absolute lifetime: a session ends 14 days after sign-in however much it is used. */
export const SESSION_TTL_MS = 14 * 24 * 60 * 60 * 1000;
/** lastSeenAt is written at most this often, so reading pages does not write on every request. */
export const SESSION_TOUCH_INTERVAL_MS = 60 * 1000;

export const hashToken = hashSecretToken;

export function getSessionIdleTimeoutMs(): number {
  return getEnv().SESSION_IDLE_TIMEOUT_MINUTES * 60 * 1000;
}

/** A fresh random token for a new session; only its hash is stored. */
export async function createSession(userId: string, organizationId: string, now: Date = new Date()): Promise<{ token: string; expiresAt: Date }> {
  const token = newSecretToken();
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  await db.session.create({ data: { tokenHash: hashToken(token), userId, organizationId, expiresAt, lastSeenAt: now, createdAt: now } });
  return { token, expiresAt };
}

export async function signOut(token: string): Promise<void> {
  await db.session.deleteMany({ where: { tokenHash: hashToken(token) } });
}

/** Ends every session of the user, on every device. Returns how many there were. */
export async function signOutEverywhere(userId: string): Promise<number> {
  return (await db.session.deleteMany({ where: { userId } })).count;
}

export type TSessionContext = {
  userId: string;
  userName: string;
  email: string;
  organizationId: string;
  organizationName: string;
  role: "OWNER" | "ADMIN" | "BOOKKEEPER" | "OPERATOR";
};

/**
 * The session's user and organization, re-reading the membership so a removed member loses access at
 * once. A session past its absolute expiry, or unused for longer than the idle timeout, is deleted.
 */
export async function findSessionContext(token: string | undefined, now: Date = new Date()): Promise<TSessionContext | null> {
  if (!token) return null;
  const session = await db.session.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { user: true, organization: true },
  });
  if (!session) return null;
  if (session.expiresAt <= now || now.getTime() - session.lastSeenAt.getTime() > getSessionIdleTimeoutMs()) {
    await db.session.deleteMany({ where: { id: session.id } });
    return null;
  }
  const membership = await db.membership.findUnique({
    where: { organizationId_userId: { organizationId: session.organizationId, userId: session.userId } },
  });
  if (!membership) return null;
  if (now.getTime() - session.lastSeenAt.getTime() > SESSION_TOUCH_INTERVAL_MS) {
    await db.session.updateMany({ where: { id: session.id, lastSeenAt: session.lastSeenAt }, data: { lastSeenAt: now } });
  }
  return {
    userId: session.userId,
    userName: session.user.name,
    email: session.user.email,
    organizationId: session.organizationId,
    organizationName: session.organization.name,
    role: membership.role,
  };
}
