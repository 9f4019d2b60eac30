import { formatCents } from "@/lib/money";
import type { TChangeAction } from "./change-payload";
import type { TInvoiceChangeState } from "./invoice-change-state";

/** The decision a job's invoice waits for: what changed, and what may be done about it. */
export type TChangeDecision = {
  reason: "repriced" | "cancelled";
  /** Billed now → what the job says it should be. */
  fromCents: number;
  toCents: number;
  isPaid: boolean;
  /** The one way offered (paid invoices are never edited, nothing is ever deleted). */
  action: TChangeAction;
  /** The credit memo's, second invoice's or updated invoice's amount. */
  amountCents: number;
  explanation: string;
  /** Set when nothing can be sent now (the invoice is in another QuickBooks company). */
  blockedReason: string | null;
};

/**
 * What a person should decide for a Xometry job whose invoice is in QuickBooks and no longer
 * matches it, or null when they agree (or a change is still on its way). Pure: the state says
 * whether the invoice is paid as last known; the pusher checks QuickBooks again before acting.
 */
export function decideInvoiceChange(state: TInvoiceChangeState): TChangeDecision | null {
  const { job, invoice, isPaid } = state;
  if (job.source !== "XOMETRY" || invoice.status !== "SYNCED" || !invoice.qboId || state.inFlight) return null;
  if (invoice.qboState === "VOIDED" || invoice.qboState === "DELETED") return null;
  const fromCents = state.billedCents;
  const blockedReason =
    state.connection && state.connection.realmId !== invoice.realmId
      ? "This invoice is in the QuickBooks company the shop used before, so Workcenter cannot change it. Change it in that company by hand."
      : null;
  const base = { fromCents, isPaid, blockedReason };
  if (job.status === "CANCELLED") {
    if (fromCents === 0) return null;
    return isPaid
      ? {
          ...base,
          reason: "cancelled",
          toCents: 0,
          action: "credit",
          amountCents: fromCents,
          explanation: `Job ${job.number} was cancelled, but its invoice has a payment recorded, so it cannot be voided. You can credit the customer the ${formatCents(fromCents)} invoiced with a credit memo applied to the invoice.`,
        }
      : {
          ...base,
          reason: "cancelled",
          toCents: 0,
          action: "void",
          amountCents: 0,
          explanation: `Job ${job.number} was cancelled after invoicing. Its invoice for ${formatCents(fromCents)} is still open in QuickBooks. Voiding keeps it in QuickBooks with a zero amount; nothing is deleted.`,
        };
  }
  const toCents = job.priceCents;
  if (toCents === fromCents) return null;
  const change = `${formatCents(fromCents)} → ${formatCents(toCents)}`;
  const repriced = { ...base, reason: "repriced" as const, toCents };
  if (!isPaid) {
    return { ...repriced, action: "update", amountCents: toCents, explanation: `The price changed after invoicing: ${change}. The QuickBooks invoice still shows ${formatCents(fromCents)}.` };
  }
  const differenceCents = Math.abs(toCents - fromCents);
  return toCents < fromCents
    ? {
        ...repriced,
        action: "credit",
        amountCents: differenceCents,
        explanation: `The price went down after invoicing (${change}), and the invoice has a payment recorded, so it is not edited. A credit memo for ${formatCents(differenceCents)} can be applied to it.`,
      }
    : {
        ...repriced,
        action: "difference",
        amountCents: differenceCents,
        explanation: `The price went up after invoicing (${change}), and the invoice has a payment recorded, so it is not edited. A second invoice for the ${formatCents(differenceCents)} difference can be sent.`,
      };
}
