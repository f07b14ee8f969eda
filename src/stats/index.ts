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
// --- end Statistics I ---
// --- Statistics II (models: logistic regression, ROC) ---
export { logisticRegression } from "./logisticRegression/index.js";
export type { ConfIntMethod, LogisticCoefficient, LogisticRegressionOptions, LogisticRegressionResult } from "./logisticRegression/index.js";
// --- end Statistics II ---
