// ExchangeRate: `GET …/exchangerate?sourcecurrencycode=CAD[&asofdate=YYYY-MM-DD]` and `select * from ExchangeRate …`
// (the company's rate to its home currency, from the fixed table).
import { formatDate, formatDateTime, parseIntuitDate } from "../clock";
import { Faults } from "../faults";
import type { Condition } from "../query/parser";
import { CURRENCY_NAMES, getExchangeRate, isKnownCurrency } from "../store/currencies";
import type { RealmState } from "../store/types";

function buildExchangeRate(realm: RealmState, code: string, asOf: string): Record<string, unknown> {
  return {
    SourceCurrencyCode: code,
    TargetCurrencyCode: realm.prefs.homeCurrency,
    Rate: getExchangeRate(code, realm.prefs.homeCurrency),
    AsOfDate: asOf,
    domain: "QBO",
    sparse: false,
    SyncToken: "0",
    MetaData: { LastUpdatedTime: formatDateTime(realm.company.createdAt) },
  };
}

export function readExchangeRate(realm: RealmState, source: string | null, asOf: string | null): Record<string, unknown> {
  if (!source) throw Faults.requiredMissing("sourcecurrencycode");
  const code = source.toUpperCase();
  if (!isKnownCurrency(code)) throw Faults.invalidReference("Currency", code, "sourcecurrencycode");
  if (!asOf) return buildExchangeRate(realm, code, formatDate(Date.now()));
  const date = parseIntuitDate(asOf);
  if (date === undefined) throw Faults.unknownProperty(`asofdate specified is unsupported or invalid: ${asOf}`, "asofdate");
  return buildExchangeRate(realm, code, date);
}

/** One row per foreign currency, dated as the query's `AsOfDate = '…'` asks (else today). */
export function listExchangeRates(realm: RealmState, where: Condition[]): Record<string, unknown>[] {
  const asked = where.find((c) => c.field === "AsOfDate" && c.op === "=");
  const asOf = asked ? parseIntuitDate(String(asked.values[0])) : undefined;
  return Object.keys(CURRENCY_NAMES)
    .filter((code) => code !== realm.prefs.homeCurrency)
    .map((code) => buildExchangeRate(realm, code, asOf ?? formatDate(Date.now())));
}
