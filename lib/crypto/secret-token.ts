import crypto from "node:crypto";

/** A bearer secret (session token, OAuth state, Web Connector ticket): 256 random bits, returned once. */
export function newSecretToken(): string {
  return crypto.randomBytes(32).toString("base64url");
}

/** What is stored of a bearer secret: its SHA-256, so a database read reveals nothing usable. */
export function hashSecretToken(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}
