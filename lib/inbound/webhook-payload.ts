import crypto from "node:crypto";
import { z } from "zod";

/** One change QuickBooks told us about: only ids; the entity itself is always read back from QuickBooks. */
export type TInboundChange = {
  realmId: string;
  entity: string;
  entityId: string;
  operation: string;
  /** When QuickBooks made the change (lastUpdated / time), as sent. */
  occurredAt: string | null;
  /** The merged-away record of a Merge. */
  deletedId?: string;
  /** Unique per change however often it is delivered: CloudEvents id, else realm/entity/id/operation/lastUpdated. */
  dedupeKey: string;
};

/** intuit-signature = base64 HMAC-SHA256 of the raw body with the app's verifier token, compared in constant time. */
export function isValidIntuitSignature(rawBody: string, signature: string | null, verifierToken: string): boolean {
  if (!signature || !verifierToken) return false;
  const expected = crypto.createHmac("sha256", verifierToken).update(rawBody, "utf8").digest();
  const given = Buffer.from(signature, "base64");
  return given.length === expected.length && crypto.timingSafeEqual(expected, given);
}

const ZId = z.string().trim().min(1).max(64);
const ZLegacySchema = z.object({
  eventNotifications: z
    .array(
      z.object({
        realmId: ZId,
        dataChangeEvent: z.object({
          entities: z.array(z.object({ name: ZId, id: ZId, operation: ZId, lastUpdated: z.string().max(64).optional(), deletedId: ZId.optional(), deletedID: ZId.optional() })).max(1000),
        }),
      }),
    )
    .max(100),
});
const ZCloudEventSchema = z.object({
  specversion: z.string(),
  id: z.string().min(1).max(200),
  type: z.string().regex(/^qbo\.[a-z]+\.[a-z]+\.v\d+$/i, "type looks like qbo.invoice.updated.v1"),
  time: z.string().max(64).optional(),
  intuitentityid: ZId,
  intuitaccountid: ZId,
  data: z.object({ deletedid: ZId.optional(), deletedId: ZId.optional() }).passthrough().optional(),
});

const ENTITY_NAMES: Record<string, string> = { invoice: "Invoice", payment: "Payment", creditmemo: "CreditMemo", customer: "Customer", item: "Item", deposit: "Deposit", account: "Account" };
const OPERATIONS: Record<string, string> = { created: "Create", updated: "Update", deleted: "Delete", merged: "Merge", void: "Void", voided: "Void", emailed: "Emailed" };

function fromCloudEvent(event: z.infer<typeof ZCloudEventSchema>): TInboundChange {
  const [, entity = "", operation = ""] = event.type.toLowerCase().split(".");
  const deletedId = event.data?.deletedid ?? event.data?.deletedId;
  return {
    realmId: event.intuitaccountid,
    entity: ENTITY_NAMES[entity] ?? entity,
    entityId: event.intuitentityid,
    operation: OPERATIONS[operation] ?? operation,
    occurredAt: event.time ?? null,
    ...(deletedId ? { deletedId } : {}),
    dedupeKey: `ce:${event.id}`,
  };
}

/**
 * The same change seen by a webhook and by CDC gets the same key: realm, entity, id and the moment of
 * the change (normalized, since Intuit writes it with and without a colon in the offset). Without a
 * moment nothing can be deduplicated, so the key is unique.
 */
export function buildChangeKey(realmId: string, entity: string, entityId: string, lastUpdated: string | undefined | null): string {
  const time = parseIntuitTime(lastUpdated);
  return time ? `${realmId}:${entity}:${entityId}:${time.toISOString()}` : `${realmId}:${entity}:${entityId}:unknown:${crypto.randomUUID()}`;
}

/** Intuit's timestamps, with or without a colon in the offset ("-0700" / "-07:00"); null when there is none. */
export function parseIntuitTime(value: string | undefined | null): Date | null {
  const time = value ? Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, "$1:$2")) : Number.NaN;
  return Number.isNaN(time) ? null : new Date(time);
}

/** Both of Intuit's formats (legacy `eventNotifications`, CloudEvents array); throws a ZodError on anything else. */
export function parseWebhookBody(json: unknown): TInboundChange[] {
  if (Array.isArray(json)) return z.array(ZCloudEventSchema).max(1000).parse(json).map(fromCloudEvent);
  return ZLegacySchema.parse(json).eventNotifications.flatMap((notification) =>
    notification.dataChangeEvent.entities.map((entity) => {
      const deletedId = entity.deletedId ?? entity.deletedID;
      return {
        realmId: notification.realmId,
        entity: entity.name,
        entityId: entity.id,
        operation: entity.operation,
        occurredAt: entity.lastUpdated ?? null,
        ...(deletedId ? { deletedId } : {}),
        dedupeKey: buildChangeKey(notification.realmId, entity.name, entity.id, entity.lastUpdated),
      };
    }),
  );
}
