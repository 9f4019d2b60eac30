import { ensureCan, type TActor } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import type { QuickBooksConfiguration } from "@/lib/generated/prisma/client";
import { parseInput } from "@/lib/validation";
import { toInteractiveError } from "../connection";
import { requireSetupApi, type TSetupApi } from "./setup-api";
import { ACCOUNT_ROLES, type TAccountRole } from "./account-roles";
import { CHANGE_POLICY_LABELS, IN_HOUSE_MODE_LABELS, SOURCE_LABELS, TRIGGER_LABELS, ZConfigurationInputSchema } from "./schemas";
import { validateConfiguration, type TValidatedConfiguration } from "./validate-configuration";

const AUDIT_LABELS: Record<TAccountRole, string> = {
  bank: "Deposit payouts to",
  advanceCard: "Advance Card account",
  bnpl: "Supplies BNPL account",
  fastPayFee: "FastPay fee account",
  adjustment: "Adjustments account",
};

type TAuditedField = { label: string; read: (config: Partial<QuickBooksConfiguration> | TValidatedConfiguration | null) => string | null };

const onOff = (value: boolean | undefined | null) => (value ? "On" : "Off");

/** The fields a person recognises, each as the text the audit trail shows. */
const AUDITED: Record<string, TAuditedField> = {
  jobSources: { label: "Job source", read: (c) => (c?.jobSources ? SOURCE_LABELS[c.jobSources] : null) },
  invoiceTrigger: { label: "Invoice when", read: (c) => (c?.invoiceTrigger ? TRIGGER_LABELS[c.invoiceTrigger] : null) },
  changePolicy: { label: "When a job's price changes or it is cancelled", read: (c) => (c?.changePolicy ? CHANGE_POLICY_LABELS[c.changePolicy] : null) },
  inHouseInvoiceMode: { label: "In-house invoices", read: (c) => (c?.inHouseInvoiceMode ? IN_HOUSE_MODE_LABELS[c.inHouseInvoiceMode] : null) },
  inHouseItem: { label: "In-house product/service", read: (c) => c?.inHouseItemName ?? null },
  emailInHouseInvoices: { label: "Email in-house invoices automatically", read: (c) => (c ? onOff(c.emailInHouseInvoices) : null) },
  xometryCustomer: { label: "Xometry customer", read: (c) => c?.xometryCustomerName ?? null },
  defaultItem: { label: "Product/Service", read: (c) => c?.defaultItemName ?? null },
  paymentsEnabled: { label: "Automated payments", read: (c) => (c ? onOff(c.paymentsEnabled) : null) },
  depositAccount: { label: "Deposit to", read: (c) => c?.depositAccountName ?? null },
  depositsEnabled: { label: "Payout deposits", read: (c) => (c ? onOff(c.depositsEnabled) : null) },
  ...Object.fromEntries(
    ACCOUNT_ROLES.map((role): [string, TAuditedField] => [`${role}Account`, { label: AUDIT_LABELS[role], read: (c) => c?.[`${role}AccountName`] ?? null }]),
  ),
};

export type TConfigurationChanges = Record<string, { label: string; from: string | null; to: string | null }>;

function diff(before: QuickBooksConfiguration | null, after: TValidatedConfiguration): TConfigurationChanges {
  const changes: TConfigurationChanges = {};
  for (const [field, audited] of Object.entries(AUDITED)) {
    const from = audited.read(before);
    const to = audited.read(after);
    if (from !== to) changes[field] = { label: audited.label, from, to };
  }
  return changes;
}

/**
 * Saves the configuration after checking it against the connected QuickBooks company, and
 * records who changed what. Applies to triggers from now on; nothing already sent changes.
 */
export async function saveQuickBooksConfiguration(actor: TActor, rawInput: unknown): Promise<{ changes: TConfigurationChanges }> {
  ensureCan(actor, "integrations.manage");
  const input = parseInput(ZConfigurationInputSchema, rawInput);
  const { connection, api } = await requireSetupApi(actor.organizationId);
  let validated: TValidatedConfiguration;
  try {
    validated = await validateConfiguration(api, input);
  } catch (error) {
    throw toInteractiveError(error);
  }
  const data = {
    realmId: connection.realmId,
    jobSources: validated.jobSources,
    invoiceTrigger: validated.invoiceTrigger ?? null,
    xometryCustomerId: validated.xometryCustomerId ?? null,
    xometryCustomerName: validated.xometryCustomerName,
    defaultItemId: validated.defaultItemId,
    defaultItemName: validated.defaultItemName,
    changePolicy: validated.changePolicy,
    inHouseInvoiceMode: validated.jobSources === "XOMETRY" ? ("MANUAL" as const) : validated.inHouseInvoiceMode,
    inHouseItemId: validated.inHouseItemName ? (validated.inHouseItemId ?? null) : null,
    inHouseItemName: validated.inHouseItemName,
    emailInHouseInvoices: validated.jobSources !== "XOMETRY" && validated.emailInHouseInvoices,
    paymentsEnabled: validated.paymentsEnabled,
    depositAccountId: validated.depositAccountId ?? null,
    depositAccountName: validated.depositAccountName,
    depositsEnabled: validated.depositsEnabled,
    bankAccountId: validated.bankAccountId ?? null,
    bankAccountName: validated.bankAccountName,
    advanceCardAccountId: validated.advanceCardAccountId ?? null,
    advanceCardAccountName: validated.advanceCardAccountName,
    bnplAccountId: validated.bnplAccountId ?? null,
    bnplAccountName: validated.bnplAccountName,
    fastPayFeeAccountId: validated.fastPayFeeAccountId ?? null,
    fastPayFeeAccountName: validated.fastPayFeeAccountName,
    adjustmentAccountId: validated.adjustmentAccountId ?? null,
    adjustmentAccountName: validated.adjustmentAccountName,
    customTxnNumbers: validated.settings.customTxnNumbers,
    updatedByUserId: actor.userId,
  };
  return db.$transaction(async (tx) => {
    const before = await tx.quickBooksConfiguration.findUnique({ where: { organizationId: actor.organizationId } });
    const changes = diff(before, validated);
    const saved = await tx.quickBooksConfiguration.upsert({
      where: { organizationId: actor.organizationId },
      create: { organizationId: actor.organizationId, ...data },
      update: data,
    });
    if (Object.keys(changes).length > 0) {
      await tx.quickBooksConfigurationChange.create({ data: { configurationId: saved.id, userId: actor.userId, changes } });
    }
    await tx.quickBooksSetupDraft.deleteMany({ where: { organizationId: actor.organizationId } });
    return { changes };
  });
}
