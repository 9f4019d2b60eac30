"use client";

import { CHANGE_POLICY_LABELS } from "@/lib/quickbooks/setup/schemas";
import { RadioGroup } from "./radio-group";

export type TChangePolicy = keyof typeof CHANGE_POLICY_LABELS;

/** What happens to an invoice already in QuickBooks when its job is re-priced or cancelled. */
export function ChangePolicyField({ value, onChange, error }: { value: TChangePolicy; onChange: (value: TChangePolicy) => void; error?: string }) {
  return (
    <RadioGroup
      legend="When a job's price changes or it is cancelled"
      name="changePolicy"
      value={value}
      onChange={onChange}
      error={error}
      choices={[
        { value: "ASK", label: CHANGE_POLICY_LABELS.ASK, hint: "The job's Invoice tab says what changed and waits for a bookkeeper, owner or admin to choose what to send to QuickBooks." },
        {
          value: "AUTOMATIC",
          label: CHANGE_POLICY_LABELS.AUTOMATIC,
          hint: "An unpaid invoice gets the new amount, or is voided when the job is cancelled, right away. Nothing is ever deleted, and an invoice with a payment still waits for a person.",
        },
      ]}
    />
  );
}
