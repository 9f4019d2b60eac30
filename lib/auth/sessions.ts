import crypto from "node:crypto";
import { db } from "@/lib/db/client";
import { hashPassword, verifyPassword } from "./password";

export const SESSION_COOKIE = "wc_session";
export const SESSION_TTL_MS = 14 * 24 * 60 * 60 * 1000;

function hashToken(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}

// Spent on unknown emails too, so timing does not reveal which emails exist.
let dummyHash: Promise<string> | undefined;

/** Checks the credentials and opens a session in the user's first organization. */
export async function signIn(email: string, password: string): Promise<{ token: string; expiresAt: Date } | null> {
  const user = await db.user.findUnique({
    where: { email: email.trim().toLowerCase() },
    include: { memberships: { orderBy: { createdAt: "asc" }, take: 1 } },
  });
  dummyHash ??= hashPassword(crypto.randomBytes(16).toString("hex"));
  const isValid = await verifyPassword(user?.passwordHash ?? (await dummyHash), password);
  const membership = user?.memberships[0];
  if (!user || !isValid || !membership) return null;
  const token = crypto.randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + SESSION_TTL_MS);
  await db.session.create({
    data: { tokenHash: hashToken(token), userId: user.id, organizationId: membership.organizationId, expiresAt },
  });
  return { token, expiresAt };
}

export async function signOut(token: string): Promise<void> {
  await db.session.deleteMany({ where: { tokenHash: hashToken(token) } });
}

export type TSessionContext = {
  userId: string;
  userName: string;
  email: string;
  organizationId: string;
  organizationName: string;
  role: "OWNER" | "ADMIN" | "BOOKKEEPER" | "OPERATOR";
};

/** The session's user and organization, re-reading the membership so a removed member loses access at once. */
export async function findSessionContext(token: string | undefined): Promise<TSessionContext | null> {
  if (!token) return null;
  const session = await db.session.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { user: true, organization: true },
  });
  if (!session || session.expiresAt <= new Date()) return null;
  const membership = await db.membership.findUnique({
    where: { organizationId_userId: { organizationId: session.organizationId, userId: session.userId } },
  });
  if (!membership) return null;
  return {
    userId: session.userId,
    userName: session.user.name,
    email: session.user.email,
    organizationId: session.organizationId,
    organizationName: session.organization.name,
    role: membership.role,
  };
}
