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
 * upper tail.
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
  const { rsum, tieSum } = k <= 16 ? rankSumsByMerge(gs, n) : rankSumsBySearch(gs, n);
  const denom = 1 - tieSum / (n * n * n - n);
  if (!(denom > 0)) throw new RangeError(`${fn}: groups must not have all values tied; got ${n} equal values.`);
  let s = 0;
  for (let g = 0; g < k; g++) s += (rsum[g]! * rsum[g]!) / gs[g]!.length;
  const statistic = ((12 * s) / (n * (n + 1)) - 3 * (n + 1)) / denom;
  const df = k - 1;
  return { method: "Kruskal-Wallis rank sum test", statistic, df, pValue: pchisq(statistic, df, false) };
}

/** Rank sums per group and the tie term sum(t^3 - t): sort each group, merge (few groups). */
function rankSumsByMerge(gs: readonly (readonly number[])[], n: number): { rsum: Float64Array; tieSum: number } {
  const k = gs.length;
  const sortedGroups = gs.map((g) => Float64Array.from(g).sort());
  const ptr = new Int32Array(k);
  const rsum = new Float64Array(k);
  const counts = new Int32Array(k);
  let tieSum = 0;
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
    if (t > 1) tieSum += t * t * t - t;
    pos += t;
  }
  return { rsum, tieSum };
}

/** Same, for many groups: one global sort and binary searches for each value's run. */
function rankSumsBySearch(gs: readonly (readonly number[])[], n: number): { rsum: Float64Array; tieSum: number } {
  const all = new Float64Array(n);
  let pos = 0;
  for (const g of gs) for (let i = 0; i < g.length; i++) all[pos++] = g[i]!;
  all.sort();
  let tieSum = 0;
  for (let i = 0; i < n; ) {
    let j = i + 1;
    while (j < n && all[j] === all[i]) j++;
    const t = j - i;
    if (t > 1) tieSum += t * t * t - t;
    i = j;
  }
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
  return { rsum, tieSum };
}
