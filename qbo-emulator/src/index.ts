// Public entry point: startEmulator() for tests, `npm start` and `npm run emulator`.
import type { AddressInfo } from "node:net";
import type { Socket } from "node:net";
import { Emulator } from "./emulator";
import { type EmulatorOptions, type ResolvedOptions, resolveOptions } from "./options";
import { createHttpServer } from "./server";
import { ACME_REALM_ID, BIRCH_REALM_ID, SANDBOX_USER } from "./store/seed";

export type { EmulatorOptions, LatencyProfile, Limits, OAuthApp, ResolvedOptions, WebhookConfig } from "./options";
export { DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, DEFAULT_REDIRECT_URI } from "./options";
export { signWebhookBody } from "./webhooks";
export { ACME_REALM_ID, BIRCH_REALM_ID, SANDBOX_USER };

export interface IssuedTestTokens {
  access_token: string;
  refresh_token: string;
  expires_in: number;
  x_refresh_token_expires_in: number;
  token_type: string;
  realmId: string;
}

export interface RunningEmulator {
  /** Base URL, no trailing slash, e.g. `http://127.0.0.1:4010`. */
  url: string;
  port: number;
  /** Resolved options (mutable at run time through the admin config endpoint). */
  options: ResolvedOptions;
  /** Restores the seeded companies (and clears tokens unless keepTokens). */
  reset(options?: { keepTokens?: boolean }): void;
  /** Issues tokens for a realm for the default app (like POST /__emulator/tokens). */
  issueTokens(realmId: string, clientId?: string): IssuedTestTokens;
  close(): Promise<void>;
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const resolved = resolveOptions(options);
  const emu = new Emulator(resolved);
  const server = createHttpServer(emu);
  const sockets = new Set<Socket>();
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(resolved.port, resolved.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const host = resolved.host.includes(":") ? `[${resolved.host}]` : resolved.host;
  const url = `http://${host === "0.0.0.0" ? "127.0.0.1" : host}:${port}`;
  emu.baseUrl = url;
  let closing: Promise<void> | undefined;
  return {
    url,
    port,
    options: resolved,
    reset: (o) => emu.reset(o?.keepTokens === true),
    issueTokens: (realmId, clientId) => {
      const app = clientId ? emu.findApp(clientId) : emu.defaultApp;
      if (!app || !emu.store.getRealm(realmId)) throw new Error(`Unknown realm or app: ${realmId} ${clientId ?? ""}`);
      const issued = emu.grants.createGrant(app.clientId, realmId, "com.intuit.quickbooks.accounting");
      return {
        token_type: "bearer",
        access_token: issued.accessToken.token,
        refresh_token: issued.grant.refreshToken,
        expires_in: Math.round((issued.accessToken.expiresAt - Date.now()) / 1000),
        x_refresh_token_expires_in: Math.round((issued.grant.refreshExpiresAt - Date.now()) / 1000),
        realmId,
      };
    },
    close: () => {
      closing ??= new Promise<void>((resolve) => {
        emu.close();
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
      });
      return closing;
    },
  };
}
