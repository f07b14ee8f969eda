/**
 * `ibd-outcomes/fhir`: HL7 FHIR R4 output of the library's scores: each computed score as an
 * Observation with its components, the project's CodeSystem of scores, and one Questionnaire per
 * score whose SDC `calculatedExpression` (FHIRPath) computes the total. Types from `@types/fhir`
 * (R4); no runtime FHIR dependency.
 * @packageDocumentation
 */
export { SCORE_SYSTEM, SCORE_PART_SYSTEM, scoreCodings, scoreCodeSystem } from "./codes/index.js";
export type { FhirScoreName } from "./codes/index.js";
export { scoreObservation } from "./scoreObservation/index.js";
export type { ScoreObservationContext } from "./scoreObservation/index.js";
export { scoreQuestionnaire } from "./scoreQuestionnaire/index.js";
export type { QuestionnaireScoreName } from "./scoreQuestionnaire/index.js";
export { endpointObservation } from "./endpointObservation/index.js";
export type { EndpointObservationContext } from "./endpointObservation/index.js";
export { difficultToTreatObservation } from "./difficultToTreatObservation/index.js";
export {
  cohortFromBundle,
  DIAGNOSIS_SYSTEM,
  MONTREAL_SYSTEM,
  SURGERY_SYSTEM,
  AE_CATEGORY_SYSTEM,
  LED_TO_DISCONTINUATION_URL,
} from "./cohortFromBundle/index.js";
export type { CohortFromBundleOptions, CohortFromBundleResult, UnmappedResource, ScoreResponse } from "./cohortFromBundle/index.js";
