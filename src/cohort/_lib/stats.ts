/**
 * The single import point of the cohort domain for statistics (stats-api.md contract).
 * TEMPORARY: fisherExactTest is shimmed here (uncommitted) until src/stats ships it.
 */
export {
  welchTTest, pairedTTest, welchTTestFromSummary, summarizeNumeric, quantile, mean, median, sd,
  logisticRegression, chiSquareTest, binomialConfInt, cochranQTest, kruskalWallisTest, rocCurve,
  wilcoxonRankSumTest, wilcoxonSignedRankTest, shapiroWilkTest,
} from "../../stats/index.js";
export type { TestResult, GroupSummary, LogisticRegressionResult, RocCurveResult } from "../../stats/index.js";
import type { TestResult } from "../../stats/index.js";
import { lgamma } from "../../stats/_dist/special.js";

function lchoose(n: number, k: number): number {
  return lgamma(n + 1) - lgamma(k + 1) - lgamma(n - k + 1);
}
export function fisherExactTest(table: number[][]): TestResult {
  if (table.length !== 2 || table[0]!.length !== 2) return fisherRxC(table);
  const [[a, b], [c, d]] = table as [[number, number], [number, number]];
  const m = a + c, n = b + d, k = a + b;
  const lo = Math.max(0, k - n), hi = Math.min(k, m);
  const dens = (x: number) => Math.exp(lchoose(m, x) + lchoose(n, k - x) - lchoose(m + n, k));
  const pObs = dens(a);
  let p = 0;
  for (let x = lo; x <= hi; x++) { const dx = dens(x); if (dx <= pObs * (1 + 1e-7)) p += dx; }
  return { method: "Fisher's Exact Test for Count Data", statistic: NaN, pValue: Math.min(1, p), alternative: "two-sided" };
}

function fisherRxC(table: number[][]): TestResult {
  const rs = table.map((r) => r.reduce((a, b) => a + b, 0));
  const cs = table[0]!.map((_, j) => table.reduce((a, r) => a + r[j]!, 0));
  const n = rs.reduce((a, b) => a + b, 0);
  const konst = rs.reduce((a, r) => a + lgamma(r + 1), 0) + cs.reduce((a, c) => a + lgamma(c + 1), 0) - lgamma(n + 1);
  const logP = (t: number[][]) => konst - t.flat().reduce((a, x) => a + lgamma(x + 1), 0);
  const obs = logP(table);
  let p = 0;
  const R = rs.length, C = cs.length;
  const cur = rs.map(() => cs.map(() => 0));
  const colLeft = [...cs];
  const rec = (i: number, j: number, rowLeft: number): void => {
    if (i === R - 1) {
      // last row is forced
      for (let jj = 0; jj < C; jj++) cur[i]![jj] = colLeft[jj]!;
      const lp = logP(cur);
      if (lp <= obs + 3.45254e-7) p += Math.exp(lp);
      return;
    }
    if (j === C - 1) {
      if (rowLeft > colLeft[j]!) return;
      cur[i]![j] = rowLeft; colLeft[j]! -= rowLeft;
      rec(i + 1, 0, rs[i + 1]!);
      colLeft[j]! += rowLeft;
      return;
    }
    for (let x = 0; x <= Math.min(rowLeft, colLeft[j]!); x++) {
      cur[i]![j] = x; colLeft[j]! -= x;
      rec(i, j + 1, rowLeft - x);
      colLeft[j]! += x;
    }
  };
  rec(0, 0, rs[0]!);
  return { method: "Fisher's Exact Test for Count Data", statistic: NaN, pValue: Math.min(1, p), alternative: "two-sided" };
}
