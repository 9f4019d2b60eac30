"use client";

import { Button } from "@/components/ui/button";
import { TextInput } from "@/components/ui/form";
import { DEDUCTION_LABELS, toDeductionKind } from "@/lib/payouts/labels";
import { SIMULATED_DEDUCTION_KINDS } from "@/lib/payouts/schemas";

export type TDeductionDraft = { key: number; kind: (typeof SIMULATED_DEDUCTION_KINDS)[number]; amount: string; memo: string; jobId: string };
type TJob = { id: string; number: string };

const SELECT = "block w-full rounded-md border border-slate-300 px-2 py-2 text-sm";

/** The deductions Xometry takes from the payout: kind, amount, memo, and the job for Supplies BNPL. */
export function SimulateDeductions({ rows, onChange, jobs, errors }: { rows: TDeductionDraft[]; onChange: (rows: TDeductionDraft[]) => void; jobs: TJob[]; errors: Record<string, string> }) {
  const update = (key: number, patch: Partial<TDeductionDraft>) => onChange(rows.map((row) => (row.key === key ? { ...row, ...patch } : row)));
  const add = () => onChange([...rows, { key: Math.max(0, ...rows.map((row) => row.key)) + 1, kind: "advance_card", amount: "", memo: "", jobId: "" }]);
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium text-slate-700">Deductions</legend>
      {rows.length === 0 && <p className="text-xs text-slate-500">None: the whole gross reaches the bank.</p>}
      <ul className="space-y-3">
        {rows.map((row, index) => {
          const error = (field: string) => errors[`deductions.${index}.${field}`];
          const label = `Deduction ${index + 1}`;
          return (
            <li key={row.key} className="grid gap-2 rounded-md p-3 ring-1 ring-slate-200 sm:grid-cols-[10rem_8rem_1fr_9rem_auto]" aria-label={label} data-testid="deduction-row">
              <select aria-label={`${label} kind`} value={row.kind} onChange={(event) => update(row.key, { kind: event.target.value as TDeductionDraft["kind"] })} className={SELECT}>
                {SIMULATED_DEDUCTION_KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {DEDUCTION_LABELS[toDeductionKind(kind)]}
                  </option>
                ))}
              </select>
              <TextInput aria-label={`${label} amount`} inputMode="decimal" placeholder="125.00" value={row.amount} invalid={!!error("amount")} onChange={(event) => update(row.key, { amount: event.target.value })} />
              <TextInput aria-label={`${label} memo`} placeholder="Memo (optional)" maxLength={200} value={row.memo} onChange={(event) => update(row.key, { memo: event.target.value })} />
              {row.kind === "supplies_bnpl" ? (
                <select aria-label={`${label} job`} value={row.jobId} onChange={(event) => update(row.key, { jobId: event.target.value })} className={SELECT} aria-invalid={!!error("jobId") || undefined}>
                  <option value="">From job…</option>
                  {jobs.map((job) => (
                    <option key={job.id} value={job.id}>
                      {job.number}
                    </option>
                  ))}
                </select>
              ) : (
                <span />
              )}
              <Button variant="ghost" onClick={() => onChange(rows.filter((candidate) => candidate.key !== row.key))} aria-label={`Remove ${label.toLowerCase()}`}>
                Remove
              </Button>
              {(error("amount") || error("jobId") || error("kind") || error("memo")) && (
                <p role="alert" className="text-xs font-medium text-red-700 sm:col-span-5">
                  {error("amount") ?? error("jobId") ?? error("kind") ?? error("memo")}
                </p>
              )}
            </li>
          );
        })}
      </ul>
      <Button variant="secondary" onClick={add}>
        Add deduction
      </Button>
    </fieldset>
  );
}
