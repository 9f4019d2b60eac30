import { z } from "zod";
import { ensureCan, type TActor } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { toInteractiveError } from "../connection";
import { requireSetupApi, type TSetupApi } from "./setup-api";
import { getSetupDraft, saveSetupStep } from "./draft";
import { ZConfigurationInputSchema, ZInvoicingStepSchema, ZPaymentsStepSchema, ZSourceStepSchema, type TConfigurationDraft } from "./schemas";
import { validateConfiguration } from "./validate-configuration";

export const WIZARD_STEPS = ["source", "invoicing", "payments", "review"] as const;
export type TWizardStep = (typeof WIZARD_STEPS)[number];
export const ZWizardStepSchema = z.enum(WIZARD_STEPS);

/** The steps that apply: in-house-only shops skip the Xometry payments step. */
export function getWizardSteps(draft: TConfigurationDraft): TWizardStep[] {
  return draft.jobSources === "IN_HOUSE" ? ["source", "invoicing", "review"] : [...WIZARD_STEPS];
}

export function getNextStep(step: TWizardStep, draft: TConfigurationDraft): TWizardStep {
  const steps = getWizardSteps(draft);
  return steps[Math.min(steps.indexOf(step) + 1, steps.length - 1)] ?? "review";
}

const STEP_SCHEMAS = { source: ZSourceStepSchema, invoicing: ZInvoicingStepSchema, payments: ZPaymentsStepSchema } as const;

/**
 * Validates one wizard step (against QuickBooks where it names QuickBooks records: a CAD customer
 * or a made-up id is refused here, not at Save) and stores it in the draft. Returns the next step.
 */
export async function submitSetupStep(actor: TActor, rawStep: unknown, values: unknown): Promise<{ next: TWizardStep; draft: TConfigurationDraft }> {
  ensureCan(actor, "integrations.manage");
  const step = parseInput(ZWizardStepSchema.exclude(["review"]), rawStep);
  const stepValues = parseInput(STEP_SCHEMAS[step], values) as Record<string, unknown>;
  const { connection, api } = await requireSetupApi(actor.organizationId);
  const draft = { ...(await getSetupDraft(actor.organizationId, connection.realmId)), ...stepValues } as TConfigurationDraft;
  if (step === "invoicing") {
    if (draft.jobSources !== "IN_HOUSE") {
      parseInput(z.object({ invoiceTrigger: z.string({ message: "Choose when to invoice" }), xometryCustomerId: z.string({ message: "Choose the QuickBooks customer for Xometry jobs" }) }), draft);
    }
    await checkAgainstQuickBooks(api, { ...draft, paymentsEnabled: false, depositsEnabled: false });
  }
  if (step === "payments") await checkAgainstQuickBooks(api, draft);
  return { next: getNextStep(step, draft), draft: await saveSetupStep(actor, STEP_SCHEMAS[step], stepValues) };
}

async function checkAgainstQuickBooks(api: TSetupApi, draft: TConfigurationDraft) {
  const input = parseInput(ZConfigurationInputSchema, draft);
  try {
    await validateConfiguration(api, input);
  } catch (error) {
    const interactive = toInteractiveError(error);
    if (interactive instanceof AppError) throw interactive;
    throw error;
  }
}
