import crypto from "node:crypto";
import { db } from "@/lib/db/client";
import type { Prisma, QuickBooksDesktopRequest } from "@/lib/generated/prisma/client";
import type { TDesktopRequestPlan } from "../documents/types";
import { buildQbxmlDocument, pickQbxmlVersion } from "../qbxml/xml";
import type { TDesktopSession } from "../work";

/**
 * The request log: every qbXML request planned for a session (sentAt null), handed to the Web
 * Connector (sentAt), and answered (answeredAt, outcome). Always read within the session's own
 * organization.
 */
/** A qbXML requestID: echoed in the response, for correlation only. */
export function newRequestId(): string {
  return crypto.randomBytes(9).toString("base64url");
}

export async function planRequest(session: TDesktopSession, plan: TDesktopRequestPlan, syncId: string | null): Promise<QuickBooksDesktopRequest> {
  const requestId = newRequestId();
  const xml = buildQbxmlDocument({ name: plan.name, requestId, body: plan.body, attributes: plan.attributes }, pickQbxmlVersion(session.qbXmlMajor, session.qbXmlMinor));
  return db.quickBooksDesktopRequest.create({
    data: {
      organizationId: session.organizationId,
      sessionId: session.sessionId,
      syncId,
      purpose: plan.purpose,
      requestId,
      xml,
      context: plan.context === undefined ? undefined : (plan.context as Prisma.InputJsonValue),
    },
  });
}

const ofSession = (session: TDesktopSession) => ({ organizationId: session.organizationId, sessionId: session.sessionId });

/** Hands out the oldest planned request of the session: its qbXML, now marked sent. */
export async function sendPlannedRequest(session: TDesktopSession): Promise<string | null> {
  for (;;) {
    const planned = await db.quickBooksDesktopRequest.findFirst({ where: { ...ofSession(session), sentAt: null }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
    if (!planned) return null;
    const marked = await db.quickBooksDesktopRequest.updateMany({ where: { id: planned.id, sentAt: null }, data: { sentAt: new Date() } });
    if (marked.count === 1) return planned.xml;
  }
}

/** The request the Web Connector is carrying now (sent, not yet answered), if any. */
export function findRequestInFlight(session: TDesktopSession) {
  return db.quickBooksDesktopRequest.findFirst({ where: { ...ofSession(session), sentAt: { not: null }, answeredAt: null, outcome: null }, orderBy: { sentAt: "desc" } });
}

export async function recordAnswer(requestId: string, outcome: "applied" | "read" | "found" | "missing" | "rejected" | "unknown", statusCode: number | null): Promise<void> {
  await db.quickBooksDesktopRequest.update({ where: { id: requestId }, data: { outcome, statusCode, answeredAt: outcome === "unknown" ? null : new Date() } });
}

/**
 * Whether an earlier Add of this row may be in the company file although the row is not SYNCED:
 * sent with no answer, answered "busy" (unknowable), or applied before the session ended (a
 * payout's first customer's payment, an invoice made again). Such a row is looked up first.
 */
export async function hasUnseenAdd(organizationId: string, syncId: string): Promise<boolean> {
  const unseen = await db.quickBooksDesktopRequest.count({
    where: { organizationId, syncId, purpose: { endsWith: ".add" }, sentAt: { not: null }, OR: [{ outcome: null }, { outcome: { in: ["unknown", "applied"] } }] },
  });
  return unseen > 0;
}

/** How many documents this session has taken on (for the per-session bound), and how many requests it answered. */
export async function countSessionWork(session: TDesktopSession): Promise<{ documents: number; answered: number; planned: number }> {
  const [documents, answered, planned] = await Promise.all([
    db.quickBooksDesktopRequest.findMany({ where: { ...ofSession(session), syncId: { not: null } }, distinct: ["syncId"], select: { syncId: true } }),
    db.quickBooksDesktopRequest.count({ where: { ...ofSession(session), answeredAt: { not: null } } }),
    db.quickBooksDesktopRequest.count({ where: { ...ofSession(session), sentAt: null } }),
  ]);
  return { documents: documents.length, answered, planned };
}
