/** Private date helpers over ISO 8601 calendar dates (`YYYY-MM-DD`), using date-fns. */
import { addDays, differenceInCalendarDays, differenceInYears, formatISO } from "date-fns";

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `s` is a real calendar date written `YYYY-MM-DD` (2023-02-30 is not). */
export function isIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (m === null) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1) return false;
  const dim = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return d <= dim;
}

/** Parses an already-validated ISO date into a local-midnight Date (date-fns convention). */
export function toDate(iso: string): Date {
  const m = ISO_DATE.exec(iso);
  if (m === null) throw new RangeError(`not an ISO date: ${iso}`);
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
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
