import { db } from "@/lib/db/client";
import { encryptTokenSet } from "@/lib/quickbooks/token-store";
import { DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, startEmulator, type EmulatorOptions, type RunningEmulator } from "../../qbo-emulator/src/index";
import type { TTestShop } from "./shops";

export const ACME_REALM = "9130357766900001";
export const BIRCH_REALM = "9130357766900002";
export const TEST_REDIRECT_URI = "http://localhost:3999/api/integrations/quickbooks/callback";

/** A real emulator on a free port, and the app's QuickBooks settings pointed at it. */
export async function startTestQuickBooks(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const emulator = await startEmulator({ port: 0, quiet: true, redirectUris: [TEST_REDIRECT_URI], ...options });
  process.env.QBO_CLIENT_ID = DEFAULT_CLIENT_ID;
  process.env.QBO_CLIENT_SECRET = DEFAULT_CLIENT_SECRET;
  process.env.QBO_REDIRECT_URI = TEST_REDIRECT_URI;
  process.env.QBO_BASE_URL = emulator.url;
  process.env.QBO_ENVIRONMENT = "sandbox";
  return emulator;
}

export async function emulatorAdmin<T = unknown>(emulator: RunningEmulator, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${emulator.url}${path}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`emulator admin ${method} ${path} → ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

type TLoggedRequest = { method: string; path: string; realmId?: string; grantType?: string; status: number | null; time: string; durationMs?: number };

export async function loggedRequests(emulator: RunningEmulator): Promise<TLoggedRequest[]> {
  return (await emulatorAdmin<{ requests: TLoggedRequest[] }>(emulator, "GET", "/__emulator/requests")).requests;
}

export async function tokenCalls(emulator: RunningEmulator, grantType?: string): Promise<TLoggedRequest[]> {
  return (await loggedRequests(emulator)).filter((request) => request.path === "/oauth2/v1/tokens/bearer" && (!grantType || request.grantType === grantType));
}

/** A connected shop, as if it had gone through the OAuth flow (tokens issued by the emulator). */
export async function connectTestShop(emulator: RunningEmulator, shop: TTestShop, realmId = ACME_REALM, overrides: { accessTokenExpiresAt?: Date } = {}) {
  const issued = emulator.issueTokens(realmId);
  const now = Date.now();
  return db.quickBooksConnection.create({
    data: {
      organizationId: shop.organizationId,
      realmId,
      companyName: realmId === ACME_REALM ? "Acme Precision Machining" : "Birch Fabrication",
      environment: "sandbox",
      status: "CONNECTED",
      connectedByUserId: shop.actors.owner.userId,
      connectedAt: new Date(),
      ...encryptTokenSet(shop.organizationId, realmId, {
        accessToken: issued.access_token,
        refreshToken: issued.refresh_token,
        accessTokenExpiresAt: overrides.accessTokenExpiresAt ?? new Date(now + issued.expires_in * 1000),
        refreshTokenExpiresAt: new Date(now + issued.x_refresh_token_expires_in * 1000),
        refreshTokenHardExpiresAt: null,
      }),
    },
  });
}
