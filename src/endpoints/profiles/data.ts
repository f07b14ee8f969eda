/**
 * The shipped definition profiles as data ([definitions §2-§3](https://github.com/ibd-outcomes/ibd-outcomes/blob/main/docs/definitions.md)). Every rule node is a plain
 * literal so a reviewer can read thresholds and comparators directly; a node used in more than one place
 * is a named constant below.
 */
import { BASELINE_WINDOW_DAYS } from "../../_lib/periods.js";
import { deepFreeze } from "../_lib/freeze.js";
import { DiscontinuationReasonSchema } from "../../models/treatmentCourse.js";
import { ENDPOINT_IDS, type AmbiguityId, type EndpointId } from "../types.js";
import type { DefinitionProfile, DiseaseRules, ProfileOverrides, RuleNode, TimepointSpec } from "./schema.js";

// ---------------------------------------------------------------- shared rule nodes
const STEROID_FREE: RuleNode = { kind: "steroidFree" };

const RB_EQ_0: RuleNode = { kind: "value", measure: "mayoRectalBleeding", op: "==", threshold: 0 };
const SF_LE_1: RuleNode = { kind: "value", measure: "mayoStoolFrequency", op: "<=", threshold: 1 };
const AMS_PCT_DROP_GE_30: RuleNode = { kind: "percentDrop", measure: "mayoAdapted", op: ">=", threshold: 30 };
const SESCD_DROP_GE_2: RuleNode = { kind: "drop", measure: "sesCd", op: ">=", threshold: 2 };
const PRO2_AP_LE_1: RuleNode = { kind: "value", measure: "pro2AbdominalPain", op: "<=", threshold: 1 };
/** UC: aMS ≤2 AND SF, RB, ES each ≤1 [P Methods]. */
const UC_AMS_REMISSION: RuleNode = {
  kind: "all",
  of: [
    { kind: "value", measure: "mayoAdapted", op: "<=", threshold: 2 },
    { kind: "value", measure: "mayoAdaptedMaxSubscore", op: "<=", threshold: 1 },
  ],
};
/** "RB drop ≥1 OR RB ≤1" [S1, S3]. */
const RB_CLAUSE: RuleNode = {
  kind: "any",
  missing: "unknown",
  of: [
    { kind: "drop", measure: "mayoRectalBleeding", op: ">=", threshold: 1 },
    { kind: "value", measure: "mayoRectalBleeding", op: "<=", threshold: 1 },
  ],
};
/** A1 default: aMS drop ≥3 AND ≥30% AND RB clause. */
const UC_AMS_RESPONSE_3: RuleNode = {
  kind: "all",
  of: [
    { kind: "drop", measure: "mayoAdapted", op: ">=", threshold: 3 },
    AMS_PCT_DROP_GE_30,
    RB_CLAUSE,
  ],
};
const MES_LE_1: RuleNode = { kind: "value", measure: "mayoEndoscopic", op: "<=", threshold: 1 };
const MES_DROP_GE_1: RuleNode = { kind: "drop", measure: "mayoEndoscopic", op: ">=", threshold: 1 };
const MES_FDA_LE_1: RuleNode = { kind: "value", measure: "mayoEndoscopicFdaModified", op: "<=", threshold: 1 };
const MES_0: RuleNode = { kind: "value", measure: "mayoEndoscopic", op: "==", threshold: 0 };
/** A2 default: MES drop >50%. */
const MES_DROP_GT_50: RuleNode = { kind: "percentDrop", measure: "mayoEndoscopic", op: ">", threshold: 50 };
const HBI_DROP_GE_3: RuleNode = { kind: "drop", measure: "hbi", op: ">=", threshold: 3 };
const HBI_LE_4: RuleNode = { kind: "value", measure: "hbi", op: "<=", threshold: 4 };
/** A4 default: HBI drop ≥3 OR ≥50%. */
const HBI_RESPONSE_3_OR_50: RuleNode = {
  kind: "any",
  missing: "unknown",
  of: [
    HBI_DROP_GE_3,
    { kind: "percentDrop", measure: "hbi", op: ">=", threshold: 50 },
  ],
};
/** A6 default: SES-CD ≤3 OR Rutgeerts ≤ i1, either instrument suffices. */
const CD_ENDO_REMISSION_MAO: RuleNode = {
  kind: "any",
  missing: "skip",
  of: [
    { kind: "value", measure: "sesCd", op: "<=", threshold: 3 },
    { kind: "value", measure: "rutgeerts", op: "<=", threshold: 1 },
  ],
};
const SESCD_DROP_GE_50: RuleNode = { kind: "percentDrop", measure: "sesCd", op: ">=", threshold: 50 };
const SESCD_DROP_GT_50: RuleNode = { kind: "percentDrop", measure: "sesCd", op: ">", threshold: 50 };
/** U-EXCEL endoscopic response: SES-CD drop >50%, or ≥2 points if baseline = 4 [S16]. */
const SESCD_RESPONSE_UEXCEL: RuleNode = {
  kind: "any",
  missing: "unknown",
  of: [
    SESCD_DROP_GT_50,
    {
      kind: "all",
      of: [
        { kind: "baseline", measure: "sesCd", op: "==", threshold: 4 },
        SESCD_DROP_GE_2,
      ],
    },
  ],
};
/** U-EXCEL endoscopic remission: SES-CD ≤4 AND drop ≥2 AND no subscore >1 [S16c]. */
const SESCD_REMISSION_UEXCEL: RuleNode = {
  kind: "all",
  of: [
    { kind: "value", measure: "sesCd", op: "<=", threshold: 4 },
    SESCD_DROP_GE_2,
    { kind: "value", measure: "sesCdMaxSubscore", op: "<=", threshold: 1 },
  ],
};
/** STRIDE-II endoscopic healing: SES-CD ≤2 and no ulcers (aphthous included) [S17]. */
const SESCD_HEALING_STRIDE2: RuleNode = {
  kind: "all",
  of: [
    { kind: "value", measure: "sesCd", op: "<=", threshold: 2 },
    { kind: "value", measure: "sesCdUlcers", op: "==", threshold: 0 },
  ],
};
const CRP_LT_8: RuleNode = { kind: "value", measure: "crpMgPerL", op: "<", threshold: 8 };
const FC_LT_150: RuleNode = { kind: "value", measure: "fcUgPerG", op: "<", threshold: 150 };
const FC_LT_250: RuleNode = { kind: "value", measure: "fcUgPerG", op: "<", threshold: 250 };
const CRP_LE_8: RuleNode = { kind: "value", measure: "crpMgPerL", op: "<=", threshold: 8 };
const FC_LE_50: RuleNode = { kind: "value", measure: "fcUgPerG", op: "<=", threshold: 50 };
/** A7=composite: FC <150 µg/g OR CRP <8 mg/L. */
const FC_LT_150_OR_CRP_LT_8: RuleNode = { kind: "any", missing: "unknown", of: [FC_LT_150, CRP_LT_8] };


