import { db } from "@/lib/db/client";
import type { TDesktopSession } from "../work";
import { releaseSessionRows } from "./claim";
import { WAITING_FOR_WEB_CONNECTOR } from "./session-context";

const ofSession = (session: TDesktopSession) => ({ organizationId: session.organizationId, sessionId: session.sessionId });

/**
 * A request sent but never answered (the Web Connector asked for the next one, or the session
 * ended) may or may not have been applied: "unknown", so its document is looked up before any
 * re-send. Its row goes back to PENDING for that lookup.
 */
export async function abandonInFlight(session: TDesktopSession, message = WAITING_FOR_WEB_CONNECTOR): Promise<number> {
  const inFlight = await db.quickBooksDesktopRequest.findMany({ where: { ...ofSession(session), sentAt: { not: null }, outcome: null } });
  for (const request of inFlight) {
    await db.quickBooksDesktopRequest.update({ where: { id: request.id }, data: { outcome: "unknown" } });
    if (request.syncId) {
      await db.quickBooksSync.updateMany({
        where: { id: request.syncId, organizationId: session.organizationId, status: "SYNCING", claimedBy: `desktop:${session.sessionId}` },
        data: { status: "PENDING", claimedBy: null, lockedUntil: null, errorMessage: message },
      });
    }
  }
  return inFlight.length;
}

/**
 * The Web Connector runs one update at a time: when a session of an organization starts, earlier
 * sessions left open (the PC crashed or lost the network mid-update) are over. What they sent
 * without an answer becomes "unknown" and their rows go back to PENDING, so this session looks
 * them up instead of waiting for their tickets to expire. Their tickets are D2's to close.
 */
export async function takeOverEarlierSessions(session: TDesktopSession): Promise<void> {
  const current = await db.quickBooksDesktopSession.findFirst({ where: { id: session.sessionId, organizationId: session.organizationId }, select: { createdAt: true } });
  if (!current) return;
  const earlier = await db.quickBooksDesktopSession.findMany({
    // An expired session's rows are claimable again anyway (their lease was its expiry).
    where: { organizationId: session.organizationId, id: { not: session.sessionId }, createdAt: { lte: current.createdAt }, closedAt: null, expiresAt: { gt: new Date() } },
    select: { id: true, organizationId: true, connectionId: true },
  });
  for (const row of earlier) {
    const stale = { ...session, sessionId: row.id, connectionId: row.connectionId };
    await abandonInFlight(stale);
    await releaseSessionRows(row.organizationId, row.id, WAITING_FOR_WEB_CONNECTOR);
  }
}

const CONNECTION_ERROR_WORDS =
  "The Web Connector could not open the QuickBooks Desktop company file, so nothing was sent. It is tried again at the next poll (is QuickBooks open on the right company file?).";

/**
 * The session is over (closeConnection, connectionError, a reset or a disconnect): what it sent
 * without an answer becomes "unknown" (looked up before any re-send), what it only planned is
 * dropped, and every row it holds goes back to PENDING for the next poll.
 */
export async function endSession(session: TDesktopSession, reason: "closed" | "connectionError"): Promise<void> {
  const message = reason === "closed" ? WAITING_FOR_WEB_CONNECTOR : CONNECTION_ERROR_WORDS;
  await abandonInFlight(session, message);
  await db.quickBooksDesktopRequest.deleteMany({ where: { ...ofSession(session), sentAt: null } });
  await releaseSessionRows(session.organizationId, session.sessionId, message);
}
