// Company conditions Intuit enforces on writes: an ended subscription (6190) and closed books (6210).
import { Faults } from "../faults";
import type { RealmState } from "../store/types";
import type { ApiContext } from "./context";

export function ensureSubscriptionActive(realm: RealmState): void {
  if (realm.status?.isSubscriptionEnded) throw Faults.subscriptionEnded();
}

/** Every date (old and new TxnDate) must be after the closing date; people in the company UI may still change them. */
export function ensureOpenPeriod(ctx: ApiContext, ...dates: (string | undefined)[]): void {
  const closing = ctx.realm.status?.closingDate;
  if (!closing || ctx.isCompanyUser) return;
  if (dates.some((d) => d !== undefined && d <= closing)) throw Faults.periodClosed(closing);
}
