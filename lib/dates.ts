import { z } from "zod";

/**
 * Calendar dates (ship-by, ship date, payout date) are "YYYY-MM-DD" strings at the edges and
 * UTC-midnight Dates in Prisma (@db.Date). They never pass through a local timezone.
 */
const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

export const ZCalendarDateSchema = z
  .string()
  .trim()
  .refine((value) => CALENDAR_DATE.test(value) && isRealDay(value), {
    message: "Enter a date as YYYY-MM-DD",
  });

function isRealDay(value: string): boolean {
  const date = fromCalendarDate(value);
  return !Number.isNaN(date.getTime()) && toCalendarDateString(date) === value;
}

export function fromCalendarDate(value: string): Date {
  return new Date(`${value}T00:00:00.000Z`);
}

export function toCalendarDateString(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function todayCalendarDate(now = new Date()): string {
  return toCalendarDateString(now);
}

const DISPLAY = new Intl.DateTimeFormat("en-US", { timeZone: "UTC", month: "short", day: "numeric", year: "numeric" });

export function formatCalendarDate(date: Date | null | undefined): string {
  return date ? DISPLAY.format(date) : "—";
}

const DISPLAY_TIME = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export function formatTimestamp(date: Date | null | undefined): string {
  return date ? `${DISPLAY_TIME.format(date)} UTC` : "—";
}
