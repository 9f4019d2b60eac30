import { z } from "zod";
import { ZCalendarDateSchema } from "@/lib/dates";
import { ZCursorSchema } from "@/lib/pagination/keyset";
import { blankToUndefined } from "@/lib/validation";

export const SYNC_KINDS = ["INVOICE", "PAYMENT", "DEPOSIT", "INVOICE_UPDATE", "INVOICE_VOID", "CREDIT_MEMO", "INVOICE_DIFFERENCE", "INVOICE_EMAIL"] as const;
export const SYNC_STATUSES = ["PENDING", "SYNCING", "SYNCED", "FAILED", "PAUSED", "SKIPPED"] as const;

export const KIND_LABELS: Record<(typeof SYNC_KINDS)[number], string> = {
  INVOICE: "Invoice",
  PAYMENT: "Payment",
  DEPOSIT: "Deposit",
  INVOICE_UPDATE: "Invoice update",
  INVOICE_VOID: "Invoice void",
  CREDIT_MEMO: "Credit memo",
  INVOICE_DIFFERENCE: "Difference invoice",
  INVOICE_EMAIL: "Invoice email",
};

export const STATUS_LABELS: Record<(typeof SYNC_STATUSES)[number], string> = {
  PENDING: "Waiting to send",
  SYNCING: "Sending",
  SYNCED: "In QuickBooks",
  FAILED: "Needs attention",
  PAUSED: "Waiting for reconnect",
  SKIPPED: "Not sent",
};

/** The activity page's filters, search and page, as the query string carries them. */
export const ZActivityQuerySchema = z
  .object({
    status: z.preprocess(blankToUndefined, z.enum(SYNC_STATUSES).optional()),
    kind: z.preprocess(blankToUndefined, z.enum(SYNC_KINDS).optional()),
    from: z.preprocess(blankToUndefined, ZCalendarDateSchema.optional()),
    to: z.preprocess(blankToUndefined, ZCalendarDateSchema.optional()),
    q: z.preprocess(blankToUndefined, z.string().trim().max(64, "Search for at most 64 characters").optional()),
    cursor: z.preprocess(blankToUndefined, ZCursorSchema.optional()),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .refine((query) => !query.from || !query.to || query.from <= query.to, { message: "The start date must be on or before the end date", path: ["to"] });

export type TActivityQuery = z.output<typeof ZActivityQuerySchema>;

export const ZRetryActivityRequestSchema = z.object({ syncId: z.string().trim().min(1, "Missing document id").max(64) });
