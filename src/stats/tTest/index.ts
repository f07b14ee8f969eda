/**
 * Student's t tests: Welch (unequal variances), pooled-variance two-sample, paired, and Welch from
 * published summaries.
 * @packageDocumentation
 */
import { describeValue } from "../../_lib/errors.js";
import { pt, qt } from "../_dist/t.js";
import { accurateMean, sumSquaredDeviations } from "../_common/sum.js";
import { numericArray, parseOptions, parseAlternative, parseConfLevel, parseNumberOption } from "../_common/validate.js";
import type { Alternative, TestResult } from "../types.js";

/** Options of the t tests. */
export interface TTestOptions {
  /** Alternative hypothesis, default "two-sided". */
  alternative?: Alternative;
  /** Hypothesised difference in means (or mean difference for the paired test), default 0. */
  mu?: number;
  /** Confidence level of the interval, default 0.95. */
  confLevel?: number;
}

const T_TEST_OPTION_KEYS: readonly string[] = ["alternative", "mu", "confLevel"];

/** Summary of one group: mean, standard deviation (n - 1) and size. */
export interface GroupSummary {
  mean: number;
  sd: number;
  n: number;
}

interface Core {
  tstat: number;
  df: number;
  stderr: number;
}

function finish(fn: string, method: string, c: Core, estimate: number, mu: number, alternative: Alternative, confLevel: number): TestResult {
  const { tstat, df, stderr } = c;
  if (!(stderr > 0) || !Number.isFinite(tstat)) {
    throw new RangeError(`${fn}: data must not be essentially constant (standard error 0); got standard error ${stderr}.`);
  }
  let pValue: number;
  let lo: number;
  let hi: number;
  if (alternative === "less") {
    pValue = pt(tstat, df);
    lo = -Infinity;
    hi = tstat + qt(confLevel, df);
  } else if (alternative === "greater") {
    pValue = pt(tstat, df, false);
    lo = tstat - qt(confLevel, df);
    hi = Infinity;
  } else {
    pValue = 2 * pt(-Math.abs(tstat), df);
    const q = qt(1 - (1 - confLevel) / 2, df);
    lo = tstat - q;
    hi = tstat + q;
  }
  return {
    method,
    statistic: tstat,
    df,
    pValue: Math.min(1, pValue),
    estimate,
    confInt: [mu + lo * stderr, mu + hi * stderr],
    alternative,
  };
}

function welchCore(mx: number, vx: number, nx: number, my: number, vy: number, ny: number, mu: number): Core {
  const sx2 = vx / nx;
  const sy2 = vy / ny;
  const se2 = sx2 + sy2;
  const stderr = Math.sqrt(se2);
  const df = (se2 * se2) / ((sx2 * sx2) / (nx - 1) + (sy2 * sy2) / (ny - 1));
  return { tstat: (mx - my - mu) / stderr, df, stderr };
}

function checkConstant(fn: string, stderr: number, a: number, b: number): void {
  if (stderr < 10 * Number.EPSILON * Math.max(Math.abs(a), Math.abs(b))) {
    throw new RangeError(`${fn}: data must not be essentially constant (standard error 0); got standard error ${stderr}.`);
  }
}

/**
 * Welch's two-sample t test (unequal variances).
 * @remarks t = (mean(x) - mean(y) - mu) / sqrt(var(x)/nx + var(y)/ny) with Welch-Satterthwaite degrees
 * of freedom. Estimate = mean(x) - mean(y); the interval is for that difference.
 * @param x - First sample (at least 2 finite numbers).
 * @param y - Second sample (at least 2 finite numbers).
 * @param options - `alternative` ("two-sided"), `mu` (0), `confLevel` (0.95).
 * @returns A {@link TestResult} with statistic t, df, pValue, estimate, confInt, alternative.
 * @throws {RangeError} If a sample has fewer than 2 values, holds NaN/Infinity, both samples are
 *   constant, or confLevel is outside (0, 1).
 * @throws {TypeError} If an argument has the wrong type or alternative is unknown.
 * @example
 * welchTTest([1, 2, 3, 4], [2, 4, 6, 8, 10]).pValue;
 * //=> 0.0691335931923923
 * @see R `stats::t.test(x, y)`. Welch BL. The generalization of "Student's" problem when several
 *   different population variances are involved. Biometrika 1947;34(1-2):28-35. doi:10.1093/biomet/34.1-2.28
 */
export function welchTTest(x: readonly number[], y: readonly number[], options?: TTestOptions): TestResult {
  const fn = "welchTTest";
  const xs = numericArray(fn, "x", x, 2);
  const ys = numericArray(fn, "y", y, 2);
  const o = parseOptions(fn, options, T_TEST_OPTION_KEYS);
  const alternative = parseAlternative(fn, o);
  const mu = parseNumberOption(fn, o, "mu", 0);
  const confLevel = parseConfLevel(fn, o);
  const mx = accurateMean(xs);
  const my = accurateMean(ys);
  const vx = sumSquaredDeviations(xs, mx) / (xs.length - 1);
  const vy = sumSquaredDeviations(ys, my) / (ys.length - 1);
  const c = welchCore(mx, vx, xs.length, my, vy, ys.length, mu);
  checkConstant(fn, c.stderr, mx, my);
  return finish(fn, "Welch Two Sample t-test", c, mx - my, mu, alternative, confLevel);
}

