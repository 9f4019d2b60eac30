// Maps `/v3/company/{realmId}/<rest>` to the entity handlers (Intuit's URL shapes, entity names case-insensitive).
import type { Emulator } from "../emulator";
import { Faults } from "../faults";
import { type EmuRequest, type EmuResponse, buildEnvelope } from "../http";
import { renderInvoicePdf } from "../pdf";
import { runQuery } from "../query/execute";
import type { RealmState } from "../store/types";
import { runBatch } from "./batch";
import { runCdc } from "./cdc";
import { ensureSubscriptionActive } from "./company-status";
import type { ApiContext } from "./context";
import { findLive } from "./context";
import { type EntityHandlers, findEntityHandlers, getRows } from "./entities";
import { readExchangeRate } from "./exchange-rate";
import { sendCreditMemo } from "./credit-memo";
import { sendInvoice } from "./invoice-actions";
import { updatePreferences } from "./preferences";
import { ensureNumericId, parseJsonObject } from "./schema";
import { serializeCompanyInfo, serializePreferences } from "./serialize";

function buildContext(emu: Emulator, realm: RealmState, req: EmuRequest): ApiContext {
  const include = new Set((req.query.get("include") ?? "").toLowerCase().split(",").map((s) => s.trim()).filter(Boolean));
  const takeItemFault = (bId: string) => emu.faults.takeBatchItem(realm.realmId, bId);
  return { store: emu.store, realm, include, requestId: req.query.get("requestid") ?? undefined, takeItemFault };
}

function runQueryText(realm: RealmState, text: string | null): EmuResponse {
  if (!text || text.trim() === "") throw Faults.queryParse('Encountered "<EOF>" at line 1, column 1.');
  return buildEnvelope({ QueryResponse: runQuery(text, (e, where) => getRows(realm, e, where)) });
}

async function handleGet(emu: Emulator, ctx: ApiContext, req: EmuRequest, rest: string[]): Promise<EmuResponse | undefined> {
  const [first = "", second, third] = rest;
  const realm = ctx.realm;
  if (first === "query" && !second) return runQueryText(realm, req.query.get("query"));
  if (first === "preferences" && !second) return buildEnvelope({ Preferences: serializePreferences(realm.prefs) });
  if (first === "companyinfo" && second && !third) {
    if (ensureNumericId(second) !== realm.realmId) throw Faults.objectNotFound();
    return buildEnvelope({ CompanyInfo: serializeCompanyInfo(realm, realm.company) });
  }
  if (first === "exchangerate" && !second) {
    return buildEnvelope({ ExchangeRate: readExchangeRate(realm, req.query.get("sourcecurrencycode"), req.query.get("asofdate")) });
  }
  if (first === "cdc" && !second) return buildEnvelope(runCdc(realm, req.query.get("entities"), req.query.get("changedSince")));
  if (first === "invoice" && second && third === "pdf" && rest.length === 3) {
    const inv = findLive(realm.Invoice, second);
    const pdf = await renderInvoicePdf(realm, inv);
    return { status: 200, headers: { "Content-Type": "application/pdf" }, body: Buffer.from(pdf) };
  }
  const handlers = findEntityHandlers(first);
  if (handlers?.read && second && !third) return buildEnvelope({ [handlers.name]: handlers.read(ctx, second) });
  return undefined;
}

function handlePost(ctx: ApiContext, req: EmuRequest, rest: string[]): EmuResponse | undefined {
  const [first = "", second, third] = rest;
  if (first === "query" && !second) return runQueryText(ctx.realm, req.rawBody.toString("utf8"));
  ensureSubscriptionActive(ctx.realm);
  if (first === "batch" && !second) return buildEnvelope(runBatch(ctx, parseJsonObject(req)));
  if (first === "preferences" && !second) {
    return buildEnvelope({ Preferences: updatePreferences(ctx.store, ctx.realm, parseJsonObject(req)) });
  }
  if (first === "invoice" && second && third === "send" && rest.length === 3) {
    return buildEnvelope({ Invoice: sendInvoice(ctx, second, req.query.get("sendTo")) });
  }
  if (first === "creditmemo" && second && third === "send" && rest.length === 3) {
    return buildEnvelope({ CreditMemo: sendCreditMemo(ctx, second, req.query.get("sendTo")) });
  }
  const handlers = findEntityHandlers(first);
  if (!handlers || second) return undefined;
  const operation = req.query.get("operation")?.toLowerCase();
  const isWrite = operation === undefined || ["create", "update", "delete", "void"].includes(operation);
  if (!isWrite) return undefined;
  const body = parseJsonObject(req);
  const handler = pickWriteHandler(handlers, operation, body);
  if (!handler) return undefined;
  return buildEnvelope({ [handlers.name]: handler(ctx, body) });
}

/** `POST /{entity}`: create, or update when the body carries an Id; `?operation=` selects update/delete/void. */
function pickWriteHandler(handlers: EntityHandlers, operation: string | undefined, body: Record<string, unknown>) {
  if (operation === undefined) return body.Id !== undefined && body.Id !== "" ? handlers.update : handlers.create;
  if (operation === "create") return handlers.create;
  if (operation === "update") return handlers.update;
  if (operation === "delete") return handlers.delete;
  return operation === "void" ? handlers.void : undefined;
}

export async function dispatchApi(emu: Emulator, realm: RealmState, req: EmuRequest, rest: string[]): Promise<EmuResponse> {
  const ctx = buildContext(emu, realm, req);
  const normalized = rest.map((s, i) => (i === 0 ? s.toLowerCase() : s));
  const res =
    req.method === "GET" ? await handleGet(emu, ctx, req, normalized)
    : req.method === "POST" ? handlePost(ctx, req, normalized)
    : undefined;
  if (res) return res;
  throw Faults.unsupportedOperation(req.path, `${emu.baseUrl}${req.path}`);
}
