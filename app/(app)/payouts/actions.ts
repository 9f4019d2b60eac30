"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { runAction, type TActionResult } from "@/lib/actions/run-action";
import { requireActor } from "@/lib/auth/current";
import { postPayout, retryPayout } from "@/lib/payouts/post-payouts";
import { simulatePayout } from "@/lib/payouts/simulate-payout";
import { parseInput } from "@/lib/validation";

const ZIdSchema = z.string().min(1).max(64);

export async function simulatePayoutAction(input: unknown): Promise<TActionResult<{ payoutId: string }>> {
  return runAction("simulate-payout", async () => {
    const result = await simulatePayout(await requireActor(), input);
    revalidatePath("/payouts");
    return { payoutId: result.payoutId };
  });
}

/** Posts a payout recorded before payments or deposits were turned on (bookkeepers, owners, admins). */
export async function postPayoutAction(payoutId: string): Promise<TActionResult<{ queued: number }>> {
  return runAction("post-payout", async () => {
    const result = await postPayout(await requireActor(), parseInput(ZIdSchema, payoutId));
    revalidatePath("/payouts");
    return result;
  });
}

/** Retries the payout's failed payment and deposit. */
export async function retryPayoutAction(payoutId: string): Promise<TActionResult<{ retried: number }>> {
  return runAction("retry-payout", async () => {
    const retried = await retryPayout(await requireActor(), parseInput(ZIdSchema, payoutId));
    revalidatePath("/payouts");
    return { retried };
  });
}
