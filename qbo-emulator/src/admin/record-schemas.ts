// Request bodies of the admin API's record actions (/__emulator/realms/{realmId}/{section}/{id}/…).
import { z } from "zod";

const ZAmountSchema = z.number().positive().max(1e12);

export const ZInvoiceEditRequestSchema = z.strictObject({
  PrivateNote: z.string().optional(),
  DueDate: z.string().optional(),
  DocNumber: z.string().optional(),
  CustomerMemo: z.strictObject({ value: z.string() }).optional(),
  /** New line amounts: `[{"id":"1","amount":900}]`. */
  lines: z.array(z.strictObject({ id: z.string(), amount: z.number().min(0).max(1e12) })).optional(),
  /** New amount of the invoice's only sales line. */
  amount: z.number().min(0).max(1e12).optional(),
});

export const ZReceivePaymentRequestSchema = z.strictObject({
  amount: ZAmountSchema.optional(),
  depositAccountId: z.string().optional(),
});

export const ZSendRequestSchema = z.strictObject({ sendTo: z.string().optional() });

export const ZApplyCreditRequestSchema = z.strictObject({ creditMemoId: z.string(), amount: ZAmountSchema.optional() });

export const ZCreateCreditMemoRequestSchema = z.strictObject({
  customerId: z.string(),
  amount: ZAmountSchema,
  itemId: z.string().optional(),
  description: z.string().optional(),
  privateNote: z.string().optional(),
});

export const ZMergeRequestSchema = z.strictObject({ into: z.string() });

const ZEmailAddrSchema = z.strictObject({ Address: z.string() });

export const ZCustomerEditRequestSchema = z.strictObject({
  DisplayName: z.string().optional(),
  CompanyName: z.string().optional(),
  GivenName: z.string().optional(),
  FamilyName: z.string().optional(),
  Notes: z.string().optional(),
  PrimaryEmailAddr: ZEmailAddrSchema.optional(),
  Active: z.boolean().optional(),
  /** Terms and sales tax, as a person sets them on the customer in QuickBooks. */
  Taxable: z.boolean().optional(),
  SalesTermRef: z.strictObject({ value: z.string() }).optional(),
  DefaultTaxCodeRef: z.strictObject({ value: z.string() }).optional(),
});

export const ZItemEditRequestSchema = z.strictObject({
  Name: z.string().optional(),
  Description: z.string().optional(),
  Sku: z.string().optional(),
  UnitPrice: z.number().min(0).max(1e12).optional(),
  Active: z.boolean().optional(),
});
