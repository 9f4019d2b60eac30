// The admin API under /__emulator/ (JSON): reset, inspect, tokens, faults, config, request log, webhooks.
import type { z } from "zod";
import type { Emulator } from "../emulator";
import { ZFaultRuleRequestSchema } from "../fault-injection";
import { QboFault } from "../faults";
import type { EmuRequest, EmuResponse } from "../http";
import { buildTokenJson } from "../oauth/token";
import { createCompanies, ZCreateCompaniesRequestSchema } from "./bulk-companies";
import { handleCompanyAdmin } from "./company-routes";
import { AdminInputError, buildAdminError, buildAdminJson, parseAdminBody } from "./respond";
import {
  ZConfigRequestSchema,
  ZResetRequestSchema,
  ZTokensRequestSchema,
  ZWebhookDropRequestSchema,
  ZWebhookRequestSchema,
} from "./schemas";

type Route = (emu: Emulator, req: EmuRequest) => EmuResponse;

function withBody<T extends z.ZodType>(schema: T, fn: (emu: Emulator, body: z.infer<T>) => EmuResponse): Route {
  return (emu, req) => fn(emu, parseAdminBody(req, schema));
}

function getConfig(emu: Emulator): Record<string, unknown> {
  const o = emu.options;
  return {
    limits: o.limits, latency: o.latency, accessTokenTtlSeconds: o.accessTokenTtlSeconds,
    refreshTokenGraceSeconds: o.refreshTokenGraceSeconds, webhookDelayMs: o.webhookDelayMs,
    webhookRetryScale: o.webhookRetryScale, webhookTimeoutMs: o.webhookTimeoutMs, webhookHoldOnFailure: o.webhookHoldOnFailure,
    deactivationOperation: o.deactivationOperation,
  };
}

const ROUTES: Record<string, Route> = {
  "GET /__emulator/health": () => buildAdminJson(200, { ok: true }),
  "POST /__emulator/reset": withBody(ZResetRequestSchema, (emu, body) => {
    emu.reset(body.keepTokens === true);
    return buildAdminJson(200, { ok: true });
  }),
  "GET /__emulator/realms": (emu) =>
    buildAdminJson(200, {
      realms: Object.values(emu.store.realms).map((r) => ({
        realmId: r.realmId, companyName: r.company.companyName, customTxnNumbers: r.prefs.customTxnNumbers,
        multiCurrencyEnabled: r.prefs.multiCurrencyEnabled, homeCurrency: r.prefs.homeCurrency,
      })),
    }),
  "POST /__emulator/companies": withBody(ZCreateCompaniesRequestSchema, createCompanies),
  "POST /__emulator/tokens": withBody(ZTokensRequestSchema, (emu, body) => {
    if (!emu.store.getRealm(body.realmId)) return buildAdminError(404, `Unknown realm ${body.realmId}`);
    const app = body.clientId ? emu.findApp(body.clientId) : emu.defaultApp;
    if (!app) return buildAdminError(404, `Unknown clientId ${body.clientId}`);
    const issued = emu.grants.createGrant(app.clientId, body.realmId, "com.intuit.quickbooks.accounting");
    emu.scheduleSave();
    return buildAdminJson(200, { ...buildTokenJson(emu, issued, false), realmId: body.realmId });
  }),
  "GET /__emulator/faults": (emu) => buildAdminJson(200, { faults: emu.faults.list() }),
  "POST /__emulator/faults": withBody(ZFaultRuleRequestSchema, (emu, body) => {
    try {
      const { regex: _regex, ...rule } = emu.faults.add(body);
      return buildAdminJson(201, rule);
    } catch (e) {
      return buildAdminError(400, e instanceof Error ? e.message : "invalid fault rule");
    }
  }),
  "DELETE /__emulator/faults": (emu) => {
    emu.faults.clear();
    return buildAdminJson(200, { ok: true });
  },
  "GET /__emulator/requests": (emu) => buildAdminJson(200, { requests: emu.requestLog.list() }),
  "DELETE /__emulator/requests": (emu) => {
    emu.requestLog.clear();
    return buildAdminJson(200, { ok: true });
  },
  "GET /__emulator/config": (emu) => buildAdminJson(200, getConfig(emu)),
  "POST /__emulator/config": withBody(ZConfigRequestSchema, (emu, body) => {
    const o = emu.options;
    if (body.limits) o.limits = { ...o.limits, ...body.limits };
    if (body.latency) o.latency = body.latency;
    const { limits: _limits, latency: _latency, ...rest } = body;
    for (const [key, value] of Object.entries(rest)) if (value !== undefined) Object.assign(o, { [key]: value });
    return buildAdminJson(200, getConfig(emu));
  }),
  "GET /__emulator/webhooks": (emu) =>
    buildAdminJson(200, {
      registrations: emu.webhooks.listRegistrations(), drop: emu.webhooks.listDropRules(), deliveries: emu.webhooks.listDeliveries(),
    }),
  "POST /__emulator/webhooks/drop": withBody(ZWebhookDropRequestSchema, (emu, body) => {
    emu.webhooks.addDropRule({ remaining: body.count, realmId: body.realmId, clientId: body.clientId });
    return buildAdminJson(201, { drop: emu.webhooks.listDropRules() });
  }),
  "DELETE /__emulator/webhooks/drop": (emu) => {
    emu.webhooks.clearDropRules();
    return buildAdminJson(200, { drop: [] });
  },
  "POST /__emulator/webhooks/retry": (emu) => buildAdminJson(200, { retried: emu.webhooks.retryFailed() }),
  "POST /__emulator/webhooks": withBody(ZWebhookRequestSchema, (emu, body) => {
    const clientId = body.clientId ?? emu.defaultApp.clientId;
    if (!emu.findApp(clientId)) return buildAdminError(404, `Unknown clientId ${clientId}`);
    const format = body.format ?? "legacy";
    emu.webhooks.register({ clientId, url: body.url, verifierToken: body.verifierToken, format });
    return buildAdminJson(201, { clientId, url: body.url, format });
  }),
  "DELETE /__emulator/webhooks": (emu, req) => {
    emu.webhooks.unregister(req.query.get("clientId") ?? emu.defaultApp.clientId);
    return buildAdminJson(200, { ok: true });
  },
};

export async function handleAdmin(emu: Emulator, req: EmuRequest): Promise<EmuResponse> {
  try {
    const route = ROUTES[`${req.method} ${req.path.replace(/\/$/, "")}`];
    if (route) return route(emu, req);
    const company = handleCompanyAdmin(emu, req);
    if (company) return company;
    return buildAdminError(404, `No admin route ${req.method} ${req.path}`);
  } catch (e) {
    if (e instanceof QboFault) return buildAdminJson(e.status, e.toBody());
    if (e instanceof AdminInputError) return buildAdminError(400, e.message);
    throw e;
  }
}
