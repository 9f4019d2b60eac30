import { z } from "zod";
import { ensureCan, type TActor } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import { toInteractiveError } from "@/lib/quickbooks/connection";
import { requireSetupApi } from "@/lib/quickbooks/setup/setup-api";
import { QuickBooksError } from "@/lib/quickbooks/errors";
import type { TCustomer } from "@/lib/quickbooks/schemas";
import { ZQuickBooksIdSchema } from "@/lib/quickbooks/setup/schemas";
import { parseInput } from "@/lib/validation";
import { lockCustomerName, releaseWaitingInvoices } from "./customer-links";
import { normalizeCustomerName, tidyCustomerName, ZCustomerNameSchema } from "./customer-name";
import { requireUsableCustomer } from "./usable-customer";

export const ZLinkCustomerRequestSchema = z.strictObject({ customerName: ZCustomerNameSchema, qboCustomerId: ZQuickBooksIdSchema });
export const ZCreateCustomerRequestSchema = z.strictObject({ customerName: ZCustomerNameSchema });
export const ZUnlinkCustomerRequestSchema = z.strictObject({ linkId: z.string().min(1).max(64) });

export type TLinkResult = { linkId: string; qboCustomerId: string; qboDisplayName: string; releasedInvoices: number };

/** Stores the link (id and display name only) and releases the invoices waiting for it, in one transaction. */
async function saveLink(actor: TActor, realmId: string, isConnected: boolean, customerName: string, customer: TCustomer): Promise<TLinkResult> {
  const nameKey = normalizeCustomerName(customerName);
  return db.$transaction(async (tx) => {
    await lockCustomerName(tx, actor.organizationId, nameKey);
    const fields = { realmId, qboCustomerId: customer.Id, qboDisplayName: customer.DisplayName, problem: null, linkedByUserId: actor.userId };
    const link = await tx.quickBooksCustomerLink.upsert({
      where: { organizationId_nameKey: { organizationId: actor.organizationId, nameKey } },
      create: { organizationId: actor.organizationId, nameKey, customerName: tidyCustomerName(customerName), ...fields },
      update: fields,
    });
    const releasedInvoices = await releaseWaitingInvoices(tx, link, isConnected);
    return { linkId: link.id, qboCustomerId: link.qboCustomerId, qboDisplayName: link.qboDisplayName, releasedInvoices };
  });
}

/** Links a typed customer name to a QuickBooks customer picked from the suggestions (checked live: exists, active, USD). */
export async function linkCustomer(actor: TActor, input: unknown): Promise<TLinkResult> {
  ensureCan(actor, "invoices.manage");
  const request = parseInput(ZLinkCustomerRequestSchema, input);
  const { connection, api } = await requireSetupApi(actor.organizationId);
  const customer = await requireUsableCustomer(api, request.qboCustomerId, "qboCustomerId");
  return saveLink(actor, connection.realmId, connection.status === "CONNECTED", request.customerName, customer);
}

/**
 * *Create this customer in QuickBooks*: a USD customer with the display name only (the shop adds
 * address and email in QuickBooks), then linked. QuickBooks' duplicate-name error (6240) becomes
 * an offer to link the existing one.
 */
export async function createAndLinkCustomer(actor: TActor, input: unknown): Promise<TLinkResult> {
  ensureCan(actor, "invoices.manage");
  const request = parseInput(ZCreateCustomerRequestSchema, input);
  const { connection, api } = await requireSetupApi(actor.organizationId);
  const displayName = tidyCustomerName(request.customerName);
  let customer: TCustomer;
  try {
    customer = await api.createCustomer({ DisplayName: displayName, CurrencyRef: { value: "USD" } });
  } catch (error) {
    if (error instanceof QuickBooksError && error.faultCode === "6240") {
      throw new AppError("CONFLICT", `A customer named “${displayName}” already exists in QuickBooks — link it? Pick it from the suggestions.`, { details: ["customerName: already in QuickBooks"] });
    }
    throw toInteractiveError(error);
  }
  return saveLink(actor, connection.realmId, connection.status === "CONNECTED", request.customerName, customer);
}

/** Removes a link; later jobs for that name wait for a customer to be chosen again. */
export async function unlinkCustomer(actor: TActor, input: unknown): Promise<void> {
  ensureCan(actor, "invoices.manage");
  const { linkId } = parseInput(ZUnlinkCustomerRequestSchema, input);
  const deleted = await db.quickBooksCustomerLink.deleteMany({ where: { id: linkId, organizationId: actor.organizationId } });
  if (deleted.count === 0) throw notFound("This customer link");
}
