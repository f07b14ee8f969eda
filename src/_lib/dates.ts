/** Private date helpers over ISO 8601 calendar dates (`YYYY-MM-DD`), using date-fns. */
import { addDays, differenceInCalendarDays, differenceInYears, formatISO } from "date-fns";

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Proleptic Gregorian leap year (year 0 = 1 BC is a leap year; 1900 is not, 2000 is). */
function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** True when `s` is a real calendar date written `YYYY-MM-DD` (2023-02-30 is not; 0000-02-29 is). */
export function isIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (m === null) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1) return false;
  const dim = mo === 2 && isLeapYear(y) ? 29 : DAYS_IN_MONTH[mo - 1]!;
  return d <= dim;
}

/**
 * Parses an already-validated ISO date into a local-midnight Date (date-fns convention). Years 0000-0099
 * stay what they are (the `Date` constructor would map them to 1900-1999).
 */
export function toDate(iso: string): Date {
  const m = ISO_DATE.exec(iso);
  if (m === null) throw new RangeError(`not an ISO date: ${iso}`);
  const out = new Date(2000, 0, 1);
  out.setFullYear(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return out;
}

/** Calendar days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return differenceInCalendarDays(toDate(to), toDate(from));
}

/** `iso` plus `days` calendar days, as an ISO date. */
export function addDaysIso(iso: string, days: number): string {
  return formatISO(addDays(toDate(iso), days), { representation: "date" });
}

/** Completed years between a birth date and a reference date. */
export function ageInYears(birthDate: string, at: string): number {
  return differenceInYears(toDate(at), toDate(birthDate));
}

/** Lexicographic comparison is chronological for ISO dates. */
export function compareIso(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
