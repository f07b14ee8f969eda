/** Private: confidence intervals of the summary statistics shown in a Table 1. */
import { binomialTest, oneSampleTTest } from "./stats.js";

/**
 * Distribution-free interval for a median from order statistics: with l the smallest k such that
 * P(B <= k) >= alpha / 2 for B ~ Binomial(n, 1/2), the interval is [x(l), x(n - l + 1)] (1-based order
 * statistics), whose coverage 1 - 2 P(B <= l - 1) is at least the level. Null when l = 0 (n too small).
 */
export function medianConfInt(sorted: readonly number[], confLevel: number): [number, number] | null {
  const n = sorted.length;
  if (n < 1) return null;
  const half = (1 - confLevel) / 2;
  const cdf = (k: number): number => binomialTest(k, n, { p: 0.5, alternative: "less" }).pValue;
  // smallest k in [0, n] with cdf(k) >= half (cdf(n) = 1)
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cdf(mid) >= half) hi = mid;
    else lo = mid + 1;
  }
  const l = lo;
  if (l < 1) return null;
  return [sorted[l - 1]!, sorted[n - l]!];
}

/** t interval of a mean (R `t.test(x)$conf.int`); null for fewer than 2 values or constant values. */
export function meanConfInt(values: readonly number[], confLevel: number): [number, number] | null {
  if (values.length < 2 || values.every((v) => v === values[0])) return null;
  return oneSampleTTest(values, { confLevel }).confInt ?? null;
}
