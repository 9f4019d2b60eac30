// Brings state files written by older emulator versions up to the current model.
import { markVoided } from "./ledger";
import { addTermsAndTaxes } from "./seed-sales";
import type { RealmState } from "./types";

interface LegacyPaymentLine {
  amountCents: number;
  invoiceId?: string;
  txnId?: string;
  txnType?: "Invoice" | "CreditMemo";
}

export function migrateRealm(realm: RealmState): void {
  // Deposits and credit memos arrived later: their tables may be missing.
  realm.Deposit ??= {};
  realm.CreditMemo ??= {};
  // Terms and sales tax arrived later still.
  if (!realm.Term || !realm.TaxCode || !realm.TaxRate) addTermsAndTaxes(realm, realm.company.createdAt);
  // Voided transactions now keep "Voided" in their note (it used to be added when read).
  for (const rec of [...Object.values(realm.Invoice), ...Object.values(realm.Payment)]) {
    const note = rec.fields.PrivateNote;
    if (rec.isVoided && !(typeof note === "string" && note.startsWith("Voided"))) markVoided(rec);
  }
  // Payment lines used to name only an invoice (`invoiceId`).
  for (const p of Object.values(realm.Payment)) {
    p.lines = (p.lines as LegacyPaymentLine[]).map((l) => ({
      amountCents: l.amountCents,
      txnId: l.txnId ?? l.invoiceId ?? "",
      txnType: l.txnType ?? "Invoice",
    }));
  }
}