// ---------------------------------------------------------------- schedules
const LAB_ENDPOINTS: readonly EndpointId[] = ["crpNormalisation", "fcNormalisation", "biochemicalRemission"];
const ALL_ENDPOINTS: readonly EndpointId[] = ENDPOINT_IDS;
const CLINICAL_ENDOSCOPIC: readonly EndpointId[] = [
  "clinicalRemission",
  "steroidFreeClinicalRemission",
  "clinicalResponse",
  "endoscopicRemission",
  "endoscopicResponse",
];

/** Baseline: the package's one baseline window, the 30 days up to and including treatment start (as `assessStudyEligibility`). */
const W0: TimepointSpec = { key: "w0", week: 0, phase: "baseline", windowDays: { before: BASELINE_WINDOW_DAYS, after: 0 }, endpoints: LAB_ENDPOINTS };
const W8: TimepointSpec = { key: "w8", week: 8, phase: "induction", windowDays: { before: 14, after: 14 }, endpoints: ALL_ENDPOINTS };
const W12: TimepointSpec = { key: "w12", week: 12, phase: "induction", windowDays: { before: 14, after: 14 }, endpoints: ALL_ENDPOINTS };
const W26: TimepointSpec = { key: "w26", week: 26, phase: "maintenance", windowDays: { before: 28, after: 28 }, endpoints: ALL_ENDPOINTS };
const W52: TimepointSpec = { key: "w52", week: 52, phase: "maintenance", windowDays: { before: 28, after: 28 }, endpoints: ALL_ENDPOINTS };
const W78: TimepointSpec = { key: "w78", week: 78, phase: "maintenance", windowDays: { before: 42, after: 42 }, endpoints: LAB_ENDPOINTS };

const ALL_DISCONTINUATION_REASONS = DiscontinuationReasonSchema.options;
/**
 * Surgeries that are treatment failure (§2.1 "surgery = treatment failure"): every intestinal operation
 * the model records, for either disease: resections and colectomies, proctocolectomy with IPAA,
 * stricturoplasty and stoma formation. Not counted: `perianalSurgery` (drainage, seton: not intestinal)
 * and `other` (unspecified). A profile lists its own in `analysis.surgeryTypes`.
 */
const INTESTINAL_SURGERIES = [
  "ileocolonicResection",
  "smallBowelResection",
  "segmentalColectomy",
  "subtotalColectomy",
  "totalColectomy",
  "proctocolectomyIpaa",
  "stricturoplasty",
  "stoma",
] as const;

const NO_RULES: DiseaseRules = {
  clinicalRemission: null,
  steroidFreeClinicalRemission: null,
  clinicalResponse: null,
  endoscopicRemission: null,
  endoscopicResponse: null,
  biochemicalRemission: null,
  crpNormalisation: null,
  fcNormalisation: null,
};

const MAO_SOURCE =
  "Mao Y, et al. Efficacy and Safety of Upadacitinib for Refractory IBD: a multicenter real-world observational study. Drug Des Devel Ther 2025 (Methods; Outcomes; Statistical Analysis; Table 1).";
