"use client";

import { useState } from "react";
import { IN_HOUSE_MODE_LABELS, type TConfigurationDraft } from "@/lib/quickbooks/setup/schemas";
import { QuickBooksPicker } from "./quickbooks-picker";
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

/** The in-house questions of the invoicing step and Edit Configuration: the mode, and optionally the lines' own product/service. */
export function InHouseFields({ values, set, errors }: { values: TConfigurationDraft; set: (patch: Partial<TConfigurationDraft>) => void; errors: Record<string, string> }) {
  const [hasOwnItem, setHasOwnItem] = useState(Boolean(values.inHouseItemId));
  return (
    <>
      <InHouseModeField value={values.inHouseInvoiceMode ?? "MANUAL"} onChange={(inHouseInvoiceMode) => set({ inHouseInvoiceMode })} error={errors.inHouseInvoiceMode} />
      <label className="flex items-center gap-3 text-sm font-medium">
        <input
          type="checkbox"
          checked={hasOwnItem}
          onChange={(event) => {
            setHasOwnItem(event.target.checked);
            if (!event.target.checked) set({ inHouseItemId: undefined, inHouseItemLabel: undefined });
          }}
        />
        Use another product/service for in-house lines
      </label>
      {hasOwnItem && (
        <QuickBooksPicker
          label="Product/Service for in-house lines"
          kind="items"
          value={values.inHouseItemId ? { id: values.inHouseItemId, name: values.inHouseItemLabel ?? values.inHouseItemId } : null}
          onChange={(picked) => set({ inHouseItemId: picked?.id, inHouseItemLabel: picked?.name })}
          error={errors.inHouseItemId}
        />
      )}
    </>
  );
}
