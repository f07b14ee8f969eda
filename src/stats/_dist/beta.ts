/**
 * Private: the beta distribution (regularized incomplete beta, both tails direct; quantiles refined
 * on that cdf).
 * @packageDocumentation
 */
import { lbeta, logIncBeta } from "./special.js";
import { solveMonotone } from "./solve.js";

/** Beta(a, b) density. */
export function dbeta(x: number, a: number, b: number, logP = false): number {
  const l = (a - 1) * Math.log(x) + (b - 1) * Math.log1p(-x) - lbeta(a, b);
  return logP ? l : Math.exp(l);
}

/** Beta(a, b) distribution function; each tail computed directly. */
export function pbeta(x: number, a: number, b: number, lowerTail = true, logP = false): number {
  if (Number.isNaN(x) || !(a > 0) || !(b > 0)) return NaN;
  let l: number;
  if (x <= 0) l = lowerTail ? -Infinity : 0;
  else if (x >= 1) l = lowerTail ? 0 : -Infinity;
  else l = logIncBeta(x, 1 - x, a, b, lowerTail);
  return logP ? l : Math.exp(l);
}

/** Beta(a, b) quantile function. */
export function qbeta(p: number, a: number, b: number, lowerTail = true): number {
  if (Number.isNaN(p) || p < 0 || p > 1 || !(a > 0) || !(b > 0)) return NaN;
  const pl = lowerTail ? p : 1 - p;
  if (pl === 0) return 0;
  if (pl === 1) return 1;
  // Solve in the tail given: log F(x) = log p (lower) or log S(x) = log p (upper).
  const lp = Math.log(p);
  const f = lowerTail
    ? (x: number): number => pbeta(x, a, b, true, true) - lp
    : (x: number): number => lp - pbeta(x, a, b, false, true);
  const fd = lowerTail
    ? (x: number): number => Math.exp(dbeta(x, a, b, true) - pbeta(x, a, b, true, true))
    : (x: number): number => Math.exp(dbeta(x, a, b, true) - pbeta(x, a, b, false, true));
  const mean = a / (a + b);
  return solveMonotone(f, fd, 0, 1, mean);
}
