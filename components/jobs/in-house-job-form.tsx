"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { createInHouseJobAction } from "@/app/(app)/jobs/actions";
import { Button } from "@/components/ui/button";
import { Field, FormMessage, TextInput } from "@/components/ui/form";

type TLine = { key: number; description: string; quantity: string; unitPrice: string };

export function InHouseJobForm() {
  const router = useRouter();
  const [customerName, setCustomerName] = useState("");
  const [title, setTitle] = useState("");
  const [lines, setLines] = useState<TLine[]>([{ key: 0, description: "", quantity: "1", unitPrice: "" }]);
  const [result, setResult] = useState<{ ok: boolean; message?: string; fieldErrors?: Record<string, string> } | null>(null);
  const [isPending, startTransition] = useTransition();
  const errors = result?.fieldErrors ?? {};
  const updateLine = (key: number, patch: Partial<TLine>) => setLines((current) => current.map((line) => (line.key === key ? { ...line, ...patch } : line)));

  return (
    <form
      className="space-y-5"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        startTransition(async () => {
          const outcome = await createInHouseJobAction({
            customerName,
            title,
            lineItems: lines.map(({ description, quantity, unitPrice }) => ({ description, quantity, unitPrice })),
          });
          if (outcome.ok) router.push(`/jobs/${outcome.data.jobId}`);
          else setResult(outcome);
        });
      }}
    >
      <FormMessage result={result} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Customer" htmlFor="customer-name" error={errors.customerName}>
          <TextInput id="customer-name" value={customerName} onChange={(event) => setCustomerName(event.target.value)} invalid={!!errors.customerName} />
        </Field>
        <Field label="Job title" htmlFor="job-title" error={errors.title}>
          <TextInput id="job-title" value={title} onChange={(event) => setTitle(event.target.value)} invalid={!!errors.title} />
        </Field>
      </div>
      <fieldset className="space-y-3">
        <legend className="text-sm font-medium text-slate-700">Line items</legend>
        {errors.lineItems && <p className="text-xs text-red-700">{errors.lineItems}</p>}
        {lines.map((line, index) => (
          <div key={line.key} className="grid grid-cols-12 items-start gap-2">
            <div className="col-span-6">
              <Field label={`Description ${index + 1}`} htmlFor={`line-${line.key}-description`} error={errors[`lineItems.${index}.description`]}>
                <TextInput id={`line-${line.key}-description`} value={line.description} onChange={(event) => updateLine(line.key, { description: event.target.value })} />
              </Field>
            </div>
            <div className="col-span-2">
              <Field label="Qty" htmlFor={`line-${line.key}-quantity`} error={errors[`lineItems.${index}.quantity`]}>
                <TextInput id={`line-${line.key}-quantity`} inputMode="numeric" value={line.quantity} onChange={(event) => updateLine(line.key, { quantity: event.target.value })} />
              </Field>
            </div>
            <div className="col-span-3">
              <Field label="Unit price (USD)" htmlFor={`line-${line.key}-price`} error={errors[`lineItems.${index}.unitPrice`]}>
                <TextInput id={`line-${line.key}-price`} inputMode="decimal" placeholder="0.00" value={line.unitPrice} onChange={(event) => updateLine(line.key, { unitPrice: event.target.value })} />
              </Field>
            </div>
            <div className="col-span-1 pt-6">
              {lines.length > 1 && (
                <Button variant="ghost" aria-label={`Remove line ${index + 1}`} onClick={() => setLines((current) => current.filter((other) => other.key !== line.key))}>
                  ✕
                </Button>
              )}
            </div>
          </div>
        ))}
        <Button variant="secondary" onClick={() => setLines((current) => [...current, { key: Date.now(), description: "", quantity: "1", unitPrice: "" }])}>
          Add line
        </Button>
      </fieldset>
      <div className="flex justify-end">
        <Button type="submit" disabled={isPending}>
          {isPending ? "Creating…" : "Create job"}
        </Button>
      </div>
    </form>
  );
}
