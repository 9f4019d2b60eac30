import { ensureCan, type TActor } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { getLogger } from "@/lib/logger";
import { stopWorkForPreviousCompany } from "@/lib/sync/realm-change";
import { resumePausedSyncs } from "@/lib/sync/resume";
import { getQuickBooksConfig } from "./config";
import type { TConnectOutcome } from "./connect-messages";
import { exchangeAuthorizationCode, revokeToken, type TTokenSet } from "./oauth";
import { consumeOAuthState } from "./oauth-state";
import { ZCompanyInfoSchema } from "./schemas";
import { callSdk, createSdk } from "./sdk";
import { decryptTokens, encryptTokenSet } from "./token-store";

const log = getLogger("quickbooks.connect");
export const PENDING_CONNECTION_TTL_MS = 10 * 60 * 1000;

export type TCallbackParams = { code: string | null; state: string | null; realmId: string | null; error: string | null };
export type TCallbackResult = { outcome: TConnectOutcome; pendingId?: string };

/**
 * Completes the OAuth callback. Every refusal happens before the token endpoint is called:
 * bad state (missing, mismatched, replayed, expired, another user's), denied consent, a user who
 * is no longer an owner/admin, a missing code, a missing or non-numeric realm, a realm already
 * connected to another organization.
 */
export async function completeQuickBooksCallback(actor: TActor, params: TCallbackParams, stateCookie: string | undefined): Promise<TCallbackResult> {
  const state = await consumeOAuthState(params.state, stateCookie, actor);
  if (!state.ok) return { outcome: state.reason };
  if (params.error) return { outcome: "access_denied" };
  try {
    ensureCan(actor, "integrations.manage");
  } catch {
    return { outcome: "forbidden" };
  }
  if (!params.code) return { outcome: "missing_code" };
  if (!params.realmId || !/^\d{1,32}$/.test(params.realmId)) return { outcome: "invalid_realm" };
  const realmId = params.realmId;
  if (await isRealmClaimedElsewhere(realmId, actor.organizationId)) return { outcome: "realm_in_use" };

  const config = getQuickBooksConfig();
  let tokens: TTokenSet;
  try {
    tokens = await exchangeAuthorizationCode(config, params.code, realmId);
  } catch (error) {
    log.warn({ realmId, err: error instanceof Error ? error.message : "unknown" }, "token exchange failed");
    return { outcome: "token_exchange_failed" };
  }
  const companyName = await readCompanyName(realmId, tokens.accessToken);
  const existing = await db.quickBooksConnection.findUnique({ where: { organizationId: actor.organizationId } });
  if (existing && existing.realmId !== realmId) {
    const pending = await db.quickBooksPendingConnection.create({
      data: {
        organizationId: actor.organizationId,
        userId: actor.userId,
        realmId,
        companyName,
        ...encryptTokenSet(actor.organizationId, realmId, tokens),
        expiresAt: new Date(Date.now() + PENDING_CONNECTION_TTL_MS),
      },
    });
    return { outcome: "connected", pendingId: pending.id };
  }
  return saveConnection(actor, realmId, companyName, tokens);
}

async function isRealmClaimedElsewhere(realmId: string, organizationId: string): Promise<boolean> {
  const claimed = await db.quickBooksConnection.findFirst({
    where: { realmId, organizationId: { not: organizationId }, status: { not: "DISCONNECTED" } },
    select: { id: true },
  });
  return Boolean(claimed);
}

async function readCompanyName(realmId: string, accessToken: string): Promise<string> {
  try {
    const info = await callSdk<unknown>((callback) => createSdk(getQuickBooksConfig(), realmId, accessToken).getCompanyInfo(realmId, callback));
    return ZCompanyInfoSchema.parse(info).CompanyName;
  } catch {
    return `QuickBooks company ${realmId}`;
  }
}

/** Stores the connection (tokens encrypted) under a per-realm lock, so one realm never serves two shops. */
async function saveConnection(actor: TActor, realmId: string, companyName: string, tokens: TTokenSet): Promise<TCallbackResult> {
  const result = await storeConnection(actor, realmId, companyName, tokens);
  // Work paused while the connection needed the user goes again now.
  if (result.outcome !== "realm_in_use") {
    await resumePausedSyncs(actor.organizationId, realmId);
    // Catch up on what changed in QuickBooks while we were away: CDC runs on the next check.
    await db.quickBooksCdcCursor.updateMany({ where: { realmId }, data: { lastRunAt: null } });
  }
  return result;
}

