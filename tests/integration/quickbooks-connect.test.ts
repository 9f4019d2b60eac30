import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { cancelPendingConnection, completeQuickBooksCallback, confirmPendingConnection, disconnectQuickBooks } from "@/lib/quickbooks/connect";
import { createOAuthState } from "@/lib/quickbooks/oauth-state";
import { startQuickBooksConnect } from "@/lib/quickbooks/start-connect";
import { getQuickBooksStatus } from "@/lib/quickbooks/status";
import { decryptTokens } from "@/lib/quickbooks/token-store";
import type { RunningEmulator } from "../../qbo-emulator/src/index";
import { runConsentFlow } from "../../qbo-emulator/tests/oauth-flow";
import { ACME_REALM, BIRCH_REALM, emulatorAdmin, startTestQuickBooks, tokenCalls } from "../factories/quickbooks";
import { retrySync } from "@/lib/sync/retry-sync";
import { createTestShop, createXometryJob, type TTestShop } from "../factories/shops";

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startTestQuickBooks();
});
afterAll(() => emulator.close());
beforeEach(async () => {
  // This file's database is its own; each test starts with both emulator companies free.
  await db.quickBooksConnection.updateMany({ data: { status: "DISCONNECTED" } });
  await emulatorAdmin(emulator, "DELETE", "/__emulator/requests");
});

/** The browser part: our connect start, then Intuit's (the emulator's) sign-in and consent pages. */
async function authorize(shop: TTestShop, realmId = ACME_REALM) {
  const { authorizeUrl, state } = await startQuickBooksConnect(shop.actors.owner);
  const callback = new URL(await runConsentFlow(emulator, authorizeUrl, realmId));
  const params = {
    code: callback.searchParams.get("code"),
    state: callback.searchParams.get("state"),
    realmId: callback.searchParams.get("realmId"),
    error: callback.searchParams.get("error"),
  };
  return { params, cookie: state };
}

describe("connecting QuickBooks", () => {
  it("connects through the OAuth code flow and stores only encrypted tokens", async () => {
    const shop = await createTestShop();
    const { params, cookie } = await authorize(shop);
    expect(params.state).toBe(cookie);
    const result = await completeQuickBooksCallback(shop.actors.owner, params, cookie);
    expect(result).toEqual({ outcome: "connected" });
    expect(await tokenCalls(emulator, "authorization_code")).toHaveLength(1);
    const status = await getQuickBooksStatus(shop.organizationId);
    expect(status).toMatchObject({ state: "connected", companyName: "Acme Precision Machining", realmId: ACME_REALM });
    const row = await db.quickBooksConnection.findUniqueOrThrow({ where: { organizationId: shop.organizationId } });
    const tokens = decryptTokens(row)!;
    expect(tokens.accessToken.length).toBeGreaterThan(10);
    const dump = JSON.stringify(await db.$queryRawUnsafe(`SELECT * FROM "QuickBooksConnection"`));
    expect(dump).not.toContain(tokens.accessToken);
    expect(dump).not.toContain(tokens.refreshToken);
    expect(await db.quickBooksConnectionEvent.count({ where: { connectionId: row.id, type: "connected" } })).toBe(1);
  });

  it("refuses every bad callback before calling the token endpoint", async () => {
    const shop = await createTestShop();
    const owner = shop.actors.owner;
    const { params, cookie } = await authorize(shop);
    const cases: [string, Promise<{ outcome: string }>][] = [
      ["missing state", completeQuickBooksCallback(owner, { ...params, state: null }, cookie)],
      ["missing cookie", completeQuickBooksCallback(owner, params, undefined)],
      ["mismatched state", completeQuickBooksCallback(owner, { ...params, state: `${cookie}x` }, `${cookie}x`)],
    ];
    for (const [name, outcome] of cases) expect((await outcome).outcome, name).toBe("invalid_state");

    const fresh = async () => {
      const state = await createOAuthState(shop.organizationId, owner.userId);
      return { ...params, state };
    };
    const noCode = await fresh();
    expect((await completeQuickBooksCallback(owner, { ...noCode, code: null }, noCode.state)).outcome).toBe("missing_code");
    const noRealm = await fresh();
    expect((await completeQuickBooksCallback(owner, { ...noRealm, realmId: null }, noRealm.state)).outcome).toBe("invalid_realm");
    const badRealm = await fresh();
    expect((await completeQuickBooksCallback(owner, { ...badRealm, realmId: "12ab" }, badRealm.state)).outcome).toBe("invalid_realm");
    const denied = await fresh();
    expect((await completeQuickBooksCallback(owner, { state: denied.state, code: null, realmId: null, error: "access_denied" }, denied.state)).outcome).toBe("access_denied");
    // The state is single use: the denied one cannot be replayed.
    expect((await completeQuickBooksCallback(owner, denied, denied.state)).outcome).toBe("invalid_state");

    const expiredState = await createOAuthState(shop.organizationId, owner.userId, new Date(Date.now() - 11 * 60 * 1000));
    expect((await completeQuickBooksCallback(owner, { ...params, state: expiredState }, expiredState)).outcome).toBe("expired_state");

    const adminsState = await createOAuthState(shop.organizationId, shop.actors.admin.userId);
    expect((await completeQuickBooksCallback(owner, { ...params, state: adminsState }, adminsState)).outcome).toBe("invalid_state");

    const demoted = await fresh();
    expect((await completeQuickBooksCallback({ ...owner, role: "BOOKKEEPER" }, demoted, demoted.state)).outcome).toBe("forbidden");

    expect(await tokenCalls(emulator)).toHaveLength(0);
    expect((await getQuickBooksStatus(shop.organizationId)).state).toBe("not_connected");
  });

  it("refuses a replayed state after a successful connection", async () => {
    const shop = await createTestShop();
    const { params, cookie } = await authorize(shop);
    expect((await completeQuickBooksCallback(shop.actors.owner, params, cookie)).outcome).toBe("connected");
    await emulatorAdmin(emulator, "DELETE", "/__emulator/requests");
    expect((await completeQuickBooksCallback(shop.actors.owner, params, cookie)).outcome).toBe("invalid_state");
    expect(await tokenCalls(emulator)).toHaveLength(0);
  });

  it("refuses a company already connected to another shop", async () => {
    const acme = await createTestShop("Acme");
    const other = await createTestShop("Other");
    const first = await authorize(acme, BIRCH_REALM);
    expect((await completeQuickBooksCallback(acme.actors.owner, first.params, first.cookie)).outcome).toBe("connected");
    const second = await authorize(other, BIRCH_REALM);
    await emulatorAdmin(emulator, "DELETE", "/__emulator/requests");
    expect((await completeQuickBooksCallback(other.actors.owner, second.params, second.cookie)).outcome).toBe("realm_in_use");
    expect(await tokenCalls(emulator)).toHaveLength(0);
  });

  it("lets only owners and admins start, disconnect or confirm", async () => {
    const shop = await createTestShop();
    for (const actor of [shop.actors.operator, shop.actors.bookkeeper]) {
      for (const attempt of [startQuickBooksConnect(actor), disconnectQuickBooks(actor), confirmPendingConnection(actor, "x"), cancelPendingConnection(actor, "x")]) {
        const error = await attempt.then(() => null, (caught: unknown) => caught);
        expect(error).toBeInstanceOf(AppError);
        expect((error as AppError).httpStatus).toBe(403);
      }
    }
    expect(await db.quickBooksOAuthState.count({ where: { organizationId: shop.organizationId } })).toBe(0);
  });
});

