import { getEnv } from "@/lib/env";
import { SESSION_COOKIE } from "./sessions";

/** HttpOnly, SameSite=Lax, Secure whenever the app is served over https. */
export function sessionCookieOptions(expiresAt: Date) {
  return {
    name: SESSION_COOKIE,
    httpOnly: true,
    sameSite: "lax" as const,
    secure: getEnv().APP_URL.startsWith("https://"),
    path: "/",
    expires: expiresAt,
  };
}
