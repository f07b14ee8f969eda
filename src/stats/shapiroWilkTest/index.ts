/**
 * Shapiro-Wilk test of normality (Royston's approximation, algorithm AS R94).
 * @packageDocumentation
 */
import { numericArray } from "../_common/validate.js";
import { pnorm, qnorm } from "../_dist/normal.js";
import type { TestResult } from "../types.js";
import { sortedCopy } from "./_sort.js";

function poly(c: readonly number[], x: number): number {
  let v = 0;
  for (let i = c.length - 1; i >= 0; i--) v = v * x + c[i]!;
  return v;
}

// Royston (1992, 1995) polynomial approximations.
const C1 = [0, 0.221157, -0.147981, -2.07119, 4.434685, -2.706056];
const C2 = [0, 0.042981, -0.293762, -1.752461, 5.682633, -3.582633];
const C3 = [0.544, -0.39978, 0.025054, -6.714e-4];
const C4 = [1.3822, -0.77857, 0.062767, -0.0020322];
const C5 = [-1.5861, -0.31082, -0.083751, 0.0038915];
const C6 = [-0.4803, -0.082676, 0.0030302];
const G = [-2.273, 0.459];

/**
 * The Royston coefficients a[i], i = 0..floor(n/2)-1 (of the (i+1)-th largest value; the smallest gets -a[i]).
 * They depend on n only, so the last few are kept (never handed out: callers only read them).
 */
const COEFFICIENTS = new Map<number, Float64Array>();
function coefficientsFor(n: number): Float64Array {
  const hit = COEFFICIENTS.get(n);
  if (hit !== undefined) return hit;
  const nn2 = Math.floor(n / 2);
  const a = new Float64Array(nn2);
  if (n === 3) {
    a[0] = Math.SQRT1_2;
  } else {
    const an25 = n + 0.25;
    const m = new Float64Array(nn2);
    let summ2 = 0;
    for (let i = 0; i < nn2; i++) {
      const mi = -qnorm((i + 1 - 0.375) / an25);
      m[i] = mi;
      summ2 += mi * mi;
    }
    summ2 *= 2;
    const ssumm2 = Math.sqrt(summ2);
    const rsn = 1 / Math.sqrt(n);
    const a1 = poly(C1, rsn) + m[0]! / ssumm2;
    let i1: number;
    let fac: number;
    if (n > 5) {
      i1 = 2;
      const a2 = poly(C2, rsn) + m[1]! / ssumm2;
      fac = Math.sqrt((summ2 - 2 * m[0]! ** 2 - 2 * m[1]! ** 2) / (1 - 2 * a1 * a1 - 2 * a2 * a2));
      a[1] = a2;
    } else {
      i1 = 1;
      fac = Math.sqrt((summ2 - 2 * m[0]! ** 2) / (1 - 2 * a1 * a1));
    }
    a[0] = a1;
    for (let i = i1; i < nn2; i++) a[i] = m[i]! / fac;
  }
  if (COEFFICIENTS.size >= 16) COEFFICIENTS.delete(COEFFICIENTS.keys().next().value!);
  COEFFICIENTS.set(n, a);
  return a;
}

