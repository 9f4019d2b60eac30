import { accountField, ACCOUNT_ROLES } from "@/lib/quickbooks/setup/account-roles";
import type { TConfigurationDraft } from "@/lib/quickbooks/setup/schemas";

/** What the wizard's Payments step submits: deposit accounts only while deposits are on. */
export function paymentsStepValues(values: TConfigurationDraft): Record<string, unknown> {
  const paymentsEnabled = values.paymentsEnabled ?? false;
  const depositsEnabled = paymentsEnabled && (values.depositsEnabled ?? false);
  return {
    paymentsEnabled,
    depositAccountId: paymentsEnabled ? values.depositAccountId : undefined,
    depositsEnabled,
    ...Object.fromEntries(ACCOUNT_ROLES.map((role) => [accountField(role), depositsEnabled ? values[accountField(role)] : undefined])),
    accountLabels: depositsEnabled ? values.accountLabels : undefined,
  };
}
