import type { ParseResult } from "../../models/common.js";
import { failure, throwFirst, type Problem } from "../_lib/problems.js";

const FN = "stoolFrequencySubscore";

function countProblem(arg: string, v: unknown): Problem | undefined {
  if (typeof v !== "number") return { arg, path: [], code: "invalid_type", rule: "must be a number", value: v, kind: "type" };
  if (!Number.isSafeInteger(v) || v < 0) {
    return { arg, path: [], code: "too_small", rule: "must be a non-negative integer count of stools per day", value: v, kind: "range" };
  }
  return undefined;
}

function problems(stoolsPerDay: unknown, normalStoolsPerDay: unknown): Problem[] {
  const out: Problem[] = [];
  const a = countProblem("stoolsPerDay", stoolsPerDay);
  if (a) out.push(a);
  const b = countProblem("normalStoolsPerDay", normalStoolsPerDay);
  if (b) out.push(b);
  return out;
}

function score(stoolsPerDay: number, normalStoolsPerDay: number): number {
  const d = stoolsPerDay - normalStoolsPerDay;
  return d <= 0 ? 0 : d <= 2 ? 1 : d <= 4 ? 2 : 3;
}

/**
 * Mayo stool frequency subscore (SF) from stools per day and the patient's normal number.
 * @remarks With d = stools/day − normal: d <= 0 → 0, 1-2 → 1, 3-4 → 2, >= 5 → 3 (convention of
 * [definitions §1.1](https://github.com/ibd-outcomes/ibd-outcomes/blob/main/docs/definitions.md)). Both counts must be non-negative integers; a daily mean (e.g. 2.5) is not
 * rounded: round it yourself, by your protocol's rule, before calling.
 * @param stoolsPerDay - Stools on the day (integer >= 0).
 * @param normalStoolsPerDay - The patient's normal stools per day when in remission (integer >= 0).
 * @returns The SF subscore, 0-3.
 * @throws {TypeError} If an argument is not a number.
 * @throws {RangeError} If an argument is negative, fractional or not finite.
 * @example
 * stoolFrequencySubscore(5, 1);
 * //=> 2
 * @see Schroeder KW, et al. N Engl J Med 1987;317:1625-9. doi:10.1056/NEJM198712243172603
 */
export function stoolFrequencySubscore(stoolsPerDay: number, normalStoolsPerDay: number): number {
  if (!Number.isSafeInteger(stoolsPerDay) || stoolsPerDay < 0 || !Number.isSafeInteger(normalStoolsPerDay) || normalStoolsPerDay < 0) {
    throwFirst(FN, problems(stoolsPerDay, normalStoolsPerDay));
  }
  return score(stoolsPerDay, normalStoolsPerDay);
}

/**
 * Non-throwing {@link stoolFrequencySubscore}.
 * @param stoolsPerDay - Stools on the day (any value).
 * @param normalStoolsPerDay - The patient's normal number (any value).
 * @returns A ParseResult holding the subscore or every issue found.
 * @example
 * safeStoolFrequencySubscore(-1, 1).success;
 * //=> false
 * @see Schroeder KW, et al. N Engl J Med 1987;317:1625-9. doi:10.1056/NEJM198712243172603
 */
export function safeStoolFrequencySubscore(stoolsPerDay: unknown, normalStoolsPerDay: unknown): ParseResult<number> {
  const p = problems(stoolsPerDay, normalStoolsPerDay);
  if (p.length > 0) return failure(p);
  return { success: true, data: score(stoolsPerDay as number, normalStoolsPerDay as number) };
}
