/**
 * Log-rank and G-rho tests of survival curves (R `survival::survdiff`).
 * @packageDocumentation
 */
import { describeValue } from "../../_lib/errors.js";
import { pchisq } from "../_dist/chisq.js";
import { parseGroups, parseSurv, rankDistinct, survOptions } from "../_survival/input.js";
import { quadFormInverse } from "../_survival/linalg.js";
import type { TestResult } from "../types.js";

const FN = "logRankTest";

/** Options of {@link logRankTest}. */
export interface LogRankTestOptions {
  /** Weight S(t-)^rho on each event time (0 = log-rank, 1 = Peto–Peto modification of the Gehan–Wilcoxon test). */
  rho?: number;
  /** Stratum labels (numbers or strings), one per subject: the test is summed over strata. */
  strata?: readonly (number | string)[];
}

/** Result of {@link logRankTest}. */
export interface LogRankTestResult extends TestResult {
  /** Group labels, ascending (numbers numerically, strings by code units). */
  groups: (number | string)[];
  /** Subjects per group. */
  n: number[];
  /** Observed (weighted by S(t-)^rho) events per group, summed over strata. */
  observed: number[];
  /** Expected events per group under the null hypothesis, summed over strata. */
  expected: number[];
  /** survdiff's variance matrix of observed − expected (groups x groups). */
  variance: number[][];
}

/**
 * Log-rank test (or the G-rho family of Harrington and Fleming) comparing survival between groups,
 * optionally stratified.
 * @remarks At each event time, each group's expected events are the total events times its share
 * of the risk set; the statistic is (O − E)' V⁻ (O − E) on groups − 1 degrees of freedom. With
 * `rho`, each time is weighted by the pooled Kaplan–Meier S(t−)^rho within its stratum.
 * Times that differ only by rounding (by at most 1.49e-8, absolutely or relative to the mean
 * distinct time) count as one time, as survival's default `timefix` does.
 * @param time - Follow-up times (>= 0, finite).
 * @param status - 1 = event, 0 = censored.
 * @param group - Group labels (numbers or strings), at least two distinct.
 * @param options - See {@link LogRankTestOptions}.
 * @returns survdiff's chi-squared `statistic`, `df`, `pValue`, and per group the observed and
 *   expected events.
 * @throws {RangeError} If lengths differ, a time is negative or not finite, a status is not 0/1,
 *   there is no event, or `group` has a single level.
 * @throws {TypeError} If an argument has the wrong type or an option is unknown.
 * @example
 * const r = logRankTest([1, 3, 4, 6, 2, 5, 8, 9], [1, 1, 0, 1, 1, 0, 1, 0], ["a", "a", "a", "a", "b", "b", "b", "b"]);
 * r.groups; //=> ["a", "b"]
 * r.df;     //=> 1
 * @see Harrington DP, Fleming TR. Biometrika 1982;69:553-566. doi:10.1093/biomet/69.3.553;
 *   R `survival::survdiff`.
 */
export function logRankTest(
  time: readonly number[],
  status: readonly number[],
  group: readonly (number | string)[],
  options?: LogRankTestOptions,
): LogRankTestResult {
  const o = survOptions(FN, options, ["rho", "strata"]);
  const d = parseSurv(FN, time, status, o, { entry: false, weights: false });
  const g = parseGroups(FN, "group", group, d.n);
  const k = g.levels.length;
  if (k < 2) throw new RangeError(`${FN}: group must have at least two levels; got a single level.`);
  let rho = 0;
  if (o.rho !== undefined) {
    if (typeof o.rho !== "number") throw new TypeError(`${FN}: options.rho must be a number; got ${describeValue(o.rho)}.`);
    if (!Number.isFinite(o.rho)) throw new RangeError(`${FN}: options.rho must be finite; got ${describeValue(o.rho)}.`);
    rho = o.rho;
  }
  const strata = o.strata === undefined ? null : parseGroups(FN, "options.strata", o.strata, d.n);

  const O = new Float64Array(k);
  const E = new Float64Array(k);
  const V = new Float64Array(k * k);
  const nPer = new Array<number>(k).fill(0);
  for (let i = 0; i < d.n; i++) nPer[g.index[i]!]!++;

  const runStratum = (subjects: Int32Array | null): void => {
    const ns = subjects === null ? d.n : subjects.length;
    const tt = new Float64Array(ns);
    for (let q = 0; q < ns; q++) tt[q] = d.time[subjects === null ? q : subjects[q]!]!;
    const { values, index } = rankDistinct(tt);
    const m = values.length;
    // per time and group: exits and events
    const exits = new Float64Array(m * k);
    const deaths = new Float64Array(m * k);
    const atRisk = new Float64Array(k);
    for (let q = 0; q < ns; q++) {
      const i = subjects === null ? q : subjects[q]!;
      const c = index[q]! * k + g.index[i]!;
      exits[c]!++;
      if (d.status[i] === 1) deaths[c]!++;
      atRisk[g.index[i]!]!++;
    }
    let km = 1;
    for (let j = 0; j < m; j++) {
      let nt = 0;
      let dt = 0;
      for (let h = 0; h < k; h++) {
        nt += atRisk[h]!;
        dt += deaths[j * k + h]!;
      }
      if (dt > 0) {
        const wt = rho === 0 ? 1 : Math.pow(km, rho);
        const vf = nt > 1 ? (wt * wt * dt * (nt - dt)) / (nt - 1) : 0;
        for (let a = 0; a < k; a++) {
          const pa = atRisk[a]! / nt;
          O[a]! += wt * deaths[j * k + a]!;
          E[a]! += wt * dt * pa;
          if (vf !== 0) {
            for (let b = 0; b < k; b++) V[a * k + b]! += vf * pa * ((a === b ? 1 : 0) - atRisk[b]! / nt);
          }
        }
        km *= 1 - dt / nt;
      }
      for (let h = 0; h < k; h++) atRisk[h]! -= exits[j * k + h]!;
    }
  };

  if (strata === null) runStratum(null);
  else {
    const lists: number[][] = strata.levels.map(() => []);
    for (let i = 0; i < d.n; i++) lists[strata.index[i]!]!.push(i);
    for (const l of lists) runStratum(Int32Array.from(l));
  }

  // chi-squared over the groups with expected > 0, dropping one (survdiff's generalized inverse)
  const keep: number[] = [];
  for (let a = 0; a < k; a++) if (E[a]! > 0) keep.push(a);
  const use = keep.slice(1);
  const p = use.length;
  let statistic = 0;
  if (p > 0) {
    const sub = new Float64Array(p * p);
    const diff = new Float64Array(p);
    use.forEach((a, r) => {
      diff[r] = O[a]! - E[a]!;
      use.forEach((b, c) => (sub[r * p + c] = V[a * k + b]!));
    });
    statistic = quadFormInverse(sub, p, diff).value;
  }
  const df = keep.length - 1;
  const variance: number[][] = [];
  for (let a = 0; a < k; a++) variance.push(Array.from(V.subarray(a * k, a * k + k)));
  return {
    method: rho === 0 ? "Log-rank test" : `G-rho family test (rho = ${rho})`,
    statistic,
    df,
    pValue: df > 0 ? pchisq(statistic, df, false) : 1,
    groups: g.levels,
    n: nPer,
    observed: Array.from(O),
    expected: Array.from(E),
    variance,
  };
}
