/**
 * Cochran's Q test for k related binary outcomes.
 * @packageDocumentation
 */
import { pchisq } from "../_dist/chisq.js";
import { parseNumericMatrix } from "../_common/validate.js";
import type { TestResult } from "../types.js";

/**
 * Cochran's Q test that k paired proportions are equal.
 * @remarks With column totals C_j, row totals R_i and grand total N:
 * Q = (k - 1) [k sum C_j^2 - N^2] / [k N - sum R_i^2], df = k - 1, chi-squared upper tail.
 * @param data - n x k matrix of 0/1: rows = subjects, columns = time points (k >= 2).
 * @returns A {@link TestResult} (statistic Q, df, pValue).
 * @throws {RangeError} If the matrix is ragged, too small, a cell is not 0 or 1, or every row is
 *   constant (Q undefined).
 * @throws {TypeError} If `data` is not an array of arrays of numbers.
 * @example
 * cochranQTest([[1, 1, 0], [1, 0, 0], [1, 1, 1], [0, 0, 0], [1, 0, 0], [1, 1, 0]]).statistic;
 * //=> 6
 * @see Cochran WG. The comparison of percentages in matched samples. Biometrika 1950;37(3-4):256-266.
 *   doi:10.1093/biomet/37.3-4.256. R: `DescTools::CochranQTest`, `RVAideMemoire::cochran.qtest`.
 */
export function cochranQTest(data: readonly (readonly number[])[]): TestResult {
  const fn = "cochranQTest";
  const d = parseNumericMatrix(fn, "data", data, 1, 2);
  const k = d[0]!.length;
  const col = new Array<number>(k).fill(0);
  let sumR2 = 0;
  let total = 0;
  d.forEach((row, i) => {
    let r = 0;
    row.forEach((v, j) => {
      if (v !== 0 && v !== 1) throw new RangeError(`${fn}: data[${i}][${j}] must be 0 or 1; got ${v}.`);
      r += v;
      col[j]! += v;
    });
    sumR2 += r * r;
    total += r;
  });
  const denom = k * total - sumR2;
  if (!(denom > 0)) throw new RangeError(`${fn}: data must have a row that is neither all 0 nor all 1; got ${d.length} constant rows.`);
  let sumC2 = 0;
  for (const c of col) sumC2 += c * c;
  const statistic = ((k - 1) * (k * sumC2 - total * total)) / denom;
  const df = k - 1;
  return { method: "Cochran's Q test", statistic, df, pValue: pchisq(statistic, df, false) };
}
