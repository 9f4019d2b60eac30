import { getQuickBooksConfig } from "@/lib/quickbooks/config";
import { callSdk, createSdk } from "@/lib/quickbooks/sdk";
import { getValidAccessToken } from "@/lib/quickbooks/tokens";

type TAccountRequest = { Name: string; AccountType: string; AccountSubType?: string; Active?: boolean; CurrencyRef?: { value: string } };

/**
 * Creates an account in the connected company through node-quickbooks itself, with the fields the
 * app never sends (inactive, a foreign currency), as a bookkeeper would in QuickBooks.
 */
export async function createCompanyAccount(connectionId: string, account: TAccountRequest): Promise<{ Id: string; Name: string }> {
  const token = await getValidAccessToken(connectionId);
  const sdk = createSdk(getQuickBooksConfig(), token.realmId, token.accessToken);
  return callSdk((callback) => sdk.createAccount(account, callback));
}
