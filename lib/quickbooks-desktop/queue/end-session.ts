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
 * An open session that sent or received something this recently may still be running (a second PC
 * with the same .qwc, QuickBooks slow on a request): it is never taken over, since its request in
 * flight may yet be applied. Shorter than the .qwc's schedule (5 minutes), so the next scheduled
 * poll after a crash does take over.
 */
export const LIVE_SESSION_WINDOW_MS = 3 * 60 * 1000;

/** When the session last talked to us: its newest request sent or answered, else its login. */
async function lastActivityAt(organizationId: string, session: { id: string; createdAt: Date }): Promise<Date> {
  const { _max } = await db.quickBooksDesktopRequest.aggregate({ where: { organizationId, sessionId: session.id }, _max: { sentAt: true, answeredAt: true } });
  return new Date(Math.max(session.createdAt.getTime(), _max.sentAt?.getTime() ?? 0, _max.answeredAt?.getTime() ?? 0));
}

/**
 * The Web Connector runs one update at a time: when a session of an organization starts, earlier
 * sessions left open and silent (the PC crashed or lost the network mid-update) are over. What
 * they sent without an answer becomes "unknown" and their rows go back to PENDING, so this session
 * looks them up instead of waiting for their tickets to expire. One still talking is left alone:
 * its rows stay its own. Their tickets are D2's to close.
 */
export async function takeOverEarlierSessions(session: TDesktopSession, now = new Date()): Promise<void> {
  const current = await db.quickBooksDesktopSession.findFirst({ where: { id: session.sessionId, organizationId: session.organizationId }, select: { createdAt: true } });
  if (!current) return;
  const open = await db.quickBooksDesktopSession.findMany({
    // An expired session's rows are claimable again anyway (their lease was its expiry).
    where: { organizationId: session.organizationId, id: { not: session.sessionId }, createdAt: { lte: current.createdAt }, closedAt: null, expiresAt: { gt: now } },
    select: { id: true, organizationId: true, connectionId: true, createdAt: true },
  });
  const silentSince = now.getTime() - LIVE_SESSION_WINDOW_MS;
  for (const row of open) {
    if ((await lastActivityAt(row.organizationId, row)).getTime() > silentSince) continue;
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
