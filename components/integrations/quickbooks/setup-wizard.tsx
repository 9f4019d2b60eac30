"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { saveConfigurationAction, submitSetupStepAction } from "@/app/(app)/management/integrations/quickbooks/actions";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form";
import { useHydrated } from "@/components/ui/use-hydrated";
import { describeDeposits, findUndepositedFundsId } from "@/lib/quickbooks/setup/account-roles";
import type { TLookupOption } from "@/lib/quickbooks/setup/lookups";
import type { TPreflightIssue } from "@/lib/quickbooks/setup/preflight";
import { CHANGE_POLICY_LABELS, IN_HOUSE_MODE_LABELS, SOURCE_LABELS, type TConfigurationDraft, TRIGGER_LABELS } from "@/lib/quickbooks/setup/schemas";
import type { TWizardStep } from "@/lib/quickbooks/setup/wizard";
import { DraftPaymentsFields, InvoicingFields, JobSourceField } from "./configuration-fields";
import { paymentsStepValues } from "./payments-step-values";
import { PreflightNotices } from "./preflight-notices";

type TResult = { ok: boolean; message?: string; fieldErrors?: Record<string, string> } | null;

const STEP_TITLES: Record<TWizardStep, string> = { source: "Job source", invoicing: "Invoices", payments: "Payments", review: "Review" };

export function SetupWizard({ step, steps, draft, accounts, issues }: { step: TWizardStep; steps: TWizardStep[]; draft: TConfigurationDraft; accounts: TLookupOption[]; issues: TPreflightIssue[] }) {
  const router = useRouter();
  const [values, setValues] = useState<TConfigurationDraft>(() => ({
    paymentsEnabled: true,
    depositAccountId: findUndepositedFundsId(accounts),
    ...draft,
  }));
  const [result, setResult] = useState<TResult>(null);
  const [isPending, startTransition] = useTransition();
  const isHydrated = useHydrated();
  const errors = result?.fieldErrors ?? {};
  const set = (patch: Partial<TConfigurationDraft>) => setValues((current) => ({ ...current, ...patch }));
  const isXometry = values.jobSources !== "IN_HOUSE";
  const goTo = (next: TWizardStep) => router.push(`/management/integrations/quickbooks/setup?step=${next}`);

  const submitStep = () =>
    startTransition(async () => {
      const payload =
        step === "source"
          ? { jobSources: values.jobSources }
          : step === "invoicing"
            ? {
                invoiceTrigger: isXometry ? values.invoiceTrigger : undefined,
                xometryCustomerId: isXometry ? values.xometryCustomerId : undefined,
                xometryCustomerLabel: isXometry ? values.xometryCustomerLabel : undefined,
                defaultItemId: values.defaultItemId,
                defaultItemLabel: values.defaultItemLabel,
                inHouseInvoiceMode: values.jobSources !== "XOMETRY" ? values.inHouseInvoiceMode : undefined,
                inHouseItemId: values.jobSources !== "XOMETRY" ? values.inHouseItemId : undefined,
                inHouseItemLabel: values.jobSources !== "XOMETRY" ? values.inHouseItemLabel : undefined,
                emailInHouseInvoices: values.jobSources !== "XOMETRY" ? values.emailInHouseInvoices : undefined,
              }
            : paymentsStepValues(values);
      const outcome = await submitSetupStepAction(step, payload);
      setResult(outcome.ok ? null : outcome);
      if (outcome.ok) goTo(outcome.data.next);
    });

  const save = () =>
    startTransition(async () => {
      const outcome = await saveConfigurationAction(values);
      setResult(outcome.ok ? null : outcome);
      if (outcome.ok) router.push("/management/integrations?qbo=configured");
    });

  return (
    <div className="space-y-6">
      <ol className="flex gap-2 text-sm" aria-label="Setup steps">
        {steps.map((name, index) => (
          <li key={name} aria-current={name === step ? "step" : undefined} className={`rounded-full px-3 py-1 ${name === step ? "bg-brand-600 text-white" : "bg-slate-100 text-slate-600"}`}>
            {index + 1}. {STEP_TITLES[name]}
          </li>
        ))}
      </ol>
      <PreflightNotices issues={issues} />
      <FormMessage result={result} />
      {step === "source" && <JobSourceField value={values.jobSources} onChange={(jobSources) => set({ jobSources })} error={errors.jobSources} />}
      {step === "invoicing" && (
        <div className="space-y-6">
          <InvoicingFields values={values} set={set} errors={errors} />
        </div>
      )}
      {step === "payments" && <DraftPaymentsFields values={values} set={set} errors={errors} accounts={accounts} />}
      {step === "review" && <Review values={values} accounts={accounts} />}
      <div className="flex justify-between">
        <Button variant="secondary" disabled={step === "source"} onClick={() => goTo(steps[Math.max(steps.indexOf(step) - 1, 0)]!)}>
          Back
        </Button>
        {step === "review" ? (
          <Button onClick={save} disabled={isPending || !isHydrated}>
            {isPending ? "Saving…" : "Save"}
          </Button>
        ) : (
          <Button onClick={submitStep} disabled={isPending || !isHydrated}>
            {isPending ? "Checking with QuickBooks…" : "Next"}
          </Button>
        )}
      </div>
    </div>
  );
}

function Review({ values, accounts }: { values: TConfigurationDraft; accounts: TLookupOption[] }) {
  const isXometry = values.jobSources !== "IN_HOUSE";
  const rows: [string, string][] = [
    ["Job source", values.jobSources ? SOURCE_LABELS[values.jobSources] : "—"],
    ...(isXometry
      ? ([
          ["Invoice when", values.invoiceTrigger ? TRIGGER_LABELS[values.invoiceTrigger] : "—"],
          ["Xometry customer", values.xometryCustomerLabel ?? "—"],
          ["Price changes and cancellations", CHANGE_POLICY_LABELS[values.changePolicy ?? "ASK"]],
        ] as [string, string][])
      : []),
    ["Product/Service", values.defaultItemLabel ?? "—"],
    ...(values.jobSources !== "XOMETRY" ? ([["In-house invoices", IN_HOUSE_MODE_LABELS[values.inHouseInvoiceMode ?? "MANUAL"]], ["In-house product/service", values.inHouseItemLabel ?? "Same as above"], ["Email in-house invoices automatically", values.emailInHouseInvoices ? "On" : "Off"]] as [string, string][]) : []),
    ...(isXometry
      ? ([
          ["Automated payments", values.paymentsEnabled ? `On, deposited to ${accounts.find((account) => account.id === values.depositAccountId)?.name ?? "—"}` : "Off"],
          ["Payout deposits", values.paymentsEnabled && values.depositsEnabled ? describeDeposits(values.accountLabels ?? {}) : "Off"],
        ] as [string, string][])
      : []),
  ];
  return (
    <dl className="divide-y divide-slate-100 rounded-md ring-1 ring-slate-200" data-testid="setup-review">
      {rows.map(([label, value]) => (
        <div key={label} className="grid grid-cols-3 gap-4 px-4 py-2 text-sm">
          <dt className="text-slate-500">{label}</dt>
          <dd className="col-span-2">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
