/**
 * Private: the standard normal distribution. `pnorm` computes each tail directly from the regularized
 * incomplete gamma function (Phi(-|x|) = Q(1/2, x^2/2) / 2), so tails keep full relative accuracy down to
 * the smallest doubles, and in log scale beyond. `qnorm` is Wichura's AS 241 (PPND16), refined by Newton
 * steps on the accurate log-cdf in the far tails.
 * @see Wichura MJ. Algorithm AS 241: The percentage points of the normal distribution.
 *   Appl Stat 1988;37(3):477-484. doi:10.2307/2347330
 * @packageDocumentation
 */
import { log1mExp, logIncGamma } from "./special.js";

const LN_SQRT_2PI = 0.91893853320467274178032973640562;
const LN2 = Math.LN2;

/** Standard normal density (or its log). */
export function dnorm(x: number, logP = false): number {
  const l = -LN_SQRT_2PI - 0.5 * x * x;
  return logP ? l : Math.exp(l);
}

/** log of the smaller tail Phi(-|x|). */
function logSmallTail(ax: number): number {
  const t = 0.5 * ax * ax;
  return logIncGamma(0.5, t, false) - LN2;
}

/**
 * Standard normal distribution function.
 * @param x - Quantile.
 * @param lowerTail - P[X <= x] when true (default), P[X > x] otherwise; each computed directly.
 * @param logP - Return the natural log of the probability.
 */
export function pnorm(x: number, lowerTail = true, logP = false): number {
  if (Number.isNaN(x)) return NaN;
  if (x === Infinity || x === -Infinity) {
    const one = (x > 0) === lowerTail;
    return logP ? (one ? 0 : -Infinity) : one ? 1 : 0;
  }
  const ls = logSmallTail(Math.abs(x)); // log P[X > |x|]
  // The wanted tail is the small one when (x > 0 and upper) or (x < 0 and lower).
  const wantSmall = x > 0 ? !lowerTail : lowerTail;
  if (x === 0) return logP ? -LN2 : 0.5;
  const l = wantSmall ? ls : log1mExp(ls);
  return logP ? l : Math.exp(l);
}

function horner(c: readonly number[], r: number): number {
  let v = 0;
  for (let i = c.length - 1; i >= 0; i--) v = v * r + c[i]!;
  return v;
}

const A = [3.387132872796366608, 133.14166789178437745, 1971.5909503065514427, 13731.693765509461125, 45921.953931549871457, 67265.770927008700853, 33430.575583588128105, 2509.0809287301226727];
const B = [1, 42.313330701600911252, 687.1870074920579083, 5394.1960214247511077, 21213.794301586595867, 39307.89580009271061, 28729.085735721942674, 5226.495278852854561];
const C = [1.42343711074968357734, 4.6303378461565452959, 5.7694972214606914055, 3.64784832476320460504, 1.27045825245236838258, 0.24178072517745061177, 0.0227238449892691845833, 7.7454501427834140764e-4];
const D = [1, 2.05319162663775882187, 1.6763848301838038494, 0.68976733498510000455, 0.14810397642748007459, 0.0151986665636164571966, 5.475938084995344946e-4, 1.05075007164441684324e-9];
const E = [6.6579046435011037772, 5.4637849111641143699, 1.7848265399172913358, 0.29656057182850489123, 0.026532189526576123093, 0.0012426609473880784386, 2.71155556874348757815e-5, 2.01033439929228813265e-7];
const F = [1, 0.59983220655588793769, 0.13692988092273580531, 0.0148753612908506148525, 7.868691311456132591e-4, 1.8463183175100546818e-5, 1.4215117583164458887e-7, 2.04426310338993978564e-15];

/**
 * Standard normal quantile function.
 * @param p - Probability in [0, 1].
 * @param lowerTail - When false, p is the upper-tail probability P[X > x].
 */
export function qnorm(p: number, lowerTail = true): number {
  if (Number.isNaN(p) || p < 0 || p > 1) return NaN;
  if (p === 0) return lowerTail ? -Infinity : Infinity;
  if (p === 1) return lowerTail ? Infinity : -Infinity;
  // q = P_lower - 1/2; s = the smaller tail probability, supplied exactly when it is the input.
  const q = lowerTail ? p - 0.5 : 0.5 - p;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (q * horner(A, r)) / horner(B, r);
  }
  const small = p < 0.5 ? p : 1 - p; // the tail probability on the side of the quantile
  let r = Math.sqrt(-Math.log(small));
  let val: number;
  if (r <= 5) {
    r -= 1.6;
    val = horner(C, r) / horner(D, r);
  } else {
    r -= 5;
    val = horner(E, r) / horner(F, r);
    // Far tail: refine -val so that log Phi(-val) = log(small), Newton on the log-cdf.
    const ls = Math.log(small);
    let z = -val;
    for (let it = 0; it < 3; it++) {
      const lp = pnorm(z, true, true);
      const step = (lp - ls) / Math.exp(dnorm(z, true) - lp);
      z -= step;
      if (Math.abs(step) <= 1e-16 * Math.abs(z)) break;
    }
    val = -z;
  }
  return q < 0 ? -val : val;
}
