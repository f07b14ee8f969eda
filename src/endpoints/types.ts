/**
 * Public vocabulary and result types of `ibd-outcomes/endpoints`. Stable: the cohort tables read them.
 * Definitions: [definitions §2-§3](https://github.com/ibd-outcomes/ibd-outcomes/blob/main/docs/definitions.md).
 */
import type { Diagnosis, IsoDate } from "../models/common.js";

/**
 * The endpoints every profile can define, for UC and CD.
 * @remarks `crpNormalisation` and `fcNormalisation` are the per-marker "normal rates" the paper reports
 * (Mao et al. 2025, Results, Inflammatory Markers); `biochemicalRemission` is the paper's sentence
 * "FC <150 µg/g or CRP <8 mg/L" (Methods).
 * @example
 * ENDPOINT_IDS.length;
 * //=> 8
 * @see Mao Y, et al. Drug Des Devel Ther 2025 (Outcomes).
 */
export const ENDPOINT_IDS = Object.freeze([
  "clinicalRemission",
  "steroidFreeClinicalRemission",
  "clinicalResponse",
  "endoscopicRemission",
  "endoscopicResponse",
  "biochemicalRemission",
  "crpNormalisation",
  "fcNormalisation",
] as const);
/** An endpoint identifier. */
export type EndpointId = (typeof ENDPOINT_IDS)[number];

/**
 * Time point keys ([definitions §2.1](https://github.com/ibd-outcomes/ibd-outcomes/blob/main/docs/definitions.md)): `w0` baseline, `w8` UC induction, `w12` CD induction,
 * `w26`, `w52` maintenance, `w78` biomarkers only in the paper.
 * @example
 * TIMEPOINT_KEYS.join(" ");
 * //=> "w0 w8 w12 w26 w52 w78"
 * @see Mao Y, et al. Drug Des Devel Ther 2025 (Outcomes; Table 1).
 */
export const TIMEPOINT_KEYS = Object.freeze(["w0", "w8", "w12", "w26", "w52", "w78"] as const);
/** A time point key. */
export type TimepointKey = (typeof TIMEPOINT_KEYS)[number];

/**
 * The numbers a rule can read, computed from one visit (or from the visits chosen for one time point)
 * by `measuresFromVisit`.
 * @remarks UC: Mayo subscores and totals (`mayoAdapted` = SF+RB+ES, the UPA/FDA "modified" Mayo;
 * `...FdaModified` = with the FDA-modified ES, where ES 1 with friability scores 2; `...MaxSubscore` =
 * the largest item of that score; `mayoPro2` = SF+RB), UCEIS. CD: HBI, CDAI, SES-CD total and its
 * largest variable subscore, ulcers present (1, aphthous included) or not (0) and total
 * without narrowing, Rutgeerts grade as ordinal (i0=0 ... i4=4), PRO-2 7-day means and the
 * CDAI-weighted PRO-2 (2×SF + 5×AP). Labs in canonical units: CRP mg/L, FC µg/g.
 * @example
 * MEASURE_KEYS.includes("hbi");
 * //=> true
 * @see [definitions §1](https://github.com/ibd-outcomes/ibd-outcomes/blob/main/docs/definitions.md).
 */
export const MEASURE_KEYS = Object.freeze([
  "mayoStoolFrequency",
  "mayoRectalBleeding",
  "mayoEndoscopic",
  "mayoEndoscopicFdaModified",
  "mayoPhysicianGlobal",
  "mayoAdapted",
  "mayoAdaptedFdaModified",
  "mayoAdaptedMaxSubscore",
  "mayoFull",
  "mayoFullMaxSubscore",
  "mayoPartial",
  "mayoPartialMaxSubscore",
  "mayoPro2",
  "uceis",
  "hbi",
  "cdai",
  "sesCd",
  "sesCdMaxSubscore",
  "sesCdUlcers",
  "sesCdExNarrowing",
  "rutgeerts",
  "pro2StoolFrequency",
  "pro2AbdominalPain",
  "pro2Weighted",
  "crpMgPerL",
  "fcUgPerG",
] as const);
/** A measure a rule can read. */
export type MeasureKey = (typeof MEASURE_KEYS)[number];

