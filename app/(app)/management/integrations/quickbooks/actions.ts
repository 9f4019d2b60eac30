"use server";

import { revalidatePath } from "next/cache";
import { runAction, type TActionResult } from "@/lib/actions/run-action";
import { requireActor } from "@/lib/auth/current";
import { saveQuickBooksConfiguration } from "@/lib/quickbooks/setup/save-configuration";
import { submitSetupStep, type TWizardStep } from "@/lib/quickbooks/setup/wizard";

export async function submitSetupStepAction(step: string, values: unknown): Promise<TActionResult<{ next: TWizardStep }>> {
  return runAction("quickbooks-setup-step", async () => {
    const { next } = await submitSetupStep(await requireActor(), step, values);
    return { next };
  });
}

export async function saveConfigurationAction(values: unknown): Promise<TActionResult<{ changedFields: string[] }>> {
  return runAction("quickbooks-save-configuration", async () => {
    const { changes } = await saveQuickBooksConfiguration(await requireActor(), values);
    revalidatePath("/management/integrations");
    return { changedFields: Object.keys(changes) };
  });
}