/**
 * Two-sample t test with pooled variance (Student's).
 * @remarks df = nx + ny - 2; pooled variance ((nx-1) var(x) + (ny-1) var(y)) / df.
 * Estimate = mean(x) - mean(y).
 * @param x - First sample (at least 2 finite numbers).
 * @param y - Second sample (at least 2 finite numbers).
 * @param options - `alternative` ("two-sided"), `mu` (0), `confLevel` (0.95).
 * @returns A {@link TestResult} with statistic t, df, pValue, estimate, confInt, alternative.
 * @throws {RangeError} If a sample has fewer than 2 values, holds NaN/Infinity, or the data are constant.
 * @throws {TypeError} If an argument has the wrong type or alternative is unknown.
 * @example
 * studentTTest([1, 2, 3, 4], [2, 4, 6, 8, 10]).df;
 * //=> 7
 * @see R `stats::t.test(x, y, var.equal = TRUE)`. Student. The probable error of a mean.
 *   Biometrika 1908;6(1):1-25. doi:10.1093/biomet/6.1.1
 */
export function studentTTest(x: readonly number[], y: readonly number[], options?: TTestOptions): TestResult {
  const fn = "studentTTest";
  const xs = numericArray(fn, "x", x, 2);
  const ys = numericArray(fn, "y", y, 2);
  const o = parseOptions(fn, options, T_TEST_OPTION_KEYS);
  const alternative = parseAlternative(fn, o);
  const mu = parseNumberOption(fn, o, "mu", 0);
  const confLevel = parseConfLevel(fn, o);
  const nx = xs.length;
  const ny = ys.length;
  const mx = accurateMean(xs);
  const my = accurateMean(ys);
  const df = nx + ny - 2;
  const v = (sumSquaredDeviations(xs, mx) + sumSquaredDeviations(ys, my)) / df;
  const stderr = Math.sqrt(v * (1 / nx + 1 / ny));
  checkConstant(fn, stderr, mx, my);
  return finish(fn, "Two Sample t-test", { tstat: (mx - my - mu) / stderr, df, stderr }, mx - my, mu, alternative, confLevel);
}

/**
 * Paired t test: one-sample t test on the differences x - y.
 * @remarks Estimate = mean of x - y; df = n - 1.
 * @param x - First measurements (at least 2 finite numbers).
 * @param y - Second measurements, same length as x.
 * @param options - `alternative` ("two-sided"), `mu` (0), `confLevel` (0.95).
 * @returns A {@link TestResult} with statistic t, df, pValue, estimate, confInt, alternative.
 * @throws {RangeError} If lengths differ, there are fewer than 2 pairs, values are not finite, or all
 *   differences are equal.
 * @throws {TypeError} If an argument has the wrong type or alternative is unknown.
 * @example
 * pairedTTest([5, 6, 8, 9], [4, 6, 6, 8]).estimate;
 * //=> 1
 * @see R `stats::t.test(x, y, paired = TRUE)`. Student. Biometrika 1908;6(1):1-25. doi:10.1093/biomet/6.1.1
 */
export function pairedTTest(x: readonly number[], y: readonly number[], options?: TTestOptions): TestResult {
  const fn = "pairedTTest";
  const xs = numericArray(fn, "x", x, 2);
  const ys = numericArray(fn, "y", y, 2);
  if (ys.length !== xs.length) throw new RangeError(`${fn}: y must have the same length as x (${xs.length}); got length ${ys.length}.`);
  const o = parseOptions(fn, options, T_TEST_OPTION_KEYS);
  const alternative = parseAlternative(fn, o);
  const mu = parseNumberOption(fn, o, "mu", 0);
  const confLevel = parseConfLevel(fn, o);
  const d = xs.map((v, i) => v - ys[i]!);
  const n = d.length;
  const md = accurateMean(d);
  const stderr = Math.sqrt(sumSquaredDeviations(d, md) / (n - 1) / n);
  if (stderr < 10 * Number.EPSILON * Math.abs(md) || !(stderr > 0)) {
    throw new RangeError(`${fn}: differences x - y must not all be equal; got standard error ${stderr}.`);
  }
  return finish(fn, "Paired t-test", { tstat: (md - mu) / stderr, df: n - 1, stderr }, md, mu, alternative, confLevel);
}

