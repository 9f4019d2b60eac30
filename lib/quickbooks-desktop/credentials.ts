import crypto from "node:crypto";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { countTowardsRateLimit, ensureUnderRateLimit, type TRateLimit } from "@/lib/http/rate-limit";

/** Refused logins per Web Connector user name, and per client address (a shop may run several). */
export const QBWC_LOGIN_FAILURES_PER_USER: TRateLimit = { limit: 10, windowMs: 15 * 60_000 };
export const QBWC_LOGIN_FAILURES_PER_ADDRESS: TRateLimit = { limit: 50, windowMs: 15 * 60_000 };

/** Stored instead of a hash once a credential is revoked: no password verifies against it. */
export const REVOKED_PASSWORD_HASH = "revoked";

// No 0/O, 1/l/I: the user types it into the Web Connector from the screen.
const PASSWORD_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

/** 20 characters from 31 (≈99 bits), in groups of five: "k7m2p-…". */
export function generateDesktopPassword(): string {
  const chars = Array.from({ length: 20 }, () => PASSWORD_ALPHABET[crypto.randomInt(PASSWORD_ALPHABET.length)]);
  return [0, 5, 10, 15].map((start) => chars.slice(start, start + 5).join("")).join("-");
}

/** A readable user name that names the shop, unique across shops by its random tail. */
export function generateDesktopUserName(shopName: string): string {
  const slug = shopName.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 24) || "shop";
  return `${slug}-${crypto.randomBytes(3).toString("hex")}`;
}

/** The company file's FileID for the .qwc: one GUID per shop, in braces as Intuit writes it. */
export function generateFileId(): string {
  return `{${crypto.randomUUID().toUpperCase()}}`;
}

/** The realm a Desktop connection's rows carry: "desktop-" + the FileID without braces. */
export function toDesktopRealmId(fileId: string): string {
  return `desktop-${fileId.replace(/[{}]/g, "")}`;
}

export type TDesktopLogin = { organizationId: string; connectionId: string };

/**
 * The Web Connector's authenticate: the shop whose live Desktop connection this user name and
 * password open, or null. Refused guesses are counted per user name and per address; past either
 * limit every attempt is refused without checking the password. An unknown user name costs the same
 * password check as a known one.
 */
export async function verifyDesktopLogin(userName: string, password: string, address: string): Promise<TDesktopLogin | null> {
  const userKey = `qbwc-login:${userName.trim().toLowerCase().slice(0, 64)}`;
  const addressKey = `qbwc-address:${address}`;
  try {
    await ensureUnderRateLimit(userKey, QBWC_LOGIN_FAILURES_PER_USER);
    await ensureUnderRateLimit(addressKey, QBWC_LOGIN_FAILURES_PER_ADDRESS);
  } catch (error) {
    if (error instanceof AppError) return null;
    throw error;
  }
  const credential = await db.quickBooksDesktopCredential.findUnique({
    where: { userName: userName.trim() },
    include: { organization: { select: { quickBooks: { select: { id: true, status: true, transport: true } } } } },
  });
  const isValid = await verifyPassword(credential?.passwordHash ?? (await getDecoyHash()), password);
  const connection = credential?.organization.quickBooks;
  if (credential && isValid && connection?.transport === "DESKTOP" && connection.status === "CONNECTED") {
    return { organizationId: credential.organizationId, connectionId: connection.id };
  }
  if (!isValid) {
    await countTowardsRateLimit(userKey, QBWC_LOGIN_FAILURES_PER_USER);
    await countTowardsRateLimit(addressKey, QBWC_LOGIN_FAILURES_PER_ADDRESS);
  }
  return null;
}

let decoyHash: Promise<string> | undefined;
function getDecoyHash(): Promise<string> {
  decoyHash ??= hashPassword(crypto.randomBytes(16).toString("hex"));
  return decoyHash;
}
