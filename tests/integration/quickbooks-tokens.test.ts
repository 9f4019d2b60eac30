import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { generateEncryptionKey } from "@/lib/crypto/token-cipher";
import { db } from "@/lib/db/client";
import { QuickBooksApi } from "@/lib/quickbooks/api";
import { QuickBooksReconnectRequiredError } from "@/lib/quickbooks/errors";
import { refreshTokenSet } from "@/lib/quickbooks/oauth";
import { getQuickBooksConfig } from "@/lib/quickbooks/config";
import { reencryptQuickBooksTokens } from "@/lib/quickbooks/reencrypt";
import { getQuickBooksStatus } from "@/lib/quickbooks/status";
import { decryptTokens } from "@/lib/quickbooks/token-store";
import { getValidAccessToken } from "@/lib/quickbooks/tokens";
import type { RunningEmulator } from "../../qbo-emulator/src/index";
import { ACME_REALM, connectTestShop, emulatorAdmin, loggedRequests, startTestQuickBooks, tokenCalls } from "../factories/quickbooks";
import { createTestShop } from "../factories/shops";

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startTestQuickBooks();
});
afterAll(() => emulator.close());
beforeEach(() => emulatorAdmin(emulator, "DELETE", "/__emulator/requests"));

const expired = () => new Date(Date.now() - 60_000);

describe("tokens that never lapse", () => {
  it("serves 100 concurrent calls with an expired access token through exactly one refresh", async () => {
    const shop = await createTestShop();
    const connection = await connectTestShop(emulator, shop, ACME_REALM, { accessTokenExpiresAt: expired() });
    await emulatorAdmin(emulator, "POST", `/__emulator/realms/${ACME_REALM}/expire-tokens`);
    const api = new QuickBooksApi(connection.id);
    const results = await Promise.all(Array.from({ length: 100 }, () => api.getPreferences()));
    expect(results).toHaveLength(100);
    expect(results.every((preferences) => preferences.CurrencyPrefs?.HomeCurrency?.value === "USD")).toBe(true);
    expect(await tokenCalls(emulator, "refresh_token")).toHaveLength(1);
    // The stored refresh token is the newest one: using it works (a superseded one would be invalid_grant).
    const stored = decryptTokens(await db.quickBooksConnection.findUniqueOrThrow({ where: { id: connection.id } }))!;
    await expect(refreshTokenSet(getQuickBooksConfig(), stored.refreshToken)).resolves.toMatchObject({ accessToken: expect.any(String) });
  });

  it("refreshes once across processes: the row lock and re-read stop a second refresh", async () => {
    const shop = await createTestShop();
    const connection = await connectTestShop(emulator, shop, ACME_REALM, { accessTokenExpiresAt: expired() });
    // shareInProcess: false skips the in-process promise, as separate worker processes would.
    const tokens = await Promise.all(Array.from({ length: 8 }, () => getValidAccessToken(connection.id, undefined, { shareInProcess: false })));
    expect(new Set(tokens.map((token) => token.accessToken)).size).toBe(1);
    expect(await tokenCalls(emulator, "refresh_token")).toHaveLength(1);
  });

  it("answers a 401 with one refresh and one retry", async () => {
    const shop = await createTestShop();
    const connection = await connectTestShop(emulator, shop);
    await emulatorAdmin(emulator, "POST", `/__emulator/realms/${ACME_REALM}/expire-tokens`);
    const api = new QuickBooksApi(connection.id);
    await expect(api.getCompanyName()).resolves.toBe("Acme Precision Machining");
    const requests = await loggedRequests(emulator);
    expect(requests.filter((request) => request.status === 401).length).toBeGreaterThanOrEqual(1);
    expect(await tokenCalls(emulator, "refresh_token")).toHaveLength(1);
  });

  it("marks the connection needs-reconnect on invalid_grant and stops calling that realm", async () => {
    const shop = await createTestShop();
    const connection = await connectTestShop(emulator, shop, ACME_REALM, { accessTokenExpiresAt: expired() });
    await emulatorAdmin(emulator, "POST", `/__emulator/realms/${ACME_REALM}/revoke-grant`);
    const api = new QuickBooksApi(connection.id);
    await expect(api.getPreferences()).rejects.toBeInstanceOf(QuickBooksReconnectRequiredError);
    const status = await getQuickBooksStatus(shop.organizationId);
    expect(status).toMatchObject({ state: "needs_reconnect" });
    expect(status.state === "needs_reconnect" && status.reason).toMatch(/Reconnect/);
    await emulatorAdmin(emulator, "DELETE", "/__emulator/requests");
    await expect(api.getPreferences()).rejects.toBeInstanceOf(QuickBooksReconnectRequiredError);
    expect(await loggedRequests(emulator)).toHaveLength(0);
    expect(await db.quickBooksConnectionEvent.count({ where: { connectionId: connection.id, type: "needs_reconnect" } })).toBe(1);
  });
});

describe("tokens at rest", () => {
  it("re-encrypts every row with the newest key and still decrypts", async () => {
    const shop = await createTestShop();
    const connection = await connectTestShop(emulator, shop);
    const original = decryptTokens(connection)!;
    const previousKeys = process.env.TOKEN_ENCRYPTION_KEYS!;
    const newest = generateEncryptionKey("k2");
    try {
      const underOldKey = await db.quickBooksConnection.count({ where: { tokenKeyId: "k1" } });
      expect(underOldKey).toBeGreaterThanOrEqual(1);
      process.env.TOKEN_ENCRYPTION_KEYS = `${newest},${previousKeys}`;
      expect(await reencryptQuickBooksTokens()).toEqual({ updated: underOldKey });
      expect(await db.quickBooksConnection.count({ where: { tokenKeyId: "k1" } })).toBe(0);
      expect(await reencryptQuickBooksTokens()).toEqual({ updated: 0 });
      process.env.TOKEN_ENCRYPTION_KEYS = newest;
      const row = await db.quickBooksConnection.findUniqueOrThrow({ where: { id: connection.id } });
      expect(row.tokenKeyId).toBe("k2");
      expect(decryptTokens(row)).toEqual(original);
    } finally {
      process.env.TOKEN_ENCRYPTION_KEYS = previousKeys;
    }
  });
});
