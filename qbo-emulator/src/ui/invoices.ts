// Company UI: invoices list and invoice detail (edit amounts, void, delete, receive payment, apply credit, send, PDF).
import { escapeHtml } from "../http";
import { formatDateTime } from "../clock";
import { getAppliedCents, getInvoiceBalanceCents, getInvoiceTotalCents, getRemainingCreditCents } from "../store/ledger";
import type { InvoiceRec, RealmState } from "../store/types";
import { formatUiMoney, listLiveNewestFirst, renderButtonForm, renderLayout } from "./layout";

function getInvoiceStatus(realm: RealmState, inv: InvoiceRec): string {
  if (inv.isVoided) return "Voided";
  const balance = getInvoiceBalanceCents(realm, inv);
  if (balance === 0) return "Paid";
  return getAppliedCents(realm, inv.id) > 0 ? "Partially paid" : "Open";
}

function renderActions(realm: RealmState, inv: InvoiceRec): string {
  const base = `/app/${realm.realmId}/invoices/${inv.id}`;
  const parts = [`<a href="${base}/pdf" target="_blank">PDF</a>`, `<a href="${base}">Edit</a>`];
  if (!inv.isVoided && getInvoiceBalanceCents(realm, inv) > 0) parts.push(renderButtonForm(`${base}/receive-payment`, "Receive payment", "primary"));
  if (!inv.isVoided) parts.push(renderButtonForm(`${base}/void`, "Void", "danger"));
  parts.push(renderButtonForm(`${base}/delete`, "Delete", "danger"));
  return parts.join(" ");
}

export function renderInvoicesPage(realm: RealmState, query: URLSearchParams): string {
  const invoices = listLiveNewestFirst(realm.Invoice);
  const rows = invoices
    .map((inv) => {
      const customer = realm.Customer[inv.customerId]?.displayName ?? inv.customerId;
      return `<tr data-invoice-id="${inv.id}"><td>${escapeHtml(inv.txnDate)}</td><td>${escapeHtml(inv.docNumber ?? "—")}</td>
<td>${escapeHtml(customer)}</td><td>${escapeHtml(inv.dueDate)}</td>
<td class="num">${formatUiMoney(getInvoiceTotalCents(inv), inv.currency)}</td>
<td class="num">${formatUiMoney(getInvoiceBalanceCents(realm, inv), inv.currency)}</td>
<td><span class="status">${getInvoiceStatus(realm, inv)}</span></td><td>${renderActions(realm, inv)}</td></tr>`;
    })
    .join("");
  const table = invoices.length
    ? `<table><thead><tr><th>Date</th><th>No.</th><th>Customer</th><th>Due date</th><th class="num">Amount</th><th class="num">Open balance</th><th>Status</th><th>Action</th></tr></thead><tbody>${rows}</tbody></table>`
    : "<p>No invoices yet.</p>";
  return renderLayout(realm, "Invoices", table, query);
}

function renderEditForm(realm: RealmState, inv: InvoiceRec, base: string): string {
  const memo = typeof inv.fields.PrivateNote === "string" ? inv.fields.PrivateNote : "";
  const amounts = inv.lines
    .filter((l) => l.kind === "SalesItem")
    .map((l) => {
      const item = realm.Item[l.itemId ?? ""]?.name ?? "";
      return `<label for="amount-${l.id}">Line ${l.id} amount (${escapeHtml(item)})</label>
<input id="amount-${l.id}" name="amount-${l.id}" type="text" value="${(l.amountCents / 100).toFixed(2)}">`;
    })
    .join("");
  return `<form class="card" method="post" action="${base}/edit">
<label for="DocNumber">Invoice no.</label><input id="DocNumber" name="DocNumber" type="text" value="${escapeHtml(inv.docNumber ?? "")}">
<label for="DueDate">Due date</label><input id="DueDate" name="DueDate" type="date" value="${escapeHtml(inv.dueDate)}">
<label for="PrivateNote">Memo (private note)</label><input id="PrivateNote" name="PrivateNote" type="text" value="${escapeHtml(memo)}">
${amounts}<p><button type="submit" class="primary">Save</button></p></form>`;
}

