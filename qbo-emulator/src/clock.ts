// Time formats as Intuit writes them: company-local ISO timestamps with an offset.

export const COMPANY_TIME_ZONE = "America/Los_Angeles";

const partsFormatter = new Intl.DateTimeFormat("en-US", {
  timeZone: COMPANY_TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
  timeZoneName: "longOffset",
});

interface LocalParts {
  date: string;
  time: string;
  offset: string;
}

function getLocalParts(ms: number): LocalParts {
  const parts: Record<string, string> = {};
  for (const p of partsFormatter.formatToParts(new Date(ms))) parts[p.type] = p.value;
  const zone = parts.timeZoneName ?? "GMT";
  const offset = zone === "GMT" ? "+00:00" : zone.replace("GMT", "");
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    time: `${parts.hour}:${parts.minute}:${parts.second}`,
    offset,
  };
}

/** `2020-09-29T05:58:07-07:00` (MetaData times). */
export function formatDateTime(ms: number): string {
  const p = getLocalParts(ms);
  return `${p.date}T${p.time}${p.offset}`;
}

/** `2020-09-29T05:58:07.300-07:00` (the envelope's `time`). */
export function formatEnvelopeTime(ms: number = Date.now()): string {
  const p = getLocalParts(ms);
  const millis = String(Math.floor(ms % 1000)).padStart(3, "0");
  return `${p.date}T${p.time}.${millis}${p.offset}`;
}

/** Company-local calendar date, `YYYY-MM-DD`. */
export function formatDate(ms: number): string {
  return getLocalParts(ms).date;
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function isValidDate(date: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return false;
  const d = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === date;
}

/** An Intuit date: `YYYY-MM-DD`, optionally followed by a time and/or zone (ignored, the calendar date is kept). */
export function parseIntuitDate(value: string): string | undefined {
  const m = /^(\d{4}-\d{2}-\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?(?:Z|[+-]\d{2}:?\d{2})?$/.exec(value.trim());
  return m?.[1] !== undefined && isValidDate(m[1]) ? m[1] : undefined;
}

/**
 * Wall-clock milliseconds that never repeat (so change order is stable); a clock that jumps back by more than a
 * second (e.g. NTP, or tests restoring time) is followed instead of being outrun.
 */
let lastNow = 0;
export function now(): number {
  const t = Date.now();
  lastNow = t > lastNow || lastNow - t > 1000 ? t : lastNow + 1;
  return lastNow;
}
