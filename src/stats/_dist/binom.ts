/**
 * Private: the binomial distribution (Loader's saddle-point density; distribution function via the
 * regularized incomplete beta, both tails direct).
 * @packageDocumentation
 */
import { log1mExp, logDbinomRaw, logIncBeta } from "./special.js";

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
  else {
    const near = logTailBySum(kk, n, p);
    if (near !== null) l = near.lower === lowerTail ? near.log : log1mExp(Math.min(near.log, 0));
    // P[X <= k] = I_{1-p}(n - k, k + 1).
    else l = logIncBeta(1 - p, p, n - kk, kk + 1, lowerTail);
  }
  return logP ? l : Math.exp(l);
}

/** Largest number of terms summed by {@link logTailBySum} before it gives up. */
const TAIL_SUM_MAX_TERMS = 100_000;

/**
 * log of the binomial tail on the far side of k from the mean (P[X <= k] when k is below the mean,
 * P[X > k] otherwise), summed term by term from the density at the tail's edge with the ratio of
 * consecutive probabilities, when the terms fall below 2^-56 of the sum within
 * {@link TAIL_SUM_MAX_TERMS} terms; null otherwise. The continued fraction of the incomplete beta
 * loses accuracy when one of its parameters is huge (n above about 1e12 with a small count), and
 * 1 - p rounds away p's digits when p is tiny: this sum uses p and 1 - p only through their ratio.
 */
function logTailBySum(k: number, n: number, p: number): { lower: boolean; log: number } | null {
  const q = 1 - p;
  const ratio = p / q;
  if (k < n * p) {
    // d(i - 1) / d(i) = i q / ((n - i + 1) p).
    let term = 1;
    let sum = 1;
    for (let i = k, it = 0; i >= 1; i--, it++) {
      if (it >= TAIL_SUM_MAX_TERMS) return null;
      term *= i / ((n - i + 1) * ratio);
      sum += term;
      if (term < 1.4e-17 * sum) break;
    }
    return { lower: true, log: logDbinomRaw(k, n, p, q) + Math.log(sum) };
  }
  // P[X > k] = sum over i >= k + 1; d(i + 1) / d(i) = (n - i) p / ((i + 1) q).
  const first = k + 1;
  if (first > n) return { lower: false, log: -Infinity };
  let term = 1;
  let sum = 1;
  for (let i = first, it = 0; i < n; i++, it++) {
    if (it >= TAIL_SUM_MAX_TERMS) return null;
    term *= ((n - i) * ratio) / (i + 1);
    sum += term;
    if (term < 1.4e-17 * sum) break;
  }
  return { lower: false, log: logDbinomRaw(first, n, p, q) + Math.log(sum) };
}
