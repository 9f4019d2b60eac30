import path from "node:path";

export type TLocalQuickBooksDesktop = { description: string; stop: () => Promise<void> };

const NONE: TLocalQuickBooksDesktop = { description: "", stop: async () => {} };

/** A local demo (APP_URL not https) gets the Desktop emulator: a stand-in for the shop's PC, unless DESKTOP_EMULATOR=off. */
function isWanted(): boolean {
  if (process.env.DESKTOP_EMULATOR === "off") return false;
  return !(process.env.APP_URL ?? "").startsWith("https:");
}

/**
 * Starts the QuickBooks Desktop emulator (company file + emulated Web Connector) on loopback, its company file and added
 * applications kept in the data folder. Its page takes the `.qwc` the app hands out and the password, then polls the app.
 * Optional: if it cannot start (e.g. the port is taken), the app starts without it.
 */
export async function startLocalQuickBooksDesktop(dataDir: string, log: (message: string) => void): Promise<TLocalQuickBooksDesktop> {
  if (!isWanted()) return NONE;
  const { startDesktopEmulator } = await import("../../qbd-emulator/src/index");
  try {
    const emulator = await startDesktopEmulator({
      port: Number(process.env.DESKTOP_EMULATOR_PORT ?? 4002),
      stateFile: path.join(dataDir, "qbd-emulator-company.json"),
      appsFile: path.join(dataDir, "qbd-emulator-apps.json"),
      quiet: true,
    });
    log(`QuickBooks Desktop emulator (Web Connector page) on ${emulator.url}`);
    return { description: `${emulator.url} (add the downloaded .qwc and its password there)`, stop: () => emulator.close() };
  } catch (error) {
    log(`QuickBooks Desktop emulator not started: ${(error as Error).message}`);
    return NONE;
  }
}
