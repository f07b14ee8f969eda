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