function renderMoneyForms(realm: RealmState, inv: InvoiceRec, base: string): string {
  const balance = getInvoiceBalanceCents(realm, inv);
  if (balance <= 0) return "";
  const credits = Object.values(realm.CreditMemo)
    .filter((cm) => cm.customerId === inv.customerId && cm.deletedAt === undefined && getRemainingCreditCents(realm, cm) > 0)
    .map((cm) => `<option value="${cm.id}">Credit memo ${escapeHtml(cm.docNumber ?? cm.id)} (${formatUiMoney(getRemainingCreditCents(realm, cm), cm.currency)} left)</option>`)
    .join("");
  const apply = credits
    ? `<form class="card" method="post" action="${base}/apply-credit"><label for="creditMemoId">Apply credit</label>
<select id="creditMemoId" name="creditMemoId">${credits}</select><label for="credit-amount">Amount (empty: as much as possible)</label>
<input id="credit-amount" name="amount" type="text"><p><button type="submit">Apply credit</button></p></form>`
    : "";
  return `<form class="card" method="post" action="${base}/receive-payment"><label for="payment-amount">Payment amount</label>
<input id="payment-amount" name="amount" type="text" value="${(balance / 100).toFixed(2)}"><p><button type="submit" class="primary">Receive payment</button></p></form>${apply}`;
}

function renderSendForm(realm: RealmState, inv: InvoiceRec, base: string): string {
  const to = (inv.fields.BillEmail as { Address?: string } | undefined)?.Address
    ?? (realm.Customer[inv.customerId]?.fields.PrimaryEmailAddr as { Address?: string } | undefined)?.Address ?? "";
  const sent = inv.deliveryTime ? ` · <span id="email-status">Sent ${escapeHtml(formatDateTime(inv.deliveryTime))}</span>` : "";
  return `<form class="card" method="post" action="${base}/send"><label for="sendTo">Send to${sent}</label>
<input id="sendTo" name="sendTo" type="text" value="${escapeHtml(to)}"><p><button type="submit">Send invoice</button></p></form>`;
}

export function renderInvoiceDetailPage(realm: RealmState, inv: InvoiceRec, query: URLSearchParams): string {
  const base = `/app/${realm.realmId}/invoices/${inv.id}`;
  const lines = inv.lines
    .map((l) => {
      const item = l.itemId ? realm.Item[l.itemId]?.name ?? l.itemId : "";
      return `<tr><td>${escapeHtml(item)}</td><td>${escapeHtml(l.description ?? "")}</td><td class="num">${l.qty ?? ""}</td>
<td class="num">${l.unitPrice ?? ""}</td><td class="num">${formatUiMoney(inv.isVoided ? 0 : l.amountCents, inv.currency)}</td></tr>`;
    })
    .join("");
  const forms = inv.isVoided ? "" : `${renderEditForm(realm, inv, base)}${renderMoneyForms(realm, inv, base)}${renderSendForm(realm, inv, base)}`;
  const body = `<p>Customer: <strong>${escapeHtml(realm.Customer[inv.customerId]?.displayName ?? "")}</strong> ·
Status: <span class="status">${getInvoiceStatus(realm, inv)}</span> · <a href="${base}/pdf" target="_blank">Open PDF</a></p>
<table><thead><tr><th>Product/service</th><th>Description</th><th class="num">Qty</th><th class="num">Rate</th><th class="num">Amount</th></tr></thead><tbody>${lines}</tbody></table>
<p>Total <strong>${formatUiMoney(getInvoiceTotalCents(inv), inv.currency)}</strong> · Balance due <strong>${formatUiMoney(getInvoiceBalanceCents(realm, inv), inv.currency)}</strong></p>
${forms}<p>${inv.isVoided ? "" : renderButtonForm(`${base}/void`, "Void", "danger")} ${renderButtonForm(`${base}/delete`, "Delete", "danger")}</p>`;
  return renderLayout(realm, `Invoice ${inv.docNumber ?? `(no number, Id ${inv.id})`}`, body, query);
}
