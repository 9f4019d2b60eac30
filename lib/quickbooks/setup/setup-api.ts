import { createDesktopSetupApi } from "@/lib/quickbooks-desktop/lists/setup-api";
import type { QuickBooksApi } from "../api";
import { requireQuickBooksApi } from "../connection";

/**
 * What the setup wizard, Edit Configuration and the lookups read from the company: QuickBooks
 * Online live, or, for QuickBooks Desktop, the lists the last Web Connector poll read from the
 * company file (same shapes, so the rules are written once).
 */
export type TSetupApi = Pick<
  QuickBooksApi,
  "getPreferences" | "getItem" | "getCustomer" | "getAccount" | "searchCustomers" | "searchItems" | "listAccounts" | "listDepositAccounts" | "createCustomer" | "createAccount"
>;

/** The organization's live connection and the reader for its transport, or a plain-words error. */
export async function requireSetupApi(organizationId: string): Promise<{ connection: Awaited<ReturnType<typeof requireQuickBooksApi>>["connection"]; api: TSetupApi }> {
  const { connection, api } = await requireQuickBooksApi(organizationId);
  return connection.transport === "DESKTOP" ? { connection, api: createDesktopSetupApi(organizationId) } : { connection, api };
}
