/**
 * Private: the binomial distribution (Loader's saddle-point density; distribution function via the
 * regularized incomplete beta, both tails direct).
 * @packageDocumentation
 */
import { logDbinomRaw, logIncBeta } from "./special.js";

/** Binomial probability mass P[X = k]. */
export function dbinom(k: number, n: number, p: number, logP = false): number {
  if (!Number.isInteger(k) || k < 0 || k > n) return logP ? -Infinity : 0;
  const l = logDbinomRaw(k, n, p, 1 - p);
  return logP ? l : Math.exp(l);
}

/**
 * Binomial distribution function P[X <= k] (or P[X > k] when `lowerTail` is false).
 * @param k - Quantile (floored).
 * @param n - Number of trials.
 * @param p - Success probability.
 */
export function pbinom(k: number, n: number, p: number, lowerTail = true, logP = false): number {
  if (Number.isNaN(k) || !(n >= 0) || !(p >= 0 && p <= 1)) return NaN;
  const kk = Math.floor(k + 1e-7);
  let l: number;
  if (kk < 0) l = lowerTail ? -Infinity : 0;
  else if (kk >= n) l = lowerTail ? 0 : -Infinity;
  else if (p === 0) l = lowerTail ? 0 : -Infinity;
  else if (p === 1) l = lowerTail ? -Infinity : 0;
  // P[X <= k] = I_{1-p}(n - k, k + 1).
  else l = logIncBeta(1 - p, p, n - kk, kk + 1, lowerTail);
  return logP ? l : Math.exp(l);
}
