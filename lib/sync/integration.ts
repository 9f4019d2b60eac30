import type { TTransaction } from "@/lib/db/client";
import { db } from "@/lib/db/client";

/**
 * The organization's connection and the configuration saved for that same company, or null
 * when nothing should be sent (never connected, disconnected, or not set up for this company).
 */
export async function getActiveIntegration(organizationId: string, tx: TTransaction | typeof db = db) {
  const [connection, configuration] = await Promise.all([
    tx.quickBooksConnection.findUnique({ where: { organizationId } }),
    tx.quickBooksConfiguration.findUnique({ where: { organizationId } }),
  ]);
  if (!connection || connection.status === "DISCONNECTED" || !configuration || configuration.realmId !== connection.realmId) return null;
  return { connection, configuration };
}
