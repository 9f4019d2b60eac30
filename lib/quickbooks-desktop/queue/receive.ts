import { db } from "@/lib/db/client";
import type { QuickBooksDesktopRequest } from "@/lib/generated/prisma/client";
import { getLogger } from "@/lib/logger";
import { getDesktopDocument } from "../documents/registry";
import { isAddPurpose } from "../documents/types";
import { receiveListOrAdd } from "../lists/list-session";
import { classifyStatus } from "../qbxml/status";
import { parseQbxmlResponse, QbxmlParseError, type TQbxmlResponse } from "../qbxml/xml";
import type { TDesktopSession } from "../work";
import { findDesktopClaim } from "./claim";
import { abandonInFlight } from "./end-session";
import { applyStep } from "./next-request";
import { getSessionPercent } from "./progress";
import { recordDesktopOutcome, recordDesktopTrouble } from "./record";
import { findRequestInFlight, recordAnswer } from "./request-log";
import { loadSessionContext } from "./session-context";

const log = getLogger("quickbooks-desktop.queue");

export const NO_ANSWER_WORDS = "QuickBooks Desktop did not answer the last request. It is checked at the next poll before anything is sent again.";

function pickResponse(xml: string, request: QuickBooksDesktopRequest): TQbxmlResponse | null {
  const responses = parseQbxmlResponse(xml);
  return responses.find((response) => response.requestId === request.requestId) ?? (responses.length === 1 && responses[0]!.requestId === null ? responses[0]! : null);
}

/** A list or company answer: stored; a refusal is only logged (the wizard keeps waiting and says so). */
async function receiveList(session: TDesktopSession, request: QuickBooksDesktopRequest, response: TQbxmlResponse): Promise<void> {
  const status = classifyStatus(response);
  if (status.kind === "ok" || status.kind === "none" || response.statusCode === 3100) await receiveListOrAdd(session, request.purpose, request.context, response);
  else log.warn({ organizationId: session.organizationId, purpose: request.purpose, statusCode: response.statusCode }, "list read refused");
  await recordAnswer(request.id, status.kind === "ok" || status.kind === "none" ? "read" : "rejected", response.statusCode);
}

/**
 * A document's answer. The row's outcome is recorded before the log says "answered": a crash in
 * between leaves the request unanswered in the log, so its document is looked up, never re-sent blind.
 */
async function receiveDocument(session: TDesktopSession, request: QuickBooksDesktopRequest, response: TQbxmlResponse): Promise<void> {
  const claim = await findDesktopClaim(session.organizationId, request.syncId!, session.sessionId);
  if (!claim) return recordAnswer(request.id, "unknown", response.statusCode); // the lease ran out: the next owner looks it up
  const isAdd = isAddPurpose(request.purpose);
  const status = classifyStatus(response);
  if (status.kind === "retry") {
    await recordDesktopTrouble(claim, status.code, status.words);
    return recordAnswer(request.id, isAdd ? "unknown" : "rejected", response.statusCode);
  }
  if (status.kind === "refused") {
    await recordDesktopOutcome(claim, { kind: "failed", code: status.code, message: status.words });
    return recordAnswer(request.id, "rejected", response.statusCode);
  }
  const document = getDesktopDocument(claim.sync.kind)!;
  try {
    await applyStep(session, claim, await document.receive(claim.sync, { purpose: request.purpose, context: request.context, response }));
  } catch (error) {
    log.error({ syncId: claim.sync.id, purpose: request.purpose, err: error instanceof Error ? error.message : String(error) }, "Desktop answer not understood");
    await recordDesktopTrouble(claim, "QBD_ANSWER", NO_ANSWER_WORDS);
    return recordAnswer(request.id, isAdd ? "unknown" : "rejected", response.statusCode);
  }
  await recordAnswer(request.id, isAdd ? "applied" : "read", response.statusCode);
}

/**
 * receiveResponseXML: the answer to the request in flight. No answer (hresult/message) or one we
 * cannot read → the request is "unknown" and -1 (QBWC then asks getLastError). Otherwise the
 * percent done.
 */
export async function receiveResponse(session: TDesktopSession, answer: { xml: string | null; hresult?: string; message?: string }): Promise<number> {
  const context = await loadSessionContext(session);
  if (!context) return -1;
  const request = await findRequestInFlight(session);
  if (!request) return getSessionPercent(session, context.realmId);
  let response: TQbxmlResponse | null = null;
  try {
    response = answer.xml && !answer.hresult ? pickResponse(answer.xml, request) : null;
  } catch (error) {
    if (!(error instanceof QbxmlParseError)) throw error;
  }
  if (!response) {
    await abandonInFlight(session);
    return -1;
  }
  if (request.syncId) await receiveDocument(session, request, response);
  else await receiveList(session, request, response);
  return getSessionPercent(session, context.realmId);
}

/** getLastError: the session's latest problem in plain words ("" when nothing went wrong). */
export async function getLastError(session: TDesktopSession): Promise<string> {
  const last = await db.quickBooksDesktopRequest.findFirst({
    where: { organizationId: session.organizationId, sessionId: session.sessionId, outcome: { in: ["unknown", "rejected"] } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  if (!last) return "";
  if (last.outcome === "unknown" || last.statusCode === null) return NO_ANSWER_WORDS;
  return classifyStatus({ statusCode: last.statusCode }).words || NO_ANSWER_WORDS;
}
