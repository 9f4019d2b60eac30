import { db } from "@/lib/db/client";
import type { QuickBooksApi } from "@/lib/quickbooks/api";
import { readOrNull } from "@/lib/quickbooks/errors";

/**
 * A QuickBooks customer changed (`id`, or `survivor<mergedAway` after a merge): the in-house
 * customer links to it are flagged on the Customers page when it was merged away, deleted or made
 * inactive, cleared when it is fine again, and renamed with it. Returns how many links changed.
 */
export async function checkCustomerLinks(api: QuickBooksApi, realmId: string, entityId: string): Promise<number> {
  const [survivorId = entityId, mergedAwayId] = entityId.split("<");
  const links = await db.quickBooksCustomerLink.findMany({ where: { realmId, qboCustomerId: { in: [survivorId, ...(mergedAwayId ? [mergedAwayId] : [])] } } });
  if (links.length === 0) return 0;
  const survivor = await readOrNull(() => api.getCustomer(survivorId));
  let changed = 0;
  for (const link of links) {
    const isMergedAway = link.qboCustomerId === mergedAwayId;
    const problem = isMergedAway
      ? `Merged into ${survivor?.DisplayName ?? "another customer"} in QuickBooks. Change the link to the customer that remains.`
      : !survivor
        ? "Deleted in QuickBooks. Change the link to another customer."
        : survivor.Active === false
          ? "Made inactive in QuickBooks. Make it active there, or change the link."
          : null;
    const qboDisplayName = !isMergedAway && survivor ? survivor.DisplayName : link.qboDisplayName;
    if (problem === link.problem && qboDisplayName === link.qboDisplayName) continue;
    await db.quickBooksCustomerLink.update({ where: { id: link.id }, data: { problem, qboDisplayName } });
    changed += 1;
  }
  return changed;
}
