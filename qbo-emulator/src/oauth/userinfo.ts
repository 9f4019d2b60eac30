// GET /v1/openid_connect/userinfo: the sandbox user's profile (needs a valid access token).
import type { Emulator } from "../emulator";
import { type EmuRequest, type EmuResponse, buildPlainJson, getHeader } from "../http";
import { SANDBOX_USER } from "../store/seed";

export function handleUserInfo(emu: Emulator, req: EmuRequest): EmuResponse {
  const bearer = /^Bearer\s+(\S+)$/i.exec(getHeader(req, "authorization") ?? "")?.[1];
  const check = emu.grants.checkAccessToken(bearer);
  if (!check.ok) return buildPlainJson(401, { error: "invalid_token" }, { "WWW-Authenticate": 'Bearer error="invalid_token"' });
  return buildPlainJson(200, {
    sub: SANDBOX_USER.sub,
    email: SANDBOX_USER.email,
    emailVerified: true,
    givenName: "Sandbox",
    familyName: "User",
  });
}
