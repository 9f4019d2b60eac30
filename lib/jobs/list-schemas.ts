import { z } from "zod";
import { ZCursorSchema } from "@/lib/pagination/keyset";
import { blankToUndefined } from "@/lib/validation";

export const INVOICE_FILTER_LABELS = { none: "No invoice", synced: "In QuickBooks", failed: "Failed", paid: "Paid", partly_paid: "Partly paid", overdue: "Overdue" } as const;

/** The Jobs list's query string: filters, search and page. */
export const ZJobListQuerySchema = z.object({
  source: z.preprocess(blankToUndefined, z.enum(["XOMETRY", "IN_HOUSE"]).optional()),
  status: z.preprocess(blankToUndefined, z.enum(["OFFERED", "ACCEPTED", "SHIPPED", "CANCELLED", "OPEN", "COMPLETED"]).optional()),
  invoice: z.preprocess(blankToUndefined, z.enum(["none", "synced", "failed", "paid", "partly_paid", "overdue"]).optional()),
  q: z.preprocess(blankToUndefined, z.string().trim().max(64, "Search for at most 64 characters").optional()),
  cursor: z.preprocess(blankToUndefined, ZCursorSchema.optional()),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export type TJobListQuery = z.output<typeof ZJobListQuerySchema>;
