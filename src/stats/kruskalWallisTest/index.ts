/**
 * Kruskal-Wallis rank sum test.
 * @packageDocumentation
 */
import { describeValue } from "../../_lib/errors.js";
import { numericArray } from "../_common/validate.js";
import { pchisq } from "../_dist/chisq.js";
import type { TestResult } from "../types.js";

/**
 * Kruskal-Wallis rank sum test that k samples come from the same distribution.
 * @remarks H = [12 / (N (N + 1)) sum R_j^2 / n_j - 3 (N + 1)] / [1 - sum (t^3 - t) / (N^3 - N)] with
 * average ranks over the pooled sample and tie groups of size t; df = k - 1; p from the chi-squared
 * upper tail. As R's `kruskal.test`, the ranks compare values exactly but the tie term counts as tied
 * the values that agree to 15 significant digits (R tabulates the values as `as.character` strings,
 * which hold 15 significant digits): values such as 0.1 + 0.2 and 0.3, or 1 and 1 + 2^-52, get
 * distinct ranks yet form one tie group; when every value is so tied the test is undefined (R returns
 * an infinite statistic) and a RangeError is thrown.
 * @param groups - k >= 2 samples, each with at least one finite number.
 * @returns A {@link TestResult} (statistic Kruskal-Wallis chi-squared, df, pValue).
 * @throws {RangeError} If there are fewer than 2 groups, a group is empty, a value is NaN/Infinity, or
 *   all values are tied.
 * @throws {TypeError} If `groups` is not an array of arrays of numbers.
 * @example
 * kruskalWallisTest([[2.9, 3.0, 2.5, 2.6, 3.2], [3.8, 2.7, 4.0, 2.4], [2.8, 3.4, 3.7, 2.2, 2.0]]).statistic;
 * //=> 0.7714285714285722
 * @see R `stats::kruskal.test`. Kruskal WH, Wallis WA. J Am Stat Assoc 1952;47(260):583-621.
 *   doi:10.1080/01621459.1952.10483441
 */
export function kruskalWallisTest(groups: readonly (readonly number[])[]): TestResult {
  const fn = "kruskalWallisTest";
  if (!Array.isArray(groups)) throw new TypeError(`${fn}: groups must be an array of samples; got ${describeValue(groups)}.`);
  const k = groups.length;
  if (k < 2) throw new RangeError(`${fn}: groups must hold at least 2 groups; got ${k}.`);
  let total = 0;
  const gs = groups.map((g, i) => {
    const v = numericArray(fn, `groups[${i}]`, g, 1);
    total += v.length;
    return v;
  });
  const n = total;
  const { rsum, sorted } = k <= 16 ? rankSumsByMerge(gs, n) : rankSumsBySearch(gs, n);
  const tieSum = tieTerm15(sorted);
  const denom = 1 - tieSum / (n * n * n - n);
  if (!(denom > 0)) throw new RangeError(`${fn}: groups must not have all values tied; got ${n} values equal to 15 significant digits.`);
  let s = 0;
  for (let g = 0; g < k; g++) s += (rsum[g]! * rsum[g]!) / gs[g]!.length;
  const statistic = ((12 * s) / (n * (n + 1)) - 3 * (n + 1)) / denom;
  const df = k - 1;
  return { method: "Kruskal-Wallis rank sum test", statistic, df, pValue: pchisq(statistic, df, false) };
}

/** Rank sums per group and the tie term sum(t^3 - t): sort each group, merge (few groups). */
function rankSumsByMerge(gs: readonly (readonly number[])[], n: number): { rsum: Float64Array; sorted: Float64Array } {
  const k = gs.length;
  const sortedGroups = gs.map((g) => Float64Array.from(g).sort());
  const ptr = new Int32Array(k);
  const rsum = new Float64Array(k);
  const counts = new Int32Array(k);
  const sorted = new Float64Array(n);
  let pos = 0; // ranks assigned so far
  while (pos < n) {
    let v = Infinity;
    for (let g = 0; g < k; g++) {
      const sg = sortedGroups[g]!;
      if (ptr[g]! < sg.length && sg[ptr[g]!]! < v) v = sg[ptr[g]!]!;
    }
    let t = 0;
    for (let g = 0; g < k; g++) {
      const sg = sortedGroups[g]!;
      let p = ptr[g]!;
      const p0 = p;
      while (p < sg.length && sg[p] === v) p++;
      counts[g] = p - p0;
      t += p - p0;
      ptr[g] = p;
    }
    const avg = pos + (t + 1) / 2;
    for (let g = 0; g < k; g++) if (counts[g]! > 0) rsum[g]! += avg * counts[g]!;
    sorted.fill(v, pos, pos + t);
    pos += t;
  }
  return { rsum, sorted };
}

/** Same, for many groups: one global sort and binary searches for each value's run. */
function rankSumsBySearch(gs: readonly (readonly number[])[], n: number): { rsum: Float64Array; sorted: Float64Array } {
  const all = new Float64Array(n);
  let pos = 0;
  for (const g of gs) for (let i = 0; i < g.length; i++) all[pos++] = g[i]!;
  all.sort();
  const bound = (v: number, strict: boolean): number => {
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (strict ? all[mid]! <= v : all[mid]! < v) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const rsum = new Float64Array(gs.length);
  gs.forEach((g, gi) => {
    let r = 0;
    for (let i = 0; i < g.length; i++) {
      const v = g[i]!;
      r += (bound(v, false) + bound(v, true) - 1) / 2 + 1;
    }
    rsum[gi] = r;
  });
  return { rsum, sorted: all };
}

/**
 * The tie term sum(t^3 - t) over groups of sorted values equal to 15 significant digits (R's
 * `table(x)`, which tabulates `as.character(x)`). Rounding to 15 digits is monotone, so such groups are
 * runs of the sorted values; two values more than 2e-14 of the larger magnitude apart never share a
 * 15-digit rounding, so only closer neighbours are formatted.
 */
function tieTerm15(sorted: Float64Array): number {
  let tieSum = 0;
  let t = 1;
  for (let i = 1; i <= sorted.length; i++) {
    let same = false;
    if (i < sorted.length) {
      const a = sorted[i - 1]!;
      const b = sorted[i]!;
      same = a === b || (b - a <= 2e-14 * Math.max(Math.abs(a), Math.abs(b)) && a.toPrecision(15) === b.toPrecision(15));
    }
    if (same) t++;
    else {
      if (t > 1) tieSum += t * t * t - t;
      t = 1;
    }
  }
  return tieSum;
}
