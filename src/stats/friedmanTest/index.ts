/**
 * Friedman rank sum test for unreplicated complete block designs.
 * @packageDocumentation
 */
import { pchisq } from "../_dist/chisq.js";
import { averageRanks, tieCorrection } from "../_common/rank.js";
import { parseNumericMatrix } from "../_common/validate.js";
import type { TestResult } from "../types.js";

/**
 * Friedman rank sum test.
 * @remarks Ranks within each block (row), averaged over ties; with n blocks, k groups and rank sums R_j:
 * statistic 12 sum (R_j - n (k + 1) / 2)^2 / [n k (k + 1) - sum (t^3 - t) / (k - 1)], df = k - 1.
 * @param data - n x k matrix: rows = blocks, columns = groups (n >= 2, k >= 2), finite numbers. A single
 *   block is a RangeError (`friedman.test` stops on a one-row matrix).
 * @returns A {@link TestResult} (statistic Friedman chi-squared, df, pValue).
 * @throws {RangeError} If the matrix is ragged, too small, holds NaN/Infinity, or every row is all tied.
 * @throws {TypeError} If `data` is not an array of arrays of numbers.
 * @example
 * friedmanTest([[1, 2, 3], [2, 3, 1], [1, 3, 2], [1, 2, 3]]).statistic;
 * //=> 3.5
 * @see R `stats::friedman.test`. Friedman M. J Am Stat Assoc 1937;32(200):675-701.
 *   doi:10.1080/01621459.1937.10503522
 */
export function friedmanTest(data: readonly (readonly number[])[]): TestResult {
  const fn = "friedmanTest";
  const d = parseNumericMatrix(fn, "data", data, 2, 2);
  const n = d.length;
  const k = d[0]!.length;
  const colSums = new Float64Array(k);
  let tieSum = 0;
  for (const row of d) {
    const { ranks, ties } = averageRanks(row);
    for (let j = 0; j < k; j++) colSums[j]! += ranks[j]!;
    tieSum += tieCorrection(ties);
  }
  const denom = n * k * (k + 1) - tieSum / (k - 1);
  if (!(denom > 0)) throw new RangeError(`${fn}: data must not be tied within every row; got all ${n} rows tied.`);
  const centre = (n * (k + 1)) / 2;
  let ss = 0;
  for (let j = 0; j < k; j++) ss += (colSums[j]! - centre) ** 2;
  const statistic = (12 * ss) / denom;
  const df = k - 1;
  return { method: "Friedman rank sum test", statistic, df, pValue: pchisq(statistic, df, false) };
}
