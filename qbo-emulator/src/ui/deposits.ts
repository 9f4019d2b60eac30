// Company UI: bank deposits (the payments each records, the other lines, the total), with Delete.
import { escapeHtml } from "../http";
import { getDepositTotalCents } from "../store/ledger";
import type { DepositRec, RealmState } from "../store/types";
import { formatUiMoney, listLiveNewestFirst, renderButtonForm, renderLayout } from "./layout";

function describeLines(realm: RealmState, d: DepositRec): { payments: string; others: string } {
  const payments: string[] = [];
  const others: string[] = [];
  for (const l of d.lines) {
    const amount = formatUiMoney(l.amountCents, d.currency);
    if (l.kind === "Linked") {
      const customer = realm.Customer[realm.Payment[l.paymentId]?.customerId ?? ""]?.displayName ?? "";
      payments.push(`Payment ${escapeHtml(l.paymentId)} ${escapeHtml(customer)} (${amount})`);
    } else {
      const account = realm.Account[l.accountId]?.name ?? `Account ${l.accountId}`;
      others.push(`${escapeHtml(account)}${l.description ? `: ${escapeHtml(l.description)}` : ""} (${amount})`);
    }
  }
  return { payments: payments.join("<br>") || "—", others: others.join("<br>") || "—" };
}

export function renderDepositsPage(realm: RealmState, query: URLSearchParams): string {
  const deposits = listLiveNewestFirst(realm.Deposit);
  const rows = deposits
    .map((d) => {
      const { payments, others } = describeLines(realm, d);
      const memo = typeof d.fields.PrivateNote === "string" ? d.fields.PrivateNote : "";
      return `<tr data-deposit-id="${d.id}"><td>${escapeHtml(d.txnDate)}</td><td>${d.id}</td>
<td>${escapeHtml(realm.Account[d.depositAccountId]?.name ?? "")}</td><td>${payments}</td><td>${others}</td>
<td class="num">${formatUiMoney(getDepositTotalCents(d), d.currency)}</td><td>${escapeHtml(memo)}</td>
<td>${renderButtonForm(`/app/${realm.realmId}/deposits/${d.id}/delete`, "Delete", "danger")}</td></tr>`;
    })
    .join("");
  const table = deposits.length
    ? `<table><thead><tr><th>Date</th><th>Id</th><th>Account</th><th>Payments</th><th>Other lines</th><th class="num">Total</th><th>Memo</th><th>Action</th></tr></thead><tbody>${rows}</tbody></table>`
    : "<p>No deposits yet.</p>";
  return renderLayout(realm, "Deposits", table, query);
}
