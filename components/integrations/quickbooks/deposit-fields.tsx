"use client";

import { accountField, DEDUCTION_ACCOUNT_ROLES, type TAccountRole } from "@/lib/quickbooks/setup/account-roles";
import type { TConfigurationDraft } from "@/lib/quickbooks/setup/schemas";
import { AccountPicker } from "./account-picker";

type TProps = {
  values: TConfigurationDraft;
  set: (patch: Partial<TConfigurationDraft>) => void;
  errors: Record<string, string>;
  /** Where payments must wait for their deposit. */
  undepositedFundsId: string | undefined;
};

/** Payout deposits: one Deposit per payout into the bank, a negative line per deduction on its own account. */
export function DepositFields({ values, set, errors, undepositedFundsId }: TProps) {
  const enabled = values.depositsEnabled ?? false;
  const picker = (role: TAccountRole) => {
    const id = values[accountField(role)];
    return (
      <AccountPicker
        key={role}
        role={role}
        value={id ? { id, name: values.accountLabels?.[role] ?? id } : null}
        onChange={(picked) => set({ [accountField(role)]: picked?.id, accountLabels: { ...values.accountLabels, [role]: picked?.name } })}
        error={errors[accountField(role)]}
      />
    );
  };
  return (
    <div className="space-y-4 rounded-md p-4 ring-1 ring-slate-200" data-testid="deposit-settings">
      <label className="flex gap-3 text-sm">
        <input
          type="checkbox"
          checked={enabled}
          onChange={(event) => set(event.target.checked ? { depositsEnabled: true, depositAccountId: undepositedFundsId ?? values.depositAccountId } : { depositsEnabled: false })}
        />
        <span>
          <span className="block font-medium">Record one Deposit per payout that matches your bank</span>
          <span className="block text-xs text-slate-500">
            Payments wait in Undeposited Funds; the Deposit moves them to your bank and books each deduction (Advance Card, Supplies BNPL, FastPay fees, adjustments) to its own account, so its
            total equals what Xometry actually sent.
          </span>
        </span>
      </label>
      {errors.depositsEnabled && (
        <p role="alert" className="text-xs font-medium text-red-700">
          {errors.depositsEnabled}
        </p>
      )}
      {enabled && (
        <>
          {picker("bank")}
          <fieldset className="space-y-2">
            <legend className="text-sm font-medium text-slate-700">Book each deduction to</legend>
            <p className="text-xs text-slate-500">Each deduction becomes a negative line on the Deposit, on the account you choose here. Missing one? Create it with the button below its list.</p>
            <div className="grid gap-6 pt-2 md:grid-cols-2">{DEDUCTION_ACCOUNT_ROLES.map(picker)}</div>
          </fieldset>
        </>
      )}
    </div>
  );
}
