import { afterEach, describe, expect, it } from "vitest";
import { sessionCookieOptions } from "@/lib/auth/cookie";
import { resetEnvCache } from "@/lib/env";

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
  resetEnvCache();
});

function optionsFor(appUrl: string) {
  Object.assign(process.env, { APP_URL: appUrl, DATABASE_URL: "postgresql://u:p@localhost:5432/db", XOMETRY_WEBHOOK_SECRET: "x".repeat(32) });
  resetEnvCache();
  return sessionCookieOptions(new Date("2026-12-15T00:00:00Z"));
}

describe("the session cookie", () => {
  it("is HttpOnly, SameSite=Lax, for the whole site, and expires with the session", () => {
    expect(optionsFor("http://localhost:3000")).toEqual({
      name: "wc_session",
      httpOnly: true,
      sameSite: "lax",
      secure: false,
      path: "/",
      expires: new Date("2026-12-15T00:00:00Z"),
    });
  });

  it("is Secure whenever the app is served over https", () => {
    expect(optionsFor("https://shop.example.com").secure).toBe(true);
  });
});
