import { hashSecretToken as hashTicket, newSecretToken } from "@/lib/crypto/secret-token";
import { db } from "@/lib/db/client";
import { getLogger } from "@/lib/logger";
import type { TDesktopLogin } from "./credentials";
import { endDesktopSession, type TDesktopSession } from "./work";

const log = getLogger("quickbooks-desktop.sessions");

/** A Web Connector update rarely lasts minutes; a ticket is good for 30 (then authenticate again). */
export const DESKTOP_TICKET_TTL_MS = 30 * 60 * 1000;
/** What QBWC sends when it has not said otherwise (qbXML 13.0, QuickBooks 2014 and later). */
const DEFAULT_QBXML_VERSION = { major: 13, minor: 0 };

/** A new session: a random 256-bit ticket, returned once; only its hash is stored. */
export async function openDesktopSession(login: TDesktopLogin, now = new Date()): Promise<string> {
  const ticket = newSecretToken();
  await db.quickBooksDesktopSession.create({
    data: { organizationId: login.organizationId, connectionId: login.connectionId, ticketHash: hashTicket(ticket), createdAt: now, expiresAt: new Date(now.getTime() + DESKTOP_TICKET_TTL_MS) },
  });
  return ticket;
}

type TSessionRow = { id: string; organizationId: string; connectionId: string; qbXmlMajor: number | null; qbXmlMinor: number | null };

function toDesktopSession(row: TSessionRow): TDesktopSession {
  return {
    sessionId: row.id,
    organizationId: row.organizationId,
    connectionId: row.connectionId,
    qbXmlMajor: row.qbXmlMajor ?? DEFAULT_QBXML_VERSION.major,
    qbXmlMinor: row.qbXmlMinor ?? DEFAULT_QBXML_VERSION.minor,
  };
}

/**
 * The open session a ticket names, or null: unknown, expired, closed, or its shop's connection is
 * no longer a live Desktop connection (disconnected, switched to Online, another shop's row).
 */
export async function findDesktopSession(ticket: unknown, now = new Date()): Promise<{ session: TDesktopSession; hasReportedCompanyFile: boolean } | null> {
  if (typeof ticket !== "string" || ticket.length < 20 || ticket.length > 100) return null;
  const row = await db.quickBooksDesktopSession.findUnique({
    where: { ticketHash: hashTicket(ticket) },
    include: { connection: { select: { organizationId: true, status: true, transport: true } } },
  });
  if (!row || row.closedAt || row.expiresAt <= now) return null;
  const { connection } = row;
  if (connection.organizationId !== row.organizationId || connection.transport !== "DESKTOP" || connection.status !== "CONNECTED") return null;
  return { session: toDesktopSession(row), hasReportedCompanyFile: row.qbXmlMajor !== null };
}

/** Closes one session so its ticket does nothing more. True when this call closed it. */
export async function closeDesktopSessionRow(sessionId: string, now = new Date()): Promise<boolean> {
  const closed = await db.quickBooksDesktopSession.updateMany({ where: { id: sessionId, closedAt: null }, data: { closedAt: now } });
  return closed.count === 1;
}

/**
 * Ends every open session of a shop (password reset, disconnect): their tickets stop working and
 * whatever they had sent without an answer is marked for a lookup before any re-send.
 */
export async function closeAllDesktopSessions(organizationId: string, message: string, now = new Date()): Promise<number> {
  const open = await db.quickBooksDesktopSession.findMany({ where: { organizationId, closedAt: null } });
  for (const row of open) {
    if (!(await closeDesktopSessionRow(row.id, now))) continue;
    await endDesktopSession(toDesktopSession(row), "connectionError", message);
  }
  if (open.length > 0) log.info({ organizationId, sessions: open.length }, "Desktop sessions closed");
  return open.length;
}