const DANESE = "Danese S, et al. Upadacitinib as induction and maintenance therapy for moderately to severely active ulcerative colitis (U-ACHIEVE, U-ACCOMPLISH). Lancet 2022;399:2113-28. doi:10.1016/S0140-6736(22)00581-5";
const LOFTUS = "Loftus EV Jr, et al. Upadacitinib induction and maintenance therapy for Crohn's disease (U-EXCEL, U-EXCEED, U-ENDURE). N Engl J Med 2023;388:1966-80. doi:10.1056/NEJMoa2212728";
const TURNER = "Turner D, et al. STRIDE-II: an update on the Selecting Therapeutic Targets in Inflammatory Bowel Disease initiative. Gastroenterology 2021;160:1570-83. doi:10.1053/j.gastro.2020.12.031";

/**
 * The default reading of each §2.3 ambiguity in `mao2025` ([definitions §2.3](https://github.com/ibd-outcomes/ibd-outcomes/blob/main/docs/definitions.md)).
 * @example
 * MAO2025_DEFAULT_READINGS.A3;
 * //=> "default"
 * @see Mao Y, et al. Drug Des Devel Ther 2025 (Methods).
 */
export const MAO2025_DEFAULT_READINGS = /* @__PURE__ */ Object.freeze({
  A1: "default",
  A2: "default",
  A3: "default",
  A4: "default",
  A5: "default",
  A6: "default",
  A7: "default",
  A8: "default",
  A9: "default",
  A10: "default",
} as const);

/**
 * `mao2025`: the paper's definitions as [definitions §2](https://github.com/ibd-outcomes/ibd-outcomes/blob/main/docs/definitions.md) resolves them (defaults of A1-A10).
 * @remarks
 * - UC (adapted Mayo = SF+RB+ES, standard ES): clinical remission aMS ≤2 AND SF, RB, ES each ≤1;
 *   steroid-free clinical remission = that AND steroid-free; response (A1) aMS drop ≥3 AND ≥30% AND
 *   (RB drop ≥1 OR RB ≤1); endoscopic remission MES = 0; endoscopic response (A2) MES drop >50%.
 * - CD: clinical remission HBI ≤4 (steroid-free variant adds A3); response (A4) HBI drop ≥3 OR ≥50%;
 *   endoscopic remission (A6) SES-CD ≤3 OR Rutgeerts ≤ i1 (Rutgeerts only after ileocolonic
 *   resection; either instrument suffices); endoscopic response (A5) SES-CD drop ≥50%.
 * - Biochemical (A7 per marker): CRP normalisation CRP <8 mg/L; FC normalisation FC <150 µg/g;
 *   `biochemicalRemission` is not defined under this reading (the paper reports each marker alone);
 *   variant A7=composite defines it as FC <150 OR CRP <8.
 * - A3: off systemic corticosteroids on the assessment date at induction (w8/w12); ≥90 days off at
 *   w26/w52 (and w78); never-users qualify (A10).
 * - Schedule (A8): weeks from upadacitinib start; UC w0, w8, w26, w52, w78; CD w0, w12, w26, w52, w78.
 *   Windows (library convention, the paper gives none): w0 42 days before to the start date; w8/w12
 *   ±14 days; w26/w52 ±28 days; w78 ±42 days. Clinical and endoscopic endpoints at w8/w12/w26/w52,
 *   biomarkers at every time point.
 * - Analysis (A9 non-responder for discontinuation and surgery): an intestinal resection or colectomy,
 *   or a discontinuation for any reason, is failure for the clinical and endoscopic endpoints from its
 *   date on; other missing data are not evaluable (complete case).
 * @example
 * mao2025.rules.CD.clinicalRemission;
 * //=> { kind: "value", measure: "hbi", op: "<=", threshold: 4 }
 * @see Mao Y, et al. Drug Des Devel Ther 2025 (Methods; Outcomes).
 */
export const mao2025: DefinitionProfile = /* @__PURE__ */ deepFreeze<DefinitionProfile>({
  id: "mao2025",
  version: "1.0.0",
  title: "Mao et al. 2025, upadacitinib in difficult-to-treat IBD (real-world), as resolved by the spec",
  description:
    "The paper's definitions with the default reading of every ambiguity A1-A10 (definitions §2.3, https://github.com/ibd-outcomes/ibd-outcomes/blob/main/docs/definitions.md). Variants: mao2025Variant(id, reading).",
  sources: [MAO_SOURCE],
  derivedFrom: null,
  readings: MAO2025_DEFAULT_READINGS,
  rules: {
    UC: {
      clinicalRemission: UC_AMS_REMISSION,
      steroidFreeClinicalRemission: { kind: "all", of: [UC_AMS_REMISSION, STEROID_FREE] },
      clinicalResponse: UC_AMS_RESPONSE_3,
      endoscopicRemission: MES_0,
      endoscopicResponse: MES_DROP_GT_50,
      biochemicalRemission: null,
      crpNormalisation: CRP_LT_8,
      fcNormalisation: FC_LT_150,
    },
    CD: {
      clinicalRemission: HBI_LE_4,
      steroidFreeClinicalRemission: { kind: "all", of: [HBI_LE_4, STEROID_FREE] },
      clinicalResponse: HBI_RESPONSE_3_OR_50,
      endoscopicRemission: CD_ENDO_REMISSION_MAO,
      endoscopicResponse: SESCD_DROP_GE_50,
      biochemicalRemission: null,
      crpNormalisation: CRP_LT_8,
      fcNormalisation: FC_LT_150,
    },
  },
  steroidFree: { minDaysOff: { w8: 1, w12: 1, w26: 90, w52: 90, w78: 90 }, steroidUsersOnly: false },
  schedule: { anchor: "treatmentStart", UC: [W0, W8, W26, W52, W78], CD: [W0, W12, W26, W52, W78] },
  analysis: {
    surgeryTypes: INTESTINAL_SURGERIES,
    discontinuationFailureReasons: ALL_DISCONTINUATION_REASONS,
    failureEndpoints: CLINICAL_ENDOSCOPIC,
    missingData: "notEvaluable",
    rutgeertsAfter: ["ileocolonicResection"],
  },
});

