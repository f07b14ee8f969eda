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
// @@MORE_SCORES@@
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
} from "../models/instrumentInputs.js";
export type {
  SccaiExtracolonic,
  SccaiItems,
  LichtigerItems,
  TrueloveWittsItems,
  TravisItems,
  HoItems,
  PucaiItems,
  ModifiedMayoEndoscopicInput,
} from "../models/instrumentInputs.js";
export { MontrealSchema, MontrealCdSchema, MontrealUcSchema } from "../models/patient.js";
export type { Montreal, MontrealCd, MontrealUc } from "../models/patient.js";
