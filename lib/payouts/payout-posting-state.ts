import type { TActor } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { getPayoutPostingProgress, previewEarlierPayouts } from "./post-payouts";

export type TPayoutPostingState = {
  /** Earlier payouts missing a payment or deposit the configuration now asks for; 0 when there is nothing to post. */
  count: number;
  progress: Awaited<ReturnType<typeof getPayoutPostingProgress>>;
};

/** The Payouts page's "post earlier payouts" card: how many wait, and the last run's progress. */
export async function getPayoutPostingState(actor: TActor): Promise<TPayoutPostingState> {
  const progress = await getPayoutPostingProgress(actor.organizationId);
  try {
    return { count: (await previewEarlierPayouts(actor)).count, progress };
  } catch (error) {
    // Payments off or QuickBooks not set up: nothing to post, and no card to show.
    if (error instanceof AppError && error.code === "CONFLICT") return { count: 0, progress };
    throw error;
  }
}
