/**
 * Wilcoxon signed rank test (one-sample or paired).
 * @packageDocumentation
 */
import { signedRankDistribution, signedRankExactLimit } from "../_dist/wilcoxon.js";
import { averageRanks, tieCorrection } from "../_common/rank.js";
import { isNumericArrayLike, isPlainObject, numericArray, parseOptions, parseAlternative, parseBooleanOption, parseNumberOption, parseOptionalBoolean } from "../_common/validate.js";
import type { TestResult } from "../types.js";
import { normalApproxP, WILCOXON_OPTION_KEYS, type WilcoxonOptions } from "../wilcoxonRankSumTest/index.js";

/**
 * Wilcoxon signed rank test of symmetry about mu of x (one sample) or of x - y (paired).
 * @remarks V = sum of the ranks of |d| over positive d, where d = x - mu or (x - y) - mu; zero
 * differences are dropped (as R). Exact p-values by default when fewer than 50 differences remain and
 * there are neither ties nor zeros; otherwise the normal approximation with variance
 * n (n + 1)(2n + 1) / 24 - sum (t^3 - t) / 48 and, when `correct`, a continuity correction of 0.5.
 * @param x - Sample, or first measurements (finite numbers).
 * @param y - Optional second measurements (same length as x) for the paired test.
 * @param options - `alternative` ("two-sided"), `exact` (auto), `correct` (true), `mu` (0).
 * @returns A {@link TestResult} (statistic V, pValue, alternative).
 * @throws {RangeError} If x is empty, lengths differ, a value is NaN/Infinity, every difference is 0,
 *   or `exact` is true for more than 2000 non-zero differences.
 * @throws {TypeError} If an argument or option has the wrong type (an array-like object or a DataView
 *   as y is not a sample, nor options), or an option key is unknown.
 * @example
 * wilcoxonSignedRankTest([1.83, 0.5, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.3], [0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29]).pValue;
 * //=> 0.0390625
 * @see R `stats::wilcox.test(x, y, paired = TRUE)` and `wilcox.test(x, mu = )`. Wilcoxon F. Biometrics
 *   Bull 1945;1(6):80-83. doi:10.2307/3001968
 */
export function wilcoxonSignedRankTest(x: readonly number[], y?: readonly number[] | WilcoxonOptions, options?: WilcoxonOptions): TestResult {
  const fn = "wilcoxonSignedRankTest";
  let yy: readonly number[] | undefined;
  let opts: unknown = options;
  // y is read as the options only when it is a plain object that is not array-like (no own `length`);
  // anything else is the second sample and is validated as one.
  if (y !== undefined && options === undefined && !isNumericArrayLike(y) && isPlainObject(y) && !Object.hasOwn(y, "length")) opts = y;
  else yy = y as readonly number[] | undefined;
  const xs = numericArray(fn, "x", x, 1);
  let ys: readonly number[] | undefined;
  if (yy !== undefined) {
    ys = numericArray(fn, "y", yy, 1);
    if (ys.length !== xs.length) throw new RangeError(`${fn}: y must have the same length as x (${xs.length}); got length ${ys.length}.`);
  }
  const o = parseOptions(fn, opts, WILCOXON_OPTION_KEYS);
  const alternative = parseAlternative(fn, o);
  const exactOpt = parseOptionalBoolean(fn, o, "exact");
  const correct = parseBooleanOption(fn, o, "correct", true);
  const mu = parseNumberOption(fn, o, "mu", 0);
  const d: number[] = [];
  let zeroes = false;
  for (let i = 0; i < xs.length; i++) {
    const v = (ys === undefined ? xs[i]! : xs[i]! - ys[i]!) - mu;
    if (v === 0) zeroes = true;
    else d.push(v);
  }
  const n = d.length;
  if (n === 0) throw new RangeError(`${fn}: ${ys === undefined ? "x - mu" : "x - y - mu"} must have a non-zero value; got all ${xs.length} zero.`);
  const { ranks, ties } = averageRanks(d.map(Math.abs));
  let v = 0;
  for (let i = 0; i < n; i++) if (d[i]! > 0) v += ranks[i]!;
  const exact = exactOpt ?? n < 50;
  if (exact && ties.length === 0 && !zeroes) {
    const limit = signedRankExactLimit(n);
    if (limit !== null) throw new RangeError(`${fn}: options.exact is true but ${limit}; use exact: false (the normal approximation).`);
    const dist = signedRankDistribution(n);
    let p: number;
    if (alternative === "two-sided") p = Math.min(1, 2 * (v > (n * (n + 1)) / 4 ? dist.upper(v - 1) : dist.lower(v)));
    else if (alternative === "greater") p = dist.upper(v - 1);
    else p = dist.lower(v);
    return { method: "Wilcoxon signed rank exact test", statistic: v, pValue: p, alternative };
  }
  const tieSum = tieCorrection(ties);
  const sigma = Math.sqrt((n * (n + 1) * (2 * n + 1)) / 24 - tieSum / 48);
  if (!(sigma > 0)) throw new RangeError(`${fn}: differences must not all be tied; got ${n} equal values.`);
  return {
    method: correct ? "Wilcoxon signed rank test with continuity correction" : "Wilcoxon signed rank test",
    statistic: v,
    pValue: normalApproxP(v - (n * (n + 1)) / 4, sigma, alternative, correct),
    alternative,
  };
}
