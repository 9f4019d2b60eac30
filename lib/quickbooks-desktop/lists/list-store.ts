import { db } from "@/lib/db/client";
import type { TDesktopList, TListEntry } from "./list-queries";
import { DESKTOP_LISTS } from "./list-queries";

/** Lists older than this are read again at the next poll. */
export const LIST_MAX_AGE_MS = 10 * 60 * 1000;

/**
 * Stores one page of a list as the company file answered it (ListIDs and names only): the first
 * page replaces what we held, later pages add to it, and the last page marks the list read.
 */
export async function storeListPage(organizationId: string, list: TDesktopList, entries: TListEntry[], page: { isFirst: boolean; isLast: boolean }, readAt = new Date()): Promise<void> {
  await db.$transaction(async (tx) => {
    if (page.isFirst) await tx.quickBooksDesktopListEntry.deleteMany({ where: { organizationId, list } });
    await tx.quickBooksDesktopListEntry.createMany({ data: entries.map((entry) => ({ organizationId, list, ...entry, readAt })), skipDuplicates: true });
    if (!page.isLast) return;
    await tx.quickBooksDesktopListRead.upsert({
      where: { organizationId_list: { organizationId, list } },
      create: { organizationId, list, readAt },
      update: { readAt },
    });
  });
}

/** A page (the wizard, a lookup) wants the lists: read at the next poll unless read in the last LIST_MAX_AGE_MS. */
export async function requestListRead(organizationId: string, now = new Date(), options: { force?: boolean } = {}): Promise<void> {
  const fresh = options.force ? now : new Date(now.getTime() - LIST_MAX_AGE_MS);
  for (const list of DESKTOP_LISTS) {
    await db.quickBooksDesktopListRead.upsert({
      where: { organizationId_list: { organizationId, list } },
      create: { organizationId, list, requestedAt: now },
      update: {},
    });
    await db.quickBooksDesktopListRead.updateMany({ where: { organizationId, list, OR: [{ readAt: null }, { readAt: { lte: fresh } }] }, data: { requestedAt: now } });
  }
}

/** Whether the next poll should read the lists: never read yet (a new connection), or asked for since the last read. */
export async function areListsDue(organizationId: string): Promise<boolean> {
  const reads = await db.quickBooksDesktopListRead.findMany({ where: { organizationId } });
  if (reads.length < DESKTOP_LISTS.length) return true;
  return reads.some((read) => !read.readAt || (read.requestedAt !== null && read.requestedAt > read.readAt));
}

/** When the lists were last read, or null before the first poll read them. */
export async function getListsReadAt(organizationId: string): Promise<Date | null> {
  const reads = await db.quickBooksDesktopListRead.findMany({ where: { organizationId, list: { in: [...DESKTOP_LISTS] } } });
  if (reads.length < DESKTOP_LISTS.length || reads.some((read) => !read.readAt)) return null;
  return new Date(Math.min(...reads.map((read) => read.readAt!.getTime())));
}
