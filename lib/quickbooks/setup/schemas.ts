import { z } from "zod";
import { ACCOUNT_ROLE_RULES, ACCOUNT_ROLES, accountField, type TAccountRole } from "./account-roles";

/** QuickBooks ids are numeric strings; anything else is refused before we ask QuickBooks. */
/** A QuickBooks Online Id ("123"), or a QuickBooks Desktop ListID ("80000011-1796144299"). */
export const ZQuickBooksIdSchema = z.string().trim().regex(/^(\d{1,20}|[0-9A-F]{1,16}-\d{1,16})$/i, "Choose from the list");

export const ZJobSourcesSchema = z.enum(["XOMETRY", "IN_HOUSE", "BOTH"], { message: "Choose which jobs to invoice" });
export const ZInvoiceTriggerSchema = z.enum(["JOB_ACCEPTED", "JOB_SHIPPED"], { message: "Choose when to invoice" });

/** When a job's price changes or it is cancelled after invoicing: ask a person first, or update QuickBooks automatically (unpaid invoices only). */
export const ZChangePolicySchema = z.enum(["ASK", "AUTOMATIC"], { message: "Choose what happens when a job's price changes or it is cancelled" });

/** In-house invoices: a person's Create Invoice, or automatically when the job is completed (for the remembered customer). */
export const ZInHouseInvoiceModeSchema = z.enum(["MANUAL", "ON_COMPLETION"], { message: "Choose how in-house jobs are invoiced" });

export const ZSourceStepSchema = z.object({ jobSources: ZJobSourcesSchema });

export const ZInvoicingStepSchema = z.object({
  invoiceTrigger: ZInvoiceTriggerSchema.optional(),
  xometryCustomerId: ZQuickBooksIdSchema.optional(),
  defaultItemId: ZQuickBooksIdSchema,
  changePolicy: ZChangePolicySchema.optional(),
  inHouseInvoiceMode: ZInHouseInvoiceModeSchema.optional(),
  inHouseItemId: ZQuickBooksIdSchema.optional(),
  emailInHouseInvoices: z.boolean().optional(),
  // Display only, so a resumed wizard shows what was picked; saved names always come from QuickBooks.
  xometryCustomerLabel: z.string().max(200).optional(),
  defaultItemLabel: z.string().max(200).optional(),
  inHouseItemLabel: z.string().max(200).optional(),
});

/** Deposits: the bank account and one account per deduction kind, each a QuickBooks id. */
const DEPOSIT_FIELDS = {
  depositsEnabled: z.boolean().default(false),
  bankAccountId: ZQuickBooksIdSchema.optional(),
  advanceCardAccountId: ZQuickBooksIdSchema.optional(),
  bnplAccountId: ZQuickBooksIdSchema.optional(),
  fastPayFeeAccountId: ZQuickBooksIdSchema.optional(),
  adjustmentAccountId: ZQuickBooksIdSchema.optional(),
};

// Display only, so a resumed wizard shows what was picked; saved names always come from QuickBooks.
const ZAccountLabelsSchema = z.partialRecord(z.enum(ACCOUNT_ROLES), z.string().max(200)).optional();

export const ZPaymentsStepSchema = z.object({
  paymentsEnabled: z.boolean(),
  depositAccountId: ZQuickBooksIdSchema.optional(),
  ...DEPOSIT_FIELDS,
  accountLabels: ZAccountLabelsSchema,
});

const NO_DEPOSITS = {
  depositsEnabled: false,
  bankAccountId: undefined,
  advanceCardAccountId: undefined,
  bnplAccountId: undefined,
  fastPayFeeAccountId: undefined,
  adjustmentAccountId: undefined,
} satisfies Record<keyof typeof DEPOSIT_FIELDS, unknown>;

/** A whole configuration, as saved by the wizard's Review step or Edit Configuration. */
export const ZConfigurationInputSchema = z
  .object({
    jobSources: ZJobSourcesSchema,
    invoiceTrigger: ZInvoiceTriggerSchema.optional(),
    xometryCustomerId: ZQuickBooksIdSchema.optional(),
    defaultItemId: ZQuickBooksIdSchema,
    changePolicy: ZChangePolicySchema.default("ASK"),
    inHouseInvoiceMode: ZInHouseInvoiceModeSchema.default("MANUAL"),
    inHouseItemId: ZQuickBooksIdSchema.optional(),
    /** Email automatically: QuickBooks emails each in-house invoice once it is created there. */
    emailInHouseInvoices: z.boolean().default(false),
    paymentsEnabled: z.boolean().default(false),
    depositAccountId: ZQuickBooksIdSchema.optional(),
    ...DEPOSIT_FIELDS,
  })
  .superRefine((value, context) => {
    if (value.jobSources === "IN_HOUSE") return;
    if (!value.invoiceTrigger) context.addIssue({ code: "custom", path: ["invoiceTrigger"], message: "Choose when to invoice" });
    if (!value.xometryCustomerId) context.addIssue({ code: "custom", path: ["xometryCustomerId"], message: "Choose the QuickBooks customer for Xometry jobs" });
    if (value.paymentsEnabled && !value.depositAccountId) context.addIssue({ code: "custom", path: ["depositAccountId"], message: "Choose where payments are deposited" });
    if (!value.depositsEnabled) return;
    if (!value.paymentsEnabled) context.addIssue({ code: "custom", path: ["depositsEnabled"], message: "A deposit collects the payout's payments: turn on automated payments too" });
    for (const role of ACCOUNT_ROLES) {
      if (!value[accountField(role)]) context.addIssue({ code: "custom", path: [accountField(role)], message: `Choose the account for ${ACCOUNT_ROLE_RULES[role].noun}` });
    }
  })
  .transform((value) =>
    value.jobSources === "IN_HOUSE"
      ? { ...value, ...NO_DEPOSITS, invoiceTrigger: undefined, xometryCustomerId: undefined, changePolicy: "ASK" as const, paymentsEnabled: false, depositAccountId: undefined }
      : !value.paymentsEnabled
        ? { ...value, ...NO_DEPOSITS, depositAccountId: undefined }
        : value.depositsEnabled
          ? value
          : { ...value, ...NO_DEPOSITS },
  );

export type TConfigurationInput = z.output<typeof ZConfigurationInputSchema>;
export type TConfigurationDraft = Partial<z.input<typeof ZConfigurationInputSchema>> & {
  xometryCustomerLabel?: string;
  defaultItemLabel?: string;
  inHouseItemLabel?: string;
  accountLabels?: Partial<Record<TAccountRole, string>>;
};

export const TRIGGER_LABELS = { JOB_ACCEPTED: "Job Accepted", JOB_SHIPPED: "Job Completed (Shipped)" } as const;
export const CHANGE_POLICY_LABELS = { ASK: "Ask me first", AUTOMATIC: "Update QuickBooks automatically" } as const;
export const IN_HOUSE_MODE_LABELS = { MANUAL: "Manual (Create Invoice on the job)", ON_COMPLETION: "Automatically when the job is completed" } as const;
export const SOURCE_LABELS = { XOMETRY: "Xometry only", IN_HOUSE: "In-house only", BOTH: "Xometry and in-house" } as const;
