/**
 * `ibd-outcomes/stats`.
 * @packageDocumentation
 */
export {};
export { elasticNet } from "./elasticNet/index.js";
export type { ElasticNetFamily, ElasticNetOptions, ElasticNetResult } from "./elasticNet/index.js";
export { cvElasticNet, elasticNetCoefficients } from "./cvElasticNet/index.js";
export type { CvElasticNetOptions, CvElasticNetResult, ElasticNetCoefficients } from "./cvElasticNet/index.js";
export { borutaSelection } from "./borutaSelection/index.js";
export type { BorutaDecision, BorutaSelectionOptions, BorutaSelectionResult } from "./borutaSelection/index.js";
// --- Statistics I (tests and descriptive) ---
export type { Alternative, TestResult } from "./types.js";
export { mean, variance, sd, median, quantile, iqr, summarizeNumeric } from "./descriptive/index.js";
export type { NumericSummary } from "./descriptive/index.js";
export { welchTTest, studentTTest, pairedTTest, welchTTestFromSummary } from "./tTest/index.js";
export type { TTestOptions, GroupSummary } from "./tTest/index.js";
export { chiSquareTest } from "./chiSquareTest/index.js";
export type { ChiSquareTestOptions, ChiSquareTestResult } from "./chiSquareTest/index.js";
export { mcnemarTest } from "./mcnemarTest/index.js";
export type { McNemarTestOptions } from "./mcnemarTest/index.js";
export { binomialTest } from "./binomialTest/index.js";
export type { BinomialTestOptions } from "./binomialTest/index.js";
export { binomialConfInt } from "./binomialConfInt/index.js";
export type { BinomialConfIntMethod, BinomialConfIntOptions } from "./binomialConfInt/index.js";
export { pAdjust } from "./pAdjust/index.js";
export type { PAdjustMethod } from "./pAdjust/index.js";
export { kruskalWallisTest } from "./kruskalWallisTest/index.js";
export { friedmanTest } from "./friedmanTest/index.js";
export { cochranQTest } from "./cochranQTest/index.js";
export { wilcoxonRankSumTest } from "./wilcoxonRankSumTest/index.js";
export type { WilcoxonOptions } from "./wilcoxonRankSumTest/index.js";
export { wilcoxonSignedRankTest } from "./wilcoxonSignedRankTest/index.js";
export { shapiroWilkTest } from "./shapiroWilkTest/index.js";
export { fisherExactTest } from "./fisherExactTest/index.js";
export type { FisherExactTestOptions } from "./fisherExactTest/index.js";
// --- end Statistics I ---
// --- Statistics II (models: logistic regression, ROC) ---
export { logisticRegression } from "./logisticRegression/index.js";
export type { ConfIntMethod, LogisticCoefficient, LogisticRegressionOptions, LogisticRegressionResult } from "./logisticRegression/index.js";
export { rocCurve } from "./rocCurve/index.js";
export type { RocCurveOptions, RocCurveResult, RocDirection, RocPoint } from "./rocCurve/index.js";
export { predictorPipeline } from "./predictorPipeline/index.js";
export type { PipelineElasticNetStep, PredictorPipelineBorutaOptions, PredictorPipelineOptions, PredictorPipelineResult } from "./predictorPipeline/index.js";
// --- end Statistics II ---
// --- Balance (standardised mean difference) ---
export { standardizedMeanDifference } from "./standardizedMeanDifference/index.js";
export type {
  SmdType,
  SmdLevel,
  StandardizedMeanDifferenceOptions,
  StandardizedMeanDifferenceResult,
  ContinuousSmdResult,
  BinarySmdResult,
  CategoricalSmdResult,
} from "./standardizedMeanDifference/index.js";
export { oneSampleTTest } from "./tTest/index.js";
export { twoProportionTest } from "./twoProportionTest/index.js";
export type { TwoProportionTestOptions } from "./twoProportionTest/index.js";
export { poissonConfInt } from "./poissonConfInt/index.js";
export type { PoissonConfIntOptions } from "./poissonConfInt/index.js";
export { poolRubin } from "./poolRubin/index.js";
export type { PoolRubinOptions, PoolRubinResult } from "./poolRubin/index.js";
// --- Time to event ---
export { kaplanMeier } from "./kaplanMeier/index.js";
export type { ConfType, KaplanMeierAtTime, KaplanMeierOptions, KaplanMeierResult, RestrictedMean } from "./kaplanMeier/index.js";
export { logRankTest } from "./logRankTest/index.js";
export type { LogRankTestOptions, LogRankTestResult } from "./logRankTest/index.js";
export { coxRegression } from "./coxRegression/index.js";
export type { CoxCoefficient, CoxModelTest, CoxRegressionOptions, CoxRegressionResult } from "./coxRegression/index.js";
export { proportionalHazardsTest } from "./proportionalHazardsTest/index.js";
export type { ProportionalHazardsTestOptions, ProportionalHazardsTestResult, ZphTest, ZphTransform } from "./proportionalHazardsTest/index.js";
export { cumulativeIncidence } from "./cumulativeIncidence/index.js";
export type { CumulativeIncidenceAtTime, CumulativeIncidenceCurve, CumulativeIncidenceOptions, CumulativeIncidenceResult, CumulativeIncidenceTest } from "./cumulativeIncidence/index.js";
// --- end Time to event ---
// --- Comparative effectiveness (propensity scores, matching, weighting, balance) ---
export { propensityScore } from "./propensityScore/index.js";
export type { PropensityOverlap, PropensityScoreOptions, PropensityScoreResult, ScoreRange } from "./propensityScore/index.js";
export { matchNearest } from "./matchNearest/index.js";
export type { ExactCovariate, MatchedSet, MatchNearestOptions, MatchNearestResult, MatchOrder } from "./matchNearest/index.js";
export { iptwWeights, effectiveSampleSize } from "./iptwWeights/index.js";
export type { EffectiveSampleSize, WeightingEstimand, IptwWeightsOptions, IptwWeightsResult, WeightTruncation } from "./iptwWeights/index.js";
export { covariateBalance } from "./covariateBalance/index.js";
export type { BalanceRow, BalanceStats, CovariateBalanceOptions, CovariateBalanceResult, CovariateColumns } from "./covariateBalance/index.js";
export { weightedRiskComparison } from "./weightedRiskComparison/index.js";
export type { GroupRisk, RiskContrast, WeightedRiskComparisonOptions, WeightedRiskComparisonResult } from "./weightedRiskComparison/index.js";
export { matchedPairsMcNemar } from "./matchedPairsMcNemar/index.js";
export type { MatchedPairsMcNemarOptions, MatchedPairsMcNemarResult } from "./matchedPairsMcNemar/index.js";
// --- end Comparative effectiveness ---
export { propensityPipeline } from "./propensityPipeline/index.js";
export type { PropensityPipelineOptions, PropensityPipelineResult } from "./propensityPipeline/index.js";
// --- Time to event ---
// --- end Time to event ---
