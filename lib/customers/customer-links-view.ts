import { can, type TActor } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";

export type TCustomerLinkRow = {
  id: string;
  customerName: string;
  qboCustomerId: string;
  qboDisplayName: string;
  /** The product/service remembered for its invoice lines, if one was chosen on Create Invoice. */
  itemName: string | null;
  /** Merged, deleted or made inactive in QuickBooks, or linked in a previous QuickBooks company. */
  problem: string | null;
  linkedAt: string;
};

export type TCustomerLinksView = { canManage: boolean; links: TCustomerLinkRow[] };

/** The Customers page: this organization's links, flagged ones first, then by name. */
export async function getCustomerLinksView(actor: TActor): Promise<TCustomerLinksView> {
  const [links, connection] = await Promise.all([
    db.quickBooksCustomerLink.findMany({ where: { organizationId: actor.organizationId }, orderBy: { nameKey: "asc" } }),
    db.quickBooksConnection.findUnique({ where: { organizationId: actor.organizationId }, select: { realmId: true } }),
  ]);
  const rows = links.map((link) => ({
    id: link.id,
    customerName: link.customerName,
    qboCustomerId: link.qboCustomerId,
    qboDisplayName: link.qboDisplayName,
    itemName: link.itemName,
    problem: connection && link.realmId !== connection.realmId ? "Linked in a previous QuickBooks company. Change it to a customer of the current one." : link.problem,
    linkedAt: link.updatedAt.toISOString(),
  }));
  rows.sort((a, b) => Number(b.problem !== null) - Number(a.problem !== null));
  return { canManage: can(actor.role, "invoices.manage"), links: rows };
}
