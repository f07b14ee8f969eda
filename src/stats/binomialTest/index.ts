/**
 * Exact binomial test with Clopper-Pearson interval.
 * @packageDocumentation
 */
import { assertCount, assertFiniteNumber } from "../../_lib/errors.js";
import { qbeta } from "../_dist/beta.js";
import { pbinom } from "../_dist/binom.js";
import { logDbinomRaw } from "../_dist/special.js";
import { parseOptions, parseAlternative, parseConfLevel } from "../_common/validate.js";
import type { Alternative, TestResult } from "../types.js";

/** Options of {@link binomialTest}. */
export interface BinomialTestOptions {
  /** Hypothesised success probability, default 0.5. */
  p?: number;
  /** Alternative hypothesis, default "two-sided". */
  alternative?: Alternative;
  /** Confidence level of the Clopper-Pearson interval, default 0.95. */
  confLevel?: number;
}

/** Clopper-Pearson limits for x successes out of n at level `confLevel`, one- or two-sided. @internal */
export function clopperPearson(x: number, n: number, confLevel: number, alternative: Alternative): [number, number] {
  const lower = (a: number): number => (x === 0 ? 0 : qbeta(a, x, n - x + 1));
  const upper = (a: number): number => (x === n ? 1 : qbeta(a, x + 1, n - x, false));
  if (alternative === "less") return [0, upper(1 - confLevel)];
  if (alternative === "greater") return [lower(1 - confLevel), 1];
  const a = (1 - confLevel) / 2;
  return [lower(a), upper(a)];
}

/** Two-sided p-value: total probability of outcomes no more likely than x (relative tolerance 1e-7). */
function twoSided(x: number, n: number, p: number): number {
  if (p === 0) return x === 0 ? 1 : 0;
  if (p === 1) return x === n ? 1 : 0;
  const q = 1 - p;
  const m = n * p;
  if (x === m) return 1;
  const ld = (i: number): number => logDbinomRaw(i, n, p, q);
  const thr = ld(x) + Math.log1p(1e-7);
  if (x < m) {
    // d is non-increasing on [ceil(m), n]: find the first j there with d(j) <= thr.
    let lo = Math.ceil(m);
    let hi = n + 1;
    while (lo < hi) {
      const mid = lo + Math.floor((hi - lo) / 2);
      if (ld(mid) <= thr) hi = mid;
      else lo = mid + 1;
    }
    const y = n + 1 - lo;
    return Math.min(1, pbinom(x, n, p) + pbinom(n - y, n, p, false));
  }
  // d is non-decreasing on [0, floor(m)]: y = number of i there with d(i) <= thr.
  let lo = 0;
  let hi = Math.floor(m) + 1;
  while (lo < hi) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (ld(mid) <= thr) lo = mid + 1;
    else hi = mid;
  }
  const y = lo;
  return Math.min(1, pbinom(y - 1, n, p) + pbinom(x - 1, n, p, false));
}

/**
 * Exact binomial test of H0: success probability = p.
 * @remarks One-sided p-values are binomial tails; the two-sided p-value sums the probabilities of
 * all outcomes whose probability is at most that of x (times 1 + 1e-7), as R. Estimate = x / n;
 * interval Clopper-Pearson; statistic = x (no df).
 * @param x - Number of successes (integer, 0 <= x <= n).
 * @param n - Number of trials (integer >= 1).
 * @param options - `p` (0.5), `alternative` ("two-sided"), `confLevel` (0.95).
 * @returns A {@link TestResult} (statistic x, pValue, estimate, confInt, alternative).
 * @throws {RangeError} If x or n is not a count, x > n, n = 0, n > 2^53 - 1, or p is outside [0, 1].
 * @throws {TypeError} If an argument has the wrong type or alternative is unknown.
 * @example
 * binomialTest(7, 20, { p: 0.3 }).pValue;
 * //=> 0.6294979666766738
 * @see R `stats::binom.test(x, n, p)`. Clopper CJ, Pearson ES. Biometrika 1934;26(4):404-413.
 *   doi:10.1093/biomet/26.4.404
 */
export function binomialTest(x: number, n: number, options?: BinomialTestOptions): TestResult {
  const fn = "binomialTest";
  assertCount(fn, "x", x);
  assertCount(fn, "n", n);
  if (n < 1) throw new RangeError(`${fn}: n must be at least 1; got ${n}.`);
  if (n > Number.MAX_SAFE_INTEGER) throw new RangeError(`${fn}: n must be at most 2^53 - 1 (Number.MAX_SAFE_INTEGER), the largest exactly representable count; got ${n}.`);
  if (x > n) throw new RangeError(`${fn}: x must be <= n (${n}); got ${x}.`);
  const o = parseOptions(fn, options, ["p", "alternative", "confLevel"]);
  const p = o.p === undefined ? 0.5 : assertFiniteNumber(fn, "options.p", o.p, 0, 1);
  const alternative = parseAlternative(fn, o);
  const confLevel = parseConfLevel(fn, o);
  let pValue: number;
  if (alternative === "less") pValue = pbinom(x, n, p);
  else if (alternative === "greater") pValue = pbinom(x - 1, n, p, false);
  else pValue = twoSided(x, n, p);
  return {
    method: "Exact binomial test",
    statistic: x,
    pValue,
    estimate: x / n,
    confInt: clopperPearson(x, n, confLevel, alternative),
    alternative,
  };
}
