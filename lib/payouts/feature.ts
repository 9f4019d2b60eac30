import type { TSyncFeature } from "@/lib/sync/pushers";
import { triggerPayoutPayment } from "./payment-trigger";
import { pushPayment } from "./push-payment";

/** Payments: one sync row per payout, queued when the payout is recorded. */
export const paymentsFeature: TSyncFeature = {
  name: "payments",
  pushers: { PAYMENT: pushPayment },
  subscribers: [["payout.recorded", triggerPayoutPayment]],
};
