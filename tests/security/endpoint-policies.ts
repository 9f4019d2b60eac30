import type { TPermission } from "@/lib/auth/permissions";
import type { BODY_LIMITS } from "@/lib/http/body";

/**
 * Who may call each page, route handler and server action, and how much body a POST reads. The
 * security tests enumerate app/ and fail for any endpoint missing here, then check each entry
 * against the running app (tests/e2e/10-security-endpoints.spec.ts). A new endpoint starts here.
 */
export type TEndpointPolicy =
  | { access: "public"; why: string; body?: keyof typeof BODY_LIMITS }
  | { access: "member" | TPermission; body?: keyof typeof BODY_LIMITS };

export const ENDPOINT_POLICIES: Record<string, TEndpointPolicy> = {
  // Pages
  "PAGE /": { access: "public", why: "redirects to /jobs (which asks for a session)" },
  "PAGE /login": { access: "public", why: "the sign-in page" },
  "PAGE /job-board": { access: "member" },
  "PAGE /jobs": { access: "member" },
  "PAGE /jobs/new": { access: "in-house.manage" },
  "PAGE /jobs/[jobId]": { access: "member" },
  "PAGE /jobs/[jobId]/invoice": { access: "member" },
  "PAGE /payouts": { access: "member" },
  "PAGE /payouts/[payoutId]": { access: "member" },
  "PAGE /payouts/simulate": { access: "payouts.simulate" },
  "PAGE /management/integrations": { access: "member" },
  "PAGE /management/integrations/quickbooks/setup": { access: "integrations.manage" },
  "PAGE /management/integrations/quickbooks/configuration": { access: "integrations.manage" },
  "PAGE /management/integrations/quickbooks/customers": { access: "member" },
  "PAGE /management/sign-in-activity": { access: "security.view" },
  "PAGE /management/integrations/quickbooks/activity": { access: "invoices.manage" },

  // Route handlers
  "GET /api/health": { access: "public", why: "liveness for load balancers and start-up checks; says nothing about any shop" },
  "GET /api/metrics": { access: "public", why: "for a Prometheus scraper: authenticated by its bearer token (METRICS_TOKEN), off without it" },
  "POST /api/webhooks/xometry/payouts": { access: "public", why: "server-to-server, authenticated by its HMAC signature", body: "webhook" },
  "POST /api/webhooks/quickbooks": { access: "public", why: "Intuit's change notifications, authenticated by the intuit-signature HMAC", body: "webhook" },
  "GET /api/integrations/quickbooks/callback": { access: "member" },
  "POST /api/integrations/quickbooks/connect": { access: "integrations.manage", body: "none" },
  "POST /api/integrations/quickbooks/disconnect": { access: "integrations.manage", body: "none" },
  "POST /api/integrations/quickbooks/pending": { access: "integrations.manage", body: "form" },
  "GET /api/integrations/quickbooks/backfill": { access: "invoices.manage" },
  "POST /api/integrations/quickbooks/backfill": { access: "invoices.manage", body: "json" },
  "GET /api/integrations/quickbooks/lookup/customers": { access: "quickbooks.lookup" },
  "POST /api/integrations/quickbooks/lookup/customers": { access: "integrations.manage", body: "none" },
  "GET /api/integrations/quickbooks/lookup/items": { access: "quickbooks.lookup" },
  "GET /api/integrations/quickbooks/lookup/accounts": { access: "quickbooks.lookup" },
  "POST /api/integrations/quickbooks/lookup/accounts": { access: "integrations.manage", body: "json" },
  "GET /api/integrations/quickbooks/customer-links": { access: "quickbooks.lookup" },
  "POST /api/integrations/quickbooks-desktop/qbwc": { access: "public", why: "the QuickBooks Web Connector's SOAP service: its own user name and password, then a ticket per session", body: "webhook" },
  "GET /api/integrations/quickbooks-desktop/qbwc": { access: "public", why: "the Web Connector service's WSDL (public description, no shop data)" },
  "POST /api/integrations/quickbooks-desktop/connect": { access: "integrations.manage", body: "none" },
  "POST /api/integrations/quickbooks-desktop/password": { access: "integrations.manage", body: "none" },
  "GET /api/integrations/quickbooks-desktop/qwc": { access: "integrations.manage" },
  "POST /api/integrations/quickbooks/customer-links": { access: "invoices.manage", body: "json" },
  "GET /api/jobs/[jobId]/invoice": { access: "member" },
  "POST /api/jobs/[jobId]/invoice": { access: "invoices.manage", body: "json" },
  "GET /api/jobs/[jobId]/invoice/pdf": { access: "invoices.manage" },
  "POST /api/jobs/[jobId]/invoice/retry": { access: "invoices.manage", body: "none" },
  "POST /api/jobs/[jobId]/invoice/changes": { access: "invoices.manage", body: "json" },
  "POST /api/jobs/[jobId]/invoice/changes/retry": { access: "invoices.manage", body: "json" },
  "POST /api/jobs/[jobId]/invoice/create-again": { access: "invoices.manage", body: "none" },
  "POST /api/jobs/[jobId]/invoice/email": { access: "invoices.manage", body: "none" },
  "GET /api/payouts/[payoutId]/quickbooks": { access: "member" },
  "GET /api/notifications": { access: "integrations.manage" },
  "POST /api/notifications/dismiss": { access: "integrations.manage", body: "json" },
  "GET /api/payouts/posting": { access: "invoices.manage" },
  "POST /api/payouts/posting": { access: "invoices.manage", body: "json" },
  "GET /api/quickbooks/activity": { access: "invoices.manage" },
  "GET /api/quickbooks/activity/export": { access: "invoices.manage" },
  "POST /api/quickbooks/activity/retry": { access: "invoices.manage", body: "json" },
  "GET /api/quickbooks/activity/retry-all": { access: "invoices.manage" },
  "POST /api/quickbooks/activity/retry-all": { access: "invoices.manage", body: "json" },

  // Server actions: each asks for the session (checked in its source); the use case it calls checks
  // the role with ensureCan (the integration tests try every role).
  "ACTION app/(app)/jobs/actions.ts#acceptJobAction": { access: "member" },
  "ACTION app/(app)/jobs/actions.ts#shipJobAction": { access: "member" },
  "ACTION app/(app)/jobs/actions.ts#cancelJobAction": { access: "member" },
  "ACTION app/(app)/jobs/actions.ts#repriceJobAction": { access: "member" },
  "ACTION app/(app)/jobs/actions.ts#completeInHouseJobAction": { access: "member" },
  "ACTION app/(app)/jobs/actions.ts#createInHouseJobAction": { access: "member" },
  "ACTION app/(app)/management/integrations/quickbooks/actions.ts#submitSetupStepAction": { access: "member" },
  "ACTION app/(app)/management/integrations/quickbooks/actions.ts#saveConfigurationAction": { access: "member" },
  "ACTION app/(app)/payouts/actions.ts#simulatePayoutAction": { access: "member" },
  "ACTION app/(app)/payouts/actions.ts#postPayoutAction": { access: "member" },
  "ACTION app/(app)/payouts/actions.ts#retryPayoutAction": { access: "member" },
  "ACTION app/(auth)/login/actions.ts#signInAction": { access: "public", why: "signing in; throttled per account and address" },
  "ACTION app/(auth)/login/actions.ts#signOutAction": { access: "public", why: "ends whatever session the cookie names" },
  "ACTION app/(auth)/login/actions.ts#signOutEverywhereAction": { access: "member" },
};
