/**
 * Pearson's chi-squared test of independence on an r x c table of counts.
 * @packageDocumentation
 */
import { pchisq } from "../_dist/chisq.js";
import { neumaierSum } from "../_common/sum.js";
import { parseOptions, parseBooleanOption, parseCountTable } from "../_common/validate.js";
import type { TestResult } from "../types.js";

/** Options of {@link chiSquareTest}. */
export interface ChiSquareTestOptions {
  /** Yates' continuity correction for 2 x 2 tables (ignored otherwise, as in R), default true. */
  correct?: boolean;
}

/** Result of {@link chiSquareTest}: a {@link TestResult} plus the expected counts. */
export interface ChiSquareTestResult extends TestResult {
  /** Expected counts under independence, r x c. */
  expected: number[][];
}

/**
 * Pearson's chi-squared test of independence.
 * @remarks X-squared = sum (|O - E| - Y)^2 / E with E = row total x column total / n, df = (r-1)(c-1).
 * Y is Yates' correction, applied to 2 x 2 tables only when `correct`: Y = min(0.5, min |O - E|), as R.
 * @param table - r x c table of non-negative integer counts (r, c >= 2), every margin positive.
 * @param options - `correct` (default true).
 * @returns A {@link ChiSquareTestResult} (statistic X-squared, df, pValue, expected).
 * @throws {RangeError} If the table is ragged, smaller than 2 x 2, holds negative or non-integer counts,
 *   or has a zero row or column margin.
 * @throws {TypeError} If the table is not an array of arrays of numbers or `correct` is not boolean.
 * @example
 * chiSquareTest([[12, 5], [7, 15]]).statistic;
 * //=> 4.322120391218687
 * @see R `stats::chisq.test(table, correct)`. Pearson K. Philos Mag 1900;50(302):157-175.
 *   doi:10.1080/14786440009463897
 */
export function chiSquareTest(table: readonly (readonly number[])[], options?: ChiSquareTestOptions): ChiSquareTestResult {
  const fn = "chiSquareTest";
  const t = parseCountTable(fn, "table", table);
  const o = parseOptions(fn, options, ["correct"]);
  const correct = parseBooleanOption(fn, o, "correct", true);
  const r = t.length;
  const c = t[0]!.length;
  const rs = t.map((row) => neumaierSum(row));
  const cs = Array.from({ length: c }, (_, j) => neumaierSum(t.map((row) => row[j]!)));
  const n = neumaierSum(rs);
  rs.forEach((v, i) => {
    if (v === 0) throw new RangeError(`${fn}: table[${i}] must have a positive row total; got 0.`);
  });
  cs.forEach((v, j) => {
    if (v === 0) throw new RangeError(`${fn}: table column ${j} must have a positive total; got 0.`);
  });
  const expected = rs.map((ri) => cs.map((cj) => (ri * cj) / n));
  let yates = 0;
  const useYates = correct && r === 2 && c === 2;
  if (useYates) {
    yates = 0.5;
    for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) yates = Math.min(yates, Math.abs(t[i]![j]! - expected[i]![j]!));
  }
  const terms: number[] = [];
  for (let i = 0; i < r; i++) {
    for (let j = 0; j < c; j++) {
      const e = expected[i]![j]!;
      const d = Math.abs(t[i]![j]! - e) - yates;
      terms.push((d * d) / e);
    }
  }
  const statistic = neumaierSum(terms);
  const df = (r - 1) * (c - 1);
  return {
    method: useYates ? "Pearson's Chi-squared test with Yates' continuity correction" : "Pearson's Chi-squared test",
    statistic,
    df,
    pValue: pchisq(statistic, df, false),
    expected,
  };
}
