/**
 * Private: the one day-counting rule for dose periods, corticosteroid periods and exposure, and the one
 * baseline window shared by eligibility and timelines.
 *
 * Rule: a period's `startDate` and `endDate` are both days ON the drug (inclusive). A period from
 * 2024-01-01 to 2024-03-24 is 84 days = 12 weeks of daily doses. Days off after a period = calendar days
 * from its end date to the date (1 = stopped the day before).
 */
import { compareIso, daysBetween } from "./dates.js";

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

/** What ended a course's exposure. */
export type ExposureEndedBy = "discontinuation" | "lastDose" | "lastFollowUp" | "dataCutoff";

/**
 * The last day on the drug of a course: the earliest of its discontinuation date, the end of its last dose
 * period (when every period has an end), the patient's last follow-up and the data cut-off (each optional
 * but the cut-off). On a tie the most specific record names the end: discontinuation, last dose, last
 * follow-up, cut-off. Exposure days are then `inclusiveDays(start, end)`.
 */
export function exposureEnd(
  course: { readonly discontinuation?: { readonly date: string } | undefined; readonly dosePeriods: readonly { readonly endDate?: string | undefined }[] },
  cutoff: string,
  lastFollowUp?: string,
): { date: string; by: ExposureEndedBy } {
  const ends: { date: string; by: ExposureEndedBy }[] = [{ date: cutoff, by: "dataCutoff" }];
  if (lastFollowUp !== undefined) ends.push({ date: lastFollowUp, by: "lastFollowUp" });
  if (course.discontinuation !== undefined) ends.push({ date: course.discontinuation.date, by: "discontinuation" });
  const periodEnds = course.dosePeriods.map((d) => d.endDate);
  if (periodEnds.length > 0 && periodEnds.every((d): d is string => d !== undefined)) {
    const last = [...periodEnds].sort(compareIso)[periodEnds.length - 1]!;
    ends.push({ date: last, by: "lastDose" });
  }
  const rank: Readonly<Record<ExposureEndedBy, number>> = { discontinuation: 0, lastDose: 1, lastFollowUp: 2, dataCutoff: 3 };
  return [...ends].sort((a, b) => compareIso(a.date, b.date) || rank[a.by] - rank[b.by])[0]!;
}