function parseSummary(fn: string, name: string, s: unknown): GroupSummary {
  if (s === null || typeof s !== "object" || Array.isArray(s)) throw new TypeError(`${fn}: ${name} must be an object { mean, sd, n }; got ${describeValue(s)}.`);
  const r = s as Record<string, unknown>;
  for (const k of ["mean", "sd", "n"] as const) {
    const v = r[k];
    if (typeof v !== "number") throw new TypeError(`${fn}: ${name}.${k} must be a number; got ${describeValue(v)}.`);
    if (!Number.isFinite(v)) throw new RangeError(`${fn}: ${name}.${k} must be finite; got ${describeValue(v)}.`);
  }
  const sdv = r.sd as number;
  const n = r.n as number;
  if (sdv < 0) throw new RangeError(`${fn}: ${name}.sd must be >= 0; got ${sdv}.`);
  if (!Number.isInteger(n) || n < 2) throw new RangeError(`${fn}: ${name}.n must be an integer >= 2; got ${n}.`);
  return { mean: r.mean as number, sd: sdv, n };
}

/**
 * Welch's t test from reported group summaries (mean, sd, n), for reproducing published tables.
 * @remarks Same formulas as {@link welchTTest} with var = sd^2.
 * @param x - `{ mean, sd, n }` of the first group (n >= 2, sd >= 0).
 * @param y - `{ mean, sd, n }` of the second group.
 * @param options - `alternative` ("two-sided"), `mu` (0), `confLevel` (0.95).
 * @returns A {@link TestResult} with statistic t, df, pValue, estimate, confInt, alternative.
 * @throws {RangeError} If a field is not finite, n < 2, sd < 0, or both sds are 0.
 * @throws {TypeError} If a summary is not an object of numbers or alternative is unknown.
 * @example
 * welchTTestFromSummary({ mean: 2.5, sd: 1.2909944487358056, n: 4 }, { mean: 6, sd: 3.1622776601683795, n: 5 }).pValue;
 * //=> 0.0691335931923923
 * @see R `stats::t.test` (Welch) on data with these summaries. Welch BL. Biometrika 1947;34(1-2):28-35.
 *   doi:10.1093/biomet/34.1-2.28
 */
export function welchTTestFromSummary(x: GroupSummary, y: GroupSummary, options?: TTestOptions): TestResult {
  const fn = "welchTTestFromSummary";
  const a = parseSummary(fn, "x", x);
  const b = parseSummary(fn, "y", y);
  const o = parseOptions(fn, options, T_TEST_OPTION_KEYS);
  const alternative = parseAlternative(fn, o);
  const mu = parseNumberOption(fn, o, "mu", 0);
  const confLevel = parseConfLevel(fn, o);
  const c = welchCore(a.mean, a.sd * a.sd, a.n, b.mean, b.sd * b.sd, b.n, mu);
  checkConstant(fn, c.stderr, a.mean, b.mean);
  return finish(fn, "Welch Two Sample t-test", c, a.mean - b.mean, mu, alternative, confLevel);
}

/**
 * One-sample t test of the mean, with its t confidence interval.
 * @remarks t = (mean(x) - mu) / (sd(x) / sqrt(n)), df = n - 1. Estimate = mean(x); the interval is the
 * t interval mean(x) +- qt(1 - alpha/2, n - 1) sd(x) / sqrt(n) (one-sided bounds for "less"/"greater").
 * @param x - Sample (at least 2 finite numbers, not all equal).
 * @param options - `alternative` ("two-sided"), `mu` (0), `confLevel` (0.95).
 * @returns A {@link TestResult} with statistic t, df, pValue, estimate, confInt, alternative.
 * @throws {RangeError} If `x` has fewer than 2 values, holds NaN/Infinity, or all values are equal.
 * @throws {TypeError} If an argument has the wrong type or alternative is unknown.
 * @example
 * oneSampleTTest([5, 6, 8, 9]).confInt;
 * //=> [4.094837284245231, 9.90516271575477]
 * @see R `stats::t.test(x)`. Student. Biometrika 1908;6(1):1-25. doi:10.1093/biomet/6.1.1
 */
export function oneSampleTTest(x: readonly number[], options?: TTestOptions): TestResult {
  const fn = "oneSampleTTest";
  const xs = numericArray(fn, "x", x, 2);
  const o = parseOptions(fn, options, T_TEST_OPTION_KEYS);
  const alternative = parseAlternative(fn, o);
  const mu = parseNumberOption(fn, o, "mu", 0);
  const confLevel = parseConfLevel(fn, o);
  const n = xs.length;
  const m = accurateMean(xs);
  const stderr = Math.sqrt(sumSquaredDeviations(xs, m) / (n - 1) / n);
  if (stderr < 10 * Number.EPSILON * Math.abs(m) || !(stderr > 0)) {
    throw new RangeError(`${fn}: x must not have all values equal; got standard error ${stderr}.`);
  }
  return finish(fn, "One Sample t-test", { tstat: (m - mu) / stderr, df: n - 1, stderr }, m, mu, alternative, confLevel);
}
