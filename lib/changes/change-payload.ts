import { z } from "zod";
import { ZInvoicePayloadSchema } from "@/lib/invoicing/invoice-payload";

/** What a person (or the automatic policy) may choose for a job whose invoice no longer matches it. */
export const CHANGE_ACTIONS = ["update", "void", "credit", "difference"] as const;
export type TChangeAction = (typeof CHANGE_ACTIONS)[number];
export type TChangeKind = "INVOICE_UPDATE" | "INVOICE_VOID" | "CREDIT_MEMO" | "INVOICE_DIFFERENCE";

export const KIND_OF_ACTION: Record<TChangeAction, TChangeKind> = {
  update: "INVOICE_UPDATE",
  void: "INVOICE_VOID",
  credit: "CREDIT_MEMO",
  difference: "INVOICE_DIFFERENCE",
};

export const CHANGE_KINDS: TChangeKind[] = Object.values(KIND_OF_ACTION);

export function isChangeKind(kind: string): kind is TChangeKind {
  return (CHANGE_KINDS as string[]).includes(kind);
}

/**
 * A change row's payload, fixed when it was authorized. `document` is what goes to QuickBooks:
 * the invoice at its new price (update), the second invoice (difference), the credit memo's line
 * (credit), or the invoice as it was (void). The job's own invoice is named by its sync row and
 * QuickBooks id, so a later Create again never redirects an old change at a new invoice.
 */
export const ZChangePayloadSchema = z.object({
  invoiceSyncId: z.string().min(1),
  invoiceQboId: z.string().min(1),
  document: ZInvoicePayloadSchema,
});
export type TChangePayload = z.infer<typeof ZChangePayloadSchema>;

/** The audit record kept in `change`: old → new billed amount, why, and what allowed it. */
export const ZChangeRecordSchema = z.object({
  fromCents: z.number().int(),
  toCents: z.number().int(),
  reason: z.enum(["repriced", "cancelled"]),
  /** The credit memo's or second invoice's amount. */
  amountCents: z.number().int().nonnegative().optional(),
  /** Automatic changes: the configuration that allowed it. */
  allowedBy: z.object({ configurationId: z.string(), changePolicy: z.literal("AUTOMATIC"), savedAt: z.string() }).optional(),
});
export type TChangeRecord = z.infer<typeof ZChangeRecordSchema>;

/** Authorization input from the Invoice tab: the action and the amounts the person saw. */
export const ZAuthorizeChangeRequestSchema = z.strictObject({
  action: z.enum(CHANGE_ACTIONS),
  fromCents: z.number().int().nonnegative().max(100_000_000_000),
  toCents: z.number().int().nonnegative().max(100_000_000_000),
});

export const ZRetryChangeRequestSchema = z.strictObject({ changeId: z.string().min(1).max(64) });

/** What a credit memo's push reports: how much was applied to the invoice, by which payment, and what stays as credit. */
export const ZCreditNotesSchema = z.object({
  appliedCents: z.number().int().nonnegative(),
  paymentId: z.string().nullable(),
  note: z.string().nullable(),
});
export type TCreditNotes = z.infer<typeof ZCreditNotesSchema>;
