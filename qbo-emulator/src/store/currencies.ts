// Currencies the emulated companies know, with fixed exchange rates to USD (home units per 1 foreign unit).

export const CURRENCY_NAMES: Record<string, string> = {
  USD: "United States Dollar",
  CAD: "Canadian Dollar",
  EUR: "Euro",
  GBP: "British Pound Sterling",
  MXN: "Mexican Peso",
  AUD: "Australian Dollar",
};

const USD_RATES: Record<string, number> = { USD: 1, CAD: 0.72, EUR: 1.08, GBP: 1.27, MXN: 0.055, AUD: 0.66 };

export function isKnownCurrency(code: string): boolean {
  return code in CURRENCY_NAMES;
}

export function getCurrencyName(code: string): string {
  return CURRENCY_NAMES[code] ?? code;
}

/** Home-currency units per one unit of `code`. */
export function getExchangeRate(code: string, home: string): number {
  const from = USD_RATES[code] ?? 1;
  const to = USD_RATES[home] ?? 1;
  return Math.round((from / to) * 1e6) / 1e6;
}
