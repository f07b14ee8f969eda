/**
 * Descriptive statistics: mean, variance, sd, median, quantile (R type 7), iqr, summarizeNumeric.
 * @packageDocumentation
 */
import { describeValue } from "../../_lib/errors.js";
import { numericArray } from "../_common/validate.js";
import { accurateMean, sumSquaredDeviations } from "../_common/sum.js";

function sorted(x: readonly number[]): Float64Array {
  return Float64Array.from(x).sort();
}

/** Type-7 quantile of a sorted array at probability p (R's formula (1 - h) x[lo] + h x[hi]). */
function quantileSorted(s: Float64Array, p: number): number {
  const n = s.length;
  const index = (n - 1) * p;
  const lo = Math.floor(index);
  const hi = Math.ceil(index);
  const qlo = s[lo]!;
  const qhi = s[hi]!;
  const h = index - lo;
  if (h === 0 || qhi === qlo) return qlo;
  return (1 - h) * qlo + h * qhi;
}

/**
 * Arithmetic mean.
 * @remarks Compensated (Kahan-Neumaier) sum followed by one refinement pass, as R's `mean`, so
 * offsets of 1e8 and more keep their digits.
 * @param x - Sample (finite numbers, at least one).
 * @returns The mean.
 * @throws {RangeError} If `x` is empty or holds NaN/Infinity.
 * @throws {TypeError} If `x` is not an array of numbers.
 * @example
 * mean([1, 2, 3, 4]);
 * //=> 2.5
 * @see R `base::mean`. Neumaier A. ZAMM 1974;54(1):39-51. doi:10.1002/zamm.19740540106
 */
export function mean(x: readonly number[]): number {
  const v = numericArray("mean", "x", x, 1);
  return accurateMean(v);
}

/**
 * Sample variance (denominator n - 1).
 * @remarks Two-pass algorithm with compensated sums.
 * @param x - Sample (at least two finite numbers).
 * @returns The variance.
 * @throws {RangeError} If `x` has fewer than 2 values or holds NaN/Infinity.
 * @throws {TypeError} If `x` is not an array of numbers.
 * @example
 * variance([1, 2, 3, 4]);
 * //=> 1.6666666666666667
 * @see R `stats::var`.
 */
export function variance(x: readonly number[]): number {
  const v = numericArray("variance", "x", x, 2);
  return sumSquaredDeviations(v, accurateMean(v)) / (v.length - 1);
}

/**
 * Sample standard deviation (denominator n - 1).
 * @param x - Sample (at least two finite numbers).
 * @returns The standard deviation.
 * @throws {RangeError} If `x` has fewer than 2 values or holds NaN/Infinity.
 * @throws {TypeError} If `x` is not an array of numbers.
 * @example
 * sd([2, 4, 4, 4, 5, 5, 7, 9]);
 * //=> 2.138089935299395
 * @see R `stats::sd`.
 */
export function sd(x: readonly number[]): number {
  const v = numericArray("sd", "x", x, 2);
  return Math.sqrt(sumSquaredDeviations(v, accurateMean(v)) / (v.length - 1));
}

/**
 * Median (mean of the two middle values for even n).
 * @param x - Sample (finite numbers, at least one).
 * @returns The median.
 * @throws {RangeError} If `x` is empty or holds NaN/Infinity.
 * @throws {TypeError} If `x` is not an array of numbers.
 * @example
 * median([5, 1, 3, 2]);
 * //=> 2.5
 * @see R `stats::median`.
 */
export function median(x: readonly number[]): number {
  const v = numericArray("median", "x", x, 1);
  const s = sorted(v);
  const n = s.length;
  const h = n >> 1;
  return n % 2 === 1 ? s[h]! : (s[h - 1]! + s[h]!) / 2;
}

