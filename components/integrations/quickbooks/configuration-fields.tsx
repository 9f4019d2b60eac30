"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { TDesktopCustomerRequest } from "@/lib/quickbooks-desktop/lists/customer-add";
import { findUndepositedFundsId } from "@/lib/quickbooks/setup/account-roles";
import type { TLookupOption } from "@/lib/quickbooks/setup/lookups";
import { SOURCE_LABELS, TRIGGER_LABELS, type TConfigurationDraft } from "@/lib/quickbooks/setup/schemas";
import { QuickBooksPicker, type TPickerValue } from "./quickbooks-picker";
import { InHouseFields } from "./in-house-mode-field";
import { ChangePolicyField } from "./change-policy-field";
import { DepositFields } from "./deposit-fields";
import { RadioGroup } from "./radio-group";
import { useCreateInQuickBooks } from "./use-create-in-quickbooks";

export type TJobSources = keyof typeof SOURCE_LABELS;
export type TTrigger = keyof typeof TRIGGER_LABELS;

export function JobSourceField({ value, onChange, error }: { value: TJobSources | undefined; onChange: (value: TJobSources) => void; error?: string }) {
  return (
    <RadioGroup
      legend="Which jobs should become QuickBooks invoices?"
      name="jobSources"
      value={value}
      onChange={onChange}
      error={error}
      choices={[
        { value: "XOMETRY", label: SOURCE_LABELS.XOMETRY, hint: "Invoices are created automatically for Xometry jobs." },
        { value: "IN_HOUSE", label: SOURCE_LABELS.IN_HOUSE, hint: "You create invoices for your own customers' jobs from the Job Overview." },
        { value: "BOTH", label: SOURCE_LABELS.BOTH, hint: "Automatic for Xometry jobs, one click for in-house jobs." },
      ]}
    />
  );
}

export function TriggerField({ value, onChange, error }: { value: TTrigger | undefined; onChange: (value: TTrigger) => void; error?: string }) {
  return (
    <RadioGroup
      legend="When should a Xometry job be invoiced?"
      name="invoiceTrigger"
      value={value}
      onChange={onChange}
      error={error}
      choices={[
        { value: "JOB_ACCEPTED", label: TRIGGER_LABELS.JOB_ACCEPTED, hint: "As soon as you accept it on the Job Board. Invoice date = the expected ship date." },
        { value: "JOB_SHIPPED", label: TRIGGER_LABELS.JOB_SHIPPED, hint: "When you ship it. Invoice date = the ship date." },
      ]}
    />
  );
}

export function XometryCustomerField({ value, onChange, error }: { value: TPickerValue; onChange: (value: TPickerValue) => void; error?: string }) {
  const { create: request, error: createError, setError: setCreateError, isCreating } = useCreateInQuickBooks<TLookupOption | TDesktopCustomerRequest>("/api/integrations/quickbooks/lookup/customers");
  const [notice, setNotice] = useState<string | null>(null);
  const create = async () => {
    const created = await request();
    if (!created) return;
    // QuickBooks Desktop: chosen if the company file has it, else added at the next Web Connector poll.
    if ("pending" in created) return setNotice(created.message);
    const option = "option" in created ? created.option : created;
    if (option.isUsable) onChange({ id: option.id, name: option.name });
    else setCreateError(`A customer named Xometry already exists in ${option.detail}. It must be in USD.`);
  };
  return (
    <>
      <QuickBooksPicker
        label="QuickBooks customer for Xometry jobs"
        kind="customers"
        value={value}
        onChange={onChange}
        error={error ?? createError ?? undefined}
        unusableHint="not USD"
        extra={
          <Button variant="secondary" onClick={() => void create()} disabled={isCreating}>
            {isCreating ? "Creating…" : "Create customer “Xometry”"}
          </Button>
        }
      />
      {notice && (
        <p role="status" className="text-xs text-emerald-700">
          {notice}
        </p>
      )}
      <p className="text-xs text-slate-500">Workcenter stores only the customer&apos;s QuickBooks ID and name; QuickBooks fills in the address and contacts.</p>
    </>
  );
}

