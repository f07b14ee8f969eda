/**
 * Private: exact null distributions of the Wilcoxon rank-sum (Mann-Whitney W) and signed-rank (V)
 * statistics, from their generating functions, kept as probabilities (scaled counts).
 *
 * Rank sum: the number of ways to reach W = k with samples of sizes m and n is the coefficient of q^k in
 * the Gaussian binomial coefficient [m + n choose m]_q = prod_{i=1..a} (1 - q^(b+i)) / (1 - q^i)
 * (a = min(m, n), b = max(m, n)), built one factor at a time (Harding's algorithm): each partial
 * product is again a Gaussian binomial with non-negative coefficients. Signed rank: coefficients of
 * prod_{i=1..n} (1 + q^i) / 2.
 *
 * Only the coefficients up to the requested quantile are built (a coefficient of q^k depends only on
 * lower ones), and the other tail follows from the symmetry of both distributions, so a tail
 * probability costs O(a r) for the rank sum and O(n r) for the signed rank, r = min(q, max - q).
 *
 * Limits. The signed-rank recurrence only adds non-negative numbers (relative error below n * 2^-52);
 * it is limited to n <= {@link SIGNED_RANK_EXACT_MAX_N} by time and memory. The rank-sum recurrence
 * divides by (1 - q^i), which subtracts, and its rounding errors grow geometrically with a: against
 * exact big-integer counts the largest relative error of P[W <= k] over all k was 2e-14 at a = 49,
 * 5.7e-13 at a = 250 (with b = 250 and b = 1000), 2e-11 at a = 300, 8e-9 at a = 400 and 5e-6 at
 * a = 500, so exact rank-sum probabilities are refused above a = {@link RANK_SUM_EXACT_MAX_MIN_SIZE}
 * (and above m n = {@link RANK_SUM_EXACT_MAX_PRODUCT} for time and memory).
 * @see Harding EF. An efficient, minimal-storage procedure for calculating the Mann-Whitney U,
 *   generalized U and similar distributions. Appl Stat 1984;33(1):1-6. doi:10.2307/2347656
 * @see Andrews GE. The Theory of Partitions. Cambridge University Press; 1976 (Gaussian polynomials).
 * @packageDocumentation
 */

/** Largest min(m, n) for an exact rank-sum distribution (largest rounding error measured: 2e-11 relative). */
export const RANK_SUM_EXACT_MAX_MIN_SIZE = 300;
/** Largest m n for an exact rank-sum distribution (about 40 MB and one second at the limit). */
export const RANK_SUM_EXACT_MAX_PRODUCT = 10_000_000;
/** Largest n for an exact signed-rank distribution (about 8 MB and one second at the limit). */
export const SIGNED_RANK_EXACT_MAX_N = 2000;

/** Why an exact distribution cannot be computed for these sizes, or null when it can. */
export function rankSumExactLimit(m: number, n: number): string | null {
  if (Math.min(m, n) > RANK_SUM_EXACT_MAX_MIN_SIZE) {
    return `the exact distribution is computed for samples where the smaller has at most ${RANK_SUM_EXACT_MAX_MIN_SIZE} values (beyond, rounding errors grow past 1e-10); got sizes ${m} and ${n}`;
  }
  if (m * n > RANK_SUM_EXACT_MAX_PRODUCT) {
    return `the exact distribution is computed for nx * ny <= ${RANK_SUM_EXACT_MAX_PRODUCT}; got ${m} * ${n} = ${m * n}`;
  }
  return null;
}

/** Why an exact signed-rank distribution cannot be computed for n, or null when it can. */
export function signedRankExactLimit(n: number): string | null {
  return n > SIGNED_RANK_EXACT_MAX_N ? `the exact distribution is computed for at most ${SIGNED_RANK_EXACT_MAX_N} non-zero differences; got ${n}` : null;
}

/** P[W <= r] for sample sizes m, n and an integer 0 <= r <= floor(m n / 2) (sizes within the limits). */
/** P[W <= r] built up to r only (internal; exported for the cache test). */
export function rankSumLowerHalf(m: number, n: number, r: number): number {
  const a = Math.min(m, n);
  const b = Math.max(m, n);
  const f = new Float64Array(r + 1);
  f[0] = 1;
  // Counts (and the prefix sums below, at most (a b / 2) / i times larger) stay below 1e302 while
  // m + n <= 1000 (C(1000, 500) = 2.7e299): they are divided by the total once at the end. Larger
  // samples divide each factor by its value at q = 1, so f stays a probability distribution.
  const scaled = a + b > 1000;
  for (let i = 1; i <= a; i++) {
    // The partial product [b + i choose i]_q has degree i b: nothing above it is non-zero.
    const top = Math.min(r, i * b);
    // Divide by (1 - q^i): prefix sums with stride i.
    for (let k = i; k <= top; k++) f[k]! += f[k - i]!;
    // Multiply by (1 - q^(b+i)) (and, when scaled, divide by (b + i) / i).
    const s = b + i;
    if (scaled) {
      const scale = i / s;
      for (let k = top; k >= s; k--) f[k] = (f[k]! - f[k - s]!) * scale;
      for (let k = Math.min(top, s - 1); k >= 0; k--) f[k]! *= scale;
    } else {
      for (let k = top; k >= s; k--) f[k]! -= f[k - s]!;
    }
  }
  let p = 0;
  for (let k = 0; k <= r; k++) p += f[k]!;
  if (!scaled) {
    let total = 1;
    for (let i = 1; i <= a; i++) total = (total * (b + i)) / i;
    p /= total;
  }
  return p;
}

