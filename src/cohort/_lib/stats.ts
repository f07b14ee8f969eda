/**
 * The single import point of the cohort domain for statistics (the stats-api.md contract, from the
 * stats barrel only).
 */
export {
  welchTTest,
  pairedTTest,
  welchTTestFromSummary,
  summarizeNumeric,
  quantile,
  mean,
  median,
  sd,
  logisticRegression,
  chiSquareTest,
  fisherExactTest,
  binomialConfInt,
  cochranQTest,
  kruskalWallisTest,
  rocCurve,
  wilcoxonRankSumTest,
  wilcoxonSignedRankTest,
  shapiroWilkTest,
} from "../../stats/index.js";
export type { TestResult, GroupSummary, LogisticRegressionResult, RocCurveResult } from "../../stats/index.js";
