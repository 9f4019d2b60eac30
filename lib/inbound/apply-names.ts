import { db } from "@/lib/db/client";
import type { QuickBooksConfiguration } from "@/lib/generated/prisma/client";
import type { QuickBooksApi } from "@/lib/quickbooks/api";
import { checkCustomerLinks } from "@/lib/customers/check-customer-links";
import { readOrNull } from "@/lib/quickbooks/errors";

type TNamed = { Id: string; Active?: boolean; DisplayName?: string; Name?: string };

function problemWith(what: string, configuredName: string | null, record: TNamed | null): string | null {
  const name = configuredName ?? "it";
  if (!record) return `The ${what} (${name}) was deleted in QuickBooks.`;
  if (record.Active === false) return `The ${what} (${name}) was made inactive in QuickBooks.`;
  return null;
}

/**
 * The configuration's default customer and product/service, checked against QuickBooks: a deleted
 * or inactive one is said on the Integrations widget before the next invoice fails; a merged one is
 * followed to the surviving record, with a line in the configuration's audit.
 */
async function checkConfiguration(api: QuickBooksApi, configuration: QuickBooksConfiguration, merge?: { survivor: string; mergedAway: string; entity: string }): Promise<boolean> {
  let { xometryCustomerId, xometryCustomerName, defaultItemId, defaultItemName } = configuration;
  const followed: Record<string, { label: string; from: string | null; to: string | null }> = {};
  if (merge?.entity === "Customer" && merge.mergedAway === xometryCustomerId) {
    const survivor = await readOrNull(() => api.getCustomer(merge.survivor));
    if (survivor) {
      followed.xometryCustomer = { label: "Xometry customer (merged in QuickBooks)", from: xometryCustomerName, to: survivor.DisplayName };
      [xometryCustomerId, xometryCustomerName] = [survivor.Id, survivor.DisplayName];
    }
  }
  if (merge?.entity === "Item" && merge.mergedAway === defaultItemId) {
    const survivor = await readOrNull(() => api.getItem(merge.survivor));
    if (survivor) {
      followed.defaultItem = { label: "Product/service (merged in QuickBooks)", from: defaultItemName, to: survivor.Name };
      [defaultItemId, defaultItemName] = [survivor.Id, survivor.Name];
    }
  }
  const customer = xometryCustomerId ? await readOrNull(() => api.getCustomer(xometryCustomerId!)) : undefined;
  const item = await readOrNull(() => api.getItem(defaultItemId));
  const problems = [customer === undefined ? null : problemWith("Xometry customer", xometryCustomerName, customer), problemWith("product/service", defaultItemName, item)].filter(Boolean);
  const healthIssue = problems.length ? `${problems.join(" ")} Choose another in Edit Configuration.` : null;
  if (healthIssue === configuration.healthIssue && Object.keys(followed).length === 0) {
    await db.quickBooksConfiguration.update({ where: { id: configuration.id }, data: { healthCheckedAt: new Date() } });
    return false;
  }
  await db.$transaction(async (tx) => {
    await tx.quickBooksConfiguration.update({ where: { id: configuration.id }, data: { xometryCustomerId, xometryCustomerName, defaultItemId, defaultItemName, healthIssue, healthCheckedAt: new Date() } });
    if (Object.keys(followed).length) {
      await tx.quickBooksConfigurationChange.create({ data: { configurationId: configuration.id, userId: configuration.updatedByUserId, changes: { ...followed, by: { label: "Changed by", from: null, to: "QuickBooks (a merge)" } } } });
    }
  });
  return true;
}

/** A customer or product/service changed, was deleted, made inactive or merged: the configurations using it are checked. */
export async function applyNameChange(api: QuickBooksApi, realmId: string, entity: "Customer" | "Item", entityId: string): Promise<number> {
  const [survivor = entityId, mergedAway] = entityId.split("<");
  const ids = [survivor, ...(mergedAway ? [mergedAway] : [])];
  const where = entity === "Customer" ? { xometryCustomerId: { in: ids } } : { defaultItemId: { in: ids } };
  const configurations = await db.quickBooksConfiguration.findMany({ where: { realmId, ...where } });
  let changed = 0;
  for (const configuration of configurations) {
    if (await checkConfiguration(api, configuration, mergedAway ? { survivor, mergedAway, entity } : undefined)) changed += 1;
  }
  // In-house customer links are flagged on the Customers page (lib/customers).
  if (entity === "Customer") changed += await checkCustomerLinks(api, realmId, entityId);
  return changed;
}
