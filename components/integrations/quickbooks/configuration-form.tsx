"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { saveConfigurationAction } from "@/app/(app)/management/integrations/quickbooks/actions";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { TLookupOption } from "@/lib/quickbooks/setup/lookups";
import type { TConfigurationDraft } from "@/lib/quickbooks/setup/schemas";
import { DraftPaymentsFields, InvoicingFields, JobSourceField } from "./configuration-fields";

type TResult = { ok: boolean; message?: string; fieldErrors?: Record<string, string> } | null;

/** Edit Configuration: every setting on one page; changes apply to triggers from now on. */
export function ConfigurationForm({ initial, accounts }: { initial: TConfigurationDraft; accounts: TLookupOption[] }) {
  const router = useRouter();
  const [values, setValues] = useState<TConfigurationDraft>(initial);
  const [result, setResult] = useState<TResult>(null);
  const [isPending, startTransition] = useTransition();
  const isHydrated = useHydrated();
  const errors = result?.fieldErrors ?? {};
  const set = (patch: Partial<TConfigurationDraft>) => setValues((current) => ({ ...current, ...patch }));
  const isXometry = values.jobSources !== "IN_HOUSE";
  return (
    <form
      className="space-y-6"
      onSubmit={(event) => {
        event.preventDefault();
        startTransition(async () => {
          const outcome = await saveConfigurationAction(values);
          if (!outcome.ok) return setResult(outcome);
          setResult({ ok: true, message: outcome.data.changedFields.length ? "Saved. The change applies from the next job on." : "Nothing changed." });
          router.refresh();
        });
      }}
    >
      <FormMessage result={result} />
      <JobSourceField value={values.jobSources} onChange={(jobSources) => set({ jobSources })} error={errors.jobSources} />
      <InvoicingFields values={values} set={set} errors={errors} />
      {isXometry && <DraftPaymentsFields values={values} set={set} errors={errors} accounts={accounts} />}
      <div className="flex justify-end">
        <Button type="submit" disabled={isPending || !isHydrated}>
          {isPending ? "Checking with QuickBooks…" : "Save changes"}
        </Button>
      </div>
    </form>
  );
}
