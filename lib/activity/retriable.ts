import { isChangeKind } from "@/lib/changes/change-payload";
import { REALM_CHANGED } from "@/lib/sync/realm-change";

/**
 * A failed row a Retry can send. A change (update, void, credit memo, difference) meant for an
 * invoice in the QuickBooks company the shop used before cannot follow it to the new one.
 */
export function isRetriable(sync: { kind: string; errorCode: string | null }): boolean {
  return !(isChangeKind(sync.kind) && sync.errorCode === REALM_CHANGED);
}