const UACHIEVE_REMISSION: RuleNode = {
  kind: "all",
  of: [
    SF_LE_1,
    { kind: "notWorse", measure: "mayoStoolFrequency" },
    RB_EQ_0,
    MES_FDA_LE_1,
  ],
};

/**
 * `uAchieve`: U-ACHIEVE (induction, week 8) and U-ACCOMPLISH / U-ACHIEVE maintenance (week 52), UC,
 * adapted (modified) Mayo with the FDA-modified endoscopic subscore.
 * @remarks Clinical remission: SF ≤1 and not above baseline SF, RB = 0, ES ≤1 without friability.
 * Response: aMS drop ≥2 AND ≥30% AND (RB drop ≥1 OR RB ≤1). Endoscopic remission ES = 0; endoscopic
 * response = endoscopic improvement, ES ≤1 without friability. Corticosteroid-free remission: remission
 * and no corticosteroid for ≥90 days before week 52 (off on the date at week 8). Biomarkers: not trial
 * endpoints (not defined). CD rules: none. Missing data: non-responder imputation, as in the trials.
 * Week 52 is maintenance week 52 (U-ACHIEVE maintenance re-randomised week-8 responders), counted from
 * maintenance start: 60 weeks after treatment start with an 8-week induction.
 * @example
 * uAchieve.rules.UC.endoscopicResponse;
 * //=> { kind: "value", measure: "mayoEndoscopicFdaModified", op: "<=", threshold: 1 }
 * @see Danese S, et al. Lancet 2022;399:2113-28. doi:10.1016/S0140-6736(22)00581-5
 */
export const uAchieve: DefinitionProfile = /* @__PURE__ */ deepFreeze<DefinitionProfile>({
  id: "uAchieve",
  version: "1.0.0",
  title: "U-ACHIEVE / U-ACCOMPLISH phase 3 definitions (UC)",
  description: "Phase 3 upadacitinib UC trial endpoints (definitions §3.1, https://github.com/ibd-outcomes/ibd-outcomes/blob/main/docs/definitions.md). Week 8 induction, week 52 maintenance.",
  sources: [DANESE],
  derivedFrom: null,
  readings: {},
  rules: {
    UC: {
      clinicalRemission: UACHIEVE_REMISSION,
      steroidFreeClinicalRemission: { kind: "all", of: [UACHIEVE_REMISSION, STEROID_FREE] },
      clinicalResponse: {
        kind: "all",
        of: [
          { kind: "drop", measure: "mayoAdaptedFdaModified", op: ">=", threshold: 2 },
          { kind: "percentDrop", measure: "mayoAdaptedFdaModified", op: ">=", threshold: 30 },
          RB_CLAUSE,
        ],
      },
      endoscopicRemission: MES_0,
      endoscopicResponse: MES_FDA_LE_1,
      biochemicalRemission: null,
      crpNormalisation: null,
      fcNormalisation: null,
    },
    CD: NO_RULES,
  },
  steroidFree: { minDaysOff: { w8: 1, w12: 1, w26: 1, w52: 90, w78: 90 }, steroidUsersOnly: false },
  schedule: {
    anchor: "maintenanceStart",
    UC: [W0, W8, W52],
    CD: [W0, W12, W52],
  },
  analysis: {
    surgeryTypes: INTESTINAL_SURGERIES,
    discontinuationFailureReasons: ALL_DISCONTINUATION_REASONS,
    failureEndpoints: CLINICAL_ENDOSCOPIC,
    missingData: "nonResponder",
    rutgeertsAfter: ["ileocolonicResection"],
  },
});

const CDAI_LT_150: RuleNode = { kind: "value", measure: "cdai", op: "<", threshold: 150 };
const PRO2_REMISSION_UEXCEL: RuleNode = {
  kind: "all",
  of: [
    { kind: "value", measure: "pro2StoolFrequency", op: "<=", threshold: 2.8 },
    PRO2_AP_LE_1,
    { kind: "notWorse", measure: "pro2StoolFrequency" },
    { kind: "notWorse", measure: "pro2AbdominalPain" },
  ],
};
const UEXCEL_BASE = {
  version: "1.0.0",
  sources: [LOFTUS],
  derivedFrom: null,
  readings: {},
  steroidFree: { minDaysOff: { w8: 1, w12: 1, w26: 1, w52: 90, w78: 90 }, steroidUsersOnly: false },
  schedule: { anchor: "maintenanceStart", UC: [W0, W8, W52], CD: [W0, W12, W52] },
  analysis: {
    surgeryTypes: INTESTINAL_SURGERIES,
    discontinuationFailureReasons: ALL_DISCONTINUATION_REASONS,
    failureEndpoints: CLINICAL_ENDOSCOPIC,
    missingData: "nonResponder",
    rutgeertsAfter: ["ileocolonicResection"],
  },
} as const;
const UEXCEL_CD_COMMON = {
  clinicalResponse: { kind: "drop", measure: "cdai", op: ">=", threshold: 100 },
  endoscopicRemission: SESCD_REMISSION_UEXCEL,
  endoscopicResponse: SESCD_RESPONSE_UEXCEL,
  biochemicalRemission: null,
  crpNormalisation: null,
  fcNormalisation: null,
} as const;

