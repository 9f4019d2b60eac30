"use server";

import { revalidatePath } from "next/cache";
import { runAction, type TActionResult } from "@/lib/actions/run-action";
import { requireActor } from "@/lib/auth/current";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { simulatePayout } from "@/lib/payouts/simulate-payout";
import { retrySync } from "@/lib/sync/retry-sync";

export async function simulatePayoutAction(input: unknown): Promise<TActionResult<{ payoutId: string }>> {
  return runAction("simulate-payout", async () => {
    const result = await simulatePayout(await requireActor(), input);
    revalidatePath("/payouts");
    return { payoutId: result.payoutId };
  });
}

export async function retryPayoutPaymentAction(payoutId: string): Promise<TActionResult> {
  return runAction("retry-payout-payment", async () => {
    const actor = await requireActor("invoices.manage");
    const sync = await db.quickBooksSync.findFirst({ where: { organizationId: actor.organizationId, kind: "PAYMENT", payoutId }, select: { id: true } });
    if (!sync) throw notFound("This payout's payment");
    await retrySync(actor, sync.id);
    revalidatePath(`/payouts/${payoutId}`);
    return undefined;
  });
}
