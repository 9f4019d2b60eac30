// Drives the emulator's sign-in and consent pages with plain fetch, like a browser would.
import type { RunningEmulator } from "../src/index";
import { SANDBOX_USER } from "../src/index";

function readHidden(html: string, name: string): string {
  const m = new RegExp(`name="${name}" value="([^"]*)"`).exec(html);
  if (!m?.[1]) throw new Error(`no hidden field ${name} in page`);
  return m[1];
}

export interface ConsentPageResult {
  status: number;
  html: string;
  flow: string;
}

export async function openSignIn(authorizeUri: string): Promise<ConsentPageResult> {
  const res = await fetch(authorizeUri, { redirect: "manual" });
  const html = await res.text();
  return { status: res.status, html, flow: res.status === 200 ? readHidden(html, "flow") : "" };
}

export async function signIn(emu: RunningEmulator, flow: string, password = SANDBOX_USER.password): Promise<ConsentPageResult> {
  const res = await fetch(`${emu.url}/connect/oauth2/signin`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ flow, email: SANDBOX_USER.email, password }).toString(),
    redirect: "manual",
  });
  return { status: res.status, html: await res.text(), flow };
}

/** Posts the consent form; returns the Location of the redirect back to the app. */
export async function consent(emu: RunningEmulator, flow: string, action: "connect" | "cancel", realmId?: string): Promise<string> {
  const form = new URLSearchParams({ flow, action });
  if (realmId) form.set("realmId", realmId);
  const res = await fetch(`${emu.url}/connect/oauth2/consent`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: form.toString(),
    redirect: "manual",
  });
  const location = res.headers.get("location");
  if (res.status !== 302 || !location) throw new Error(`consent did not redirect: ${res.status}`);
  return location;
}

/** The whole browser part of the code flow: authorize → sign in → connect → callback URL. */
export async function runConsentFlow(emu: RunningEmulator, authorizeUri: string, realmId: string): Promise<string> {
  const page = await openSignIn(authorizeUri);
  if (page.status !== 200) throw new Error(`authorize page returned ${page.status}`);
  const consentPage = await signIn(emu, page.flow);
  if (consentPage.status !== 200) throw new Error(`sign-in returned ${consentPage.status}`);
  return consent(emu, page.flow, "connect", realmId);
}
