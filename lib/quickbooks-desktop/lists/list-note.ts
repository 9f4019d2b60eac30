import { formatTimestamp } from "@/lib/dates";
import { findDesktopConnection } from "../queue/session-context";
import { requestListRead, getListsReadAt } from "./list-store";
import { CREATE_ON_DESKTOP_WORDS } from "./setup-api";

export const WAITING_FOR_LISTS = "Waiting for the Web Connector to read your company file. The list fills in after its next poll.";

/** What a lookup adds for a Desktop organization: where its list comes from, and how to add to it. */
export type TDesktopListNote = { note: string; isWaiting: boolean; createHint: string };

/**
 * For a Desktop organization (else null): asks for fresh lists at the next poll when they are
 * older than a few minutes, and says where the list comes from, in words.
 */
export async function getDesktopListNote(organizationId: string): Promise<TDesktopListNote | null> {
  if (!(await findDesktopConnection(organizationId))) return null;
  await requestListRead(organizationId);
  const readAt = await getListsReadAt(organizationId);
  if (!readAt) return { note: WAITING_FOR_LISTS, isWaiting: true, createHint: CREATE_ON_DESKTOP_WORDS };
  return { note: `From your company file, as of ${formatTimestamp(readAt)}; refreshed at the next Web Connector poll.`, isWaiting: false, createHint: CREATE_ON_DESKTOP_WORDS };
}
