import path from "node:path";

export type TLocalQuickBooks = { description: string; stop: () => Promise<void> };

/**
 * With Intuit credentials (QBO_CLIENT_ID/QBO_CLIENT_SECRET) the app talks to Intuit. Without
 * them, the QuickBooks emulator starts on loopback and the app is pointed at it.
 */
export async function startLocalQuickBooks(dataDir: string, log: (message: string) => void): Promise<TLocalQuickBooks> {
  if (process.env.QBO_CLIENT_ID && process.env.QBO_CLIENT_SECRET) {
    return { description: `Intuit (${process.env.QBO_ENVIRONMENT ?? "sandbox"})`, stop: async () => {} };
  }
  const { startEmulator } = await import("../../qbo-emulator/src/index");
  const port = Number(process.env.EMULATOR_PORT ?? 4010);
  const redirectUri = `${process.env.APP_URL}/api/integrations/quickbooks/callback`;
  const emulator = await startEmulator({
    port,
    stateFile: path.join(dataDir, "qbo-emulator-state.json"),
    apps: [
      {
        clientId: "workcenter-emulator-client",
        clientSecret: "workcenter-emulator-secret",
        appName: "Workcenter",
        redirectUris: [redirectUri],
      },
    ],
    quiet: true,
  });
  process.env.QBO_CLIENT_ID = "workcenter-emulator-client";
  process.env.QBO_CLIENT_SECRET = "workcenter-emulator-secret";
  process.env.QBO_REDIRECT_URI = redirectUri;
  process.env.QBO_BASE_URL = emulator.url;
  log(`QuickBooks emulator on ${emulator.url}`);
  return { description: `emulator at ${emulator.url}`, stop: () => emulator.close() };
}
