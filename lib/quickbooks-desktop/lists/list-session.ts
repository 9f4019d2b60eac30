import { z } from "zod";
import { db } from "@/lib/db/client";
import type { TQbxmlResponse } from "../qbxml/xml";
import { planRequest } from "../queue/request-log";
import type { TDesktopSession } from "../work";
import { buildCompanyQuery, buildListQuery, DESKTOP_LISTS, readCompanyName, readIterator, readListEntries, type TDesktopList } from "./list-queries";
import { planWaitingCustomerAdds, receiveCustomerAdd } from "./customer-add";
import { areListsDue, storeListPage } from "./list-store";

/**
 * At a session's start, when the lists are due (never read, or a page asked), its first requests
 * are the company's name and the three lists. Planned once per session.
 */
export async function planListReads(session: TDesktopSession): Promise<boolean> {
  await planWaitingCustomerAdds(session);
  const already = await db.quickBooksDesktopRequest.count({ where: { organizationId: session.organizationId, sessionId: session.sessionId, purpose: "lists.company" } });
  if (already > 0 || !(await areListsDue(session.organizationId))) return false;
  await planRequest(session, buildCompanyQuery(), null);
  for (const list of DESKTOP_LISTS) await planRequest(session, buildListQuery(list), null);
  return true;
}

/** A list answer, or the answer to a customer added on a click. */
export async function receiveListOrAdd(session: TDesktopSession, purpose: string, context: unknown, response: TQbxmlResponse): Promise<void> {
  if (purpose === "lists.customer-add") return receiveCustomerAdd(session, response);
  return receiveListAnswer(session, purpose, context, response);
}

/** Stores a list answer and asks for its next page (or the company's name, on the connection: the name people see). */
export async function receiveListAnswer(session: TDesktopSession, purpose: string, context: unknown, response: TQbxmlResponse): Promise<void> {
  if (purpose === "lists.company") {
    const companyName = readCompanyName(response);
    if (companyName) await db.quickBooksConnection.updateMany({ where: { id: session.connectionId, organizationId: session.organizationId, transport: "DESKTOP" }, data: { companyName } });
    return;
  }
  const list = purpose.slice("lists.".length) as TDesktopList;
  if (!DESKTOP_LISTS.includes(list)) throw new Error(`unknown list ${purpose}`);
  const { remaining, iteratorId } = readIterator(response);
  const isLast = remaining === 0 || !iteratorId;
  const isFirst = z.object({ page: z.string() }).safeParse(context).data?.page !== "next";
  await storeListPage(session.organizationId, list, readListEntries(list, response), { isFirst, isLast });
  if (!isLast) await planRequest(session, buildListQuery(list, iteratorId!), null);
}
