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

/** Email automatically: QuickBooks emails each in-house invoice to the customer's address it holds, once the invoice is there. */
export function EmailAutomaticallyField({ checked, onChange }: { checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <label className="flex items-start gap-3 text-sm">
      <input type="checkbox" className="mt-1" checked={checked} onChange={(event) => onChange(event.target.checked)} />
      <span>
        <span className="font-medium">Email in-house invoices automatically</span>
        <span className="block text-slate-600">
          QuickBooks emails each in-house invoice to the customer&apos;s email address in QuickBooks as soon as the invoice is there. A customer without one waits on the job&apos;s Invoice tab until the address is added in QuickBooks.
        </span>
      </span>
    </label>
  );
}

/** The in-house questions of the invoicing step and Edit Configuration: the mode, optionally the lines' own product/service, and Email automatically. */
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
      <EmailAutomaticallyField checked={values.emailInHouseInvoices ?? false} onChange={(emailInHouseInvoices) => set({ emailInHouseInvoices })} />
    </>
  );
}
