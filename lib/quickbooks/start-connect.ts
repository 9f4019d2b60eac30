import { ensureCan, type TActor } from "@/lib/auth/permissions";
import { getQuickBooksConfig } from "./config";
import { buildAuthorizeUrl } from "./oauth";
import { createOAuthState } from "./oauth-state";

/** Owners/admins only: a single-use state for this user and shop, and Intuit's authorize URL. */
export async function startQuickBooksConnect(actor: TActor): Promise<{ authorizeUrl: string; state: string }> {
  ensureCan(actor, "integrations.manage");
  const state = await createOAuthState(actor.organizationId, actor.userId);
  return { authorizeUrl: buildAuthorizeUrl(getQuickBooksConfig(), state), state };
}
