// Request bodies of the admin API.
import { z } from "zod";

export const ZResetRequestSchema = z.strictObject({ keepTokens: z.boolean().optional() });

export const ZTokensRequestSchema = z.strictObject({ realmId: z.string(), clientId: z.string().optional() });

/** `{"customTxnNumbers"}` or Intuit's own shape `{"SalesFormsPrefs":{"CustomTxnNumbers"}}`. */
export const ZPreferencesRequestSchema = z
  .strictObject({
    customTxnNumbers: z.boolean().optional(),
    multiCurrencyEnabled: z.boolean().optional(),
    SalesFormsPrefs: z.strictObject({ CustomTxnNumbers: z.boolean() }).optional(),
    CurrencyPrefs: z.strictObject({ MultiCurrencyEnabled: z.boolean() }).optional(),
  })
  .transform((b) => ({
    customTxnNumbers: b.customTxnNumbers ?? b.SalesFormsPrefs?.CustomTxnNumbers,
    multiCurrencyEnabled: b.multiCurrencyEnabled ?? b.CurrencyPrefs?.MultiCurrencyEnabled,
  }));

const ZLatencySchema = z.union([
  z.strictObject({ kind: z.literal("none") }),
  z.strictObject({ kind: z.literal("fixed"), ms: z.number().min(0) }),
  z.strictObject({ kind: z.literal("lognormal"), medianMs: z.number().min(0), sigma: z.number().min(0) }),
]);

export const ZConfigRequestSchema = z.strictObject({
  limits: z.strictObject({
    perMinute: z.number().int().min(1).optional(),
    concurrent: z.number().int().min(1).optional(),
    batchPerMinute: z.number().int().min(1).optional(),
    batchPerMinuteAllApps: z.number().int().min(1).optional(),
  }).optional(),
  latency: ZLatencySchema.optional(),
  accessTokenTtlSeconds: z.number().int().min(1).optional(),
  refreshTokenGraceSeconds: z.number().int().min(0).optional(),
  webhookDelayMs: z.number().int().min(0).optional(),
  webhookRetryScale: z.number().positive().max(1000).optional(),
  webhookTimeoutMs: z.number().int().min(1).max(600_000).optional(),
  webhookHoldOnFailure: z.boolean().optional(),
  deactivationOperation: z.enum(["Delete", "Update"]).optional(),
});

/** Drop (lose) the next `count` webhook deliveries, optionally only those for one company or app. */
export const ZWebhookDropRequestSchema = z.strictObject({
  count: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  realmId: z.string().optional(),
  clientId: z.string().optional(),
});

export const ZWebhookRequestSchema = z.strictObject({
  url: z.url(),
  verifierToken: z.string().min(1),
  clientId: z.string().optional(),
  format: z.enum(["legacy", "cloudevents"]).optional(),
});

export const ZCompanyStatusRequestSchema = z.strictObject({
  subscriptionEnded: z.boolean().optional(),
  closingDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable().optional(),
});
