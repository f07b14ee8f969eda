/**
 * `ibd-outcomes/fhir`: HL7 FHIR R4 output of the library's scores: each computed score as an
 * Observation with its components, the project's CodeSystem of scores, and one Questionnaire per
 * score whose SDC `calculatedExpression` (FHIRPath) computes the total; a cohort as a Bundle
 * (`bundleFromCohort`) and a Bundle as a validated cohort (`cohortFromBundle`), which round-trip.
 * Types from `@types/fhir` (R4); no runtime FHIR dependency.
 * @packageDocumentation
 */
export {
  SCORE_SYSTEM,
  SCORE_PART_SYSTEM,
  scoreCodings,
  scoreCodeSystem,
  RECORD_ID_SYSTEM,
  VISIT_ITEM_SYSTEM,
  PATIENT_FINDING_SYSTEM,
  MEDICATION_ROLE_SYSTEM,
  THERAPY_CLASS_SYSTEM,
  STOP_REASON_SYSTEM,
  RECORD_LIST_SYSTEM,
  EIM_SYSTEM,
  EXTENSION_PREFIX,
} from "./codes/index.js";
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
export { bundleFromCohort, WRITE_LOINC } from "./bundleFromCohort/index.js";
export type { BundleFromCohortOptions } from "./bundleFromCohort/index.js";