/**
 * `uExcel`: U-EXCEL, U-EXCEED (induction, week 12) and U-ENDURE (maintenance, week 52), CD, with CDAI
 * clinical remission (the US co-primary).
 * @remarks Clinical remission CDAI <150; response CR-100 (CDAI drop ≥100); endoscopic response SES-CD
 * drop >50% from baseline, or ≥2 points when baseline SES-CD = 4; endoscopic remission SES-CD ≤4 AND
 * drop ≥2 AND no subscore >1 (phase-2 wording; phase-3 text not retrieved verbatim). Steroid-free:
 * off on the date at week 12, ≥90 days at week 52. Biomarkers not defined; UC rules none. Missing data:
 * non-responder imputation. Week 52 is U-ENDURE maintenance week 52, counted from maintenance start
 * (64 weeks after treatment start with a 12-week induction). PRO-2 remission: profile `uExcelPro2`.
 * @example
 * uExcel.rules.CD.clinicalResponse;
 * //=> { kind: "drop", measure: "cdai", op: ">=", threshold: 100 }
 * @see Loftus EV Jr, et al. N Engl J Med 2023;388:1966-80. doi:10.1056/NEJMoa2212728
 */
export const uExcel: DefinitionProfile = /* @__PURE__ */ deepFreeze<DefinitionProfile>({
  ...UEXCEL_BASE,
  id: "uExcel",
  title: "U-EXCEL / U-EXCEED / U-ENDURE phase 3 definitions (CD), CDAI remission",
  description: "Phase 3 upadacitinib CD trial endpoints (definitions §3.2, https://github.com/ibd-outcomes/ibd-outcomes/blob/main/docs/definitions.md). Week 12 induction, week 52 maintenance.",
  rules: {
    UC: NO_RULES,
    CD: { ...UEXCEL_CD_COMMON, clinicalRemission: CDAI_LT_150, steroidFreeClinicalRemission: { kind: "all", of: [CDAI_LT_150, STEROID_FREE] } },
  },
});

/**
 * `uExcelPro2`: as `uExcel`, with PRO-2 clinical remission (the EU co-primary): mean daily very soft or
 * liquid stools ≤2.8 AND mean abdominal pain ≤1.0, neither worse than baseline (7-day means).
 * @example
 * uExcelPro2.schedule.CD.map((t) => t.key);
 * //=> ["w0", "w12", "w52"]
 * @see Loftus EV Jr, et al. N Engl J Med 2023;388:1966-80. doi:10.1056/NEJMoa2212728
 */
export const uExcelPro2: DefinitionProfile = /* @__PURE__ */ deepFreeze<DefinitionProfile>({
  ...UEXCEL_BASE,
  id: "uExcelPro2",
  title: "U-EXCEL / U-EXCEED / U-ENDURE phase 3 definitions (CD), PRO-2 remission",
  description: "As uExcel with the PRO-2 co-primary clinical remission (definitions §3.2, https://github.com/ibd-outcomes/ibd-outcomes/blob/main/docs/definitions.md).",
  rules: {
    UC: NO_RULES,
    CD: {
      ...UEXCEL_CD_COMMON,
      clinicalRemission: PRO2_REMISSION_UEXCEL,
      steroidFreeClinicalRemission: { kind: "all", of: [PRO2_REMISSION_UEXCEL, STEROID_FREE] },
    },
  },
});

const STRIDE2_CD_REMISSION: RuleNode = {
  kind: "any",
  missing: "skip",
  of: [
    {
      kind: "all",
      of: [
        PRO2_AP_LE_1,
        { kind: "value", measure: "pro2StoolFrequency", op: "<=", threshold: 3 },
      ],
    },
    { kind: "value", measure: "hbi", op: "<", threshold: 5 },
  ],
};
const STRIDE2_UC_REMISSION: RuleNode = {
  kind: "all",
  of: [
    RB_EQ_0,
    SF_LE_1,
  ],
};
const STRIDE2_BIOCHEM: RuleNode = { kind: "all", of: [CRP_LT_8, FC_LT_250] };

