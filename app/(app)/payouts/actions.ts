"use server";

import { revalidatePath } from "next/cache";
import { runAction, type TActionResult } from "@/lib/actions/run-action";
import { requireActor } from "@/lib/auth/current";
import { simulatePayout } from "@/lib/payouts/simulate-payout";

export async function simulatePayoutAction(input: { jobIds: string[]; paidAt: string }): Promise<TActionResult<{ payoutId: string }>> {
  return runAction("simulate-payout", async () => {
    const result = await simulatePayout(await requireActor(), input);
    revalidatePath("/payouts");
    return { payoutId: result.payoutId };
  });
}
