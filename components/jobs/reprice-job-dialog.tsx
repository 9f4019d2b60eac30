"use client";

import { useState, useTransition } from "react";
import { repriceJobAction } from "@/app/(app)/jobs/actions";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, FormMessage, TextInput } from "@/components/ui/form";

export function RepriceJobDialog({ jobId }: { jobId: string }) {
  const [open, setOpen] = useState(false);
  const [price, setPrice] = useState("");
  const [reason, setReason] = useState("");
  const [result, setResult] = useState<{ ok: boolean; message?: string; fieldErrors?: Record<string, string> } | null>(null);
  const [isPending, startTransition] = useTransition();
  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)}>
        Change price
      </Button>
      <Dialog open={open} onOpenChange={setOpen} title="Change price" description="Xometry changed the job's price after acceptance. The history is kept.">
        <form
          className="space-y-4"
          onSubmit={(event) => {
            event.preventDefault();
            startTransition(async () => {
              const outcome = await repriceJobAction({ jobId, price, reason: reason || undefined });
              setResult(outcome.ok ? null : outcome);
              if (outcome.ok) setOpen(false);
            });
          }}
        >
          <FormMessage result={result} />
          <Field label="New price (USD)" htmlFor="new-price" error={result?.fieldErrors?.price}>
            <TextInput id="new-price" inputMode="decimal" placeholder="1250.00" value={price} onChange={(event) => setPrice(event.target.value)} />
          </Field>
          <Field label="Reason (optional)" htmlFor="price-reason" error={result?.fieldErrors?.reason}>
            <TextInput id="price-reason" value={reason} onChange={(event) => setReason(event.target.value)} />
          </Field>
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => setOpen(false)}>
              Close
            </Button>
            <Button type="submit" disabled={isPending}>
              Save price
            </Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
