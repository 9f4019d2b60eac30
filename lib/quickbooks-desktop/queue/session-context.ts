import { db } from "@/lib/db/client";
import type { TDesktopSession } from "../work";

/** Documents one session takes on at most; the rest go at the next poll (QBWC shows progress per session). */
export const MAX_DOCUMENTS_PER_SESSION = 50;

export const DESKTOP_REALM_PREFIX = "desktop-";
export const WAITING_FOR_WEB_CONNECTOR = "Waiting for the Web Connector: it goes to QuickBooks Desktop at the next poll.";

/** The organization's live Desktop connection, or null. */
export function findDesktopConnection(organizationId: string) {
  return db.quickBooksConnection.findFirst({ where: { organizationId, transport: "DESKTOP", status: "CONNECTED" } });
}

/**
 * What a session works on: its connection's realm and its expiry (the lease of the rows it
 * claims). Null when the session is closed or expired, or the connection is no longer a live
 * Desktop connection of the same organization.
 */
export async function loadSessionContext(session: TDesktopSession): Promise<{ realmId: string; expiresAt: Date } | null> {
  const row = await db.quickBooksDesktopSession.findFirst({ where: { id: session.sessionId, organizationId: session.organizationId, connectionId: session.connectionId } });
  if (!row || row.closedAt || row.expiresAt <= new Date()) return null;
  const connection = await findDesktopConnection(session.organizationId);
  if (!connection || connection.id !== session.connectionId) return null;
  return { realmId: connection.realmId, expiresAt: row.expiresAt };
}
