import { db } from "@/lib/db/client";

export const REFRESH_EXPIRY_WARNING_MS = 14 * 24 * 60 * 60 * 1000;
/** A Desktop shop whose Web Connector has not polled for this long gets a warning. */
export const DESKTOP_SILENCE_WARNING_MS = 24 * 60 * 60 * 1000;

/** QuickBooks Desktop: what the Web Connector last reported (null lastContactAt: it has not polled yet). */
export type TDesktopStatus = { lastContactAt: Date | null; companyFileName: string | null; isSilent: boolean };

export type TQuickBooksStatus =
  | { state: "not_connected"; previousCompanyName: string | null }
  | {
      state: "connected" | "needs_reconnect";
      companyName: string;
      realmId: string;
      connectedByName: string | null;
      connectedAt: Date;
      reason: string | null;
      refreshTokenExpiresAt: Date | null;
      isExpiringSoon: boolean;
      transport: "ONLINE" | "DESKTOP";
      desktop: TDesktopStatus | null;
    };

/** What the Integrations widget shows; never a token. */
export async function getQuickBooksStatus(organizationId: string, now = new Date()): Promise<TQuickBooksStatus> {
  const connection = await db.quickBooksConnection.findUnique({ where: { organizationId } });
  if (!connection || connection.status === "DISCONNECTED") {
    return { state: "not_connected", previousCompanyName: connection?.companyName ?? null };
  }
  const connectedBy = connection.connectedByUserId
    ? await db.user.findUnique({ where: { id: connection.connectedByUserId }, select: { name: true } })
    : null;
  const expiry = connection.refreshTokenHardExpiresAt && connection.refreshTokenExpiresAt
    ? new Date(Math.min(connection.refreshTokenHardExpiresAt.getTime(), connection.refreshTokenExpiresAt.getTime()))
    : connection.refreshTokenExpiresAt;
  return {
    state: connection.status === "CONNECTED" ? "connected" : "needs_reconnect",
    companyName: connection.companyName,
    realmId: connection.realmId,
    connectedByName: connectedBy?.name ?? null,
    connectedAt: connection.connectedAt,
    reason: connection.statusReason,
    refreshTokenExpiresAt: expiry,
    isExpiringSoon: !!expiry && expiry.getTime() - now.getTime() < REFRESH_EXPIRY_WARNING_MS,
    transport: connection.transport,
    desktop: connection.transport === "DESKTOP" ? await getDesktopStatus(organizationId, connection.connectedAt, now) : null,
  };
}

async function getDesktopStatus(organizationId: string, connectedAt: Date, now: Date): Promise<TDesktopStatus> {
  const credential = await db.quickBooksDesktopCredential.findUnique({ where: { organizationId }, select: { lastContactAt: true, companyFileName: true } });
  const lastContactAt = credential?.lastContactAt ?? null;
  const since = lastContactAt && lastContactAt > connectedAt ? lastContactAt : connectedAt;
  return { lastContactAt, companyFileName: credential?.companyFileName ?? null, isSilent: now.getTime() - since.getTime() > DESKTOP_SILENCE_WARNING_MS };
}

export async function findPendingConnection(organizationId: string, pendingId: string) {
  const pending = await db.quickBooksPendingConnection.findFirst({ where: { id: pendingId, organizationId, expiresAt: { gt: new Date() } } });
  if (!pending) return null;
  const current = await db.quickBooksConnection.findUnique({ where: { organizationId }, select: { companyName: true } });
  return { id: pending.id, companyName: pending.companyName, previousCompanyName: current?.companyName ?? null };
}
