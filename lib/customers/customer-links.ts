import { db, type TTransaction } from "@/lib/db/client";
import { PAUSED_MESSAGE } from "@/lib/sync/create-sync";
import { WAITING_FOR_A_CHOICE } from "@/lib/sync/retry-sync";
import { enqueuePushSync } from "@/lib/queue/tasks";
import type { TActor } from "@/lib/auth/permissions";
import { normalizeCustomerName, tidyCustomerName } from "./customer-name";

/** The error code of an in-house invoice waiting for its customer to be linked ("needs attention"): a choice, not a Retry. */
export const CUSTOMER_NOT_LINKED = WAITING_FOR_A_CHOICE;

export function customerNotLinkedMessage(customerName: string): string {
  return `Needs attention: “${customerName}” is not linked to a QuickBooks customer yet. Choose the QuickBooks customer; it is remembered for this customer's later jobs.`;
}

/**
 * Serialises, per organization and customer name, the completion of a job (which reads the link)
 * and the linking (which releases the invoices waiting for it): neither can miss the other.
 */
export async function lockCustomerName(tx: TTransaction, organizationId: string, nameKey: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`customer-link:${organizationId}:${nameKey}`}))`;
}

/** The link for a typed customer name in the current QuickBooks company, or null (a link made for another company does not count). */
export async function findCustomerLink(tx: TTransaction | typeof db, organizationId: string, realmId: string, customerName: string) {
  const link = await tx.quickBooksCustomerLink.findUnique({ where: { organizationId_nameKey: { organizationId, nameKey: normalizeCustomerName(customerName) } } });
  return link && link.realmId === realmId ? link : null;
}

export type TLinkedCustomer = { id: string; name: string; item: { id: string; name: string } | null };

/** For the Create Invoice dialog: the remembered customer of a typed name (not a flagged one). */
export async function findLinkedCustomer(organizationId: string, realmId: string, customerName: string | null): Promise<TLinkedCustomer | null> {
  if (!customerName) return null;
  const link = await findCustomerLink(db, organizationId, realmId, customerName);
  if (!link || link.problem) return null;
  return { id: link.qboCustomerId, name: link.qboDisplayName, item: link.itemId ? { id: link.itemId, name: link.itemName ?? link.itemId } : null };
}

/**
 * In the linking transaction: every in-house invoice waiting for this customer gets the linked
 * QuickBooks customer and is queued (PAUSED while QuickBooks needs a reconnect).
 */
export async function releaseWaitingInvoices(
  tx: TTransaction,
  link: { organizationId: string; realmId: string; nameKey: string; qboCustomerId: string; qboDisplayName: string },
  isConnected: boolean,
): Promise<number> {
  const waiting = await tx.quickBooksSync.findMany({
    // Also a waiting row someone pressed Retry on anyway: QuickBooks refused it, its customer is still empty.
    where: { organizationId: link.organizationId, kind: "INVOICE", status: "FAILED", OR: [{ errorCode: CUSTOMER_NOT_LINKED }, { payload: { path: ["customerId"], equals: "" } }] },
    include: { job: { select: { customerName: true } } },
  });
  let released = 0;
  for (const sync of waiting.filter((row) => normalizeCustomerName(row.job?.customerName ?? "") === link.nameKey)) {
    const payload = { ...(sync.payload as object), customerId: link.qboCustomerId, customerName: link.qboDisplayName };
    const updated = await tx.quickBooksSync.updateMany({
      where: { id: sync.id, status: "FAILED" },
      data: {
        payload,
        realmId: link.realmId,
        status: isConnected ? "PENDING" : "PAUSED",
        attempts: 0,
        errorCode: null,
        errorMessage: isConnected ? null : PAUSED_MESSAGE,
        nextAttemptAt: null,
        // A row QuickBooks already answered (a forced Retry) gets a new requestid, or QuickBooks would replay that refusal.
        ...(sync.attempts > 0 || sync.generation > 0 ? { generation: { increment: 1 } } : {}),
      },
    });
    if (updated.count === 1 && isConnected) await enqueuePushSync(sync.id, { tx });
    released += updated.count;
  }
  return released;
}

/** The product/service to remember from an invoice's lines: the one most lines use (the first line's on a tie). */
export function pickRememberedItemId(lines: { itemId: string }[]): string {
  const counts = new Map<string, number>();
  for (const line of lines) counts.set(line.itemId, (counts.get(line.itemId) ?? 0) + 1);
  return [...counts.entries()].reduce((best, entry) => (entry[1] > best[1] ? entry : best))[0];
}

/**
 * A customer picked by hand on Create Invoice is remembered for the name typed on the job, unless
 * that name is linked to another customer already; the product/service chosen for its lines is
 * remembered with it, for the customer's later invoices.
 */
export async function rememberCustomer(tx: TTransaction, actor: TActor, realmId: string, customerName: string, customer: { Id: string; DisplayName: string }, item: { id: string; name: string }): Promise<void> {
  const nameKey = normalizeCustomerName(customerName);
  const remembered = { itemId: item.id, itemName: item.name };
  await tx.quickBooksCustomerLink.createMany({
    data: [{ organizationId: actor.organizationId, realmId, nameKey, customerName: tidyCustomerName(customerName), qboCustomerId: customer.Id, qboDisplayName: customer.DisplayName, linkedByUserId: actor.userId, ...remembered }],
    skipDuplicates: true,
  });
  await tx.quickBooksCustomerLink.updateMany({ where: { organizationId: actor.organizationId, nameKey, realmId, qboCustomerId: customer.Id }, data: remembered });
}
