"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { simulatePayoutAction } from "@/app/(app)/payouts/actions";
import { Button } from "@/components/ui/button";
import { Field, FormMessage, TextInput } from "@/components/ui/form";

type TJobChoice = { id: string; label: string; shipped: string; price: string };

export function SimulatePayoutForm({ jobs, today }: { jobs: TJobChoice[]; today: string }) {
  const router = useRouter();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [paidAt, setPaidAt] = useState(today);
  const [result, setResult] = useState<{ ok: boolean; message?: string; fieldErrors?: Record<string, string> } | null>(null);
  const [isPending, startTransition] = useTransition();
  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  return (
    <form
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        startTransition(async () => {
          const outcome = await simulatePayoutAction({ jobIds: [...selected], paidAt });
          if (outcome.ok) router.push(`/payouts/${outcome.data.payoutId}`);
          else setResult(outcome);
        });
      }}
    >
      <FormMessage result={result} />
      <fieldset>
        <legend className="mb-2 text-sm font-medium text-slate-700">Shipped jobs</legend>
        {result?.fieldErrors?.jobIds && <p className="mb-2 text-xs text-red-700">{result.fieldErrors.jobIds}</p>}
        <ul className="divide-y divide-slate-100 rounded-md ring-1 ring-slate-200">
          {jobs.map((job) => (
            <li key={job.id}>
              <label className="flex cursor-pointer items-center gap-3 px-3 py-2 text-sm">
                <input type="checkbox" checked={selected.has(job.id)} onChange={() => toggle(job.id)} aria-label={job.label} />
                <span className="flex-1">{job.label}</span>
                <span className="text-slate-500">shipped {job.shipped}</span>
                <span className="w-28 text-right tabular-nums">{job.price}</span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <div className="max-w-xs">
        <Field label="Paid on" htmlFor="paid-at" error={result?.fieldErrors?.paidAt}>
          <TextInput id="paid-at" type="date" value={paidAt} onChange={(event) => setPaidAt(event.target.value)} />
        </Field>
      </div>
      <div className="flex justify-end">
        <Button type="submit" disabled={isPending || selected.size === 0}>
          {isPending ? "Recording…" : `Record payout (${selected.size} jobs)`}
        </Button>
      </div>
    </form>
  );
}
