import type { ParseResult } from "../../models/common.js";
import { ageInYears, isIsoDate } from "../../_lib/dates.js";
import { failure, throwFirst, type Problem } from "../_lib/problems.js";
import { montrealAge, type MontrealAgeClass } from "../montrealAge/index.js";

function problems(birthDate: unknown, diagnosisDate: unknown): Problem[] {
  const out: Problem[] = [];
  for (const [arg, v] of [["birthDate", birthDate], ["diagnosisDate", diagnosisDate]] as const) {
    if (typeof v !== "string") out.push({ arg, path: [], code: "invalid_type", rule: "must be a date string YYYY-MM-DD", value: v, kind: "type" });
    else if (!isIsoDate(v)) out.push({ arg, path: [], code: "invalid_format", rule: "must be a calendar date written YYYY-MM-DD", value: v, kind: "range" });
  }
  if (out.length === 0 && (diagnosisDate as string) < (birthDate as string)) {
    out.push({ arg: "diagnosisDate", path: [], code: "custom", rule: "must not be before birthDate", value: diagnosisDate, kind: "range" });
  }
  if (out.length === 0 && ageInYears(birthDate as string, diagnosisDate as string) > 150) {
    out.push({ arg: "diagnosisDate", path: [], code: "too_big", rule: "must be at most 150 years after birthDate", value: diagnosisDate, kind: "range" });
  }
  return out;
}

/**
 * Montreal age class from the birth and diagnosis dates (age in completed years at diagnosis).
 * @remarks A1 <= 16 years, A2 17-40, A3 > 40 (see {@link montrealAge}); completed years via date-fns
 * `differenceInYears` (a patient diagnosed the day before their 17th birthday is A1).
 * @param birthDate - ISO date `YYYY-MM-DD`.
 * @param diagnosisDate - ISO date `YYYY-MM-DD`, not before `birthDate`.
 * @returns `"A1"`, `"A2"` or `"A3"`.
 * @throws {TypeError} If a date is not a string.
 * @throws {RangeError} If a date is not a calendar date, or diagnosis precedes birth.
 * @example
 * [montrealAgeFromDates("2000-06-15", "2017-06-14"), montrealAgeFromDates("2000-06-15", "2017-06-15")];
 * //=> ["A1", "A2"]
 * @see Satsangi J, et al. Gut 2006;55:749-53. doi:10.1136/gut.2005.082909
 */
export function montrealAgeFromDates(birthDate: string, diagnosisDate: string): MontrealAgeClass {
  const p = problems(birthDate, diagnosisDate);
  if (p.length > 0) throwFirst("montrealAgeFromDates", p);
  return montrealAge(ageInYears(birthDate, diagnosisDate));
}

/**
 * Non-throwing {@link montrealAgeFromDates}.
 * @param birthDate - Candidate birth date (any value).
 * @param diagnosisDate - Candidate diagnosis date (any value).
 * @returns A ParseResult holding the class or every issue found.
 * @example
 * safeMontrealAgeFromDates("2000-06-15", "1999-01-01").success;
 * //=> false
 * @see Satsangi J, et al. Gut 2006;55:749-53. doi:10.1136/gut.2005.082909
 */
export function safeMontrealAgeFromDates(birthDate: unknown, diagnosisDate: unknown): ParseResult<MontrealAgeClass> {
  const p = problems(birthDate, diagnosisDate);
  if (p.length > 0) return failure(p);
  return { success: true, data: montrealAge(ageInYears(birthDate as string, diagnosisDate as string)) };
}
