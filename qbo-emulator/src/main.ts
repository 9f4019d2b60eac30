// CLI for `npm run emulator`: EMULATOR_PORT (default 4010), EMULATOR_HOST, EMULATOR_STATE_FILE, EMULATOR_REDIRECT_URIS,
// EMULATOR_QUIET=1 (no error output).
import { startEmulator } from "./index";
import { ACME_REALM_ID, BIRCH_REALM_ID, DEFAULT_CLIENT_ID, SANDBOX_USER } from "./index";

async function main(): Promise<void> {
  const port = Number(process.env.EMULATOR_PORT ?? 4010);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`EMULATOR_PORT is not a port: ${process.env.EMULATOR_PORT}`);
  const emulator = await startEmulator({
    port,
    host: process.env.EMULATOR_HOST ?? "127.0.0.1",
    stateFile: process.env.EMULATOR_STATE_FILE || undefined,
    quiet: process.env.EMULATOR_QUIET === "1",
  });
  console.log(`QuickBooks Online emulator listening on ${emulator.url}`);
  console.log(`  Company UI:      ${emulator.url}/app`);
  console.log(`  OAuth authorize: ${emulator.url}/connect/oauth2   (client_id ${DEFAULT_CLIENT_ID})`);
  console.log(`  API base:        ${emulator.url}/v3/company/{realmId}/`);
  console.log(`  Companies:       ${ACME_REALM_ID} (Acme Precision Machining), ${BIRCH_REALM_ID} (Birch Fabrication)`);
  console.log(`  Sandbox user:    ${SANDBOX_USER.email}`);
  const stop = (): void => {
    void emulator.close().then(() => process.exit(0));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
