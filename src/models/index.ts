/**
 * `ibd-outcomes/models`: zod schemas and inferred types for patients, treatment courses, visits, lab
 * panels and adverse events, with non-throwing parsers and cohort cross-checks.
 * @packageDocumentation
 */
export { IsoDateSchema, IdSchema, SexSchema, DiagnosisSchema } from "./common.js";
export type { IsoDate, Id, Sex, Diagnosis, ValidationIssue, ParseResult } from "./common.js";
export {
  MayoItemsSchema,
  HbiComplicationSchema,
  HbiItemsSchema,
  SesCdSegmentNameSchema,
  SesCdSegmentSchema,
  SesCdInputSchema,
  RutgeertsGradeSchema,
  CdaiComplicationSchema,
  CdaiItemsSchema,
  UceisItemsSchema,
  Pro2CdSchema,
} from "./scoreInputs.js";
export type {
  MayoItems,
  HbiComplication,
  HbiItems,
  SesCdSegmentName,
  SesCdSegment,
  SesCdInput,
  RutgeertsGrade,
  CdaiComplication,
  CdaiItems,
  UceisItems,
  Pro2Cd,
} from "./scoreInputs.js";
export {
  MechanismClassSchema,
  DRUG_MECHANISMS,
  mechanismOf,
  drugKindOf,
  StopReasonSchema,
  ConventionalAgentSchema,
} from "./therapies.js";
export type { MechanismClass, StopReason, ConventionalAgent } from "./therapies.js";
export {
  MontrealCdSchema,
  MontrealUcSchema,
  MontrealSchema,
  PriorTherapySchema,
  PriorConventionalTherapySchema,
  SurgeryTypeSchema,
  SurgerySchema,
  DttConditionsSchema,
  EimSiteSchema,
  PatientSchema,
} from "./patient.js";
export type {
  MontrealCd,
  MontrealUc,
  Montreal,
  PriorTherapy,
  PriorConventionalTherapy,
  SurgeryType,
  Surgery,
  DttConditions,
  EimSite,
  Patient,
} from "./patient.js";
export {
  DosePeriodSchema,
  ConcomitantClassSchema,
  ConcomitantMedicationSchema,
  DiscontinuationReasonSchema,
  TreatmentCourseSchema,
} from "./treatmentCourse.js";
export type {
  DosePeriod,
  ConcomitantClass,
  ConcomitantMedication,
  DiscontinuationReason,
  TreatmentCourse,
  TreatmentCourseInput,
} from "./treatmentCourse.js";
export {
  LAB_UNITS,
  ANALYTES,
  LabPanelSchema,
  convertLab,
  labPanelToCanonical,
  PAPER_REFERENCE_RANGES,
  flagLab,
} from "./labPanel.js";
export type { Analyte, LabUnit, LabPanel, CanonicalLabs, RangeBound, ReferenceRange, LabFlag } from "./labPanel.js";
export { VisitSchema } from "./visit.js";
export type { Visit } from "./visit.js";
export { AeCategorySchema, SeriousnessCriteriaSchema, AdverseEventSchema, isSerious, seriousnessOf } from "./adverseEvent.js";
export type { AeCategory, SeriousnessCriteria, AdverseEvent, SeriousnessRule, IsSeriousOptions, SeriousnessResult } from "./adverseEvent.js";
export { parsePatient, parseTreatmentCourse, parseVisit, parseLabPanel, parseAdverseEvent, parseCohort } from "./parse.js";
export type { Cohort, CohortCollection, CohortProblem, CohortParseResult } from "./parse.js";
export {
  SccaiExtracolonicSchema,
  SccaiItemsSchema,
  LichtigerItemsSchema,
  TrueloveWittsItemsSchema,
  TravisItemsSchema,
  HoItemsSchema,
  PucaiItemsSchema,
  ModifiedMayoEndoscopicInputSchema,
  CdeisSegmentSchema,
  CdeisInputSchema,
  PcdaiItemsSchema,
  WeightedPcdaiItemsSchema,
  PdaiItemsSchema,
  ParisCdSchema,
  ParisUcSchema,
  ParisSchema,
  Pro2UcSchema,
  MariaSegmentSchema,
  SimplifiedMariaSegmentSchema,
  IbusSasItemsSchema,
  NancyItemsSchema,
  RhiItemsSchema,
  GeboesItemsSchema,
  Ibdq32ResponsesSchema,
  SibdqResponsesSchema,
} from "./instrumentInputs.js";
export type {
  SccaiExtracolonic,
  SccaiItems,
  LichtigerItems,
  TrueloveWittsItems,
  TravisItems,
  HoItems,
  PucaiItems,
  ModifiedMayoEndoscopicInput,
  CdeisSegment,
  CdeisInput,
  PcdaiItems,
  WeightedPcdaiItems,
  PdaiItems,
  ParisCd,
  ParisUc,
  Paris,
  Pro2Uc,
  MariaSegment,
  SimplifiedMariaSegment,
  IbusSasItems,
  NancyItems,
  RhiItems,
  GeboesItems,
  Ibdq32Responses,
  SibdqResponses,
} from "./instrumentInputs.js";