describe("disconnecting and reconnecting", () => {
  it("revokes at Intuit, deletes the tokens, keeps the history; reconnecting the same company resumes", async () => {
    const shop = await createTestShop();
    const first = await authorize(shop);
    await completeQuickBooksCallback(shop.actors.owner, first.params, first.cookie);
    const before = await db.quickBooksConnection.findUniqueOrThrow({ where: { organizationId: shop.organizationId } });
    const tokens = decryptTokens(before)!;
    expect(await disconnectQuickBooks(shop.actors.admin)).toBe("disconnected");
    const after = await db.quickBooksConnection.findUniqueOrThrow({ where: { organizationId: shop.organizationId } });
    expect(after).toMatchObject({ status: "DISCONNECTED", accessTokenCiphertext: null, refreshTokenCiphertext: null, realmId: ACME_REALM });
    const revoke = (await emulatorAdmin<{ requests: { path: string; status: number }[] }>(emulator, "GET", "/__emulator/requests")).requests.filter((request) => request.path === "/oauth2/v1/tokens/revoke");
    expect(revoke).toMatchObject([{ status: 200 }]);
    // The revoked refresh token is dead at Intuit.
    const refresh = await fetch(`${emulator.url}/oauth2/v1/tokens/bearer`, {
      method: "POST",
      headers: { authorization: `Basic ${Buffer.from(`${process.env.QBO_CLIENT_ID}:${process.env.QBO_CLIENT_SECRET}`).toString("base64")}`, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ grant_type: "refresh_token", refresh_token: tokens.refreshToken }).toString(),
    });
    expect(refresh.status).toBe(400);
    expect((await getQuickBooksStatus(shop.organizationId)).state).toBe("not_connected");

    const again = await authorize(shop);
    expect((await completeQuickBooksCallback(shop.actors.owner, again.params, again.cookie)).outcome).toBe("reconnected");
    const events = await db.quickBooksConnectionEvent.findMany({ where: { connectionId: before.id }, orderBy: { createdAt: "asc" } });
    expect(events.map((event) => event.type)).toEqual(["connected", "disconnected", "reconnected"]);
  });

  it("asks before switching to a different company, and can keep the old one", async () => {
    const shop = await createTestShop();
    const first = await authorize(shop, ACME_REALM);
    await completeQuickBooksCallback(shop.actors.owner, first.params, first.cookie);
    const switchTo = await authorize(shop, BIRCH_REALM);
    const result = await completeQuickBooksCallback(shop.actors.owner, switchTo.params, switchTo.cookie);
    expect(result.pendingId).toBeTruthy();
    expect((await getQuickBooksStatus(shop.organizationId)).state === "connected" && (await db.quickBooksConnection.findUniqueOrThrow({ where: { organizationId: shop.organizationId } })).realmId).toBe(ACME_REALM);
    const outsider = await createTestShop("Outsider");
    expect(await confirmPendingConnection(outsider.actors.owner, result.pendingId!)).toBe("pending_expired");
    expect(await confirmPendingConnection(shop.actors.owner, result.pendingId!)).toBe("company_changed");
    expect(await db.quickBooksConnection.findUniqueOrThrow({ where: { organizationId: shop.organizationId } })).toMatchObject({ realmId: BIRCH_REALM, companyName: "Birch Fabrication", status: "CONNECTED" });

    const back = await authorize(shop, ACME_REALM);
    const pending = await completeQuickBooksCallback(shop.actors.owner, back.params, back.cookie);
    expect(await cancelPendingConnection(shop.actors.owner, pending.pendingId!)).toBe("change_cancelled");
    expect((await db.quickBooksConnection.findUniqueOrThrow({ where: { organizationId: shop.organizationId } })).realmId).toBe(BIRCH_REALM);
  });

  it("warns ahead of the refresh token's expiry", async () => {
    const shop = await createTestShop();
    const flow = await authorize(shop);
    await completeQuickBooksCallback(shop.actors.owner, flow.params, flow.cookie);
    expect(await getQuickBooksStatus(shop.organizationId)).toMatchObject({ state: "connected", isExpiringSoon: false });
    const soon = new Date(Date.now() + 5 * 24 * 60 * 60 * 1000);
    await db.quickBooksConnection.update({ where: { organizationId: shop.organizationId }, data: { refreshTokenExpiresAt: soon } });
    expect(await getQuickBooksStatus(shop.organizationId)).toMatchObject({ state: "connected", isExpiringSoon: true, refreshTokenExpiresAt: soon });
  });

  it("stops work meant for the previous company on a switch, and Retry re-aims it after set-up", async () => {
    const shop = await createTestShop();
    const first = await authorize(shop, ACME_REALM);
    await completeQuickBooksCallback(shop.actors.owner, first.params, first.cookie);
    const job = await createXometryJob(shop, { status: "ACCEPTED" });
    const stranded = await db.quickBooksSync.create({
      data: { organizationId: shop.organizationId, kind: "INVOICE", jobId: job.id, realmId: ACME_REALM, status: "PAUSED", trigger: "job.accepted", payload: { source: "XOMETRY" } },
    });
    const switchTo = await authorize(shop, BIRCH_REALM);
    const pending = await completeQuickBooksCallback(shop.actors.owner, switchTo.params, switchTo.cookie);
    expect(await confirmPendingConnection(shop.actors.owner, pending.pendingId!)).toBe("company_changed");
    const failed = await db.quickBooksSync.findUniqueOrThrow({ where: { id: stranded.id } });
    expect(failed).toMatchObject({ status: "FAILED", errorCode: "REALM_CHANGED" });
    expect(failed.errorMessage).toBe("This was meant for Acme Precision Machining, but the shop now sends to Birch Fabrication. Nothing was sent there. Press Retry to send it to Birch Fabrication.");
    await expect(retrySync(shop.actors.bookkeeper, stranded.id)).rejects.toMatchObject({ userMessage: expect.stringMatching(/Set up QuickBooks for the current company/) });
    await db.quickBooksConfiguration.create({
      data: { organizationId: shop.organizationId, realmId: BIRCH_REALM, jobSources: "XOMETRY", invoiceTrigger: "JOB_ACCEPTED", xometryCustomerId: "1", xometryCustomerName: "Xometry", defaultItemId: "2", defaultItemName: "Fabrication Services", updatedByUserId: shop.actors.owner.userId },
    });
    await retrySync(shop.actors.bookkeeper, stranded.id);
    expect(await db.quickBooksSync.findUniqueOrThrow({ where: { id: stranded.id } })).toMatchObject({ status: "PENDING", realmId: BIRCH_REALM, generation: 1, payload: { source: "XOMETRY", customerId: "1" } });
  });

  it("keeps each shop's connection to itself", async () => {
    const acme = await createTestShop("Acme");
    const birch = await createTestShop("Birch");
    const flow = await authorize(acme);
    await completeQuickBooksCallback(acme.actors.owner, flow.params, flow.cookie);
    expect((await getQuickBooksStatus(birch.organizationId)).state).toBe("not_connected");
    expect(await disconnectQuickBooks(birch.actors.owner)).toBe("disconnected");
    expect((await getQuickBooksStatus(acme.organizationId)).state).toBe("connected");
  });
});
