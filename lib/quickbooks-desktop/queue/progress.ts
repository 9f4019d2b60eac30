import type { TDesktopSession } from "../work";
import { countDueDesktopRows } from "./claim";
import { countSessionWork } from "./request-log";
import { MAX_DOCUMENTS_PER_SESSION } from "./session-context";

/** Percent done as QBWC reads it: min(99, floor(100·done/(done+remaining))), 100 when nothing remains. */
export function toPercentDone(done: number, remaining: number): number {
  if (remaining <= 0) return 100;
  return Math.min(99, Math.floor((100 * done) / (done + remaining)));
}

/** The session's progress: answered requests against planned ones and the due rows it may still take. */
export async function getSessionPercent(session: TDesktopSession, realmId: string): Promise<number> {
  const work = await countSessionWork(session);
  const room = Math.max(MAX_DOCUMENTS_PER_SESSION - work.documents, 0);
  const due = room > 0 ? Math.min(await countDueDesktopRows(session.organizationId, realmId), room) : 0;
  return toPercentDone(work.answered, work.planned + due);
}
