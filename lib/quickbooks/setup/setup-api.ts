import { createDesktopSetupApi } from "@/lib/quickbooks-desktop/lists/setup-api";
import { QuickBooksApi } from "../api";
import { requireLiveConnection } from "../connection";

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
export async function requireSetupApi(organizationId: string): Promise<{ connection: Awaited<ReturnType<typeof requireLiveConnection>>; api: TSetupApi }> {
  const connection = await requireLiveConnection(organizationId);
  return { connection, api: connection.transport === "DESKTOP" ? createDesktopSetupApi(organizationId) : new QuickBooksApi(connection.id) };
}
