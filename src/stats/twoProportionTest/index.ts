/**
 * Two-sample test of equal proportions with the interval for their difference (R's `prop.test` for two
 * groups).
 * @packageDocumentation
 */
import { assertCount } from "../../_lib/errors.js";
import { pchisq } from "../_dist/chisq.js";
import { qnorm } from "../_dist/normal.js";
import { optionsObject, parseAlternative, parseBooleanOption, parseConfLevel } from "../_common/validate.js";
import type { Alternative, TestResult } from "../types.js";

/** Options of {@link twoProportionTest}. */
export interface TwoProportionTestOptions {
  /** Alternative hypothesis for p1 - p2, default "two-sided". */
  alternative?: Alternative;
  /** Confidence level of the interval, default 0.95. */
  confLevel?: number;
  /** Yates' continuity correction, default true (as R). */
  correct?: boolean;
}

const FN = "twoProportionTest";

/**
 * Compares two proportions x1/n1 and x2/n2: Pearson's chi-squared test of the 2 x 2 table and the Wald
 * interval for p1 - p2, both with Yates' continuity correction unless `correct: false`, as R's
 * `prop.test(c(x1, x2), c(n1, n2))`.
 * @remarks Estimate = p1 - p2. Interval: (p1 - p2) +- (z sqrt(p1 (1 - p1) / n1 + p2 (1 - p2) / n2) + c),
 * c = min(0.5, |p1 - p2| / (1/n1 + 1/n2)) (1/n1 + 1/n2) with the correction, 0 without; clipped to
 * [-1, 1]. Statistic: chi-squared with the same correction (applied only when it does not exceed
 * |x1 - E1|); df 1. One-sided alternatives use the signed root of the statistic, as R.
 * @param x - Successes `[x1, x2]` (integers, 0 <= xi <= ni).
 * @param n - Trials `[n1, n2]` (integers >= 1).
 * @param options - `alternative`, `confLevel` (0.95), `correct` (true).
 * @returns A {@link TestResult}: statistic X-squared, df 1, pValue, estimate p1 - p2, confInt, alternative.
 * @throws {RangeError} If a count is negative, non-integer, xi > ni, ni = 0, or every trial is a success
 *   (or every one a failure: the test is undefined).
 * @throws {TypeError} If an argument has the wrong type or an option is unknown.
 * @example
 * twoProportionTest([19, 9], [28, 28]).confInt;
 * //=> [0.07679047033918936, 0.6374952439465249]
 * @see R `stats::prop.test`. Newcombe RG. Interval estimation for the difference between independent
 *   proportions. Stat Med 1998;17(8):873-890 (method 1). doi:10.1002/(SICI)1097-0258(19980430)17:8<873::AID-SIM779>3.0.CO;2-I
 */
export function twoProportionTest(x: readonly [number, number], n: readonly [number, number], options?: TwoProportionTestOptions): TestResult {
  if (!Array.isArray(x) || x.length !== 2) throw new TypeError(`${FN}: x must be an array of 2 counts; got ${Array.isArray(x) ? `length ${x.length}` : typeof x}.`);
  if (!Array.isArray(n) || n.length !== 2) throw new TypeError(`${FN}: n must be an array of 2 counts; got ${Array.isArray(n) ? `length ${n.length}` : typeof n}.`);
  const x1 = assertCount(FN, "x[0]", x[0]);
  const x2 = assertCount(FN, "x[1]", x[1]);
  const n1 = assertCount(FN, "n[0]", n[0]);
  const n2 = assertCount(FN, "n[1]", n[1]);
  if (n1 < 1 || n2 < 1) throw new RangeError(`${FN}: n must hold counts >= 1; got [${n1}, ${n2}].`);
  if (x1 > n1) throw new RangeError(`${FN}: x[0] must be <= n[0] (${n1}); got ${x1}.`);
  if (x2 > n2) throw new RangeError(`${FN}: x[1] must be <= n[1] (${n2}); got ${x2}.`);
  const o = optionsObject(FN, options);
  for (const k of Object.keys(o)) if (!["alternative", "confLevel", "correct"].includes(k)) throw new TypeError(`${FN}: options.${k} is not an option (known: alternative, confLevel, correct).`);
  const alternative = parseAlternative(FN, o);
  const confLevel = parseConfLevel(FN, o);
  const correct = parseBooleanOption(FN, o, "correct", true);
  const total = x1 + x2;
  const N = n1 + n2;
  if (total === 0 || total === N) throw new RangeError(`${FN}: x must not be all successes or all failures (the chi-squared test is undefined); got ${total} of ${N}.`);
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const delta = p1 - p2;
  let yates = correct ? 0.5 : 0;
  // The correction never exceeds |x1 - n1 p| = |p1 - p2| / (1/n1 + 1/n2) (p the pooled proportion),
  // computed from the difference of proportions as prop.test does: x1 - n1 p cancels when n1 is large
  // (6e-8 relative error in the interval at n1 = 1e6, n2 = 1).
  const sumInv = 1 / n1 + 1 / n2;
  yates = Math.min(yates, Math.abs(delta) / sumInv);
  const width = yates * sumInv;
  const z = qnorm(alternative === "two-sided" ? (1 + confLevel) / 2 : confLevel);
  const se = Math.sqrt((p1 * (1 - p1)) / n1 + (p2 * (1 - p2)) / n2);
  const lo = Math.max(delta - z * se - width, -1);
  const hi = Math.min(delta + z * se + width, 1);
  const confInt: [number, number] = alternative === "two-sided" ? [lo, hi] : alternative === "less" ? [-1, hi] : [lo, 1];
  // Chi-squared statistic with the correction on |observed - expected| of the 2 x 2 table
  const cells = [
    [x1, n1 - x1, n1],
    [x2, n2 - x2, n2],
  ] as const;
  const colTotals = [total, N - total];
  let stat = 0;
  for (const [a, b, ni] of cells) {
    for (const [obs, ct] of [
      [a, colTotals[0]!],
      [b, colTotals[1]!],
    ] as const) {
      const e = (ni * ct) / N;
      const d = Math.abs(obs - e) - yates;
      stat += (d * d) / e;
    }
  }
  let pValue: number;
  if (alternative === "two-sided") pValue = pchisq(stat, 1, false);
  else {
    const zstat = Math.sign(delta) * Math.sqrt(stat);
    // P(Z < z) for "less", P(Z > z) for "greater", via the chi-squared tails of z^2
    const tail = pchisq(stat, 1, false) / 2;
    pValue = alternative === "less" ? (zstat <= 0 ? tail : 1 - tail) : zstat >= 0 ? tail : 1 - tail;
  }
  return {
    method: `${correct ? "2-sample test for equality of proportions with continuity correction" : "2-sample test for equality of proportions without continuity correction"}`,
    statistic: stat,
    df: 1,
    pValue: Math.min(1, pValue),
    estimate: delta,
    confInt,
    alternative,
  };
}