/**
 * `stride2`: STRIDE-II treat-to-target definitions.
 * @remarks CD: clinical remission PRO-2 (AP ≤1 and SF ≤3) or HBI <5, whichever was recorded; response
 * ≥50% drop of the CDAI-weighted PRO-2 (2×SF + 5×AP; reading: STRIDE-II names PRO-2 without weights);
 * endoscopic healing SES-CD ≤2 and no ulcers (aphthous included); endoscopic response SES-CD drop
 * >50%. UC: clinical remission RB = 0 and SF ≤1; response ≥50% drop of PRO-2 (SF + RB); endoscopic
 * healing MES 0; endoscopic response = the minimum endoscopic target MES ≤1. Both: CRP normalisation
 * CRP < ULN (the paper's 8 mg/L); FC normalisation FC <250 µg/g; biochemical remission both.
 * Steroid-free windows and schedule as `mao2025` (STRIDE-II sets targets, not a schedule).
 * @example
 * stride2.rules.CD.fcNormalisation;
 * //=> { kind: "value", measure: "fcUgPerG", op: "<", threshold: 250 }
 * @see Turner D, et al. Gastroenterology 2021;160:1570-83. doi:10.1053/j.gastro.2020.12.031
 */
export const stride2: DefinitionProfile = /* @__PURE__ */ deepFreeze<DefinitionProfile>({
  id: "stride2",
  version: "1.0.0",
  title: "STRIDE-II treatment targets",
  description: "STRIDE-II targets (definitions §3.3, https://github.com/ibd-outcomes/ibd-outcomes/blob/main/docs/definitions.md); UC targets as summarised in J Clin Med 2021;10:5551.",
  sources: [TURNER],
  derivedFrom: null,
  readings: {},
  rules: {
    UC: {
      clinicalRemission: STRIDE2_UC_REMISSION,
      steroidFreeClinicalRemission: { kind: "all", of: [STRIDE2_UC_REMISSION, STEROID_FREE] },
      clinicalResponse: { kind: "percentDrop", measure: "mayoPro2", op: ">=", threshold: 50 },
      endoscopicRemission: MES_0,
      endoscopicResponse: MES_LE_1,
      biochemicalRemission: STRIDE2_BIOCHEM,
      crpNormalisation: CRP_LT_8,
      fcNormalisation: FC_LT_250,
    },
    CD: {
      clinicalRemission: STRIDE2_CD_REMISSION,
      steroidFreeClinicalRemission: { kind: "all", of: [STRIDE2_CD_REMISSION, STEROID_FREE] },
      clinicalResponse: { kind: "percentDrop", measure: "pro2Weighted", op: ">=", threshold: 50 },
      endoscopicRemission: SESCD_HEALING_STRIDE2,
      endoscopicResponse: SESCD_DROP_GT_50,
      biochemicalRemission: STRIDE2_BIOCHEM,
      crpNormalisation: CRP_LT_8,
      fcNormalisation: FC_LT_250,
    },
  },
  steroidFree: { minDaysOff: { w8: 1, w12: 1, w26: 90, w52: 90, w78: 90 }, steroidUsersOnly: false },
  schedule: { anchor: "treatmentStart", UC: [W0, W8, W26, W52, W78], CD: [W0, W12, W26, W52, W78] },
  analysis: {
    surgeryTypes: INTESTINAL_SURGERIES,
    discontinuationFailureReasons: ALL_DISCONTINUATION_REASONS,
    failureEndpoints: CLINICAL_ENDOSCOPIC,
    missingData: "notEvaluable",
    rutgeertsAfter: ["ileocolonicResection"],
  },
});

const FULL_MAYO_REMISSION: RuleNode = {
  kind: "all",
  of: [
    { kind: "value", measure: "mayoFull", op: "<=", threshold: 2 },
    { kind: "value", measure: "mayoFullMaxSubscore", op: "<=", threshold: 1 },
  ],
};

/**
 * `classic`: the long-standing score definitions.
 * @remarks UC (full Mayo): remission total ≤2 with no subscore >1; response drop ≥3 AND ≥30% AND (RB
 * drop ≥1 OR RB ≤1); mucosal healing (endoscopic remission) ES ≤1; endoscopic response ES drop ≥1
 * (convention). CD: HBI remission ≤4, response HBI drop ≥3; endoscopic remission SES-CD ≤2 (the
 * "inactive" band) and response SES-CD drop ≥50% (conventions, §1.3). Biomarkers: the paper's reference
 * ranges, CRP ≤8 mg/L and FC ≤50 µg/g; no composite. Schedule and steroid windows as `mao2025`.
 * @example
 * classic.rules.CD.clinicalResponse;
 * //=> { kind: "drop", measure: "hbi", op: ">=", threshold: 3 }
 * @see Schroeder KW, et al. N Engl J Med 1987;317:1625-9. doi:10.1056/NEJM198712243172603;
 *   Harvey RF, Bradshaw JM. Lancet 1980;1:514. doi:10.1016/S0140-6736(80)92767-1;
 *   Vermeire S, et al. Clin Gastroenterol Hepatol 2010;8:357-63. doi:10.1016/j.cgh.2010.01.001
 */
