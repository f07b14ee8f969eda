/**
 * `ibd-outcomes/scores`: clinical scores of IBD as pure functions. Each score validates its input
 * (throwing RangeError/TypeError naming the item), has a non-throwing `safe*` form returning a
 * ParseResult, and the hot-path scores have an `*Unchecked` form for input already validated.
 * @packageDocumentation
 */
export type { ScoreResult } from "./types.js";
export { mayoFull, mayoFullUnchecked, safeMayoFull } from "./mayoFull/index.js";
export type { MayoFullOptions, MayoFullComponents, MayoFullBand, MayoFullResult } from "./mayoFull/index.js";
export { mayoPartial, mayoPartialUnchecked, safeMayoPartial } from "./mayoPartial/index.js";
export type { MayoPartialOptions, MayoPartialComponents, MayoPartialBand, MayoPartialResult } from "./mayoPartial/index.js";
export { mayoPartialResponse, safeMayoPartialResponse } from "./mayoPartialResponse/index.js";
export type { MayoPartialResponseResult } from "./mayoPartialResponse/index.js";
export { mayoAdapted, mayoAdaptedUnchecked, safeMayoAdapted } from "./mayoAdapted/index.js";
export type { MayoAdaptedOptions, MayoAdaptedComponents, MayoAdaptedBand, MayoAdaptedResult } from "./mayoAdapted/index.js";
export { mayoEndoscopicSubscore, safeMayoEndoscopicSubscore } from "./mayoEndoscopicSubscore/index.js";
export type {
  MayoEndoscopicSubscoreOptions,
  MayoEndoscopicSubscoreComponents,
  MayoEndoscopicSubscoreResult,
} from "./mayoEndoscopicSubscore/index.js";
export type { EndoscopicScoring } from "./_lib/mayo.js";
export { stoolFrequencySubscore, safeStoolFrequencySubscore } from "./stoolFrequencySubscore/index.js";
export { harveyBradshawIndex, harveyBradshawIndexUnchecked, safeHarveyBradshawIndex } from "./harveyBradshawIndex/index.js";
export type {
  HarveyBradshawIndexComponents,
  HarveyBradshawIndexBand,
  HarveyBradshawIndexResult,
} from "./harveyBradshawIndex/index.js";
export { sesCd, sesCdUnchecked, safeSesCd } from "./sesCd/index.js";
export type { SesCdOptions, SesCdVariables, SesCdBand, SesCdResult } from "./sesCd/index.js";
export { rutgeertsScore, safeRutgeertsScore } from "./rutgeertsScore/index.js";
export type {
  RutgeertsScoreOptions,
  RutgeertsScoreComponents,
  RutgeertsScoreBand,
  RutgeertsScoreResult,
  RutgeertsScheme,
  RutgeertsLesionCountSplit,
  RutgeertsLesionFindings,
} from "./rutgeertsScore/index.js";
export { isPostoperativeRecurrence, safeIsPostoperativeRecurrence } from "./isPostoperativeRecurrence/index.js";
export { cdai, cdaiUnchecked, safeCdai } from "./cdai/index.js";
export type { CdaiOptions, CdaiComponents, CdaiBand, CdaiResult } from "./cdai/index.js";
export { uceis, uceisUnchecked, safeUceis } from "./uceis/index.js";
export type { UceisComponents, UceisBand, UceisResult } from "./uceis/index.js";
export { montrealAge, safeMontrealAge } from "./montrealAge/index.js";
export type { MontrealAgeClass } from "./montrealAge/index.js";
export { montrealAgeFromDates, safeMontrealAgeFromDates } from "./montrealAgeFromDates/index.js";
export { montrealClassification, safeMontrealClassification } from "./montrealClassification/index.js";
export { montrealUcSeverity, safeMontrealUcSeverity } from "./montrealUcSeverity/index.js";
export type {
  MontrealUcSeverityClass,
  MontrealUcSeverityCriteria,
  MontrealUcSeverityOptions,
  MontrealUcSeverityResult,
} from "./montrealUcSeverity/index.js";
export type {
  MontrealClassificationOptions,
  MontrealCdResult,
  MontrealUcResult,
  MontrealClassificationResult,
} from "./montrealClassification/index.js";
export { sccai, sccaiUnchecked, safeSccai } from "./sccai/index.js";
export type { SccaiOptions, SccaiComponents, SccaiBand, SccaiResult } from "./sccai/index.js";
export { lichtiger, lichtigerUnchecked, safeLichtiger } from "./lichtiger/index.js";
export type { LichtigerComponents, LichtigerResult } from "./lichtiger/index.js";
export { trueloveWitts, trueloveWittsUnchecked, safeTrueloveWitts } from "./trueloveWitts/index.js";
export type { TrueloveWittsOptions, TrueloveWittsComponents, TrueloveWittsBand, TrueloveWittsResult } from "./trueloveWitts/index.js";
export { travisIndex, travisIndexUnchecked, safeTravisIndex } from "./travisIndex/index.js";
export type { TravisIndexOptions, TravisIndexComponents, TravisIndexBand, TravisIndexResult } from "./travisIndex/index.js";
export { hoScore, hoScoreUnchecked, safeHoScore } from "./hoScore/index.js";
export type { HoScoreComponents, HoScoreBand, HoScoreResult } from "./hoScore/index.js";
export { pucai, pucaiUnchecked, safePucai } from "./pucai/index.js";
export type { PucaiComponents, PucaiBand, PucaiResult } from "./pucai/index.js";
export {
  modifiedMayoEndoscopicScore,
  modifiedMayoEndoscopicScoreUnchecked,
  safeModifiedMayoEndoscopicScore,
} from "./modifiedMayoEndoscopicScore/index.js";
export type {
  ModifiedMayoEndoscopicScoreComponents,
  ModifiedMayoEndoscopicScoreResult,
} from "./modifiedMayoEndoscopicScore/index.js";
export { cdeis, cdeisUnchecked, safeCdeis } from "./cdeis/index.js";
export type { CdeisComponents, CdeisResult } from "./cdeis/index.js";
export { pcdai, pcdaiUnchecked, safePcdai } from "./pcdai/index.js";
export type { PcdaiOptions, PcdaiComponents, PcdaiBand, PcdaiResult } from "./pcdai/index.js";
export { weightedPcdai, weightedPcdaiUnchecked, safeWeightedPcdai } from "./weightedPcdai/index.js";
export type { WeightedPcdaiComponents, WeightedPcdaiBand, WeightedPcdaiResult } from "./weightedPcdai/index.js";
export { pdai, pdaiUnchecked, safePdai } from "./pdai/index.js";
export type { PdaiOptions, PdaiComponents, PdaiBand, PdaiResult } from "./pdai/index.js";
export { parisClassification, safeParisClassification } from "./parisClassification/index.js";
export type { ParisAgeClass, ParisCdResult, ParisUcResult, ParisClassificationResult } from "./parisClassification/index.js";
export { pro2Cd, pro2CdUnchecked, safePro2Cd } from "./pro2Cd/index.js";
export type { Pro2CdOptions, Pro2CdComponents, Pro2CdBand, Pro2CdResult } from "./pro2Cd/index.js";
export { pro2Uc, pro2UcUnchecked, safePro2Uc } from "./pro2Uc/index.js";
export type { Pro2UcOptions, Pro2UcComponents, Pro2UcBand, Pro2UcResult } from "./pro2Uc/index.js";
export { maria, mariaUnchecked, safeMaria } from "./maria/index.js";
export type { MariaComponents, MariaBand, MariaResult } from "./maria/index.js";
export { simplifiedMaria, simplifiedMariaUnchecked, safeSimplifiedMaria } from "./simplifiedMaria/index.js";
export type { SimplifiedMariaComponents, SimplifiedMariaBand, SimplifiedMariaResult } from "./simplifiedMaria/index.js";
export { ibusSas, ibusSasUnchecked, safeIbusSas } from "./ibusSas/index.js";
export type { IbusSasComponents, IbusSasResult } from "./ibusSas/index.js";
export { nancyIndex, nancyIndexUnchecked, safeNancyIndex } from "./nancyIndex/index.js";
export type { NancyIndexOptions, NancyIndexComponents, NancyIndexBand, NancyIndexResult } from "./nancyIndex/index.js";
export {
  robartsHistopathologyIndex,
  robartsHistopathologyIndexUnchecked,
  safeRobartsHistopathologyIndex,
} from "./robartsHistopathologyIndex/index.js";
export type {
  RobartsHistopathologyIndexOptions,
  RobartsHistopathologyIndexComponents,
  RobartsHistopathologyIndexBand,
  RobartsHistopathologyIndexResult,
} from "./robartsHistopathologyIndex/index.js";
export { geboesScore, geboesScoreUnchecked, safeGeboesScore } from "./geboesScore/index.js";
export type { GeboesScoreComponents, GeboesGrade, GeboesScoreResult } from "./geboesScore/index.js";
export { ibdq32, ibdq32Unchecked, safeIbdq32 } from "./ibdq32/index.js";
export type { Ibdq32Options, Ibdq32Components, Ibdq32Band, Ibdq32Result } from "./ibdq32/index.js";
export { sibdq, sibdqUnchecked, safeSibdq } from "./sibdq/index.js";
export type { SibdqOptions, SibdqComponents, SibdqBand, SibdqResult } from "./sibdq/index.js";
export { SCORE_CODES, IBD_CODES } from "./scoreCodes/index.js";
export type { ClinicalCoding } from "./scoreCodes/index.js";
// Input schemas and types, re-exported from models for convenience.
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
} from "../models/scoreInputs.js";
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
} from "../models/scoreInputs.js";
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
} from "../models/instrumentInputs.js";
export { Pro2CdSchema } from "../models/scoreInputs.js";
export type { Pro2Cd } from "../models/scoreInputs.js";
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
} from "../models/instrumentInputs.js";
export { MontrealSchema, MontrealCdSchema, MontrealUcSchema } from "../models/patient.js";
export type { Montreal, MontrealCd, MontrealUc } from "../models/patient.js";
