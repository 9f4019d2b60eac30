// Deposit → Intuit JSON: linked Payment lines first (no Id, LineNum or DetailType), then the account lines numbered 1…n.
import { money } from "../json";
import { getDepositTotalCents, toHomeCents } from "../store/ledger";
import type { DepositRec, RealmState } from "../store/types";
import { buildBase, buildCurrencyRef, buildRef } from "./serialize";

function serializeLines(realm: RealmState, d: DepositRec): Record<string, unknown>[] {
  const linked: Record<string, unknown>[] = [];
  const direct: Record<string, unknown>[] = [];
  for (const l of d.lines) {
    if (l.kind === "Linked") {
      linked.push({ Amount: money(l.amountCents), LinkedTxn: [{ TxnId: l.paymentId, TxnType: "Payment", TxnLineId: "0" }] });
      continue;
    }
    direct.push({
      Id: String(direct.length + 1),
      LineNum: direct.length + 1,
      Description: l.description,
      Amount: money(l.amountCents),
      DetailType: "DepositLineDetail",
      DepositLineDetail: { AccountRef: buildRef(realm, "Account", l.accountId), ...l.detail },
    });
  }
  return [...linked, ...direct];
}

export function serializeDeposit(realm: RealmState, d: DepositRec): Record<string, unknown> {
  const isForeign = realm.prefs.multiCurrencyEnabled;
  const total = getDepositTotalCents(d);
  return {
    DepositToAccountRef: buildRef(realm, "Account", d.depositAccountId),
    TotalAmt: money(total),
    HomeTotalAmt: isForeign ? money(toHomeCents(total, d.exchangeRate)) : undefined,
    ...buildBase(d),
    TxnDate: d.txnDate,
    CurrencyRef: buildCurrencyRef(d.currency),
    ExchangeRate: isForeign ? d.exchangeRate : undefined,
    Line: serializeLines(realm, d),
    ...d.fields,
  };
}