export function DefaultItemField({ value, onChange, error }: { value: TPickerValue; onChange: (value: TPickerValue) => void; error?: string }) {
  return <QuickBooksPicker label="Default Product/Service for invoice lines" kind="items" value={value} onChange={onChange} error={error} />;
}

export function PaymentsFields({
  enabled,
  onEnabledChange,
  accountId,
  onAccountChange,
  accounts,
  error,
}: {
  enabled: boolean;
  onEnabledChange: (value: boolean) => void;
  accountId: string | undefined;
  onAccountChange: (value: string) => void;
  accounts: TLookupOption[];
  error?: string;
}) {
  return (
    <div className="space-y-3">
      <label className="flex items-center gap-3 text-sm font-medium">
        <input type="checkbox" checked={enabled} onChange={(event) => onEnabledChange(event.target.checked)} />
        Record a QuickBooks payment when Xometry pays out
      </label>
      {enabled && (
        <div className="space-y-1">
          <label htmlFor="deposit-account" className="block text-sm font-medium text-slate-700">
            Deposit payments to
          </label>
          <select id="deposit-account" value={accountId ?? ""} onChange={(event) => onAccountChange(event.target.value)} className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm">
            <option value="" disabled>
              Choose an account
            </option>
            {accounts.map((account) => (
              <option key={account.id} value={account.id}>
                {account.name} ({account.detail})
              </option>
            ))}
          </select>
          {error && (
            <p role="alert" className="text-xs font-medium text-red-700">
              {error}
            </p>
          )}
        </div>
      )}
    </div>
  );
}

type TDraftProps = { values: TConfigurationDraft; set: (patch: Partial<TConfigurationDraft>) => void; errors: Record<string, string> };

/** Trigger and customer (when Xometry jobs are invoiced) and the default product/service: the wizard's step 2, and Edit Configuration. */
export function InvoicingFields({ values, set, errors }: TDraftProps) {
  return (
    <>
      {values.jobSources !== "IN_HOUSE" && (
        <>
          <TriggerField value={values.invoiceTrigger} onChange={(invoiceTrigger) => set({ invoiceTrigger })} error={errors.invoiceTrigger} />
          <XometryCustomerField
            value={values.xometryCustomerId ? { id: values.xometryCustomerId, name: values.xometryCustomerLabel ?? values.xometryCustomerId } : null}
            onChange={(picked) => set({ xometryCustomerId: picked?.id, xometryCustomerLabel: picked?.name })}
            error={errors.xometryCustomerId}
          />
        </>
      )}
      <DefaultItemField
        value={values.defaultItemId ? { id: values.defaultItemId, name: values.defaultItemLabel ?? values.defaultItemId } : null}
        onChange={(picked) => set({ defaultItemId: picked?.id, defaultItemLabel: picked?.name })}
        error={errors.defaultItemId}
      />
      {values.jobSources !== "XOMETRY" && (
        <InHouseFields values={values} set={set} errors={errors} />
      )}
      {values.jobSources !== "IN_HOUSE" && (
        <ChangePolicyField value={values.changePolicy ?? "ASK"} onChange={(changePolicy) => set({ changePolicy })} error={errors.changePolicy} />
      )}
    </>
  );
}

export function DraftPaymentsFields({ values, set, errors, accounts }: TDraftProps & { accounts: TLookupOption[] }) {
  return (
    <div className="space-y-4">
      <PaymentsFields
        enabled={values.paymentsEnabled ?? false}
        onEnabledChange={(paymentsEnabled) => set(paymentsEnabled ? { paymentsEnabled } : { paymentsEnabled, depositsEnabled: false })}
        accountId={values.depositAccountId}
        onAccountChange={(depositAccountId) => set({ depositAccountId })}
        accounts={accounts}
        error={errors.depositAccountId}
      />
      {values.paymentsEnabled && <DepositFields values={values} set={set} errors={errors} undepositedFundsId={findUndepositedFundsId(accounts)} />}
    </div>
  );
}
