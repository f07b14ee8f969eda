/**
 * Private: exact null distributions of the Wilcoxon rank-sum (Mann-Whitney W) and signed-rank (V)
 * statistics, as counts from their generating functions.
 *
 * Rank sum: the number of ways to reach W = k with samples of sizes m and n is the coefficient of q^k in
 * the Gaussian binomial coefficient [m + n choose m]_q = prod_{i=1..m} (1 - q^(n+i)) / (1 - q^i), built
 * one factor at a time (each partial product is again a Gaussian binomial with non-negative
 * coefficients). Signed rank: coefficients of prod_{i=1..n} (1 + q^i) / 2. Both are kept as probabilities. Only the lower half of each
 * (symmetric) distribution is built; both tails are summed from their own end.
 * @see Andrews GE. The Theory of Partitions. Cambridge University Press; 1976 (Gaussian polynomials).
 * @packageDocumentation
 */

/**
 * Probabilities of W = 0..floor(m n / 2) for sample sizes m, n: each factor (1 - q^(b+i)) / (1 - q^i) is
 * divided by its value at q = 1, (b + i) / i, so the array stays a probability distribution (no
 * overflow for large samples; probabilities below the smallest double underflow to 0).
 */
function rankSumCounts(m: number, n: number): Float64Array {
  const a = Math.min(m, n);
  const b = Math.max(m, n);
  const top = Math.floor((a * b) / 2);
  const f = new Float64Array(top + 1);
  f[0] = 1;
  for (let i = 1; i <= a; i++) {
    // Divide by (1 - q^i): prefix sums with stride i.
    for (let k = i; k <= top; k++) f[k]! += f[k - i]!;
    // Multiply by (1 - q^(b+i)).
    const s = b + i;
    for (let k = top; k >= s; k--) f[k]! -= f[k - s]!;
    // Counts fit in a double up to C(1000, 500) ~ 2.7e299: rescale only for larger samples.
    if (a + b > 1000) {
      const scale = i / s;
      for (let k = 0; k <= top; k++) f[k]! *= scale;
    }
  }
  if (a + b <= 1000) {
    let total = 1;
    for (let i = 1; i <= a; i++) total = (total * (b + i)) / i;
    for (let k = 0; k <= top; k++) f[k]! /= total;
  }
  return f;
}

/** Exact distribution helper for W: P[W <= q] and P[W > q]. */
export interface ExactDist {
  lower(q: number): number;
  upper(q: number): number;
}

function fromHalfCounts(f: Float64Array, max: number, total: number): ExactDist {
  // Cumulative sums of the lower half: cum[k] = sum_{j <= k} f[j].
  const cum = new Float64Array(f.length);
  let s = 0;
  for (let k = 0; k < f.length; k++) {
    s += f[k]!;
    cum[k] = s;
  }
  const top = f.length - 1;
  /** Count of outcomes <= q (q integer). */
  const countLE = (q: number): number => {
    if (q < 0) return 0;
    if (q >= max) return total;
    if (q <= top) return cum[q]!;
    // By symmetry, #(W <= q) = total - #(W >= q + 1) = total - #(W <= max - q - 1).
    return total - cum[max - q - 1]!;
  };
  /** Count of outcomes > q. */
  const countGT = (q: number): number => {
    if (q < 0) return total;
    if (q >= max) return 0;
    // #(W > q) = #(W <= max - q - 1) by symmetry.
    const r = max - q - 1;
    if (r <= top) return cum[r]!;
    return total - cum[q]!;
  };
  return {
    lower: (q) => countLE(Math.floor(q + 1e-7)) / total,
    upper: (q) => countGT(Math.floor(q + 1e-7)) / total,
  };
}

/** Exact distribution of the rank-sum statistic W for sample sizes m and n. */
export function rankSumDistribution(m: number, n: number): ExactDist {
  return fromHalfCounts(rankSumCounts(m, n), m * n, 1);
}

/** Exact distribution of the signed-rank statistic V for n non-zero differences. */
export function signedRankDistribution(n: number): ExactDist {
  const max = (n * (n + 1)) / 2;
  const top = Math.floor(max / 2);
  const f = new Float64Array(top + 1);
  f[0] = 1;
  for (let i = 1; i <= n; i++) {
    for (let k = top; k >= i; k--) f[k]! += f[k - i]!;
    if (n > 1000) for (let k = 0; k <= top; k++) f[k]! *= 0.5;
  }
  if (n <= 1000) {
    const total = 2 ** n;
    for (let k = 0; k <= top; k++) f[k]! /= total;
  }
  return fromHalfCounts(f, max, 1);
}
