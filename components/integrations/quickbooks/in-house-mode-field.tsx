"use client";

import { IN_HOUSE_MODE_LABELS } from "@/lib/quickbooks/setup/schemas";
import { RadioGroup } from "./radio-group";

export type TInHouseInvoiceMode = keyof typeof IN_HOUSE_MODE_LABELS;

/** In-house invoices: a person's Create Invoice, or automatically when the job is completed. */
export function InHouseModeField({ value, onChange, error }: { value: TInHouseInvoiceMode; onChange: (value: TInHouseInvoiceMode) => void; error?: string }) {
  return (
    <RadioGroup
      legend="In-house invoices"
      name="inHouseInvoiceMode"
      value={value}
      onChange={onChange}
      error={error}
      choices={[
        { value: "MANUAL", label: IN_HOUSE_MODE_LABELS.MANUAL, hint: "A bookkeeper, owner or admin chooses the customer and presses Create Invoice on each job." },
        {
          value: "ON_COMPLETION",
          label: IN_HOUSE_MODE_LABELS.ON_COMPLETION,
          hint: "Completing a job sends its invoice to the QuickBooks customer linked to the job's customer name. A name not linked yet waits on the job's Invoice tab until someone chooses its QuickBooks customer, once.",
        },
      ]}
    />
  );
}
