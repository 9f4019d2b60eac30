// Random identifiers and token shapes.
import { randomBytes, randomUUID } from "node:crypto";

export function randomToken(bytes = 24): string {
  return randomBytes(bytes).toString("base64url");
}

/** Looks like Intuit's compact-JWE access tokens (opaque to clients). */
export function buildAccessToken(): string {
  const header = Buffer.from(JSON.stringify({ enc: "A128CBC-HS256", alg: "dir" })).toString("base64url");
  return `${header}..${randomToken(16)}.${randomToken(96)}.${randomToken(16)}`;
}

let refreshCounter = 0;
/** `RT1-<n>-H3-<epoch><random>` like Intuit's refresh tokens. */
export function buildRefreshToken(): string {
  refreshCounter = (refreshCounter + 1) % 1000;
  return `RT1-${refreshCounter}-H3-${Math.floor(Date.now() / 1000)}${randomBytes(12).toString("hex")}`;
}

export function buildAuthCode(): string {
  return `AB11${Math.floor(Date.now() / 1000)}${randomToken(36)}`;
}

/** Intuit's support trace id, e.g. `1-5f732f5f-2b3c…`. */
export function buildIntuitTid(): string {
  return `1-${Math.floor(Date.now() / 1000).toString(16)}-${randomBytes(12).toString("hex")}`;
}

export { randomUUID };
