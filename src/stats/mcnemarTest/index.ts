/**
 * McNemar's test on a 2 x 2 table of paired outcomes.
 * @packageDocumentation
 */
import { pchisq } from "../_dist/chisq.js";
import { parseOptions, parseBooleanOption, parseCountTable } from "../_common/validate.js";
import type { TestResult } from "../types.js";

/** Options of {@link mcnemarTest}. */
export interface McNemarTestOptions {
  /** Continuity correction, default true. */
  correct?: boolean;
}

/**
 * McNemar's chi-squared test for symmetry of a paired 2 x 2 table.
 * @remarks With discordant counts b = table[0][1] and c = table[1][0]: statistic (|b - c| - 1)^2 / (b + c)
 * with `correct` (no correction when b = c, as R), else (b - c)^2 / (b + c); df = 1.
 * @param table - 2 x 2 table of non-negative integer counts with b + c > 0.
 * @param options - `correct` (default true).
 * @returns A {@link TestResult} (statistic McNemar's chi-squared, df 1, pValue).
 * @throws {RangeError} If the table is not 2 x 2, holds bad counts, or has no discordant pairs.
 * @throws {TypeError} If the table or an option has the wrong type.
 * @example
 * mcnemarTest([[794, 86], [150, 570]]).statistic;
 * //=> 16.81779661016949
 * @see R `stats::mcnemar.test(table, correct)`. McNemar Q. Psychometrika 1947;12(2):153-157.
 *   doi:10.1007/BF02295996
 */
export function mcnemarTest(table: readonly (readonly number[])[], options?: McNemarTestOptions): TestResult {
  const fn = "mcnemarTest";
  const t = parseCountTable(fn, "table", table);
  if (t.length !== 2 || t[0]!.length !== 2) {
    throw new RangeError(`${fn}: table must be 2 x 2; got ${t.length} x ${t[0]!.length}.`);
  }
  const o = parseOptions(fn, options, ["correct"]);
  const correct = parseBooleanOption(fn, o, "correct", true);
  const b = t[0]![1]!;
  const c = t[1]![0]!;
  if (b + c === 0) throw new RangeError(`${fn}: table must have discordant pairs (table[0][1] + table[1][0] > 0); got 0.`);
  const useCorrection = correct && b !== c;
  const d = useCorrection ? Math.abs(b - c) - 1 : b - c;
  const statistic = (d * d) / (b + c);
  return {
    method: useCorrection ? "McNemar's Chi-squared test with continuity correction" : "McNemar's Chi-squared test",
    statistic,
    df: 1,
    pValue: pchisq(statistic, 1, false),
  };
}
