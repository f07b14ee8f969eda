/**
 * Wilcoxon rank sum (Mann-Whitney) test.
 * @packageDocumentation
 */
import { pnorm } from "../_dist/normal.js";
import { rankSumDistribution, rankSumExactLimit } from "../_dist/wilcoxon.js";
import { averageRanks, tieCorrection } from "../_common/rank.js";
import { numericArray, parseOptions, parseAlternative, parseBooleanOption, parseNumberOption, parseOptionalBoolean } from "../_common/validate.js";
import type { Alternative, TestResult } from "../types.js";

/** Options of the Wilcoxon tests. */
export interface WilcoxonOptions {
  /** Alternative hypothesis, default "two-sided". */
  alternative?: Alternative;
  /**
   * Exact p-value; default (undefined) as R: exact when every sample size is below 50. Ties force the
   * normal approximation. `true` computes the exact distribution when the smaller sample has at most
   * 300 values and nx * ny <= 1e7 (the rank sum; the signed rank: at most 2000 non-zero differences),
   * and throws a RangeError naming the limit beyond.
   */
  exact?: boolean;
  /** Continuity correction of the normal approximation, default true. */
  correct?: boolean;
  /** Location shift under H0, default 0. */
  mu?: number;
}

/** The option keys of the Wilcoxon tests. @internal */
export const WILCOXON_OPTION_KEYS: readonly string[] = ["alternative", "exact", "correct", "mu"];

/** Normal-approximation p-value for a centred statistic z (before correction) and its sd. */
export function normalApproxP(z0: number, sigma: number, alternative: Alternative, correct: boolean): number {
  const corr = correct ? (alternative === "two-sided" ? Math.sign(z0) * 0.5 : alternative === "greater" ? 0.5 : -0.5) : 0;
  const z = (z0 - corr) / sigma;
  if (alternative === "less") return pnorm(z);
  if (alternative === "greater") return pnorm(z, false);
  return Math.min(1, 2 * Math.min(pnorm(z), pnorm(z, false)));
}

/**
 * Wilcoxon rank sum test (Mann-Whitney U) of a location shift between two samples.
 * @remarks W = sum of the ranks of x - mu in the pooled sample minus nx (nx + 1) / 2. Exact p-values
 * (the exact null distribution of W) are used by default when both samples have fewer than 50 values,
 * and never with ties (as R); otherwise the normal approximation with tie-corrected variance
 * nx ny / 12 [(N + 1) - sum (t^3 - t) / (N (N - 1))] and, when `correct`, a continuity correction of 0.5.
 * @param x - First sample (at least 1 finite number).
 * @param y - Second sample (at least 1 finite number).
 * @param options - `alternative` ("two-sided"), `exact` (auto), `correct` (true), `mu` (0).
 * @returns A {@link TestResult} (statistic W, pValue, alternative).
 * @throws {RangeError} If a sample is empty or holds NaN/Infinity, all values are tied, or `exact`
 *   is true beyond the exact limits (see {@link WilcoxonOptions}).
 * @throws {TypeError} If an argument or option has the wrong type, or an option key is unknown.
 * @example
 * wilcoxonRankSumTest([0.8, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46], [1.15, 0.88, 0.9, 0.74, 1.21]).pValue;
 * //=> 0.2544122544122544
 * @see R `stats::wilcox.test(x, y)`. Mann HB, Whitney DR. Ann Math Stat 1947;18(1):50-60.
 *   doi:10.1214/aoms/1177730491
 */
export function wilcoxonRankSumTest(x: readonly number[], y: readonly number[], options?: WilcoxonOptions): TestResult {
  const fn = "wilcoxonRankSumTest";
  const xs = numericArray(fn, "x", x, 1);
  const ys = numericArray(fn, "y", y, 1);
  const o = parseOptions(fn, options, WILCOXON_OPTION_KEYS);
  const alternative = parseAlternative(fn, o);
  const exactOpt = parseOptionalBoolean(fn, o, "exact");
  const correct = parseBooleanOption(fn, o, "correct", true);
  const mu = parseNumberOption(fn, o, "mu", 0);
  const nx = xs.length;
  const ny = ys.length;
  const pooled = new Float64Array(nx + ny);
  for (let i = 0; i < nx; i++) pooled[i] = xs[i]! - mu;
  for (let i = 0; i < ny; i++) pooled[nx + i] = ys[i]!;
  const { ranks, ties } = averageRanks(pooled);
  let rx = 0;
  for (let i = 0; i < nx; i++) rx += ranks[i]!;
  const w = rx - (nx * (nx + 1)) / 2;
  const exact = exactOpt ?? (nx < 50 && ny < 50);
  if (exact && ties.length === 0) {
    const limit = rankSumExactLimit(nx, ny);
    if (limit !== null) throw new RangeError(`${fn}: options.exact is true but ${limit}; use exact: false (the normal approximation).`);
    const d = rankSumDistribution(nx, ny);
    let p: number;
    if (alternative === "two-sided") p = Math.min(1, 2 * (w > (nx * ny) / 2 ? d.upper(w - 1) : d.lower(w)));
    else if (alternative === "greater") p = d.upper(w - 1);
    else p = d.lower(w);
    return { method: "Wilcoxon rank sum exact test", statistic: w, pValue: p, alternative };
  }
  const n = nx + ny;
  const tieSum = tieCorrection(ties);
  const sigma = Math.sqrt(((nx * ny) / 12) * (n + 1 - tieSum / (n * (n - 1))));
  if (!(sigma > 0)) throw new RangeError(`${fn}: x and y must not all be tied; got ${n} equal values.`);
  return {
    method: correct ? "Wilcoxon rank sum test with continuity correction" : "Wilcoxon rank sum test",
    statistic: w,
    pValue: normalApproxP(w - (nx * ny) / 2, sigma, alternative, correct),
    alternative,
  };
}
