/**
 * The single import point of the cohort domain for statistics (the stats module's public API,
 * from the stats barrel only).
 */
export {
  welchTTest,
  pairedTTest,
  welchTTestFromSummary,
  summarizeNumeric,
  quantile,
  mean,
  sd,
  chiSquareTest,
  fisherExactTest,
  binomialConfInt,
  cochranQTest,
  kruskalWallisTest,
  wilcoxonRankSumTest,
  wilcoxonSignedRankTest,
  shapiroWilkTest,
  binomialTest,
  logisticRegression,
  poolRubin,
  oneSampleTTest,
  twoProportionTest,
  poissonConfInt,
  pAdjust,
  standardizedMeanDifference,
} from "../../stats/index.js";
export type { TestResult, LogisticRegressionResult, RocCurveResult, PoolRubinResult, PAdjustMethod, BinomialConfIntMethod } from "../../stats/index.js";
