// The web process `npm start` runs: Next.js (production build, or `--dev`) behind the request gate
// (lib/security/request-gate.ts), which every request passes before Next.js reads any of it.
import http from "node:http";
import next from "next";
import { getEnv } from "../lib/env";
import { getQuickBooksConfig } from "../lib/quickbooks/config";
import { applyRequestGate, type TRequestGateOptions } from "../lib/security/request-gate";

const isDev = process.argv.includes("--dev");
const env = getEnv();

/** Connect posts to our route, which redirects to QuickBooks' consent page: a form may lead there. */
function getFormActionOrigins(): string[] {
  try {
    return [new URL(getQuickBooksConfig().endpoints.authorize).origin];
  } catch {
    return [];
  }
}

const gate: TRequestGateOptions = {
  appOrigin: new URL(env.APP_URL).origin,
  trustedProxyHops: env.TRUSTED_PROXY_HOPS,
  isHttps: env.APP_URL.startsWith("https://"),
  isDev,
  formActionOrigins: getFormActionOrigins(),
};

const app = next({ dev: isDev, port: env.PORT, hostname: "localhost" });
const handle = app.getRequestHandler();
await app.prepare();

const server = http.createServer((request, response) => {
  if (applyRequestGate(request, response, gate)) return;
  void handle(request, response);
});
// "Expect: 100-continue": a refused request is answered before the client sends its body at all.
server.on("checkContinue", (request, response) => {
  if (applyRequestGate(request, response, gate)) return;
  response.writeContinue();
  void handle(request, response);
});
server.listen(env.PORT, () => console.log(`[workcenter] web server listening on port ${env.PORT}${isDev ? " (development)" : ""}`));

function stop() {
  server.close();
  setTimeout(() => process.exit(0), 5000).unref();
  void app.close().finally(() => process.exit(0));
}
process.once("SIGTERM", stop);
process.once("SIGINT", stop);
