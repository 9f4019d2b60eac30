// startDesktopEmulator(): the company file, the emulated Web Connector's applications and scheduler, the admin API and page.
import { createServer, type Server } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { createCompanyFile, type TCompanyFile, type TCompanyFileOptions } from "../company/company-file";
import type { TFetch } from "../web-connector/soap-client";
import { handleAdmin } from "./admin-routes";
import { AppRegistry } from "./apps";
import { renderPage } from "./page";

export type TDesktopEmulatorOptions = TCompanyFileOptions & {
  /** 0 = a free port. */
  port?: number;
  host?: string;
  /** Where the added applications (.qwc text and password) are kept between runs. */
  appsFile?: string;
  /** Run each application per its .qwc schedule (default true). */
  schedule?: boolean;
  fetch?: TFetch;
  noOpPauseMs?: number;
  quiet?: boolean;
};

export type TRunningDesktopEmulator = {
  url: string;
  port: number;
  companyFile: TCompanyFile;
  apps: AppRegistry;
  close(): Promise<void>;
};

export async function startDesktopEmulator(options: TDesktopEmulatorOptions = {}): Promise<TRunningDesktopEmulator> {
  const companyFile = createCompanyFile(options);
  const apps = new AppRegistry({ companyFile, fetch: options.fetch, appsFile: options.appsFile, schedule: options.schedule ?? true, noOpPauseMs: options.noOpPauseMs });
  const server: Server = createServer((req, res) => {
    handleAdmin(req, res, { companyFile, apps })
      .then((handled) => {
        if (handled) return;
        if (req.url === "/favicon.ico") {
          res.writeHead(204);
          res.end();
          return;
        }
        if (req.method === "GET" && (req.url === "/" || req.url?.startsWith("/?"))) {
          res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
          res.end(renderPage(companyFile.admin.companyName()));
          return;
        }
        res.writeHead(404, { "content-type": "text/plain" });
        res.end("Not found");
      })
      .catch((error: unknown) => {
        if (!options.quiet) console.error("Desktop emulator:", error);
        if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
        res.end("Internal error");
      });
  });
  const sockets = new Set<Socket>();
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${host === "0.0.0.0" ? "127.0.0.1" : host}:${port}`,
    port,
    companyFile,
    apps,
    close: () => {
      closing ??= new Promise<void>((resolve) => {
        apps.close();
        companyFile.flush();
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
      });
      return closing;
    },
  };
}