/** P[V <= r] for n differences and an integer 0 <= r <= floor(n (n + 1) / 4) (n within the limit). */
function signedRankLowerHalf(n: number, r: number): number {
  const f = new Float64Array(r + 1);
  f[0] = 1;
  for (let i = 1; i <= n; i++) {
    const top = Math.min(r, (i * (i + 1)) / 2);
    // Multiply by (1 + q^i) / 2 (halving is exact in binary floating point).
    for (let k = top; k >= i; k--) f[k] = (f[k]! + f[k - i]!) * 0.5;
    for (let k = Math.min(top, i - 1); k >= 0; k--) f[k]! *= 0.5;
  }
  let p = 0;
  for (let k = 0; k <= r; k++) p += f[k]!;
  return p;
}

/** Exact distribution helper: P[X <= q] and P[X > q] (q is floored). */
export interface ExactDist {
  lower(q: number): number;
  upper(q: number): number;
}

/** Tails of a distribution on 0..max symmetric about max / 2, from a lower-half tail function. */
function symmetric(max: number, lowerHalf: (r: number) => number): ExactDist {
  const half = Math.floor(max / 2);
  /** P[X <= q] for integer q. */
  const le = (q: number): number => {
    if (q < 0) return 0;
    if (q >= max) return 1;
    if (q <= half) return lowerHalf(q);
    // P[X <= q] = 1 - P[X >= q + 1] = 1 - P[X <= max - q - 1].
    return 1 - lowerHalf(max - q - 1);
  };
  /** P[X > q] = P[X <= max - q - 1] by symmetry. */
  const gt = (q: number): number => le(max - q - 1);
  return {
    lower: (q) => le(Math.floor(q + 1e-7)),
    upper: (q) => gt(Math.floor(q + 1e-7)),
  };
}

/**
 * P[W <= r] for r = 0..floor(m n / 2) at once, for the sizes R computes exactly (m n <= CACHE_MAX_PRODUCT):
 * the same coefficients and the same running sum as {@link rankSumLowerHalf}, so every value is bit-for-bit
 * the one a single call would give. Kept for the last sizes asked (never handed out).
 */
const CACHE_MAX_PRODUCT = 2500;
const RANK_SUM_CACHE = new Map<string, Float64Array>();
function rankSumLowerHalfTable(m: number, n: number): Float64Array {
  const a = Math.min(m, n);
  const b = Math.max(m, n);
  const key = `${a},${b}`;
  const hit = RANK_SUM_CACHE.get(key);
  if (hit !== undefined) return hit;
  const half = Math.floor((a * b) / 2);
  const f = new Float64Array(half + 1);
  f[0] = 1;
  for (let i = 1; i <= a; i++) {
    const top = Math.min(half, i * b);
    for (let k = i; k <= top; k++) f[k]! += f[k - i]!;
    const s = b + i;
    for (let k = top; k >= s; k--) f[k]! -= f[k - s]!;
  }
  let total = 1;
  for (let i = 1; i <= a; i++) total = (total * (b + i)) / i;
  const cum = new Float64Array(half + 1);
  let p = 0;
  for (let k = 0; k <= half; k++) {
    p += f[k]!;
    cum[k] = p / total;
  }
  if (RANK_SUM_CACHE.size >= 64) RANK_SUM_CACHE.delete(RANK_SUM_CACHE.keys().next().value!);
  RANK_SUM_CACHE.set(key, cum);
  return cum;
}

/** Exact distribution of the rank-sum statistic W for sample sizes m and n (check {@link rankSumExactLimit} first). */
export function rankSumDistribution(m: number, n: number): ExactDist {
  if (m * n <= CACHE_MAX_PRODUCT) {
    const table = rankSumLowerHalfTable(m, n);
    return symmetric(m * n, (r) => table[r]!);
  }
  return symmetric(m * n, (r) => rankSumLowerHalf(m, n, r));
}

/** Exact distribution of the signed-rank statistic V for n non-zero differences (check {@link signedRankExactLimit} first). */
export function signedRankDistribution(n: number): ExactDist {
  return symmetric((n * (n + 1)) / 2, (r) => signedRankLowerHalf(n, r));
}
