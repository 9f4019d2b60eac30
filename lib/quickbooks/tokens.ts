import { db } from "@/lib/db/client";
import type { QuickBooksConnection } from "@/lib/generated/prisma/client";
import { getLogger } from "@/lib/logger";
import { recordTokenRefresh } from "@/lib/metrics/registry";
import { getQuickBooksConfig } from "./config";
import { QuickBooksError, QuickBooksReconnectRequiredError } from "./errors";
import { oauthErrorCodeOf, refreshTokenSet } from "./oauth";
import { decryptTokens, encryptTokenSet } from "./token-store";

/** Refresh this long before the access token expires, so no call starts with a dying token. */
export const TOKEN_REFRESH_BUFFER_MS = 5 * 60 * 1000;

const log = getLogger("quickbooks.tokens");
const inFlight = new Map<string, Promise<TValidToken>>();

export type TValidToken = { accessToken: string; realmId: string; organizationId: string };

function isFresh(row: Pick<QuickBooksConnection, "accessTokenExpiresAt">, now = Date.now()): boolean {
  return !!row.accessTokenExpiresAt && row.accessTokenExpiresAt.getTime() - now > TOKEN_REFRESH_BUFFER_MS;
}

function ensureConnected(row: QuickBooksConnection | null, connectionId: string): asserts row is QuickBooksConnection {
  if (!row || row.status !== "CONNECTED") {
    throw new QuickBooksReconnectRequiredError(connectionId, row?.statusReason ?? "QuickBooks is not connected.");
  }
}

/**
 * A valid access token for a connection. Refreshes ahead of expiry, single-flight per connection:
 * in this process through a shared promise, across processes through a row lock with a re-read
 * inside it. The rotated refresh token is committed before the new access token is handed out.
 * `rejectedToken`: a token the API just refused with 401; refresh unless it was already replaced.
 * `invalid_grant` marks the connection NEEDS_RECONNECT and throws QuickBooksReconnectRequiredError.
 */
export async function getValidAccessToken(
  connectionId: string,
  rejectedToken?: string,
  options: { shareInProcess?: boolean } = {},
): Promise<TValidToken> {
  const row = await db.quickBooksConnection.findUnique({ where: { id: connectionId } });
  ensureConnected(row, connectionId);
  const tokens = decryptTokens(row);
  if (tokens && isFresh(row) && tokens.accessToken !== rejectedToken) {
    return { accessToken: tokens.accessToken, realmId: row.realmId, organizationId: row.organizationId };
  }
  // Tests turn sharing off to exercise the cross-process path (the row lock) on its own.
  if (options.shareInProcess === false) return refreshUnderLock(connectionId, rejectedToken);
  const pending = inFlight.get(connectionId);
  if (pending) return pending;
  const refresh = refreshUnderLock(connectionId, rejectedToken).finally(() => inFlight.delete(connectionId));
  inFlight.set(connectionId, refresh);
  return refresh;
}

type TRefreshOutcome = { kind: "token"; token: TValidToken } | { kind: "reconnect"; reason: string };

async function refreshUnderLock(connectionId: string, rejectedToken?: string): Promise<TValidToken> {
  const outcome = await db.$transaction(
    async (tx): Promise<TRefreshOutcome> => {
      await tx.$queryRaw`SELECT id FROM "QuickBooksConnection" WHERE id = ${connectionId} FOR UPDATE`;
      const row = await tx.quickBooksConnection.findUnique({ where: { id: connectionId } });
      ensureConnected(row, connectionId);
      const tokens = decryptTokens(row);
      if (!tokens) return { kind: "reconnect", reason: "QuickBooks tokens are missing. Please reconnect." };
      const token = { realmId: row.realmId, organizationId: row.organizationId };
      // Another process may have refreshed while we waited for the lock.
      if (isFresh(row) && tokens.accessToken !== rejectedToken) return { kind: "token", token: { ...token, accessToken: tokens.accessToken } };
      try {
        const fresh = await refreshTokenSet(getQuickBooksConfig(), tokens.refreshToken);
        await tx.quickBooksConnection.update({
          where: { id: connectionId },
          data: { ...encryptTokenSet(row.organizationId, row.realmId, fresh), lastRefreshedAt: new Date() },
        });
        log.info({ connectionId, realmId: row.realmId }, "access token refreshed");
        recordTokenRefresh("ok");
        return { kind: "token", token: { ...token, accessToken: fresh.accessToken } };
      } catch (error) {
        const oauthError = oauthErrorCodeOf(error);
        recordTokenRefresh(oauthError === "invalid_grant" ? "rejected" : "failed");
        if (oauthError !== "invalid_grant") {
          // Never rethrow the SDK's error: it carries the request (refresh token, client secret).
          const status = (error as { response?: { status?: number }; authResponse?: { response?: { status?: number } } })?.authResponse?.response?.status ?? null;
          throw new QuickBooksError("transient", {
            status,
            message: `token refresh failed (${status ?? "no response"} ${oauthError ?? ""})`.trim(),
            userMessage: "QuickBooks could not renew its authorization just now. We will try again.",
          });
        }
        const reason = "QuickBooks no longer accepts this connection (the authorization was revoked or has expired). Reconnect to resume syncing.";
        await markNeedsReconnect(tx, row, reason);
        log.warn({ connectionId, realmId: row.realmId }, "refresh token rejected: connection needs reconnect");
        return { kind: "reconnect", reason };
      }
    },
    { timeout: 60_000, maxWait: 60_000 },
  );
  if (outcome.kind === "reconnect") throw new QuickBooksReconnectRequiredError(connectionId, outcome.reason);
  return outcome.token;
}

type TTx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

export async function markNeedsReconnect(tx: TTx, row: Pick<QuickBooksConnection, "id" | "realmId" | "companyName">, reason: string) {
  await tx.quickBooksConnection.update({ where: { id: row.id }, data: { status: "NEEDS_RECONNECT", statusReason: reason } });
  await tx.quickBooksConnectionEvent.create({
    data: { connectionId: row.id, type: "needs_reconnect", realmId: row.realmId, companyName: row.companyName, detail: reason },
  });
}
