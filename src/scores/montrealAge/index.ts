import type { ParseResult } from "../../models/common.js";
import { failure, throwFirst, type Problem } from "../_lib/problems.js";

/** Montreal age-at-diagnosis class. */
export type MontrealAgeClass = "A1" | "A2" | "A3";

function problems(ageYears: unknown): Problem[] {
  if (typeof ageYears !== "number") return [{ arg: "ageYears", path: [], code: "invalid_type", rule: "must be a number", value: ageYears, kind: "type" }];
  if (!Number.isFinite(ageYears) || ageYears < 0 || ageYears > 150) {
    return [{ arg: "ageYears", path: [], code: "too_small", rule: "must be a finite age in [0, 150] years", value: ageYears, kind: "range" }];
  }
  return [];
}

function classify(age: number): MontrealAgeClass {
  return age < 17 ? "A1" : age < 41 ? "A2" : "A3";
}

/**
 * Montreal age-at-diagnosis class of Crohn's disease.
 * @remarks A1 <= 16 years, A2 17-40, A3 > 40, in completed years at diagnosis (an integer age < 17 is
 * A1 [BSG 2019, Table 7]). A fractional age is read as completed years: 16.9 is A1, 40.5 is A2,
 * 41 is A3. Not rounding: completed years are how ages are stated.
 * @param ageYears - Age at diagnosis in years (0-150; fractional ages allowed).
 * @returns `"A1"`, `"A2"` or `"A3"`.
 * @throws {TypeError} If `ageYears` is not a number.
 * @throws {RangeError} If `ageYears` is not finite or outside [0, 150].
 * @example
 * [montrealAge(16.9), montrealAge(17), montrealAge(40.5), montrealAge(41)];
 * //=> ["A1", "A2", "A2", "A3"]
 * @see Satsangi J, Silverberg MS, Vermeire S, Colombel JF. The Montreal classification of inflammatory
 *   bowel disease: controversies, consensus, and implications. Gut 2006;55:749-53.
 *   doi:10.1136/gut.2005.082909
 */
export function montrealAge(ageYears: number): MontrealAgeClass {
  if (!(typeof ageYears === "number" && ageYears >= 0 && ageYears <= 150)) throwFirst("montrealAge", problems(ageYears));
  return classify(ageYears);
}

/**
 * Non-throwing {@link montrealAge}.
 * @param ageYears - Candidate age (any value).
 * @returns A ParseResult holding the class or the issue found.
 * @example
 * safeMontrealAge(-1).success;
 * //=> false
 * @see Satsangi J, et al. Gut 2006;55:749-53. doi:10.1136/gut.2005.082909
 */
export function safeMontrealAge(ageYears: unknown): ParseResult<MontrealAgeClass> {
  const p = problems(ageYears);
  return p.length > 0 ? failure(p) : { success: true, data: classify(ageYears as number) };
}
