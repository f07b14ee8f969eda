/**
 * Fisher's exact test on r x c tables of counts.
 * @packageDocumentation
 */
import { parseOptions, parseAlternative, parseConfLevel, parseCountTable } from "../_common/validate.js";
import type { Alternative, TestResult } from "../types.js";
import { FISHER_WORK_LIMIT, FisherWorkLimit, fisherNetworkPValue } from "./network.js";
import { fisherTwoByTwo } from "./twoByTwo.js";

/** Options of {@link fisherExactTest}. */
export interface FisherExactTestOptions {
  /** Alternative hypothesis for 2 x 2 tables (odds ratio vs 1), default "two-sided"; r x c tests are two-sided. */
  alternative?: Alternative;
  /** Confidence level of the odds-ratio interval (2 x 2), default 0.95. */
  confLevel?: number;
}

/** Largest grand total accepted for tables larger than 2 x 2. */
export const FISHER_MAX_TOTAL = 100_000;

/**
 * Fisher's exact test of independence in an r x c table.
 * @remarks
 * 2 x 2: conditional inference on the odds ratio given the margins (non-central hypergeometric):
 * one-sided p-values are hypergeometric tails; the two-sided p-value sums the probabilities of tables
 * with probability <= P_obs (1 + 1e-7) (as R); `estimate` is the conditional maximum-likelihood odds
 * ratio and `confInt` its exact interval, both solved to full double precision (R's `uniroot` stops
 * near 1e-4). `statistic` is the observed cell table[0][0].
 *
 * r x c: exact two-sided p-value summing every table with log P <= log P_obs + 3.45254e-7 (FEXACT's
 * rule), by a network algorithm (no simulation). `statistic` is P_obs, the hypergeometric probability
 * of the observed table. Rows or columns with zero total are dropped first (as R).
 *
 * Size limit (r x c only): the grand total must be at most 100,000 and the network search at most
 * 2e8 work units (a unit is one column fill or one carried path; ten threshold look-ups count as one).
 * Reaching the limit costs up to about 35 s of CPU before the RangeError (a 3 x 10 table, n = 1,020: 33.7 s CPU
 * on a loaded 2-core machine; `npx tsx bench/fisher-limit.ts` measures it). For scale: 5 x 5 tables with n = 120 need 1e7 to 3.5e7 units
 * (0.3 to 5 s; R's `fisher.test` takes 3 to 60 s on them) and an 8 x 3 table with n = 126 about 6e7
 * (4.5 s; R 3.8 s). Beyond either limit a RangeError is thrown, never an approximate or missing value.
 * @param table - r x c table of non-negative integer counts (r, c >= 2).
 * @param options - `alternative` ("two-sided"), `confLevel` (0.95); both used for 2 x 2 only.
 * @returns A {@link TestResult}: 2 x 2 adds `estimate`, `confInt` and `alternative`.
 * @throws {RangeError} If the table is ragged, smaller than 2 x 2, holds negative/non-integer counts,
 *   is larger than 2 x 2 and all zero, or exceeds the documented size limit.
 * @throws {TypeError} If the table or an option has the wrong type.
 * @example
 * fisherExactTest([[3, 1], [1, 3]]).pValue;
 * //=> 0.48571428571428527
 * @see R `stats::fisher.test`. Mehta CR, Patel NR. J Am Stat Assoc 1983;78(382):427-434.
 *   doi:10.1080/01621459.1983.10477989. Fisher RA. J R Stat Soc 1922;85(1):87-94. doi:10.2307/2340521
 */
export function fisherExactTest(table: readonly (readonly number[])[], options?: FisherExactTestOptions): TestResult {
  const fn = "fisherExactTest";
  const t = parseCountTable(fn, "table", table);
  const o = parseOptions(fn, options, ["alternative", "confLevel"]);
  const alternative = parseAlternative(fn, o);
  const confLevel = parseConfLevel(fn, o);
  const total = t.reduce((acc, row) => acc + row.reduce((b, v) => b + v, 0), 0);
  if (!(total <= Number.MAX_SAFE_INTEGER)) {
    throw new RangeError(`${fn}: table total must be at most 2^53 - 1 (Number.MAX_SAFE_INTEGER), beyond which counts are not exact; got ${total}.`);
  }
  if (t.length === 2 && t[0]!.length === 2) {
    const r = fisherTwoByTwo(t, alternative, confLevel, fn);
    return {
      method: "Fisher's Exact Test for Count Data",
      statistic: t[0]![0]!,
      pValue: r.pValue,
      estimate: r.estimate,
      confInt: r.confInt,
      alternative,
    };
  }
  // Drop empty rows and columns.
  const keepCols = t[0]!.map((_, j) => t.some((row) => row[j]! > 0));
  const reduced = t.filter((row) => row.some((v) => v > 0)).map((row) => row.filter((_, j) => keepCols[j]));
  const n = t.reduce((a, row) => a + row.reduce((b, v) => b + v, 0), 0);
  if (n > FISHER_MAX_TOTAL) {
    throw new RangeError(`${fn}: table total must be at most ${FISHER_MAX_TOTAL} for tables larger than 2 x 2; got ${n}.`);
  }
  const method = "Fisher's Exact Test for Count Data";
  if (n === 0) throw new RangeError(`${fn}: table must have a positive total for tables larger than 2 x 2 (fisher.test stops: all elements are zero); got ${t.length} x ${t[0]!.length} zeros.`);
  if (reduced.length < 2 || reduced[0]!.length < 2) return { method, statistic: 1, pValue: 1 };
  let pValue: number;
  try {
    pValue = fisherNetworkPValue(reduced);
  } catch (e) {
    if (e instanceof FisherWorkLimit) {
      throw new RangeError(
        `${fn}: table is too large for the exact test (network search exceeds ${FISHER_WORK_LIMIT.toExponential(0)} steps); got a ${t.length} x ${t[0]!.length} table with total ${n}.`,
      );
    }
    throw e;
  }
  return { method, statistic: observedProbability(reduced), pValue };
}

function observedProbability(t: number[][]): number {
  const lfact = (k: number): number => {
    let s = 0;
    for (let i = 2; i <= k; i++) s += Math.log(i);
    return s;
  };
  const rows = t.map((r) => r.reduce((a, b) => a + b, 0));
  const cols = t[0]!.map((_, j) => t.reduce((a, r) => a + r[j]!, 0));
  const n = rows.reduce((a, b) => a + b, 0);
  let l = -lfact(n);
  for (const r of rows) l += lfact(r);
  for (const c of cols) l += lfact(c);
  for (const r of t) for (const v of r) l -= lfact(v);
  return Math.exp(l);
}
