import type { TSyncFeature } from "@/lib/sync/pushers";
import { triggerPayoutPayment } from "./payment-trigger";
import { pushDeposit } from "./push-deposit";
import { pushPayment } from "./push-payment";

/** Payouts: a payment row and a deposit row per payout (the deposit waits for the payment), queued when it is recorded. */
export const paymentsFeature: TSyncFeature = {
  name: "payments",
  pushers: { PAYMENT: pushPayment, DEPOSIT: pushDeposit },
  subscribers: [["payout.recorded", triggerPayoutPayment]],
};
