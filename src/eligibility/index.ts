/**
 * `ibd-outcomes/eligibility`: IOIBD difficult-to-treat assessment, the paper's study eligibility, and the
 * patient flow (Figure 4) as data and text.
 * @packageDocumentation
 */
export {
  assessDifficultToTreat,
  AssessDifficultToTreatOptionsSchema,
  ADVANCED_MECHANISMS,
  INTESTINAL_RESECTION_TYPES,
  FAILURE_REASONS,
} from "./assessDifficultToTreat/index.js";
export type {
  AssessDifficultToTreatOptions,
  AdvancedMechanism,
  CountedMechanism,
  FailureReason,
  DttStatus,
  DttCriterionId,
  TherapyNote,
  TherapyEvidence,
  MechanismEvidence,
  AdvancedTherapyFailureCriterion,
  SurgeryEvidence,
  PostoperativeRecurrenceCriterion,
  SuppliedCriterion,
  DifficultToTreatResult,
} from "./assessDifficultToTreat/index.js";
export {
  assessStudyEligibility,
  AssessStudyEligibilityOptionsSchema,
  ELIGIBILITY_REASON_CODES,
} from "./assessStudyEligibility/index.js";
export type {
  AssessStudyEligibilityOptions,
  EligibilityReasonCode,
  EligibilityRuleStatus,
  EligibilityRuleResult,
  BaselineLabValue,
  StudyEligibilityResult,
} from "./assessStudyEligibility/index.js";
export {
  patientFlow,
  MAO2025_FLOW_STEPS,
  MAO2025_REPORTED_FLOW,
  UNDETERMINED_STEP_CODE,
  ReportedFlowSchema,
  FlowEntrySchema,
} from "./patientFlow/index.js";
export type {
  FlowStepDefinition,
  ReportedFlow,
  FlowEntry,
  PatientFlowOptions,
  DiagnosisCounts,
  PatientFlowStep,
  PatientFlowEntry,
  FlowDifference,
  FlowComparison,
  PatientFlow,
} from "./patientFlow/index.js";
export { formatPatientFlow } from "./formatPatientFlow/index.js";
export type { FormatPatientFlowOptions } from "./formatPatientFlow/index.js";
export { assessCohortEligibility } from "./assessCohortEligibility/index.js";
export type {
  ScreenedCohort,
  AssessCohortEligibilityOptions,
  NotAssessedPatient,
  CohortEligibilityResult,
} from "./assessCohortEligibility/index.js";