/**
 * Measures of one assessment: measure → value, e.g. `{ hbi: 3, sesCd: 2, crpMgPerL: 4.1 }`. Absent =
 * not recorded (never `NaN` or `null`).
 */
export type VisitMeasures = { readonly [K in MeasureKey]?: number };

/**
 * The §2.3 ambiguity register IDs ([definitions §2.3](https://github.com/ibd-outcomes/ibd-outcomes/blob/main/docs/definitions.md)).
 * @example
 * AMBIGUITY_IDS.at(-1);
 * //=> "A10"
 */
export const AMBIGUITY_IDS = Object.freeze(["A1", "A2", "A3", "A4", "A5", "A6", "A7", "A8", "A9", "A10"] as const);
/** An ambiguity register ID. */
export type AmbiguityId = (typeof AMBIGUITY_IDS)[number];

/** Disease whose rules apply (IBD-U is classified with the UC rules). */
export type RuleDisease = "UC" | "CD";

/** Outcome of one endpoint at one assessment. Aggregate `met` / (`met` + `not-met`) for rates. */
export type EndpointStatus = "met" | "not-met" | "not-evaluable";

/**
 * Why a result came out as it did, as a code for tables and audits:
 * - `rule`: the profile's rule decided on observed values;
 * - `surgery`, `discontinuation`: treatment failure from that date on (not-met);
 * - `imputedMissing`: no data in the window, non-responder imputation (not-met);
 * - `noFollowUp`, `noBaseline`: a measure the rule needs is missing (not-evaluable);
 * - `baselineZero`: a relative change from a baseline of 0 (not-evaluable);
 * - `noSteroidData`: corticosteroid exposure not recorded (absent, status `unknown`) or, where the
 *   window needs it, the stop date not recorded (not-evaluable);
 * - `notSteroidUser`: A10 `steroidUsersOnly` and not on steroids at baseline (not-evaluable);
 * - `notDefined`: the profile defines no such endpoint for this disease (not-evaluable).
 */
export type ResultCode =
  | "rule"
  | "surgery"
  | "discontinuation"
  | "imputedMissing"
  | "noFollowUp"
  | "noBaseline"
  | "baselineZero"
  | "noSteroidData"
  | "notSteroidUser"
  | "notDefined";

/** A comparator. Comparisons are exact: `<=` and `<` differ at the threshold. */
export type Comparator = "<" | "<=" | ">" | ">=" | "==";

/**
 * One comparison made while applying a rule, with what was compared and how it came out.
 * @remarks `observed` is the compared quantity: the value (`value`), baseline − value (`drop`),
 * 100 × (baseline − value) / baseline (`percentDrop`), the baseline (`baseline`), value − baseline
 * (`notWorse`, passes when ≤ 0), or days off corticosteroids (`steroidFree`; `null` = never used).
 */
export interface EndpointCheck {
  /** The test as text, e.g. `percentDrop(mayoAdapted) >= 30`. */
  readonly test: string;
  /** The measure read, or `corticosteroids`. */
  readonly measure: MeasureKey | "corticosteroids";
  /** The compared quantity (see remarks); `null` when it could not be computed. */
  readonly observed: number | null;
  /** The comparator. */
  readonly op: Comparator;
  /** The threshold. */
  readonly threshold: number;
  /** How this comparison came out. */
  readonly status: EndpointStatus;
}

/** Where a forced result came from: failure event or imputation. */
export interface EndpointImputation {
  readonly cause: "surgery" | "discontinuation" | "missing";
  /** Event date (surgery, discontinuation); `null` for missing data. */
  readonly date: IsoDate | null;
}

