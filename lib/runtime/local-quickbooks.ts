import crypto from "node:crypto";
import path from "node:path";

export type TLocalQuickBooks = { description: string; stop: () => Promise<void> };

/** The OAuth app the local emulator registers for Workcenter. */
const EMULATOR_APP = { clientId: "workcenter-emulator-client", clientSecret: "workcenter-emulator-secret", appName: "Workcenter" };

function hasIntuitCredentials(): boolean {
  return Boolean(process.env.QBO_CLIENT_ID && process.env.QBO_CLIENT_SECRET);
}

/** Points this process's QuickBooks settings at the local emulator. */
function useEmulator(baseUrl: string, redirectUri: string): void {
  process.env.QBO_CLIENT_ID = EMULATOR_APP.clientId;
  process.env.QBO_CLIENT_SECRET = EMULATOR_APP.clientSecret;
  process.env.QBO_REDIRECT_URI = redirectUri;
  process.env.QBO_BASE_URL = baseUrl;
}

function getRedirectUri(): string {
  return `${process.env.APP_URL}/api/integrations/quickbooks/callback`;
}

/**
 * With Intuit credentials (QBO_CLIENT_ID/QBO_CLIENT_SECRET) the app talks to Intuit. Without
 * them, the QuickBooks emulator starts on loopback and the app is pointed at it.
 */
export async function startLocalQuickBooks(dataDir: string, log: (message: string) => void): Promise<TLocalQuickBooks> {
  if (hasIntuitCredentials()) return { description: `Intuit (${process.env.QBO_ENVIRONMENT ?? "sandbox"})`, stop: async () => {} };
  const { startEmulator } = await import("../../qbo-emulator/src/index");
  // The emulator sends its change notifications to our webhook, signed like Intuit's, with a
  // verifier token made for this run unless one is configured.
  process.env.QBO_WEBHOOK_VERIFIER_TOKEN ??= crypto.randomBytes(24).toString("base64url");
  const webhook = { url: `${process.env.APP_URL}/api/webhooks/quickbooks`, verifierToken: process.env.QBO_WEBHOOK_VERIFIER_TOKEN, format: "cloudevents" as const };
  const emulator = await startEmulator({
    port: Number(process.env.EMULATOR_PORT ?? 4010),
    stateFile: path.join(dataDir, "qbo-emulator-state.json"),
    apps: [{ ...EMULATOR_APP, redirectUris: [getRedirectUri()], webhook }],
    quiet: true,
  });
  useEmulator(emulator.url, getRedirectUri());
  log(`QuickBooks emulator on ${emulator.url}`);
  return { description: `emulator at ${emulator.url}`, stop: () => emulator.close() };
}

/** A worker-only process without Intuit credentials uses the emulator `npm start` runs. */
export function useRunningLocalEmulator(): void {
  if (hasIntuitCredentials() || process.env.QBO_BASE_URL) return;
  useEmulator(`http://127.0.0.1:${process.env.EMULATOR_PORT ?? 4010}`, getRedirectUri());
}
