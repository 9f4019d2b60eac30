import crypto from "node:crypto";
import { db } from "@/lib/db/client";
import { endDesktopSession, nextDesktopRequest, receiveDesktopResponse, type TDesktopSession } from "@/lib/quickbooks-desktop/work";
import { createCompanyFile, type TCompanyFile } from "../../qbd-emulator/src/index";
import { generateXometryInvoice } from "@/lib/invoicing/manual-invoices";
import { createTestShop, createXometryJob, type TTestShop } from "./shops";

export type TDesktopShop = TTestShop & { connectionId: string; realmId: string; ids: { xometry: string; item: string; undeposited: string } };

export function createTestCompanyFile(): TCompanyFile {
  return createCompanyFile({ companyName: "Acme Precision Machining" });
}

/** A shop connected to QuickBooks Desktop (as D2's connect writes it), configured from the company file's lists. */
export async function createDesktopShop(file: TCompanyFile, options: { paymentsEnabled?: boolean; configure?: boolean } = {}): Promise<TDesktopShop> {
  const shop = await createTestShop("Desktop Shop");
  const realmId = `desktop-${crypto.randomUUID().toUpperCase()}`;
  const connection = await db.quickBooksConnection.create({
    data: { organizationId: shop.organizationId, realmId, companyName: "QuickBooks Desktop", environment: "desktop", transport: "DESKTOP", status: "CONNECTED", connectedAt: new Date(), connectedByUserId: shop.actors.owner.userId },
  });
  const listId = (entries: { Name: string; ListID: string }[], name: string) => entries.find((entry) => entry.Name === name)?.ListID ?? "";
  const xometry = { ListID: listId(file.admin.customers(), "Xometry"), FullName: "Xometry" };
  const item = { ListID: listId(file.admin.items(), "Machining Services"), FullName: "Machining Services" };
  const undeposited = { ListID: listId(file.admin.accounts(), "Undeposited Funds"), FullName: "Undeposited Funds" };
  if (options.configure !== false) {
    await db.quickBooksConfiguration.create({
      data: {
        organizationId: shop.organizationId,
        realmId,
        jobSources: "BOTH",
        invoiceTrigger: "JOB_ACCEPTED",
        xometryCustomerId: xometry.ListID,
        xometryCustomerName: xometry.FullName,
        defaultItemId: item.ListID,
        defaultItemName: item.FullName,
        paymentsEnabled: options.paymentsEnabled ?? false,
        depositAccountId: undeposited.ListID,
        depositAccountName: undeposited.FullName,
        updatedByUserId: shop.actors.owner.userId,
      },
    });
  }
  return { ...shop, connectionId: connection.id, realmId, ids: { xometry: xometry.ListID, item: item.ListID, undeposited: undeposited.ListID } };
}

/** A Web Connector session row, as D2's authenticate writes it (ticket hash only). */
export async function openTestSession(shop: Pick<TDesktopShop, "organizationId" | "connectionId">): Promise<TDesktopSession> {
  const row = await db.quickBooksDesktopSession.create({
    data: { organizationId: shop.organizationId, connectionId: shop.connectionId, ticketHash: crypto.randomBytes(32).toString("hex"), expiresAt: new Date(Date.now() + 30 * 60_000), qbXmlMajor: 13, qbXmlMinor: 0 },
  });
  return { sessionId: row.id, organizationId: row.organizationId, connectionId: row.connectionId, qbXmlMajor: 13, qbXmlMinor: 0 };
}

export type TPollResult = { requests: string[]; percents: number[] };

/**
 * One Web Connector update driven through work.ts with the company file answering: requests until
 * none is left, 100 or an error; then closeConnection (unless `leaveOpen`).
 */
export async function pollOnce(shop: Pick<TDesktopShop, "organizationId" | "connectionId">, file: TCompanyFile, options: { leaveOpen?: boolean; session?: TDesktopSession } = {}): Promise<TPollResult & { session: TDesktopSession }> {
  const session = options.session ?? (await openTestSession(shop));
  const result: TPollResult = { requests: [], percents: [] };
  for (let round = 0; round < 500; round += 1) {
    const xml = await nextDesktopRequest(session);
    if (!xml) break;
    result.requests.push(xml);
    const percent = await receiveDesktopResponse(session, { xml: file.process(xml) });
    result.percents.push(percent);
    if (percent >= 100 || percent < 0) break;
  }
  if (!options.leaveOpen) {
    await db.quickBooksDesktopSession.update({ where: { id: session.sessionId }, data: { closedAt: new Date() } });
    await endDesktopSession(session, "closed");
  }
  return { ...result, session };
}

/** The request type of a qbXML request document (e.g. "InvoiceAddRq"). */
export function requestTypes(requests: string[]): string[] {
  return requests.map((xml) => /<QBXMLMsgsRq[^>]*><(\w+)/.exec(xml)?.[1] ?? "?");
}

/**
 * A session that died without closing, as the next scheduled poll finds it minutes later: its
 * login and requests moved back in time (past LIVE_SESSION_WINDOW_MS, so it is taken over).
 */
export async function ageSession(session: Pick<TDesktopSession, "sessionId">, minutes = 5): Promise<void> {
  await db.$executeRawUnsafe(`UPDATE "QuickBooksDesktopSession" SET "createdAt" = "createdAt" - make_interval(mins => $2) WHERE id = $1`, session.sessionId, minutes);
  await db.$executeRawUnsafe(
    `UPDATE "QuickBooksDesktopRequest" SET "createdAt" = "createdAt" - make_interval(mins => $2), "sentAt" = "sentAt" - make_interval(mins => $2), "answeredAt" = "answeredAt" - make_interval(mins => $2) WHERE "sessionId" = $1`,
    session.sessionId,
    minutes,
  );
}

/** A shop whose lists were read, with one shipped job's invoice waiting for the next poll. */
export async function shopWithWaitingInvoice(file: TCompanyFile) {
  const shop = await createDesktopShop(file);
  await pollOnce(shop, file); // the lists
  const job = await createXometryJob(shop, { status: "SHIPPED", number: `J-${Math.floor(Math.random() * 1e6)}` });
  await generateXometryInvoice(shop.actors.owner, job.id);
  const sync = await db.quickBooksSync.findFirstOrThrow({ where: { jobId: job.id } });
  return { shop, job, sync };
}
