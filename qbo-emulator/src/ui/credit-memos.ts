// Company UI: credit memos (customer, total, credit left, status) with Void and Delete, and a form to issue one.
import { escapeHtml } from "../http";
import { getInvoiceTotalCents, getRemainingCreditCents } from "../store/ledger";
import type { RealmState } from "../store/types";
import { formatUiMoney, listLiveNewestFirst, renderButtonForm, renderLayout } from "./layout";

function renderNewForm(realm: RealmState): string {
  const customers = Object.values(realm.Customer)
    .filter((c) => c.isActive)
    .sort((a, b) => a.displayName.localeCompare(b.displayName))
    .map((c) => `<option value="${c.id}">${escapeHtml(c.displayName)}</option>`)
    .join("");
  return `<form class="card" method="post" action="/app/${realm.realmId}/credit-memos/new">
<label for="cm-customer">Customer</label><select id="cm-customer" name="customerId">${customers}</select>
<label for="cm-amount">Amount</label><input id="cm-amount" name="amount" type="text">
<label for="cm-description">Description</label><input id="cm-description" name="description" type="text">
<label for="cm-memo">Memo (private note)</label><input id="cm-memo" name="privateNote" type="text">
<p><button type="submit" class="primary">Save credit memo</button></p></form>`;
}

export function renderCreditMemosPage(realm: RealmState, query: URLSearchParams): string {
  const memos = listLiveNewestFirst(realm.CreditMemo);
  const rows = memos
    .map((cm) => {
      const base = `/app/${realm.realmId}/credit-memos/${cm.id}`;
      const memo = typeof cm.fields.PrivateNote === "string" ? cm.fields.PrivateNote : "";
      const actions = `${cm.isVoided ? "" : renderButtonForm(`${base}/void`, "Void", "danger")} ${renderButtonForm(`${base}/delete`, "Delete", "danger")}`;
      return `<tr data-credit-memo-id="${cm.id}"><td>${escapeHtml(cm.txnDate)}</td><td>${escapeHtml(cm.docNumber ?? "—")}</td>
<td>${escapeHtml(realm.Customer[cm.customerId]?.displayName ?? "")}</td><td class="num">${formatUiMoney(getInvoiceTotalCents(cm), cm.currency)}</td>
<td class="num">${formatUiMoney(getRemainingCreditCents(realm, cm), cm.currency)}</td><td><span class="status">${cm.isVoided ? "Voided" : "Open"}</span></td>
<td>${escapeHtml(memo)}</td><td>${actions}</td></tr>`;
    })
    .join("");
  const table = memos.length
    ? `<table><thead><tr><th>Date</th><th>No.</th><th>Customer</th><th class="num">Total</th><th class="num">Credit left</th><th>Status</th><th>Memo</th><th>Action</th></tr></thead><tbody>${rows}</tbody></table>`
    : "<p>No credit memos yet.</p>";
  return renderLayout(realm, "Credit memos", `${table}<h2>New credit memo</h2>${renderNewForm(realm)}`, query);
}