export const classic: DefinitionProfile = /* @__PURE__ */ deepFreeze<DefinitionProfile>({
  id: "classic",
  version: "1.0.0",
  title: "Classic score definitions (full Mayo, HBI, SES-CD)",
  description: "Classic thresholds: HBI, full Mayo and CDAI (definitions §3.4, https://github.com/ibd-outcomes/ibd-outcomes/blob/main/docs/definitions.md).",
  sources: [
    "Schroeder KW, Tremaine WJ, Ilstrup DM. N Engl J Med 1987;317:1625-9. doi:10.1056/NEJM198712243172603",
    "Harvey RF, Bradshaw JM. Lancet 1980;1:514. doi:10.1016/S0140-6736(80)92767-1",
    "Vermeire S, et al. Clin Gastroenterol Hepatol 2010;8:357-63. doi:10.1016/j.cgh.2010.01.001",
  ],
  derivedFrom: null,
  readings: {},
  rules: {
    UC: {
      clinicalRemission: FULL_MAYO_REMISSION,
      steroidFreeClinicalRemission: { kind: "all", of: [FULL_MAYO_REMISSION, STEROID_FREE] },
      clinicalResponse: {
        kind: "all",
        of: [
          { kind: "drop", measure: "mayoFull", op: ">=", threshold: 3 },
          { kind: "percentDrop", measure: "mayoFull", op: ">=", threshold: 30 },
          RB_CLAUSE,
        ],
      },
      endoscopicRemission: MES_LE_1,
      endoscopicResponse: MES_DROP_GE_1,
      biochemicalRemission: null,
      crpNormalisation: CRP_LE_8,
      fcNormalisation: FC_LE_50,
    },
    CD: {
      clinicalRemission: HBI_LE_4,
      steroidFreeClinicalRemission: { kind: "all", of: [HBI_LE_4, STEROID_FREE] },
      clinicalResponse: HBI_DROP_GE_3,
      endoscopicRemission: { kind: "value", measure: "sesCd", op: "<=", threshold: 2 },
      endoscopicResponse: SESCD_DROP_GE_50,
      biochemicalRemission: null,
      crpNormalisation: CRP_LE_8,
      fcNormalisation: FC_LE_50,
    },
  },
  steroidFree: { minDaysOff: { w8: 1, w12: 1, w26: 90, w52: 90, w78: 90 }, steroidUsersOnly: false },
  schedule: { anchor: "treatmentStart", UC: [W0, W8, W26, W52, W78], CD: [W0, W12, W26, W52, W78] },
  analysis: {
    surgeryTypes: INTESTINAL_SURGERIES,
    discontinuationFailureReasons: ALL_DISCONTINUATION_REASONS,
    failureEndpoints: CLINICAL_ENDOSCOPIC,
    missingData: "notEvaluable",
    rutgeertsAfter: ["ileocolonicResection"],
  },
});

/** A reading of one ambiguity: its text and the overrides it applies to `mao2025`. */
export interface Mao2025Reading {
  readonly text: string;
  readonly overrides: ProfileOverrides;
}

const MIN_DAYS_DEFAULT = { w8: 1, w12: 1, w26: 90, w52: 90, w78: 90 } as const;

/**
 * Every reading of the §2.3 ambiguity register ([definitions §2.3](https://github.com/ibd-outcomes/ibd-outcomes/blob/main/docs/definitions.md)), keyed by ID then reading
 * name. `default` is what `mao2025` ships; the others are its variants (`mao2025Variant`).
 * @example
 * Object.keys(MAO2025_READINGS.A2);
 * //=> ["default", "aMS", "improvement", "drop1"]
 * @see Mao Y, et al. Drug Des Devel Ther 2025 (Methods; Outcomes).
 */
