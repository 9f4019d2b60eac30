// A person's invoice actions in QuickBooks: edit (line amounts too), void, delete, receive payment, apply a credit, email.
import { updateInvoice } from "../api/invoice";
import { deleteInvoice, sendInvoice, voidInvoice } from "../api/invoice-actions";
import { createPayment } from "../api/payment";
import type { Emulator } from "../emulator";
import { Faults } from "../faults";
import { getInvoiceBalanceCents, getRemainingCreditCents } from "../store/ledger";
import type { InvoiceRec, RealmState } from "../store/types";
import { buildCompanyContext, currentVersion, findLiveRecord } from "./company-actions";

export interface InvoiceEdit {
  PrivateNote?: string;
  DueDate?: string;
  DocNumber?: string;
  CustomerMemo?: { value: string };
  /** New amounts (in cents) by line Id; the quantity stays and the rate follows, as in QuickBooks' form. */
  lineAmounts?: Record<string, number>;
}

/** The stored lines as a request would send them, with new amounts where given. */
function buildLinesWithAmounts(inv: InvoiceRec, amounts: Record<string, number>): Record<string, unknown>[] {
  for (const id of Object.keys(amounts)) {
    if (!inv.lines.some((l) => l.id === id && l.kind === "SalesItem")) throw Faults.businessValidation(`The invoice has no line ${id}.`, "Line.Id");
  }
  return inv.lines.map((l) => {
    if (l.kind === "DescriptionOnly") return { Id: l.id, DetailType: "DescriptionOnly", Description: l.description };
    const cents = amounts[l.id] ?? l.amountCents;
    const isChanged = cents !== l.amountCents;
    return {
      Id: l.id, Amount: cents / 100, DetailType: "SalesItemLineDetail", Description: l.description,
      SalesItemLineDetail: {
        ItemRef: { value: l.itemId ?? "1" }, Qty: l.qty, UnitPrice: isChanged && l.qty ? undefined : l.unitPrice, ServiceDate: l.serviceDate,
      },
    };
  });
}

export function editInvoiceAction(emu: Emulator, realm: RealmState, id: string, edit: InvoiceEdit): Record<string, unknown> {
  const inv = findLiveRecord(realm.Invoice, id);
  const { lineAmounts, ...fields } = edit;
  const Line = lineAmounts && Object.keys(lineAmounts).length > 0 ? buildLinesWithAmounts(inv, lineAmounts) : undefined;
  return updateInvoice(buildCompanyContext(emu, realm), { ...fields, ...(Line ? { Line } : {}), ...currentVersion(inv), sparse: true });
}

/** The Id of the only sales line (for `amount` without line Ids). */
export function findOnlySalesLineId(realm: RealmState, id: string): string {
  const lines = findLiveRecord(realm.Invoice, id).lines.filter((l) => l.kind === "SalesItem");
  if (lines.length !== 1 || !lines[0]) {
    throw Faults.businessValidation(`The invoice has ${lines.length} sales lines: name the line to change.`, "Line");
  }
  return lines[0].id;
}

export function voidInvoiceAction(emu: Emulator, realm: RealmState, id: string): Record<string, unknown> {
  return voidInvoice(buildCompanyContext(emu, realm), currentVersion(findLiveRecord(realm.Invoice, id)));
}

export function deleteInvoiceAction(emu: Emulator, realm: RealmState, id: string): Record<string, unknown> {
  return deleteInvoice(buildCompanyContext(emu, realm), currentVersion(findLiveRecord(realm.Invoice, id)));
}

/** Receive payment for one invoice (default: its whole open balance). */
export function receivePaymentAction(
  emu: Emulator,
  realm: RealmState,
  invoiceId: string,
  amountCents?: number,
  depositAccountId?: string,
): Record<string, unknown> {
  const inv = findLiveRecord(realm.Invoice, invoiceId);
  const cents = amountCents ?? getInvoiceBalanceCents(realm, inv);
  if (cents <= 0) throw Faults.businessValidation("The invoice has no open balance.", "Amount");
  return createPayment(buildCompanyContext(emu, realm), {
    CustomerRef: { value: inv.customerId },
    TotalAmt: cents / 100,
    ...(depositAccountId ? { DepositToAccountRef: { value: depositAccountId } } : {}),
    Line: [{ Amount: cents / 100, LinkedTxn: [{ TxnId: inv.id, TxnType: "Invoice" }] }],
  });
}

/** Apply a credit memo to an invoice: a Payment of 0 linking both (default: as much as both allow). */
export function applyCreditAction(emu: Emulator, realm: RealmState, invoiceId: string, creditMemoId: string, amountCents?: number): Record<string, unknown> {
  const inv = findLiveRecord(realm.Invoice, invoiceId);
  const cm = findLiveRecord(realm.CreditMemo, creditMemoId);
  const cents = amountCents ?? Math.min(getInvoiceBalanceCents(realm, inv), getRemainingCreditCents(realm, cm));
  if (cents <= 0) throw Faults.businessValidation("Nothing to apply: the invoice is paid or the credit is used up.", "Amount");
  return createPayment(buildCompanyContext(emu, realm), {
    CustomerRef: { value: inv.customerId },
    TotalAmt: 0,
    Line: [
      { Amount: cents / 100, LinkedTxn: [{ TxnId: inv.id, TxnType: "Invoice" }] },
      { Amount: cents / 100, LinkedTxn: [{ TxnId: cm.id, TxnType: "CreditMemo" }] },
    ],
  });
}

/** Email the invoice: to `sendTo`, else its BillEmail, else the customer's e-mail address. */
export function sendInvoiceAction(emu: Emulator, realm: RealmState, id: string, sendTo?: string): Record<string, unknown> {
  const inv = findLiveRecord(realm.Invoice, id);
  const customerEmail = (realm.Customer[inv.customerId]?.fields.PrimaryEmailAddr as { Address?: string } | undefined)?.Address;
  return sendInvoice(buildCompanyContext(emu, realm), inv.id, sendTo || null, customerEmail);
}
