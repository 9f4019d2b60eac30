"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { TCreatedAccount } from "@/lib/quickbooks/setup/account-lookups";
import { ACCOUNT_ROLE_RULES, type TAccountRole } from "@/lib/quickbooks/setup/account-roles";
import { QuickBooksPicker, type TPickerValue } from "./quickbooks-picker";
import { useCreateInQuickBooks } from "./use-create-in-quickbooks";

/** One deposit account, picked live from QuickBooks; deduction accounts can be created on a click. */
export function AccountPicker({ role, value, onChange, error }: { role: TAccountRole; value: TPickerValue; onChange: (value: TPickerValue) => void; error?: string }) {
  const rule = ACCOUNT_ROLE_RULES[role];
  const queryClient = useQueryClient();
  const [created, setCreated] = useState<string | null>(null);
  const { create, error: createError, isCreating } = useCreateInQuickBooks<TCreatedAccount>("/api/integrations/quickbooks/lookup/accounts", { role });
  const onCreate = async () => {
    setCreated(null);
    const result = await create();
    if (!result) return;
    onChange({ id: result.option.id, name: result.option.name });
    setCreated(result.existed ? `“${result.option.name}” was already in QuickBooks: chosen.` : `Created “${result.option.name}” (${result.option.detail}) in QuickBooks.`);
    await queryClient.invalidateQueries({ queryKey: ["quickbooks-lookup", "accounts"] });
  };
  return (
    <div className="space-y-1">
      <QuickBooksPicker
        label={rule.label}
        kind="accounts"
        params={{ role }}
        placeholder="Search accounts by name"
        value={value}
        onChange={onChange}
        error={error ?? createError ?? undefined}
        unusableHint="cannot be used"
        extra={
          rule.create && (
            <Button variant="secondary" onClick={() => void onCreate()} disabled={isCreating}>
              {isCreating ? "Creating…" : `Create “${rule.create.Name}” in QuickBooks`}
            </Button>
          )
        }
      />
      <p className="text-xs text-slate-500">{rule.hint}</p>
      {created && (
        <p role="status" className="text-xs text-emerald-700">
          {created}
        </p>
      )}
    </div>
  );
}