function checkProbability(fn: string, name: string, p: unknown): number {
  if (typeof p !== "number") throw new TypeError(`${fn}: ${name} must be a number; got ${describeValue(p)}.`);
  if (!(p >= 0 && p <= 1)) throw new RangeError(`${fn}: ${name} must be in [0, 1]; got ${describeValue(p)}.`);
  return p;
}

/**
 * Sample quantiles, R's default type 7: for probability p, h = (n - 1) p and the result
 * interpolates linearly between the order statistics at floor(h) and ceil(h).
 * @param x - Sample (finite numbers, at least one).
 * @param p - A probability in [0, 1] or an array of them.
 * @returns The quantile (a number for a number `p`, an array for an array `p`).
 * @throws {RangeError} If `x` is empty or holds NaN/Infinity, or a probability is outside [0, 1].
 * @throws {TypeError} If `x` or `p` has the wrong type.
 * @example
 * quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], [0.1, 0.5, 0.9]);
 * //=> [1.9, 5.5, 9.1]
 * @see R `stats::quantile(type = 7)`. Hyndman RJ, Fan Y. Sample quantiles in statistical packages.
 *   Am Stat 1996;50(4):361-365. doi:10.1080/00031305.1996.10473566
 */
export function quantile(x: readonly number[], p: number): number;
export function quantile(x: readonly number[], p: readonly number[]): number[];
export function quantile(x: readonly number[], p: number | readonly number[]): number | number[] {
  const v = numericArray("quantile", "x", x, 1);
  if (Array.isArray(p)) {
    const ps = (p as readonly unknown[]).map((q, i) => checkProbability("quantile", `p[${i}]`, q));
    const s = sorted(v);
    return ps.map((q) => quantileSorted(s, q));
  }
  const q = checkProbability("quantile", "p", p);
  return quantileSorted(sorted(v), q);
}

/**
 * Interquartile range: type-7 quantile at 0.75 minus that at 0.25.
 * @param x - Sample (finite numbers, at least one).
 * @returns The IQR.
 * @throws {RangeError} If `x` is empty or holds NaN/Infinity.
 * @throws {TypeError} If `x` is not an array of numbers.
 * @example
 * iqr([1, 2, 3, 4, 5, 6, 7, 8]);
 * //=> 3.5
 * @see R `stats::IQR`.
 */
export function iqr(x: readonly number[]): number {
  const v = numericArray("iqr", "x", x, 1);
  const s = sorted(v);
  return quantileSorted(s, 0.75) - quantileSorted(s, 0.25);
}

/** Result of {@link summarizeNumeric}. */
export interface NumericSummary {
  n: number;
  mean: number;
  sd: number;
  median: number;
  q1: number;
  q3: number;
  min: number;
  max: number;
}

/**
 * Numeric summary: n, mean, sd, median, quartiles (type 7), min and max.
 * @param x - Sample (at least two finite numbers, since sd needs two).
 * @returns `{ n, mean, sd, median, q1, q3, min, max }`.
 * @throws {RangeError} If `x` has fewer than 2 values or holds NaN/Infinity.
 * @throws {TypeError} If `x` is not an array of numbers.
 * @example
 * summarizeNumeric([1, 2, 3, 4, 5]);
 * //=> { n: 5, mean: 3, sd: 1.5811388300841898, median: 3, q1: 2, q3: 4, min: 1, max: 5 }
 * @see R `summary`, `stats::sd`, `stats::quantile`.
 */
export function summarizeNumeric(x: readonly number[]): NumericSummary {
  const v = numericArray("summarizeNumeric", "x", x, 2);
  const s = sorted(v);
  const m = accurateMean(v);
  return {
    n: v.length,
    mean: m,
    sd: Math.sqrt(sumSquaredDeviations(v, m) / (v.length - 1)),
    median: quantileSorted(s, 0.5),
    q1: quantileSorted(s, 0.25),
    q3: quantileSorted(s, 0.75),
    min: s[0]!,
    max: s[s.length - 1]!,
  };
}
