// GET …/exchangerate?sourcecurrencycode=CAD[&asofdate=YYYY-MM-DD]: the company's rate to its home currency.
import { formatDate, formatDateTime, isValidDate } from "../clock";
import { Faults } from "../faults";
import { getExchangeRate, isKnownCurrency } from "../store/currencies";
import type { RealmState } from "../store/types";

export function readExchangeRate(realm: RealmState, source: string | null, asOf: string | null): Record<string, unknown> {
  if (!source) throw Faults.requiredMissing("sourcecurrencycode");
  const code = source.toUpperCase();
  if (!isKnownCurrency(code)) throw Faults.invalidReference("Currency", code, "sourcecurrencycode");
  if (asOf !== null && !isValidDate(asOf)) throw Faults.unknownProperty(`asofdate specified is unsupported or invalid: ${asOf}`, "asofdate");
  return {
    SourceCurrencyCode: code,
    TargetCurrencyCode: realm.prefs.homeCurrency,
    Rate: getExchangeRate(code, realm.prefs.homeCurrency),
    AsOfDate: asOf ?? formatDate(Date.now()),
    domain: "QBO",
    sparse: false,
    SyncToken: "0",
    MetaData: { LastUpdatedTime: formatDateTime(realm.company.createdAt) },
  };
}
