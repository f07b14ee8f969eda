/**
 * Private: the one day-counting rule for dose periods, corticosteroid periods and exposure, and the one
 * baseline window shared by eligibility and timelines.
 *
 * Rule: a period's `startDate` and `endDate` are both days ON the drug (inclusive). A period from
 * 2024-01-01 to 2024-03-24 is 84 days = 12 weeks of daily doses. Days off after a period = calendar days
 * from its end date to the date (1 = stopped the day before).
 */
import { daysBetween } from "./dates.js";

/** Days covered by an inclusive period `[start, end]`: end − start + 1 (0 when end is before start). */
export function inclusiveDays(start: string, end: string): number {
  return Math.max(0, daysBetween(start, end) + 1);
}

/** Days off on `date` after a period that ended (inclusive) on `end`: date − end (1 = stopped the day before). */
export function daysOffAfter(end: string, date: string): number {
  return daysBetween(end, date);
}

/**
 * The baseline window, in days before treatment start (start included): a baseline visit, score or lab
 * must fall in [start − 30 days, start]. Used by `assessStudyEligibility` and the w0 time point of every
 * shipped profile.
 */
export const BASELINE_WINDOW_DAYS = 30;
