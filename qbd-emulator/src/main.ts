// CLI for `npm run emulator:desktop`: DESKTOP_EMULATOR_PORT (default 4002), DESKTOP_EMULATOR_HOST, DESKTOP_EMULATOR_STATE_FILE,
// DESKTOP_EMULATOR_APPS_FILE, DESKTOP_EMULATOR_COMPANY (company name).
import { startDesktopEmulator } from "./index";

async function main(): Promise<void> {
  const port = Number(process.env.DESKTOP_EMULATOR_PORT ?? 4002);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`DESKTOP_EMULATOR_PORT is not a port: ${process.env.DESKTOP_EMULATOR_PORT}`);
  const emulator = await startDesktopEmulator({
    port,
    host: process.env.DESKTOP_EMULATOR_HOST ?? "127.0.0.1",
    stateFile: process.env.DESKTOP_EMULATOR_STATE_FILE || undefined,
    appsFile: process.env.DESKTOP_EMULATOR_APPS_FILE || undefined,
    companyName: process.env.DESKTOP_EMULATOR_COMPANY || undefined,
  });
  console.log(`QuickBooks Desktop emulator listening on ${emulator.url}`);
  console.log(`  Web Connector page: ${emulator.url}/   (add the .qwc and its password there)`);
  console.log(`  Admin API:          ${emulator.url}/__desktop/state`);
  console.log(`  Company file:       ${emulator.companyFile.admin.companyName()} (${emulator.companyFile.admin.fileName()})`);
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
