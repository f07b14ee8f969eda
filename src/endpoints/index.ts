/**
 * `ibd-outcomes/endpoints`: definition profiles (mao2025, uAchieve, uExcel, stride2, classic and
 * variants), visit-level endpoint classifiers, patient timelines and lab trajectories.
 * @packageDocumentation
 */
export { ENDPOINT_IDS, TIMEPOINT_KEYS, MEASURE_KEYS, AMBIGUITY_IDS } from "./types.js";
export type {
  EndpointId,
  TimepointKey,
  MeasureKey,
  VisitMeasures,
  AmbiguityId,
  RuleDisease,
  EndpointStatus,
  ResultCode,
  Comparator,
  EndpointCheck,
  EndpointImputation,
  EndpointResult,
  SteroidExposure,
  ClassifierInput,
  DeepReadonly,
} from "./types.js";
export {
  DefinitionProfileSchema,
  RuleNodeSchema,
  DiseaseRulesSchema,
  TimepointSpecSchema,
  EndpointIdSchema,
  TimepointKeySchema,
  MeasureKeySchema,
  AmbiguityIdSchema,
  ComparatorSchema,
} from "./profiles/schema.js";
export type { RuleNode, DefinitionProfile, TimepointSpec, DiseaseRules, ProfileOverrides, Override } from "./profiles/schema.js";
export {
  mao2025,
  uAchieve,
  uExcel,
  uExcelPro2,
  stride2,
  classic,
  MAO2025_DEFAULT_READINGS,
  MAO2025_READINGS,
  PROFILES,
  deriveProfile,
  mao2025Variant,
  listMao2025Variants,
  getProfile,
} from "./profiles/index.js";
export type { Mao2025Reading, Mao2025Readings, DeriveProfileMeta } from "./profiles/index.js";
export {
  classifyEndpoint,
  classifyAssessment,
  describeRule,
  clinicalRemission,
  steroidFreeClinicalRemission,
  clinicalResponse,
  endoscopicRemission,
  endoscopicResponse,
  biochemicalRemission,
  crpNormalisation,
  fcNormalisation,
} from "./classifyEndpoint/index.js";
export type { AssessmentResult, ClassifyOptions } from "./classifyEndpoint/index.js";
export { measuresFromVisit } from "./measuresFromVisit/index.js";
export type { MeasuresFromVisitOptions } from "./measuresFromVisit/index.js";
export { patientTimeline, steroidExposure, timelineRows } from "./patientTimeline/index.js";
export type {
  PatientTimeline,
  PatientTimelineOptions,
  SteroidExposureOptions,
  TimepointOutcome,
  TimelineVisitRef,
  TimelineEvents,
  TimelineRow,
} from "./patientTimeline/index.js";
export { labTrajectory, TRAJECTORY_ANALYTES } from "./labTrajectory/index.js";
export type { LabTrajectoryRow, LabTrajectoryOptions, TrajectoryAnalyte } from "./labTrajectory/index.js";
export { drugPersistence, timeToFirstMet } from "./persistence/index.js";
export type {
  DrugPersistenceOptions,
  PersistenceEvent,
  PersistenceNotEvaluable,
  PersistenceResult,
  PersistenceTime,
  ScheduledAssessment,
  TimeDerivation,
  TimeToFirstMet,
} from "./persistence/index.js";
