import { z } from "zod";
import { ensureCan, type TActor } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import type { TLookupOption } from "@/lib/quickbooks/setup/lookups";
import type { TQbxmlResponse } from "../qbxml/xml";
import { newRequestId, planRequest } from "../queue/request-log";
import { findDesktopConnection } from "../queue/session-context";
import type { TDesktopSession } from "../work";
import { requestListRead } from "./list-store";

/** Requests waiting for the next session are logged under this session id until a session takes them. */
const NEXT_POLL = "next-poll";
const PURPOSE = "lists.customer-add";
const ZContextSchema = z.object({ name: z.string().min(1).max(41) });

export type TDesktopCustomerRequest = { option: TLookupOption } | { pending: true; message: string };

/**
 * *Create customer "…"* on QuickBooks Desktop: the customer is in the lists already (chosen), or a
 * CustomerAdd (the name only) goes with the next Web Connector poll. Null for an Online shop.
 */
export async function requestDesktopCustomer(actor: TActor, name: string): Promise<TDesktopCustomerRequest | null> {
  ensureCan(actor, "integrations.manage");
  const { organizationId } = actor;
  if (!(await findDesktopConnection(organizationId))) return null;
  const existing = await db.quickBooksDesktopListEntry.findFirst({ where: { organizationId, list: "customers", name: { equals: name, mode: "insensitive" } } });
  if (existing) return { option: { id: existing.listId, name: existing.name, detail: "USD", isUsable: true } };
  const waiting = await db.quickBooksDesktopRequest.count({ where: { organizationId, sessionId: NEXT_POLL, purpose: PURPOSE } });
  if (waiting === 0) {
    await db.quickBooksDesktopRequest.create({
      data: { organizationId, sessionId: NEXT_POLL, purpose: PURPOSE, requestId: newRequestId(), xml: "", context: { name } },
    });
  }
  return { pending: true, message: `“${name}” is created in QuickBooks Desktop at the next Web Connector poll; it appears in this list then.` };
}

export async function hasCustomerAddWaiting(organizationId: string): Promise<boolean> {
  return (await db.quickBooksDesktopRequest.count({ where: { organizationId, sessionId: NEXT_POLL } })) > 0;
}

/** A session takes the customers waiting to be added (its qbXML version), before anything else. */
export async function planWaitingCustomerAdds(session: TDesktopSession): Promise<void> {
  const waiting = await db.quickBooksDesktopRequest.findMany({ where: { organizationId: session.organizationId, sessionId: NEXT_POLL }, orderBy: { createdAt: "asc" } });
  for (const row of waiting) {
    const taken = await db.quickBooksDesktopRequest.deleteMany({ where: { id: row.id, sessionId: NEXT_POLL } });
    if (taken.count !== 1) continue;
    const { name } = ZContextSchema.parse(row.context);
    await planRequest(session, { purpose: PURPOSE, name: "CustomerAddRq", body: { CustomerAdd: { Name: name } }, context: { name } }, null);
  }
}

/** The new customer joins the lists at once; a name already in use (3100) is read with the lists at the next poll. */
export async function receiveCustomerAdd(session: TDesktopSession, response: TQbxmlResponse): Promise<void> {
  if (response.statusCode === 3100) return requestListRead(session.organizationId, new Date(), { force: true });
  const parsed = z.object({ CustomerRet: z.array(z.object({ ListID: z.string().min(1), FullName: z.string().min(1) }).passthrough()).min(1) }).safeParse(response.body);
  if (!parsed.success) return;
  const customer = parsed.data.CustomerRet[0]!;
  await db.quickBooksDesktopListEntry.createMany({
    data: [{ organizationId: session.organizationId, list: "customers", listId: customer.ListID, name: customer.FullName, readAt: new Date() }],
    skipDuplicates: true,
  });
}
