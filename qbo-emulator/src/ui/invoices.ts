// Company UI: invoices list and invoice detail (edit, void, delete, receive payment, PDF).
import { escapeHtml } from "../http";
import { getAppliedCents, getInvoiceBalanceCents, getInvoiceTotalCents } from "../store/ledger";
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

export function renderInvoiceDetailPage(realm: RealmState, inv: InvoiceRec, query: URLSearchParams): string {
  const base = `/app/${realm.realmId}/invoices/${inv.id}`;
  const lines = inv.lines
    .map((l) => {
      const item = l.itemId ? realm.Item[l.itemId]?.name ?? l.itemId : "";
      return `<tr><td>${escapeHtml(item)}</td><td>${escapeHtml(l.description ?? "")}</td><td class="num">${l.qty ?? ""}</td>
<td class="num">${l.unitPrice ?? ""}</td><td class="num">${formatUiMoney(inv.isVoided ? 0 : l.amountCents, inv.currency)}</td></tr>`;
    })
    .join("");
  const memo = typeof inv.fields.PrivateNote === "string" ? inv.fields.PrivateNote : "";
  const body = `<p>Customer: <strong>${escapeHtml(realm.Customer[inv.customerId]?.displayName ?? "")}</strong> ·
Status: <span class="status">${getInvoiceStatus(realm, inv)}</span> · <a href="${base}/pdf" target="_blank">Open PDF</a></p>
<table><thead><tr><th>Product/service</th><th>Description</th><th class="num">Qty</th><th class="num">Rate</th><th class="num">Amount</th></tr></thead><tbody>${lines}</tbody></table>
<p>Total <strong>${formatUiMoney(getInvoiceTotalCents(inv), inv.currency)}</strong> · Balance due <strong>${formatUiMoney(getInvoiceBalanceCents(realm, inv), inv.currency)}</strong></p>
${inv.isVoided ? "" : `<form class="card" method="post" action="${base}/edit">
<label for="DocNumber">Invoice no.</label><input id="DocNumber" name="DocNumber" type="text" value="${escapeHtml(inv.docNumber ?? "")}">
<label for="DueDate">Due date</label><input id="DueDate" name="DueDate" type="date" value="${escapeHtml(inv.dueDate)}">
<label for="PrivateNote">Memo (private note)</label><input id="PrivateNote" name="PrivateNote" type="text" value="${escapeHtml(memo)}">
<p><button type="submit" class="primary">Save</button></p></form>`}
<p>${inv.isVoided ? "" : renderButtonForm(`${base}/void`, "Void", "danger")} ${renderButtonForm(`${base}/delete`, "Delete", "danger")}</p>`;
  return renderLayout(realm, `Invoice ${inv.docNumber ?? `(no number, Id ${inv.id})`}`, body, query);
}
