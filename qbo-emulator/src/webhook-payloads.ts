// Webhook bodies: Intuit's legacy `eventNotifications` object and the CloudEvents array that replaces it.
import { createHash, randomUUID } from "node:crypto";
import type { ChangeEvent, ChangeOperation } from "./store/types";

const PAST_TENSE: Record<ChangeOperation, string> = {
  Create: "created",
  Update: "updated",
  Delete: "deleted",
  Merge: "merged",
  Void: "voided",
  Emailed: "emailed",
};

/** `{"eventNotifications":[{"realmId","dataChangeEvent":{"entities":[{"name","id","operation","lastUpdated"(,"deletedId")}]}}]}` */
export function buildLegacyBody(realmId: string, events: ChangeEvent[]): string {
  return JSON.stringify({
    eventNotifications: [
      {
        realmId,
        dataChangeEvent: {
          entities: events.map((e) => ({
            name: e.entity,
            id: e.id,
            operation: e.operation,
            lastUpdated: new Date(e.at).toISOString(),
            ...(e.deletedId !== undefined ? { deletedId: e.deletedId } : {}),
          })),
        },
      },
    ],
  });
}

/** `[{"specversion":"1.0","id","source","type":"qbo.invoice.voided.v1","datacontenttype","time","intuitentityid","intuitaccountid","data"}]` */
export function buildCloudEventsBody(clientId: string, events: ChangeEvent[]): string {
  const source = `intuit.${createHash("sha256").update(clientId).digest("base64")}`;
  return JSON.stringify(
    events.map((e) => ({
      specversion: "1.0",
      id: `${randomUUID()}-${e.entity}-${e.id}`,
      source,
      type: `qbo.${e.entity.toLowerCase()}.${PAST_TENSE[e.operation]}.v1`,
      datacontenttype: "application/json",
      time: new Date(e.at).toISOString(),
      intuitentityid: e.id,
      intuitaccountid: e.realmId,
      data: e.deletedId !== undefined ? { deletedid: e.deletedId } : {},
    })),
  );
}
