// The admin API (JSON): applications (.qwc + password), update now, what the company file holds, faults, raw qbXML.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { TCompanyFile } from "../company/company-file";
import type { TDropMode } from "../company/faults";
import { QbXmlProcessError } from "../qbxml/errors";
import { QwcError } from "../web-connector/qwc";
import type { AppRegistry } from "./apps";
import { asString, HttpError, readJson, readText, sendJson } from "./http";

export const ADMIN_PREFIX = "/__desktop";
const LISTS = ["customers", "items", "accounts", "invoices", "payments", "deposits"] as const;
const DROP_MODES: TDropMode[] = ["stop", "hresult", "connectionError"];

export type TAdminDeps = { companyFile: TCompanyFile; apps: AppRegistry };

function applyFaults(companyFile: TCompanyFile, body: Record<string, unknown>): void {
  const faults = companyFile.faults;
  if (body.clear === true) faults.clear();
  const failNext = body.failNext as { requestType?: unknown; statusCode?: unknown; statusMessage?: unknown } | undefined;
  if (failNext) {
    const statusCode = Number(failNext.statusCode);
    if (!Number.isInteger(statusCode) || statusCode <= 0) throw new HttpError(400, "failNext.statusCode must be a positive integer.");
    faults.failNext(asString(failNext.requestType, "failNext.requestType"), { statusCode, statusMessage: typeof failNext.statusMessage === "string" ? failNext.statusMessage : undefined });
  }
  const drop = body.dropAfterApply as { requestType?: unknown; mode?: unknown } | undefined;
  if (drop) {
    const mode = (drop.mode ?? "stop") as TDropMode;
    if (!DROP_MODES.includes(mode)) throw new HttpError(400, `dropAfterApply.mode must be one of ${DROP_MODES.join(", ")}.`);
    faults.dropAfterApply({ requestType: typeof drop.requestType === "string" ? drop.requestType : undefined, mode });
  }
  if (body.fileInUse !== undefined) faults.fileInUse(body.fileInUse === null || body.fileInUse === true ? undefined : Number(body.fileInUse));
  if (body.delayMs !== undefined) faults.setDelay(Number(body.delayMs) || 0);
}

function stateOf(deps: TAdminDeps) {
  const f = deps.companyFile;
  return { companyName: f.admin.companyName(), fileName: f.admin.fileName(), apps: deps.apps.list(), faults: { ...f.faults.state, fileInUse: Number.isFinite(f.faults.state.fileInUse) ? f.faults.state.fileInUse : "always" } };
}

/** Handles a request under /__desktop; returns false for any other path. */
export async function handleAdmin(req: IncomingMessage, res: ServerResponse, deps: TAdminDeps): Promise<boolean> {
  const url = new URL(req.url ?? "/", "http://emulator");
  if (!url.pathname.startsWith(ADMIN_PREFIX)) return false;
  const parts = url.pathname.slice(ADMIN_PREFIX.length).split("/").filter(Boolean);
  const method = req.method ?? "GET";
  try {
    if (method === "GET" && parts.length === 1 && parts[0] === "state") return sendJson(res, 200, stateOf(deps)), true;
    if (method === "GET" && parts[0] === "company" && parts.length === 2) {
      const list = parts[1] as (typeof LISTS)[number] | "log";
      if (list === "log") return sendJson(res, 200, deps.companyFile.admin.requestLog()), true;
      if (!LISTS.includes(list)) throw new HttpError(404, "Unknown list.");
      return sendJson(res, 200, deps.companyFile.admin[list]()), true;
    }
    if (method === "POST" && parts.length === 1 && parts[0] === "apps") {
      const body = await readJson(req);
      const app = deps.apps.add(asString(body.qwc, "qwc"), asString(body.password, "password"));
      return sendJson(res, 201, app), true;
    }
    if (parts[0] === "apps" && parts.length >= 2) {
      const id = parts[1] as string;
      if (method === "DELETE" && parts.length === 2) return sendJson(res, deps.apps.remove(id) ? 200 : 404, { removed: id }), true;
      if (method === "POST" && parts[2] === "run") {
        const run = deps.apps.runNow(id);
        if (!run) throw new HttpError(404, "No such application.");
        return sendJson(res, 200, await run), true;
      }
      if (method === "POST" && parts[2] === "password") {
        const app = deps.apps.setPassword(id, asString((await readJson(req)).password, "password"));
        if (!app) throw new HttpError(404, "No such application.");
        return sendJson(res, 200, app), true;
      }
    }
    if (method === "POST" && parts.length === 1 && parts[0] === "faults") {
      applyFaults(deps.companyFile, await readJson(req));
      return sendJson(res, 200, stateOf(deps).faults), true;
    }
    if (method === "POST" && parts.length === 1 && parts[0] === "reset") {
      deps.companyFile.admin.reset();
      return sendJson(res, 200, stateOf(deps)), true;
    }
    if (method === "POST" && parts.length === 1 && parts[0] === "qbxml") {
      const xml = deps.companyFile.process(await readText(req));
      res.writeHead(200, { "content-type": "text/xml; charset=utf-8" });
      res.end(xml);
      return true;
    }
    throw new HttpError(404, "Not found.");
  } catch (error) {
    if (error instanceof HttpError) return sendJson(res, error.status, { error: error.message }), true;
    if (error instanceof QwcError) return sendJson(res, 400, { error: error.message, code: error.code }), true;
    if (error instanceof QbXmlProcessError) return sendJson(res, 400, { error: error.message, hresult: error.hresult, detail: error.detail }), true;
    throw error;
  }
}
