// GET /connect/oauth2 → sign-in page → consent page → redirect with code, state, realmId (or error=access_denied).
import type { Emulator } from "../emulator";
import { type EmuRequest, type EmuResponse, buildHtml, buildRedirect, parseForm } from "../http";
import { SANDBOX_USER } from "../store/seed";
import { renderConsentPage, renderErrorPage, renderSignInPage } from "./pages";

export const ACCOUNTING_SCOPE = "com.intuit.quickbooks.accounting";
const KNOWN_SCOPES = new Set([
  ACCOUNTING_SCOPE, "com.intuit.quickbooks.payment", "openid", "profile", "email", "phone", "address",
]);
const COMPANY_SCOPES = [ACCOUNTING_SCOPE, "com.intuit.quickbooks.payment"];

function buildCallbackUrl(redirectUri: string, params: Record<string, string>): string {
  const url = new URL(redirectUri);
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  return url.toString();
}

export function handleAuthorize(emu: Emulator, req: EmuRequest): EmuResponse {
  const q = req.query;
  const app = emu.findApp(q.get("client_id") ?? undefined);
  if (!app) return buildHtml(400, renderErrorPage("invalid_client", "The client_id is missing or not registered."));
  const redirectUri = q.get("redirect_uri") ?? "";
  if (!app.redirectUris.includes(redirectUri)) {
    return buildHtml(400, renderErrorPage("redirect_uri mismatch", "The redirect_uri is not registered for this app (it must match exactly)."));
  }
  const state = q.get("state") ?? "";
  const fail = (error: string, description: string): EmuResponse =>
    buildRedirect(buildCallbackUrl(redirectUri, { error, error_description: description, ...(state ? { state } : {}) }));
  if (q.get("response_type") !== "code") return fail("unsupported_response_type", "response_type must be code");
  const scopes = (q.get("scope") ?? "").split(/[\s+]+/).filter(Boolean);
  if (scopes.length === 0 || scopes.some((s) => !KNOWN_SCOPES.has(s))) return fail("invalid_scope", "Invalid or missing scope");
  if (!scopes.some((s) => COMPANY_SCOPES.includes(s))) return fail("invalid_scope", "A QuickBooks company scope is required");
  if (!state) return fail("invalid_request", "state is required");
  const flow = emu.flows.create({ clientId: app.clientId, redirectUri, scope: scopes.join(" "), state });
  return buildHtml(200, renderSignInPage(flow.id, SANDBOX_USER.email, SANDBOX_USER.password));
}

function renderConsent(emu: Emulator, flowId: string, appName: string): EmuResponse {
  const companies = Object.values(emu.store.realms).map((r) => ({ realmId: r.realmId, name: r.company.companyName }));
  return buildHtml(200, renderConsentPage(flowId, appName, companies));
}

export function handleSignIn(emu: Emulator, req: EmuRequest): EmuResponse {
  const form = parseForm(req);
  const flow = emu.flows.get(form.get("flow"));
  if (!flow) return buildHtml(400, renderErrorPage("Session expired", "Start the connection again from the app."));
  const email = form.get("email") ?? "";
  if (email.toLowerCase() !== SANDBOX_USER.email || form.get("password") !== SANDBOX_USER.password) {
    return buildHtml(401, renderSignInPage(flow.id, email, "", "Incorrect email or password."));
  }
  flow.isSignedIn = true;
  return renderConsent(emu, flow.id, emu.findApp(flow.clientId)?.appName ?? "App");
}

export function handleConsent(emu: Emulator, req: EmuRequest): EmuResponse {
  const form = parseForm(req);
  const flow = emu.flows.get(form.get("flow"));
  if (!flow || !flow.isSignedIn) return buildHtml(400, renderErrorPage("Session expired", "Start the connection again from the app."));
  if (form.get("action") !== "connect") {
    emu.flows.finish(flow.id);
    return buildRedirect(buildCallbackUrl(flow.redirectUri, { error: "access_denied", state: flow.state }));
  }
  const realmId = form.get("realmId") ?? "";
  if (!emu.store.getRealm(realmId)) return renderConsent(emu, flow.id, emu.findApp(flow.clientId)?.appName ?? "App");
  emu.flows.finish(flow.id);
  const code = emu.grants.issueCode({ clientId: flow.clientId, redirectUri: flow.redirectUri, realmId, scope: flow.scope });
  return buildRedirect(buildCallbackUrl(flow.redirectUri, { code: code.code, state: flow.state, realmId }));
}
