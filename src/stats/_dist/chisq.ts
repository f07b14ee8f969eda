/**
 * Private: the chi-squared distribution function (regularized incomplete gamma), both tails direct.
 * @packageDocumentation
 */
import { logIncGamma } from "./special.js";

/**
 * Chi-squared distribution function.
 * @param x - Quantile.
 * @param df - Degrees of freedom (> 0).
 * @param lowerTail - P[X <= x] when true (default), P[X > x] otherwise (computed directly).
 * @param logP - Return the natural log.
 */
export function pchisq(x: number, df: number, lowerTail = true, logP = false): number {
  if (Number.isNaN(x) || !(df > 0)) return NaN;
  const l = logIncGamma(df / 2, x / 2, lowerTail);
  return logP ? l : Math.exp(l);
}
