import { z } from "zod";
import { ZCalendarDateSchema } from "@/lib/dates";
import { ZMoneySchema } from "@/lib/money";

export const ZJobIdSchema = z.string().trim().min(1, "Missing job id").max(64);

export const ZShipJobRequestSchema = z.object({
  jobId: ZJobIdSchema,
  shipDate: ZCalendarDateSchema,
});

export const ZRepriceJobRequestSchema = z.object({
  jobId: ZJobIdSchema,
  price: ZMoneySchema.refine((cents) => cents > 0, "The price must be more than zero"),
  reason: z.string().trim().max(200).optional(),
});

export const ZLineItemSchema = z.object({
  description: z.string().trim().min(1, "Describe the line").max(400, "At most 400 characters"),
  quantity: z.coerce.number().int("Whole numbers only").min(1, "At least 1").max(1_000_000),
  unitPrice: ZMoneySchema,
});

export const ZCreateInHouseJobRequestSchema = z.object({
  customerName: z.string().trim().min(1, "Enter the customer's name").max(120),
  title: z.string().trim().min(1, "Give the job a title").max(120),
  lineItems: z.array(ZLineItemSchema).min(1, "Add at least one line item").max(50, "At most 50 line items"),
});

export type TCreateInHouseJobRequest = z.input<typeof ZCreateInHouseJobRequestSchema>;
