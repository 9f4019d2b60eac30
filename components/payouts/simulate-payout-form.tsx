"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { simulatePayoutAction } from "@/app/(app)/payouts/actions";
import { Button } from "@/components/ui/button";
import { Field, FormMessage, TextInput } from "@/components/ui/form";
import { ZFeePercentSchema } from "@/lib/payouts/fastpay-fee";
import { SimulateDeductions, type TDeductionDraft } from "./simulate-deductions";
import { computeSimulatedTotals, SimulateTotals } from "./simulate-totals";

type TJobChoice = { id: string; number: string; label: string; shipped: string; price: string; priceCents: number; paidEarlyBy: string | null };
type TResult = { ok: boolean; message?: string; fieldErrors?: Record<string, string> } | null;

export function SimulatePayoutForm({ jobs, today }: { jobs: TJobChoice[]; today: string }) {
  const router = useRouter();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [paidAt, setPaidAt] = useState(today);
  const [deductions, setDeductions] = useState<TDeductionDraft[]>([]);
  const [isFastPay, setIsFastPay] = useState(false);
  const [feePercent, setFeePercent] = useState("2.5");
  const [result, setResult] = useState<TResult>(null);
  const [isPending, startTransition] = useTransition();
  const errors = result?.fieldErrors ?? {};
  const chosen = jobs.filter((job) => selected.has(job.id));
  const fee = ZFeePercentSchema.safeParse(feePercent);
  const totals = computeSimulatedTotals(
    chosen.reduce((sum, job) => sum + job.priceCents, 0),
    deductions,
    isFastPay && fee.success ? fee.data : null,
  );
  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const submit = () =>
    startTransition(async () => {
      const outcome = await simulatePayoutAction({
        jobIds: chosen.map((job) => job.id),
        paidAt,
        deductions: deductions.map(({ kind, amount, memo, jobId }) => ({ kind, amount, memo, jobId: kind === "supplies_bnpl" ? jobId : undefined })),
        fastPayFeePercent: isFastPay ? feePercent : undefined,
      });
      if (outcome.ok) router.push(`/payouts/${outcome.data.payoutId}`);
      else setResult(outcome);
    });
  return (
    <form
      className="space-y-6"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <FormMessage result={result} />
      <fieldset>
        <legend className="mb-2 text-sm font-medium text-slate-700">Shipped jobs</legend>
        {errors.jobIds && <p className="mb-2 text-xs text-red-700">{errors.jobIds}</p>}
        <ul className="divide-y divide-slate-100 rounded-md ring-1 ring-slate-200">
          {jobs.map((job) => (
            <li key={job.id}>
              <label className="flex cursor-pointer items-center gap-3 px-3 py-2 text-sm">
                <input type="checkbox" checked={selected.has(job.id)} onChange={() => toggle(job.id)} aria-label={job.label} />
                <span className="flex-1">
                  {job.label}
                  {job.paidEarlyBy && <span className="ml-2 text-xs text-violet-700">paid early by FastPay {job.paidEarlyBy}</span>}
                </span>
                <span className="text-slate-500">shipped {job.shipped}</span>
                <span className="w-28 text-right tabular-nums">{job.price}</span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <div className="max-w-xs">
        <Field label="Paid on" htmlFor="paid-at" error={errors.paidAt}>
          <TextInput id="paid-at" type="date" value={paidAt} onChange={(event) => setPaidAt(event.target.value)} />
        </Field>
      </div>
      <SimulateDeductions rows={deductions} onChange={setDeductions} jobs={chosen} errors={errors} />
      <div className="space-y-2">
        <label className="flex items-center gap-3 text-sm font-medium">
          <input type="checkbox" checked={isFastPay} onChange={(event) => setIsFastPay(event.target.checked)} />
          FastPay: Xometry pays these jobs early, for a fee
        </label>
        {isFastPay && (
          <div className="max-w-xs">
            <Field label="FastPay fee (%)" htmlFor="fastpay-fee" error={errors.fastPayFeePercent} hint="Of the net after Advance Card deductions, rounded to the cent.">
              <TextInput id="fastpay-fee" inputMode="decimal" value={feePercent} invalid={!!errors.fastPayFeePercent} onChange={(event) => setFeePercent(event.target.value)} />
            </Field>
          </div>
        )}
      </div>
      <SimulateTotals totals={totals} isFastPay={isFastPay} />
      <div className="flex justify-end">
        <Button type="submit" disabled={isPending || selected.size === 0}>
          {isPending ? "Recording…" : `Record ${isFastPay ? "FastPay " : ""}payout (${selected.size} jobs)`}
        </Button>
      </div>
    </form>
  );
}
