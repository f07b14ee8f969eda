/**
 * Multiple-testing adjustment of p-values.
 * @packageDocumentation
 */
import { assertOneOf, describeValue } from "../../_lib/errors.js";

/** Adjustment methods of {@link pAdjust} ("fdr" is an alias of "BH", "none" returns a copy). */
export type PAdjustMethod = "bonferroni" | "holm" | "hochberg" | "hommel" | "BH" | "BY" | "fdr" | "none";

const METHODS: readonly PAdjustMethod[] = ["bonferroni", "holm", "hochberg", "hommel", "BH", "BY", "fdr", "none"];

/**
 * Adjusts p-values for multiple comparisons.
 * @remarks Bonferroni min(1, n p); Holm step-down; Hochberg step-up; Hommel (Wright's adjusted
 * p-values); Benjamini-Hochberg; Benjamini-Yekutieli (BH times sum 1/i). Results in input order.
 * @param p - p-values in [0, 1].
 * @param method - One of "bonferroni", "holm" (default, as R), "hochberg", "hommel", "BH", "BY".
 * @returns The adjusted p-values (a new array).
 * @throws {RangeError} If a p-value is NaN or outside [0, 1].
 * @throws {TypeError} If `p` is not an array of numbers or `method` is unknown.
 * @example
 * pAdjust([0.01, 0.02, 0.04, 0.5], "BH");
 * //=> [0.04, 0.04, 0.05333333333333333, 0.5]
 * @see R `stats::p.adjust(p, method)`. Holm S. Scand J Stat 1979;6(2):65-70. Hochberg Y.
 *   Biometrika 1988;75(4):800-802. doi:10.1093/biomet/75.4.800. Wright SP. Biometrics
 *   1992;48(4):1005-1013. doi:10.2307/2532694. Benjamini Y, Hochberg Y. J R Stat Soc B
 *   1995;57(1):289-300. doi:10.1111/j.2517-6161.1995.tb02031.x. Benjamini Y, Yekutieli D. Ann Stat
 *   2001;29(4):1165-1188. doi:10.1214/aos/1013699998
 */
export function pAdjust(p: readonly number[], method: PAdjustMethod = "holm"): number[] {
  const fn = "pAdjust";
  if (!Array.isArray(p)) throw new TypeError(`${fn}: p must be an array of numbers; got ${describeValue(p)}.`);
  p.forEach((v: unknown, i) => {
    if (typeof v !== "number") throw new TypeError(`${fn}: p[${i}] must be a number; got ${describeValue(v)}.`);
    if (!(v >= 0 && v <= 1)) throw new RangeError(`${fn}: p[${i}] must be a probability in [0, 1]; got ${describeValue(v)}.`);
  });
  const m = assertOneOf(fn, "method", method, METHODS);
  const n = p.length;
  if (n <= 1 || m === "none") return [...p];
  const out = new Array<number>(n);
  if (m === "bonferroni") return p.map((v) => Math.min(1, n * v));
  // Stable ascending order.
  const o = Array.from({ length: n }, (_, i) => i).sort((a, b) => p[a]! - p[b]! || a - b);
  const s = o.map((i) => p[i]!);
  if (m === "holm") {
    let run = 0;
    for (let k = 0; k < n; k++) {
      run = Math.max(run, (n - k) * s[k]!);
      out[o[k]!] = Math.min(1, run);
    }
    return out;
  }
  if (m === "hochberg" || m === "BH" || m === "fdr" || m === "BY") {
    let q = 1;
    if (m === "BY") {
      q = 0;
      for (let i = 1; i <= n; i++) q += 1 / i;
    }
    let run = Infinity;
    for (let k = n - 1; k >= 0; k--) {
      const i = k + 1;
      const v = m === "hochberg" ? (n - i + 1) * s[k]! : ((q * n) / i) * s[k]!;
      run = Math.min(run, v);
      out[o[k]!] = Math.min(1, run);
    }
    return out;
  }
  // Hommel (Wright 1992), on sorted p (1-based indices in the comments).
  let init = Infinity;
  for (let k = 0; k < n; k++) init = Math.min(init, (n * s[k]!) / (k + 1));
  const q = new Array<number>(n).fill(init);
  const pa = new Array<number>(n).fill(init);
  for (let mm = n - 1; mm >= 2; mm--) {
    // i1 = 1..n-mm+1, i2 = n-mm+2..n; q1 = min over i2 of mm p_i / (2..mm).
    let q1 = Infinity;
    for (let k = 2; k <= mm; k++) q1 = Math.min(q1, (mm * s[n - mm + k - 1]!) / k);
    for (let i = 0; i < n - mm + 1; i++) q[i] = Math.min(mm * s[i]!, q1);
    const fill = q[n - mm]!;
    for (let i = n - mm + 1; i < n; i++) q[i] = fill;
    for (let i = 0; i < n; i++) pa[i] = Math.max(pa[i]!, q[i]!);
  }
  for (let k = 0; k < n; k++) out[o[k]!] = Math.max(pa[k]!, s[k]!);
  return out;
}