async function storeConnection(actor: TActor, realmId: string, companyName: string, tokens: TTokenSet): Promise<TCallbackResult> {
  const config = getQuickBooksConfig();
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`quickbooks-realm:${realmId}`}))`;
    const claimed = await tx.quickBooksConnection.findFirst({
      where: { realmId, organizationId: { not: actor.organizationId }, status: { not: "DISCONNECTED" } },
    });
    if (claimed) return { outcome: "realm_in_use" as const };
    const existing = await tx.quickBooksConnection.findUnique({ where: { organizationId: actor.organizationId } });
    const data = {
      // A shop that was on QuickBooks Desktop switches to Online here (its Web Connector login stops working).
      transport: "ONLINE" as const,
      realmId,
      companyName,
      environment: config.environment,
      status: "CONNECTED" as const,
      statusReason: null,
      connectedByUserId: actor.userId,
      connectedAt: new Date(),
      disconnectedAt: null,
      lastRefreshedAt: new Date(),
      refreshTokenHardExpiresAt: tokens.refreshTokenHardExpiresAt,
      ...encryptTokenSet(actor.organizationId, realmId, tokens),
    };
    const connection = await tx.quickBooksConnection.upsert({
      where: { organizationId: actor.organizationId },
      create: { organizationId: actor.organizationId, ...data },
      update: data,
    });
    if (existing && existing.realmId !== realmId) await stopWorkForPreviousCompany(tx, actor.organizationId, realmId, existing.companyName, companyName);
    const type = existing ? "reconnected" : "connected";
    await tx.quickBooksConnectionEvent.create({ data: { connectionId: connection.id, type, realmId, companyName, actorUserId: actor.userId } });
    log.info({ organizationId: actor.organizationId, realmId, type }, "QuickBooks connected");
    return { outcome: existing ? ("reconnected" as const) : ("connected" as const) };
  });
}

/** The user confirmed switching to a different company than before. */
export async function confirmPendingConnection(actor: TActor, pendingId: string): Promise<TConnectOutcome> {
  ensureCan(actor, "integrations.manage");
  const pending = await db.quickBooksPendingConnection.findFirst({ where: { id: pendingId, organizationId: actor.organizationId } });
  if (!pending || pending.expiresAt <= new Date()) return "pending_expired";
  const tokens = decryptTokens(pending)!;
  await db.quickBooksPendingConnection.delete({ where: { id: pending.id } });
  if (await isRealmClaimedElsewhere(pending.realmId, actor.organizationId)) return "realm_in_use";
  const result = await saveConnection(actor, pending.realmId, pending.companyName, {
    ...tokens,
    accessTokenExpiresAt: pending.accessTokenExpiresAt,
    refreshTokenExpiresAt: pending.refreshTokenExpiresAt,
    refreshTokenHardExpiresAt: null,
  });
  return result.outcome === "realm_in_use" ? "realm_in_use" : "company_changed";
}

export async function cancelPendingConnection(actor: TActor, pendingId: string): Promise<TConnectOutcome> {
  ensureCan(actor, "integrations.manage");
  const pending = await db.quickBooksPendingConnection.findFirst({ where: { id: pendingId, organizationId: actor.organizationId } });
  if (!pending) return "pending_expired";
  await db.quickBooksPendingConnection.delete({ where: { id: pending.id } });
  const tokens = decryptTokens(pending);
  if (tokens) await revokeToken(getQuickBooksConfig(), tokens.refreshToken).catch(() => log.warn({ realmId: pending.realmId }, "revoke failed"));
  return "change_cancelled";
}

/** Revokes at Intuit, deletes the tokens, keeps the connection's history and realm. */
export async function disconnectQuickBooks(actor: TActor): Promise<TConnectOutcome> {
  ensureCan(actor, "integrations.manage");
  const connection = await db.quickBooksConnection.findUnique({ where: { organizationId: actor.organizationId } });
  if (!connection || connection.status === "DISCONNECTED") return "disconnected";
  const tokens = decryptTokens(connection);
  if (tokens) {
    await revokeToken(getQuickBooksConfig(), tokens.refreshToken).catch((error: unknown) =>
      log.warn({ realmId: connection.realmId, err: error instanceof Error ? error.message : "unknown" }, "revoke at Intuit failed; tokens deleted anyway"),
    );
  }
  await db.$transaction([
    db.quickBooksConnection.update({
      where: { id: connection.id },
      data: {
        status: "DISCONNECTED",
        statusReason: null,
        disconnectedAt: new Date(),
        tokenKeyId: null,
        accessTokenCiphertext: null,
        refreshTokenCiphertext: null,
        accessTokenExpiresAt: null,
        refreshTokenExpiresAt: null,
        refreshTokenHardExpiresAt: null,
      },
    }),
    db.quickBooksConnectionEvent.create({
      data: { connectionId: connection.id, type: "disconnected", realmId: connection.realmId, companyName: connection.companyName, actorUserId: actor.userId },
    }),
  ]);
  return "disconnected";
}
