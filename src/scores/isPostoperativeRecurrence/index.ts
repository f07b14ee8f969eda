import type { ParseResult } from "../../models/common.js";
import type { RutgeertsGrade } from "../../models/scoreInputs.js";
import { failure, throwFirst } from "../_lib/problems.js";
import { gradeProblems, rutgeertsOrdinal } from "../_lib/rutgeerts.js";

/**
 * Endoscopic postoperative recurrence of Crohn's disease: Rutgeerts grade >= i2 (i2, i2a, i2b, i3, i4).
 * @remarks Erythema or oedema alone is not recurrence (i0/i1). i2a (anastomotic lesions only) counts
 * as >= i2 here, as in the original score; protocols that treat i2a as non-recurrence can test the
 * grade themselves.
 * @param grade - The Rutgeerts grade.
 * @returns True for >= i2.
 * @throws {TypeError} If `grade` is not a string.
 * @throws {RangeError} If `grade` is not a Rutgeerts grade.
 * @example
 * [isPostoperativeRecurrence("i1"), isPostoperativeRecurrence("i2b")];
 * //=> [false, true]
 * @see Rutgeerts P, et al. Gastroenterology 1990;99:956-63. doi:10.1016/0016-5085(90)90613-6
 */
export function isPostoperativeRecurrence(grade: RutgeertsGrade): boolean {
  const o = rutgeertsOrdinal(grade);
  if (o < 0) throwFirst("isPostoperativeRecurrence", gradeProblems(grade));
  return o >= 2;
}

/**
 * Non-throwing {@link isPostoperativeRecurrence}.
 * @param grade - Candidate grade (any value).
 * @returns A ParseResult holding the boolean or the issue found.
 * @example
 * safeIsPostoperativeRecurrence("i3");
 * //=> { success: true, data: true }
 * @see Rutgeerts P, et al. Gastroenterology 1990;99:956-63. doi:10.1016/0016-5085(90)90613-6
 */
export function safeIsPostoperativeRecurrence(grade: unknown): ParseResult<boolean> {
  const o = rutgeertsOrdinal(grade);
  if (o < 0) return failure(gradeProblems(grade));
  return { success: true, data: o >= 2 };
}
