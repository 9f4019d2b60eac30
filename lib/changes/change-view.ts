import { can, type TActor } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { formatTimestamp } from "@/lib/dates";
import type { QuickBooksSync } from "@/lib/generated/prisma/client";
import { formatCents } from "@/lib/money";
import { REALM_CHANGED } from "@/lib/sync/realm-change";
import { type TChangeAction, ZChangeRecordSchema, ZCreditNotesSchema } from "./change-payload";
import { decideInvoiceChange, type TChangeDecision } from "./decide-change";
import { type TInvoiceChangeState, loadInvoiceChangeState } from "./invoice-change-state";

export type TChangeDecisionView = Omit<TChangeDecision, "isPaid"> & { label: string; canAuthorize: boolean };

export type TChangeView = {
  id: string;
  title: string;
  summary: string;
  status: QuickBooksSync["status"];
  message: string | null;
  /** Who or what authorized it, and when. */
  audit: string;
  documentNumber: string | null;
  note: string | null;
  canRetry: boolean;
};

export type TInvoiceChangesView = { decision: TChangeDecisionView | null; changes: TChangeView[]; canCreateAgain: boolean };

const TITLES: Record<string, string> = {
  INVOICE_UPDATE: "Invoice update",
  INVOICE_VOID: "Invoice void",
  CREDIT_MEMO: "Credit memo",
  INVOICE_DIFFERENCE: "Invoice for the difference",
};

function labelOf(action: TChangeAction, reason: TChangeDecision["reason"]): string {
  if (action === "update") return "Update invoice in QuickBooks";
  if (action === "void") return "Void invoice in QuickBooks";
  if (action === "difference") return "Invoice the difference";
  return reason === "cancelled" ? "Credit the invoiced amount" : "Credit the difference";
}

function summaryOf(change: QuickBooksSync): string {
  const record = ZChangeRecordSchema.parse(change.change);
  const move = `${formatCents(record.fromCents)} → ${formatCents(record.toCents)}`;
  if (change.kind === "INVOICE_VOID") return `Void the invoice (${move})`;
  if (change.kind === "CREDIT_MEMO") return `Credit of ${formatCents(record.amountCents ?? 0)} applied to the invoice (${move})`;
  if (change.kind === "INVOICE_DIFFERENCE") return `Second invoice for ${formatCents(record.amountCents ?? 0)} (${move})`;
  return `Invoice amount ${move}`;
}

async function auditLines(changes: QuickBooksSync[]): Promise<Map<string, string>> {
  const userIds = [...new Set(changes.flatMap((change) => change.authorizedByUserId ?? []))];
  const users = await db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } });
  const names = new Map(users.map((user) => [user.id, user.name]));
  return new Map(
    changes.map((change) => {
      const when = formatTimestamp(change.authorizedAt ?? change.createdAt);
      if (change.authorizedBy !== "automatic") return [change.id, `Authorized by ${names.get(change.authorizedByUserId ?? "") ?? "a former member"} on ${when}`];
      const allowedBy = ZChangeRecordSchema.parse(change.change).allowedBy;
      const saved = allowedBy ? ` (saved ${formatTimestamp(new Date(allowedBy.savedAt))})` : "";
      return [change.id, `Automatic on ${when}: the QuickBooks configuration says Update QuickBooks automatically${saved}`];
    }),
  );
}

/** The pending decision with its button, and every change with its status and audit line, newest first. */
export async function buildInvoiceChangesView(actor: TActor, state: TInvoiceChangeState): Promise<TInvoiceChangesView> {
  const canAct = can(actor.role, "invoices.manage");
  const decided = decideInvoiceChange(state);
  let decision: TChangeDecisionView | null = null;
  if (decided) {
    const { isPaid: _isPaid, ...rest } = decided;
    decision = { ...rest, label: labelOf(rest.action, rest.reason), canAuthorize: canAct && !rest.blockedReason };
  }
  const audits = await auditLines(state.changes);
  const changes = [...state.changes].reverse().map((change) => {
    const notes = ZCreditNotesSchema.safeParse(change.notes);
    return {
      id: change.id,
      title: TITLES[change.kind] ?? change.kind,
      summary: summaryOf(change),
      status: change.status,
      message: change.errorMessage,
      audit: audits.get(change.id)!,
      documentNumber: change.kind === "CREDIT_MEMO" || change.kind === "INVOICE_DIFFERENCE" ? change.qboDocNumber : null,
      note: notes.success ? notes.data.note : null,
      // A change for an invoice in the previous company cannot follow the shop (retry-change.ts says why).
      canRetry: canAct && change.status === "FAILED" && change.errorCode !== REALM_CHANGED,
    };
  });
  const { invoice, job } = state;
  const isGone = invoice.qboState === "VOIDED" || invoice.qboState === "DELETED";
  return { decision, changes, canCreateAgain: canAct && invoice.status === "SYNCED" && isGone && job.status !== "CANCELLED" };
}

export async function getInvoiceChangesView(actor: TActor, jobId: string): Promise<TInvoiceChangesView> {
  const state = await loadInvoiceChangeState(db, actor.organizationId, jobId);
  return state ? buildInvoiceChangesView(actor, state) : { decision: null, changes: [], canCreateAgain: false };
}
