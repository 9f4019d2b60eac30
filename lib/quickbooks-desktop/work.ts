// The Desktop transport: what each Web Connector poll carries. D2's SOAP methods call only these.
import { countDueDesktopRows, countRowsHeldBySessions } from "./queue/claim";
import { endSession } from "./queue/end-session";
import { nextRequest } from "./queue/next-request";
import { getLastError, receiveResponse } from "./queue/receive";
import { findDesktopConnection } from "./queue/session-context";
import { hasCustomerAddWaiting } from "./lists/customer-add";
import { areListsDue } from "./lists/list-store";

export type TDesktopSession = {
  sessionId: string;
  organizationId: string;
  connectionId: string;
  qbXmlMajor: number;
  qbXmlMinor: number;
};

/** authenticate → "none" when false: no list to read, no due row of the organization's Desktop realm, none held by an update that died. */
export async function hasDesktopWork(organizationId: string): Promise<boolean> {
  const connection = await findDesktopConnection(organizationId);
  if (!connection) return false;
  if ((await areListsDue(organizationId)) || (await hasCustomerAddWaiting(organizationId))) return true;
  return (await countDueDesktopRows(organizationId, connection.realmId)) + (await countRowsHeldBySessions(organizationId, connection.realmId)) > 0;
}

/** sendRequestXML: one qbXML request, or null when there is nothing (more) to do. */
export async function nextDesktopRequest(session: TDesktopSession): Promise<string | null> {
  return nextRequest(session);
}

/** receiveResponseXML: percent done 0–100, negative = error (QBWC then calls getLastError). */
export async function receiveDesktopResponse(session: TDesktopSession, answer: { xml: string | null; hresult?: string; message?: string }): Promise<number> {
  return receiveResponse(session, answer);
}

/** getLastError: plain words. */
export async function getDesktopLastError(session: TDesktopSession): Promise<string> {
  return getLastError(session);
}

/** closeConnection / connectionError: anything still unanswered → outcome unknown (looked up before any re-send). */
export async function endDesktopSession(session: TDesktopSession, reason: "closed" | "connectionError", _message?: string): Promise<void> {
  await endSession(session, reason);
}