/**
 * The explained result of one endpoint at one assessment (docs/ARCHITECTURE.md, Endpoints API).
 * Plain data, JSON-safe.
 */
export interface EndpointResult {
  /** The endpoint. */
  readonly endpoint: EndpointId;
  /** `met`, `not-met` or `not-evaluable`. */
  readonly status: EndpointStatus;
  /** Code of the deciding cause. */
  readonly code: ResultCode;
  /** A readable sentence: the deciding comparison, or what is missing. */
  readonly reason: string;
  /** Every value the rule read: `hbi`, `baseline.hbi`, `corticosteroids.daysOff`, ... (`null` = missing). */
  readonly values: Readonly<Record<string, number | null>>;
  /** Every comparison made, in rule order. */
  readonly thresholds: readonly EndpointCheck[];
  /** The profile's rule as text. */
  readonly rule: string;
  /** The profile that decided. */
  readonly profile: { readonly id: string; readonly version: string };
  /** Disease rules applied. */
  readonly disease: RuleDisease;
  /** The time point classified. */
  readonly timepoint: TimepointKey;
  /** Set when a failure event or non-responder imputation forced `not-met`; else `null`. */
  readonly imputation: EndpointImputation | null;
  /**
   * For a `not-evaluable` result caused by an input that was not recorded: the path of that input, e.g.
   * `followUp.mayoAdaptedFdaModified`, `baseline.hbi`, `steroids`, `steroids.daysOff`; `null` otherwise.
   * In a timeline the path names the record field, e.g. `visits[w8].mayo.friability` or
   * `course.concomitantMedications (corticosteroid periods)`.
   */
  readonly missing: string | null;
}

/**
 * Systemic corticosteroid exposure on an assessment date.
 * @remarks `status`:
 * - `on`: a corticosteroid period (or a visit flag) covers the date; `daysOff` 0.
 * - `off`: not on corticosteroids on the date. `daysOff` = days since the last dose (1 = stopped the day
 *   before) when the stop date is recorded; `null` when it is not (a visit on the date says "not on
 *   corticosteroids", but not since when). Enough for "off on the date"; not for a 90-day window.
 * - `never`: the record says no systemic corticosteroid was used on or before the date.
 * - `unknown`: exposure on the date is not recorded. Never read as `never`: every steroid-free
 *   endpoint is then `not-evaluable`.
 *
 * `usedAtBaseline`: on corticosteroids on the treatment start date (`null` = not recorded).
 * `missing`: for `unknown` (and `off` without a stop date), the record field that was not there.
 */
export interface SteroidExposure {
  readonly status: "on" | "off" | "never" | "unknown";
  /** Days since the last dose (0 when on; `null` when never, unknown, or the stop date is not recorded). */
  readonly daysOff: number | null;
  /** On corticosteroids when the treatment started (A10); `null` = not recorded. */
  readonly usedAtBaseline: boolean | null;
  /** The record field whose absence left the exposure (or its stop date) unknown. */
  readonly missing?: string | undefined;
}

/** Input of the visit-level classifiers. */
export interface ClassifierInput {
  /** Diagnosis; IBD-U uses the UC rules. */
  readonly disease: Diagnosis;
  /** The time point being classified (sets the corticosteroid-free window, A3). */
  readonly timepoint: TimepointKey;
  /** Measures at the assessment. */
  readonly followUp: VisitMeasures;
  /** Measures at baseline (w0); needed for changes from baseline. */
  readonly baseline?: VisitMeasures | undefined;
  /** Corticosteroid exposure on the assessment date; needed for steroid-free endpoints. */
  readonly steroids?: SteroidExposure | undefined;
}

/** Read-only all the way down (arrays included): the type of frozen profiles. */
export type DeepReadonly<T> = T extends (infer U)[]
  ? readonly DeepReadonly<U>[]
  : T extends readonly (infer U)[]
    ? readonly DeepReadonly<U>[]
    : T extends object
      ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
      : T;