export const MAO2025_READINGS = /* @__PURE__ */ deepFreeze({
  A1: {
    default: { text: "UC response: aMS drop ≥3 AND ≥30% AND (RB drop ≥1 OR RB ≤1)", overrides: { rules: { UC: { clinicalResponse: UC_AMS_RESPONSE_3 } } } },
    uAchieve: {
      text: "UC response: aMS drop ≥2 AND ≥30% AND (RB drop ≥1 OR RB ≤1) [U-ACHIEVE]",
      overrides: {
        rules: {
          UC: {
            clinicalResponse: {
              kind: "all",
              of: [
                { kind: "drop", measure: "mayoAdapted", op: ">=", threshold: 2 },
                AMS_PCT_DROP_GE_30,
                RB_CLAUSE,
              ],
            },
          },
        },
      },
    },
  },
  A2: {
    default: { text: "UC endoscopic response: MES drop >50% (3→≤1, 2→0, 1→0; baseline 0 not evaluable)", overrides: { rules: { UC: { endoscopicResponse: MES_DROP_GT_50 } } } },
    aMS: { text: "UC endoscopic response: adapted Mayo drop >50%", overrides: { rules: { UC: { endoscopicResponse: { kind: "percentDrop", measure: "mayoAdapted", op: ">", threshold: 50 } } } } },
    improvement: {
      text: "UC endoscopic response: endoscopic improvement, MES ≤1 without friability",
      overrides: { rules: { UC: { endoscopicResponse: MES_FDA_LE_1 } } },
    },
    drop1: { text: "UC endoscopic response: MES drop ≥1", overrides: { rules: { UC: { endoscopicResponse: MES_DROP_GE_1 } } } },
  },
  A3: {
    default: { text: "Steroid-free: off on the assessment date at induction; ≥90 days off at w26/w52/w78; never-users qualify", overrides: { steroidFree: { minDaysOff: MIN_DAYS_DEFAULT } } },
    literal: { text: "Steroid-free: ≥90 days off at every time point", overrides: { steroidFree: { minDaysOff: { w8: 90, w12: 90, w26: 90, w52: 90, w78: 90 } } } },
    uAchieve: { text: "Steroid-free: ≥90 days off before w52 (and w78); off on the date before", overrides: { steroidFree: { minDaysOff: { w8: 1, w12: 1, w26: 1, w52: 90, w78: 90 } } } },
  },
  A4: {
    default: { text: "CD response: HBI drop ≥3 OR ≥50%", overrides: { rules: { CD: { clinicalResponse: HBI_RESPONSE_3_OR_50 } } } },
    classic: { text: "CD response: HBI drop ≥3", overrides: { rules: { CD: { clinicalResponse: HBI_DROP_GE_3 } } } },
  },
  A5: {
    default: { text: "CD endoscopic response: SES-CD drop ≥50% (Rutgeerts-only: not evaluable)", overrides: { rules: { CD: { endoscopicResponse: SESCD_DROP_GE_50 } } } },
    uExcel: { text: "CD endoscopic response: SES-CD drop >50%, or ≥2 when baseline = 4 [U-EXCEL]", overrides: { rules: { CD: { endoscopicResponse: SESCD_RESPONSE_UEXCEL } } } },
  },
  A6: {
    default: { text: "CD endoscopic remission: SES-CD ≤3 OR Rutgeerts ≤ i1, either instrument recorded suffices", overrides: { rules: { CD: { endoscopicRemission: CD_ENDO_REMISSION_MAO } } } },
    stride2: { text: "CD endoscopic remission: SES-CD ≤2 and no ulcers [STRIDE-II]", overrides: { rules: { CD: { endoscopicRemission: SESCD_HEALING_STRIDE2 } } } },
    uExcel: { text: "CD endoscopic remission: SES-CD ≤4 AND drop ≥2 AND no subscore >1 [U-EXCEL]", overrides: { rules: { CD: { endoscopicRemission: SESCD_REMISSION_UEXCEL } } } },
  },
  A7: {
    default: {
      text: "Per marker: CRP <8 mg/L, FC <150 µg/g; no composite biochemical remission",
      overrides: {
        rules: {
          UC: { crpNormalisation: CRP_LT_8, fcNormalisation: FC_LT_150, biochemicalRemission: null },
          CD: { crpNormalisation: CRP_LT_8, fcNormalisation: FC_LT_150, biochemicalRemission: null },
        },
      },
    },
    referenceRange: {
      text: "Per marker, reference ranges: CRP ≤8 mg/L, FC ≤50 µg/g",
      overrides: {
        rules: {
          UC: { crpNormalisation: CRP_LE_8, fcNormalisation: FC_LE_50, biochemicalRemission: null },
          CD: { crpNormalisation: CRP_LE_8, fcNormalisation: FC_LE_50, biochemicalRemission: null },
        },
      },
    },
    composite: {
      text: "Biochemical remission = FC <150 µg/g OR CRP <8 mg/L; per-marker rates as default",
      overrides: {
        rules: {
          UC: { biochemicalRemission: FC_LT_150_OR_CRP_LT_8 },
          CD: { biochemicalRemission: FC_LT_150_OR_CRP_LT_8 },
        },
      },
    },
    stride2: {
      text: "STRIDE-II: CRP < ULN (8 mg/L) and FC <250 µg/g; biochemical remission both",
      overrides: {
        rules: {
          UC: { crpNormalisation: CRP_LT_8, fcNormalisation: FC_LT_250, biochemicalRemission: STRIDE2_BIOCHEM },
          CD: { crpNormalisation: CRP_LT_8, fcNormalisation: FC_LT_250, biochemicalRemission: STRIDE2_BIOCHEM },
        },
      },
    },
  },
  A8: {
    default: { text: "Time points in weeks from upadacitinib start (Table 1)", overrides: { schedule: { anchor: "treatmentStart" } } },
    maintenanceStart: { text: "Maintenance time points (w26, w52, w78) in weeks from maintenance start", overrides: { schedule: { anchor: "maintenanceStart" } } },
  },
  A9: {
    default: {
      text: "Non-responder imputation for discontinuation (any reason) and surgery; other missing data not evaluable",
      overrides: { analysis: { discontinuationFailureReasons: ALL_DISCONTINUATION_REASONS, missingData: "notEvaluable" } },
    },
    observedCase: {
      text: "Observed case: only surgery and discontinuation for lack of efficacy (or for surgery) are failure; other discontinuations use observed data",
      overrides: { analysis: { discontinuationFailureReasons: ["lackOfEfficacy", "surgery"], missingData: "notEvaluable" } },
    },
  },
  A10: {
    default: { text: "Never-users of corticosteroids are eligible for steroid-free endpoints", overrides: { steroidFree: { steroidUsersOnly: false } } },
    steroidUsersOnly: { text: "Steroid-free endpoints only for patients on corticosteroids at treatment start", overrides: { steroidFree: { steroidUsersOnly: true } } },
  },
} as const satisfies Readonly<Record<AmbiguityId, Readonly<Record<string, Mao2025Reading>>>>);