/**
 * Shapiro-Wilk W test of normality.
 * @remarks Coefficients a from Royston's approximation: m_i = Phi^-1((i - 3/8)/(n + 1/4)); the two
 * extreme coefficients (one when n <= 5) from Royston's polynomials in 1/sqrt(n), the rest m_i scaled
 * so that sum a^2 = 1. W is the squared correlation of the ordered sample with a (1 - W formed
 * directly). p-value: exact for n = 3 (6/pi (asin sqrt W - pi/3)); otherwise Royston's normalising
 * transformation of 1 - W (log-gamma type for 4 <= n <= 11, log-normal for n >= 12), upper normal tail.
 * @param x - Sample of 3 to 5000 finite numbers, not all identical (any non-zero range, however small or large, is tested, as R).
 * @returns A {@link TestResult} (statistic W, pValue).
 * @throws {RangeError} If n is outside 3..5000, a value is NaN/Infinity, or all values are identical.
 * @throws {TypeError} If `x` is not an array of numbers.
 * @example
 * shapiroWilkTest([2.1, 3.4, 1.9, 5.6, 4.4, 3.8, 2.7, 6.1, 3.3, 4.0]).statistic;
 * //=> 0.9540487668968264
 * @see R `stats::shapiro.test`. Royston P. Remark AS R94: A remark on algorithm AS 181: the W-test for
 *   normality. Appl Stat 1995;44(4):547-551. doi:10.2307/2986146. Shapiro SS, Wilk MB. Biometrika
 *   1965;52(3-4):591-611. doi:10.1093/biomet/52.3-4.591
 */
export function shapiroWilkTest(x: readonly number[]): TestResult {
  const fn = "shapiroWilkTest";
  const v = numericArray(fn, "x", x, 0);
  const n = v.length;
  if (n < 3 || n > 5000) throw new RangeError(`${fn}: x must hold between 3 and 5000 values; got length ${n}.`);
  const s = sortedCopy(v);
  if (s[n - 1] === s[0]) throw new RangeError(`${fn}: x must not have all values identical; got ${n} values equal to ${s[0]}.`);
  // W does not depend on location or scale: the values are used as (x - min) / (half the range), which
  // neither overflows (values near +-1.8e308) nor loses the digits of a tiny range (R rescales data
  // whose range is below 1e-10 too; only identical values are rejected).
  const halfRange = s[n - 1]! / 2 - s[0]! / 2;
  const lo = s[0]!;
  const z = new Float64Array(n);
  for (let k = 0; k < n; k++) z[k] = (s[k]! / 2 - lo / 2) / halfRange;
  const nn2 = Math.floor(n / 2);
  const a = coefficientsFor(n);
  // W = squared correlation between the ordered sample and the (antisymmetric) coefficients:
  // coefficient -a[k] for the k-th smallest, +a[k] for the k-th largest, 0 for an odd middle value.
  const coef = new Float64Array(n);
  for (let k = 0; k < nn2; k++) {
    coef[k] = -a[k]!;
    coef[n - 1 - k] = a[k]!;
  }
  let sa = 0;
  let sx = 0;
  for (let k = 0; k < n; k++) {
    sa += coef[k]!;
    sx += z[k]!;
  }
  sa /= n;
  sx /= n;
  let ssa = 0;
  let ssx = 0;
  let sax = 0;
  for (let k = 0; k < n; k++) {
    const da = coef[k]! - sa;
    const dx = z[k]! - sx;
    ssa += da * da;
    ssx += dx * dx;
    sax += da * dx;
  }
  const ssassx = Math.sqrt(ssa * ssx);
  const w1 = ((ssassx - sax) * (ssassx + sax)) / (ssa * ssx);
  const w = 1 - w1;
  let pValue: number;
  if (n === 3) {
    // 6/pi and pi/3 to 15 significant digits, as R (so W = 3/4 up to rounding gives exactly 0).
    pValue = Math.max(0, 1.90985931710274 * (Math.asin(Math.sqrt(w)) - 1.0471975511966));
  } else {
    let y = Math.log(w1);
    let mu: number;
    let sigma: number;
    if (n <= 11) {
      const gamma = poly(G, n);
      if (y >= gamma) {
        return { method: "Shapiro-Wilk normality test", statistic: w, pValue: 1e-99 };
      }
      y = -Math.log(gamma - y);
      mu = poly(C3, n);
      sigma = Math.exp(poly(C4, n));
    } else {
      const ln = Math.log(n);
      mu = poly(C5, ln);
      sigma = Math.exp(poly(C6, ln));
    }
    pValue = pnorm((y - mu) / sigma, false);
  }
  return { method: "Shapiro-Wilk normality test", statistic: w, pValue };
}
