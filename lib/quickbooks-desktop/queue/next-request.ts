import { getLogger } from "@/lib/logger";
import type { TClaim } from "@/lib/sync/claim";
import { getDesktopDocument, NOT_ON_DESKTOP_CODE, notOnDesktopMessage } from "../documents/registry";
import type { TDesktopStep } from "../documents/types";
import { planListReads } from "../lists/list-session";
import type { TDesktopSession } from "../work";
import { claimNextDesktopRow } from "./claim";
import { abandonInFlight, takeOverEarlierSessions } from "./end-session";
import { recordDesktopOutcome } from "./record";
import { countSessionWork, hasUnseenAdd, planRequest, sendPlannedRequest } from "./request-log";
import { loadSessionContext, MAX_DOCUMENTS_PER_SESSION } from "./session-context";

const log = getLogger("quickbooks-desktop.queue");

const OUR_SIDE = "Something went wrong on our side while preparing this for QuickBooks Desktop. Press Retry to try again.";

/** A claimed row's first step: its document's own, or a plain refusal for kinds Desktop does not take. */
async function startDocument(claim: TClaim): Promise<TDesktopStep> {
  const { sync } = claim;
  const document = getDesktopDocument(sync.kind);
  if (!document) return { outcome: { kind: "failed", code: NOT_ON_DESKTOP_CODE, message: notOnDesktopMessage(sync.kind) } };
  try {
    return await document.start(sync, { mayHaveSent: await hasUnseenAdd(sync.organizationId, sync.id) });
  } catch (error) {
    log.error({ syncId: sync.id, err: error instanceof Error ? error.message : String(error) }, "Desktop document could not start");
    return { outcome: { kind: "failed", code: "UNEXPECTED", message: OUR_SIDE } };
  }
}

/** Plans the step's request (true) or records its outcome on the row (false). */
export async function applyStep(session: TDesktopSession, claim: TClaim, step: TDesktopStep): Promise<boolean> {
  if ("request" in step) {
    await planRequest(session, step.request, claim.sync.id);
    return true;
  }
  await recordDesktopOutcome(claim, step.outcome);
  return false;
}

/**
 * The next qbXML request of a session: what is already planned (the lists first, then the next
 * step of the document in hand), else the next due row of the organization's Desktop realm, in
 * order, up to MAX_DOCUMENTS_PER_SESSION documents. Null when there is nothing (more) to do.
 */
export async function nextRequest(session: TDesktopSession): Promise<string | null> {
  const context = await loadSessionContext(session);
  if (!context) return null;
  if ((await countSessionWork(session)).documents === 0) await takeOverEarlierSessions(session);
  await abandonInFlight(session);
  await planListReads(session);
  const planned = await sendPlannedRequest(session);
  if (planned) return planned;
  // Rows settled without a request (cancelled job, a kind Desktop does not take) do not end the poll.
  for (let settled = 0; settled < MAX_DOCUMENTS_PER_SESSION; settled += 1) {
    if ((await countSessionWork(session)).documents >= MAX_DOCUMENTS_PER_SESSION) return null;
    const claim = await claimNextDesktopRow(session.organizationId, context.realmId, session.sessionId, context.expiresAt);
    if (!claim) return null;
    if (await applyStep(session, claim, await startDocument(claim))) return sendPlannedRequest(session);
  }
  return null;
}
