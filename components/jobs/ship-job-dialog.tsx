"use client";

import { useEffect, useState, useTransition } from "react";
import { shipJobAction } from "@/app/(app)/jobs/actions";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, FormMessage, TextInput } from "@/components/ui/form";

export function ShipJobDialog({ jobId, jobNumber, today }: { jobId: string; jobNumber: string; today: string }) {
  const [open, setOpen] = useState(false);
  const [shipDate, setShipDate] = useState(today);
  const [localToday, setLocalToday] = useState(today);
  // The ship date is the shop's calendar day, not the server's (UTC): take it from this browser.
  useEffect(() => {
    const local = localCalendarDate();
    setLocalToday(local);
    setShipDate(local);
  }, []);
  const [result, setResult] = useState<{ ok: boolean; message?: string; fieldErrors?: Record<string, string> } | null>(null);
  const [isPending, startTransition] = useTransition();
  return (
    <>
      <Button onClick={() => setOpen(true)}>Ship</Button>
      <Dialog open={open} onOpenChange={setOpen} title={`Ship ${jobNumber}`} description="The ship date is the date the parts left your shop.">
        <form
          className="space-y-4"
          onSubmit={(event) => {
            event.preventDefault();
            startTransition(async () => {
              const outcome = await shipJobAction({ jobId, shipDate });
              setResult(outcome.ok ? null : outcome);
              if (outcome.ok) setOpen(false);
            });
          }}
        >
          <FormMessage result={result} />
          <Field label="Ship date" htmlFor="ship-date" error={result?.fieldErrors?.shipDate}>
            <TextInput id="ship-date" type="date" value={shipDate} max={localToday} onChange={(event) => setShipDate(event.target.value)} required />
          </Field>
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" disabled={isPending}>
              {isPending ? "Saving…" : "Mark as shipped"}
            </Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}

function localCalendarDate(now = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
}
