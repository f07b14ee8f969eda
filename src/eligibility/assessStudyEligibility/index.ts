import * as z from "zod";
import { addDaysIso, ageInYears, compareIso, daysBetween } from "../../_lib/dates.js";
import { describeValue, errorFromZod } from "../../_lib/errors.js";
import { IsoDateSchema, type Diagnosis, type IsoDate } from "../../models/common.js";
import { labPanelToCanonical } from "../../models/labPanel.js";
import { drugKindOf } from "../../models/therapies.js";
import { BASELINE_WINDOW_DAYS, inclusiveDays } from "../../_lib/periods.js";
import { PatientSchema, type Patient } from "../../models/patient.js";
import { TreatmentCourseSchema, type TreatmentCourseInput } from "../../models/treatmentCourse.js";
import { VisitSchema, type Visit } from "../../models/visit.js";
import {
  assessDifficultToTreat,
  AssessDifficultToTreatOptionsSchema,
  type DifficultToTreatResult,
} from "../assessDifficultToTreat/index.js";

const FN = "assessStudyEligibility";

/**
 * Stable reason codes of the paper's eligibility rules, in evaluation order. `INCL_*` = an inclusion
 * criterion not satisfied; `EXCL_*` = an exclusion criterion that applies.
 */
export const ELIGIBILITY_REASON_CODES = Object.freeze([
  "INCL_DTT",
  "INCL_AGE",
  "INCL_EXPOSURE",
  "INCL_STUDY_WINDOW",
  "EXCL_PREGNANCY",
  "EXCL_SERIOUS_INFECTION",
  "EXCL_MALIGNANCY",
  "EXCL_LIVER",
  "EXCL_RENAL",
  "EXCL_TOTAL_COLECTOMY",
  "EXCL_INSUFFICIENT_DATA",
  "EXCL_CONCOMITANT_BIOLOGIC",
] as const);
/** A stable eligibility reason code. */
export type EligibilityReasonCode = (typeof ELIGIBILITY_REASON_CODES)[number];

const byDiagnosisDays = z.strictObject({ UC: z.number().int().min(0).max(3650), CD: z.number().int().min(0).max(3650) });

/** Options of {@link assessStudyEligibility}; every field has the paper's default. */
export const AssessStudyEligibilityOptionsSchema = z
  .strictObject({
    /** Upadacitinib must start within this window (inclusive). Default 2023-01-01 to 2025-03-30. */
    studyWindow: z.strictObject({ start: IsoDateSchema, end: IsoDateSchema }).default({ start: "2023-01-01", end: "2025-03-30" }),
    /** Data cut-off ending the exposure of a course still running. Default `studyWindow.end`. */
    dataCutoff: IsoDateSchema.optional(),
    /** Minimum age (completed years) at upadacitinib start. Default 18. */
    adultAgeYears: z.number().int().min(1).max(30).default(18),
    /**
     * Minimum days of exposure, counted inclusively (start and end dates are both days on the drug, so
     * 12 weeks of daily doses = 84 days). Default UC 56 (8 weeks), CD 84 (12 weeks); IBD-U uses UC.
     */
    minExposureDays: byDiagnosisDays.default({ UC: 56, CD: 84 }),
    /** Upper limits of normal in U/L. Default the paper's ALT 40, AST 35. */
    upperLimitOfNormal: z.strictObject({ alt: z.number().positive(), ast: z.number().positive() }).default({ alt: 40, ast: 35 }),
    /** Exclusion when ALT or AST is strictly above this multiple of the ULN. Default 3. */
    liverUlnMultiple: z.number().positive().max(100).default(3),
    /** Exclusion when eGFR (mL/min/1.73 m²) is strictly below this. Default 30. */
    minEgfr: z.number().min(0).max(200).default(30),
    /** Baseline labs: latest on or before start, at most this many days before. Default 30 (the package's baseline window, as the w0 time point of every shipped profile). */
    baselineLabWindowDays: z.number().int().min(0).max(3650).default(BASELINE_WINDOW_DAYS),
    /** Baseline primary score: a visit on or before start, at most this many days before. Default 30 (as the w0 time point of every shipped profile). */
    baselineScoreWindowDays: z.number().int().min(0).max(3650).default(BASELINE_WINDOW_DAYS),
    /** Induction time point of the primary score, days from start. Default UC 56 (week 8), CD 84 (week 12). */
    primaryTimepointDays: byDiagnosisDays.default({ UC: 56, CD: 84 }),
    /** Follow-up primary score: a visit within ± this many days of the time point. Default 14. */
    followUpWindowDays: z.number().int().min(0).max(365).default(14),
    /**
     * An exclusion whose data are not recorded (history flag absent, baseline lab missing, surgeries absent):
     * `"unknown"` (default; the patient is `undetermined` unless another rule fails) or `"notExcluded"`.
     */
    unrecorded: z.enum(["unknown", "notExcluded"]).default("unknown"),
    /** Options passed to `assessDifficultToTreat` (its `asOf` is the upadacitinib start). */
    dtt: AssessDifficultToTreatOptionsSchema.omit({ asOf: true }).partial().optional(),
  })
  .superRefine((o, ctx) => {
    if (compareIso(o.studyWindow.end, o.studyWindow.start) < 0) {
      ctx.addIssue({ code: "custom", path: ["studyWindow", "end"], message: "must not be before studyWindow.start" });
    }
  });
/** Options of {@link assessStudyEligibility} as accepted on input. */
export interface AssessStudyEligibilityOptions extends z.input<typeof AssessStudyEligibilityOptionsSchema> {}
type ParsedOptions = z.output<typeof AssessStudyEligibilityOptionsSchema>;

/** Status of one rule: `pass`, `fail` (the patient is out on this rule) or `unknown` (data not recorded). */
export type EligibilityRuleStatus = "pass" | "fail" | "unknown";

/** One eligibility rule's outcome. */
export interface EligibilityRuleResult {
  /** The rule's stable reason code (reported when it fails). */
  readonly code: EligibilityReasonCode;
  readonly kind: "inclusion" | "exclusion";
  readonly status: EligibilityRuleStatus;
  /** What happened, readably (no identifying data). */
  readonly message: string;
}

/** A baseline lab value in canonical units and the date it was taken. */
export interface BaselineLabValue {
  readonly value: number;
  readonly date: IsoDate;
}

/** The result of {@link assessStudyEligibility}: plain data. */
export interface StudyEligibilityResult {
  readonly patientId: string;
  readonly diagnosis: Diagnosis;
  /** `ineligible` if any rule fails; else `undetermined` if any is unknown; else `eligible`. */
  readonly status: "eligible" | "ineligible" | "undetermined";
  /** Codes of failed rules, in rule order (all of them, not just the first). */
  readonly failedCodes: readonly EligibilityReasonCode[];
  /** Codes of rules that could not be decided, in rule order. */
  readonly unknownCodes: readonly EligibilityReasonCode[];
  /** Every rule in order: inclusions, then exclusions. */
  readonly rules: readonly EligibilityRuleResult[];
  /** Completed years at upadacitinib start. */
  readonly ageYears: number;
  readonly exposure: {
    readonly startDate: IsoDate;
    readonly endDate: IsoDate;
    readonly endedBy: "discontinuation" | "lastDose" | "dataCutoff";
    /** Days from start (day 0) to `endDate`, at least 0. */
    readonly days: number;
    readonly requiredDays: number;
  };
  /** Baseline ALT, AST (U/L) and eGFR (mL/min/1.73 m²), when found in the window. */
  readonly baselineLabs: { readonly alt?: BaselineLabValue; readonly ast?: BaselineLabValue; readonly egfr?: BaselineLabValue };
  /** Dates of the visits that satisfied the data-completeness rule (absent when none). */
  readonly primaryScoreVisits: { readonly baseline?: IsoDate; readonly followUp?: IsoDate };
  /** The difficult-to-treat assessment as of upadacitinib start. */
  readonly dtt: DifficultToTreatResult;
}

/** The paper's primary score for a diagnosis: adapted Mayo (SF, RB, ES) for UC and IBD-U, HBI for CD. */
function hasPrimaryScore(v: Visit, diagnosis: Diagnosis): boolean {
  if (diagnosis === "CD") return v.hbi !== undefined;
  const m = v.mayo;
  return m !== undefined && m.stoolFrequency !== undefined && m.rectalBleeding !== undefined && m.endoscopic !== undefined;
}

type LabKey = "alt" | "ast" | "egfr";

function baselineLabs(visits: readonly Visit[], start: IsoDate, windowDays: number): StudyEligibilityResult["baselineLabs"] {
  const from = addDaysIso(start, -windowDays);
  const best: { -readonly [K in LabKey]?: BaselineLabValue } = {};
  // Worse = higher for liver enzymes, lower for eGFR (used only to break same-day ties).
  const worse = (k: LabKey, a: number, b: number) => (k === "egfr" ? a < b : a > b);
  for (const v of visits) {
    if (v.labs === undefined) continue;
    const date = v.labs.date ?? v.date;
    if (compareIso(date, from) < 0 || compareIso(date, start) > 0) continue;
    const canonical = labPanelToCanonical(v.labs);
    for (const k of ["alt", "ast", "egfr"] as const) {
      const value = canonical[k];
      if (value === undefined) continue;
      const cur = best[k];
      const c = cur === undefined ? 1 : compareIso(date, cur.date);
      if (cur === undefined || c > 0 || (c === 0 && worse(k, value, cur.value))) best[k] = { value, date };
    }
  }
  return best;
}

function fmt(n: number): string {
  return String(Math.round(n * 1000) / 1000);
}

/**
 * Decides the paper's study eligibility for one patient and one upadacitinib course: every inclusion and
 * exclusion rule, each with a stable reason code and a readable message.
 * @remarks
 * Inclusions: `INCL_DTT` difficult-to-treat by the IOIBD criteria as of upadacitinib start
 * (`assessDifficultToTreat`; `unknown` stays unknown); `INCL_AGE` age >= 18 at start; `INCL_EXPOSURE` at least
 * 8 weeks (UC, IBD-U) or 12 weeks (CD) of upadacitinib: at least 56 (84) days counted inclusively, start
 * and end both days on the drug (the package's one rule for dose and corticosteroid periods), so a course
 * from 2024-01-01 to 2024-03-24 is 84 days = 12 weeks; `end` is the earliest of the discontinuation date
 * (the last day on the drug), the last dose-period end (when every period has ended) and the data cut-off;
 * 55 days fails; `INCL_STUDY_WINDOW` start within 1 Jan 2023 – 30 Mar 2025 (inclusive).
 *
 * Exclusions: `EXCL_PREGNANCY` pregnancy or breastfeeding (never for a male patient); `EXCL_SERIOUS_INFECTION`
 * and `EXCL_MALIGNANCY` history flags; `EXCL_LIVER` baseline ALT > 3 × 40 = 120 U/L or AST > 3 × 35 = 105 U/L
 * (exactly 3 × ULN is not excluded); `EXCL_RENAL` baseline eGFR < 30 (29.9 excluded, 30 not);
 * `EXCL_TOTAL_COLECTOMY` UC or IBD-U with a `totalColectomy` or `proctocolectomyIpaa` on or before start;
 * `EXCL_INSUFFICIENT_DATA` no visit with the primary score (adapted Mayo SF+RB+ES for UC/IBD-U, HBI for CD)
 * in [start − 30 d, start], or none within ± 14 d of the induction time point (day 56 UC, day 84 CD);
 * `EXCL_CONCOMITANT_BIOLOGIC` a concomitant biologic overlapping the exposure: recognised by the drug when the
 * catalogue knows it (`drugKindOf`: infliximab is a biologic whatever `agentClass` says, upadacitinib is not),
 * else by `agentClass: "biologic"`; overlapping = it starts before the exposure's last day and ends after the
 * start (ongoing = no end); stopping on the upadacitinib start day, or starting on its last day, is a switch,
 * not co-therapy. An absent
 * `course.concomitantMedications` (not recorded) gives `unknown`.
 *
 * Baseline labs are, per analyte, the latest value (lab date, else visit date) on or before start and at most
 * 30 days before it, converted with `labPanelToCanonical`; on a same-day tie the worse value is used. An absent
 * history flag, lab or surgical history gives `unknown` (or a pass with `unrecorded: "notExcluded"`). Every rule
 * is evaluated, so a patient failing several rules gets all their codes. Safety-data completeness is not
 * checked (the paper does not define it).
 * @param patient - A patient satisfying `PatientSchema`.
 * @param course - The patient's upadacitinib course (`TreatmentCourseSchema`).
 * @param visits - The patient's visits (`VisitSchema`), any order.
 * @param options - Windows, thresholds and cut-offs; defaults are the paper's.
 * @returns Status, failed and unknown codes, every rule's outcome, and the evidence used.
 * @throws {TypeError} If an input has the wrong type or misses a required field.
 * @throws {RangeError} If a value is invalid, or the course or a visit belongs to another patient.
 * @example
 * const r = assessStudyEligibility(
 *   { id: "P1", sex: "male", birthDate: "1980-01-01", diagnosis: "UC", diagnosisDate: "2010-01-01",
 *     priorTherapies: [{ drug: "infliximab", stopDate: "2020-01-01", reasonStopped: "primaryNonResponse" },
 *       { drug: "vedolizumab", stopDate: "2023-01-01", reasonStopped: "secondaryLossOfResponse" }],
 *     surgeries: [], seriousInfectionHistory: false, malignancyHistory: false },
 *   { patientId: "P1", startDate: "2024-01-01", dosePeriods: [{ doseMg: 45, startDate: "2024-01-01" }] },
 *   [{ patientId: "P1", date: "2024-01-01", mayo: { stoolFrequency: 3, rectalBleeding: 2, endoscopic: 3 },
 *      labs: { alt: { value: 120, unit: "U/L" }, ast: { value: 20, unit: "U/L" }, egfr: { value: 29.9, unit: "mL/min/1.73m2" } } },
 *    { patientId: "P1", date: "2024-02-26", mayo: { stoolFrequency: 1, rectalBleeding: 0, endoscopic: 1 } }]);
 * [r.status, r.failedCodes];
 * //=> ["ineligible", ["EXCL_RENAL"]]
 * @see Mao Y, et al. Efficacy and Safety of Upadacitinib for Refractory IBD. Drug Des Devel Ther 2025
 *   (Inclusion and Exclusion Criteria).
 * @see Parigi TL, et al. Lancet Gastroenterol Hepatol 2023;8:853-859. doi:10.1016/S2468-1253(23)00154-1
 */
export function assessStudyEligibility(
  patient: Patient,
  course: TreatmentCourseInput,
  visits: readonly Visit[],
  options: AssessStudyEligibilityOptions = {},
): StudyEligibilityResult {
  const pr = PatientSchema.safeParse(patient);
  if (!pr.success) throw errorFromZod(FN, "patient", pr.error, patient);
  const cr = TreatmentCourseSchema.safeParse(course);
  if (!cr.success) throw errorFromZod(FN, "course", cr.error, course);
  if (!Array.isArray(visits)) throw new TypeError(`${FN}: visits must be an array of visits; got ${describeValue(visits)}.`);
  const vs: Visit[] = visits.map((raw: unknown, i) => {
    const r = VisitSchema.safeParse(raw);
    if (!r.success) throw errorFromZod(FN, `visits[${i}]`, r.error, raw);
    return r.data;
  });
  if (options === null || typeof options !== "object") throw new TypeError(`${FN}: options must be an object; got ${describeValue(options)}.`);
  const or = AssessStudyEligibilityOptionsSchema.safeParse(options);
  if (!or.success) throw errorFromZod(FN, "options", or.error, options);
  const p = pr.data;
  const c = cr.data;
  const o: ParsedOptions = or.data;
  if (c.patientId !== p.id) throw new RangeError(`${FN}: course.patientId must equal patient.id; got a different id.`);
  vs.forEach((v, i) => {
    if (v.patientId !== p.id) throw new RangeError(`${FN}: visits[${i}].patientId must equal patient.id; got a different id.`);
  });
  if (compareIso(c.startDate, p.birthDate) < 0) {
    throw new RangeError(`${FN}: course.startDate must not be before patient.birthDate; got a date before birth.`);
  }

  const start = c.startDate;
  const dx: "UC" | "CD" = p.diagnosis === "CD" ? "CD" : "UC";
  const missing = o.unrecorded === "unknown" ? "unknown" : "pass";
  const rules: EligibilityRuleResult[] = [];
  const add = (code: EligibilityReasonCode, status: EligibilityRuleStatus, message: string) =>
    rules.push({ code, kind: code.startsWith("INCL") ? "inclusion" : "exclusion", status, message });

  // INCL_DTT
  const dtt = assessDifficultToTreat(p, { ...(o.dtt ?? {}), asOf: start });
  add(
    "INCL_DTT",
    dtt.status === "met" ? "pass" : dtt.status === "not-met" ? "fail" : "unknown",
    dtt.status === "met"
      ? `Difficult-to-treat (IOIBD criteria met: ${dtt.metCriteria.join(", ")}).`
      : dtt.status === "not-met"
        ? "Not difficult-to-treat: no IOIBD criterion met."
        : `Difficult-to-treat status unknown (undecided: ${dtt.unknownCriteria.join(", ")}).`,
  );

  // INCL_AGE
  const ageYears = ageInYears(p.birthDate, start);
  add(
    "INCL_AGE",
    ageYears >= o.adultAgeYears ? "pass" : "fail",
    `Age ${ageYears} at upadacitinib start (${ageYears >= o.adultAgeYears ? ">=" : "<"} ${o.adultAgeYears}).`,
  );

  // INCL_EXPOSURE
  const cutoff = o.dataCutoff ?? o.studyWindow.end;
  const ends: { date: IsoDate; by: StudyEligibilityResult["exposure"]["endedBy"] }[] = [{ date: cutoff, by: "dataCutoff" }];
  if (c.discontinuation !== undefined) ends.push({ date: c.discontinuation.date, by: "discontinuation" });
  const periodEnds = c.dosePeriods.map((d) => d.endDate);
  if (periodEnds.every((d): d is string => d !== undefined)) {
    const last = [...periodEnds].sort(compareIso)[periodEnds.length - 1];
    if (last !== undefined) ends.push({ date: last, by: "lastDose" });
  }
  // Earliest end wins; on a tie, discontinuation > lastDose > dataCutoff (most specific record).
  const rank = { discontinuation: 0, lastDose: 1, dataCutoff: 2 } as const;
  const end = [...ends].sort((a, b) => compareIso(a.date, b.date) || rank[a.by] - rank[b.by])[0]!;
  const exposureDays = inclusiveDays(start, end.date);
  const requiredDays = o.minExposureDays[dx];
  add(
    "INCL_EXPOSURE",
    exposureDays >= requiredDays ? "pass" : "fail",
    `${exposureDays} days of upadacitinib (to ${end.by === "dataCutoff" ? "data cut-off" : end.by === "lastDose" ? "last dose" : "discontinuation"}); ${requiredDays} required for ${dx}.`,
  );

  // INCL_STUDY_WINDOW
  const inWindow = compareIso(start, o.studyWindow.start) >= 0 && compareIso(start, o.studyWindow.end) <= 0;
  add(
    "INCL_STUDY_WINDOW",
    inWindow ? "pass" : "fail",
    `Upadacitinib started ${start}, ${inWindow ? "within" : "outside"} the study window ${o.studyWindow.start} to ${o.studyWindow.end}.`,
  );

  // EXCL_PREGNANCY
  if (p.sex === "male") add("EXCL_PREGNANCY", "pass", "Not applicable (male).");
  else if (p.pregnantOrBreastfeeding === undefined) add("EXCL_PREGNANCY", missing, "Pregnancy or breastfeeding not recorded.");
  else add("EXCL_PREGNANCY", p.pregnantOrBreastfeeding ? "fail" : "pass", p.pregnantOrBreastfeeding ? "Pregnant or breastfeeding." : "Not pregnant or breastfeeding.");

  // EXCL_SERIOUS_INFECTION, EXCL_MALIGNANCY
  const flag = (code: EligibilityReasonCode, v: boolean | undefined, what: string) => {
    if (v === undefined) add(code, missing, `History of ${what} not recorded.`);
    else add(code, v ? "fail" : "pass", v ? `History of ${what}.` : `No history of ${what}.`);
  };
  flag("EXCL_SERIOUS_INFECTION", p.seriousInfectionHistory, "serious infection");
  flag("EXCL_MALIGNANCY", p.malignancyHistory, "malignancy");

  // EXCL_LIVER
  const labs = baselineLabs(vs, start, o.baselineLabWindowDays);
  const altMax = o.upperLimitOfNormal.alt * o.liverUlnMultiple;
  const astMax = o.upperLimitOfNormal.ast * o.liverUlnMultiple;
  const altHigh = labs.alt !== undefined && labs.alt.value > altMax;
  const astHigh = labs.ast !== undefined && labs.ast.value > astMax;
  if (altHigh || astHigh) {
    const parts = [
      ...(altHigh ? [`ALT ${fmt(labs.alt!.value)} U/L > ${fmt(altMax)}`] : []),
      ...(astHigh ? [`AST ${fmt(labs.ast!.value)} U/L > ${fmt(astMax)}`] : []),
    ];
    add("EXCL_LIVER", "fail", `Baseline ${parts.join(" and ")} (${fmt(o.liverUlnMultiple)} × ULN).`);
  } else if (labs.alt !== undefined && labs.ast !== undefined) {
    add("EXCL_LIVER", "pass", `Baseline ALT ${fmt(labs.alt.value)} <= ${fmt(altMax)} and AST ${fmt(labs.ast.value)} <= ${fmt(astMax)} U/L.`);
  } else {
    const absent = [...(labs.alt === undefined ? ["ALT"] : []), ...(labs.ast === undefined ? ["AST"] : [])];
    add("EXCL_LIVER", missing, `No baseline ${absent.join(" or ")} within ${o.baselineLabWindowDays} days before start.`);
  }

  // EXCL_RENAL
  if (labs.egfr === undefined) add("EXCL_RENAL", missing, `No baseline eGFR within ${o.baselineLabWindowDays} days before start.`);
  else {
    const low = labs.egfr.value < o.minEgfr;
    add("EXCL_RENAL", low ? "fail" : "pass", `Baseline eGFR ${fmt(labs.egfr.value)} ${low ? "<" : ">="} ${fmt(o.minEgfr)} mL/min/1.73 m².`);
  }

  // EXCL_TOTAL_COLECTOMY
  if (dx === "CD") add("EXCL_TOTAL_COLECTOMY", "pass", "Not applicable (Crohn's disease).");
  else if (p.surgeries === undefined) add("EXCL_TOTAL_COLECTOMY", missing, "Surgical history not recorded.");
  else {
    const colectomies = p.surgeries.filter(
      (s) => (s.type === "totalColectomy" || s.type === "proctocolectomyIpaa") && compareIso(s.date, start) <= 0,
    );
    add(
      "EXCL_TOTAL_COLECTOMY",
      colectomies.length > 0 ? "fail" : "pass",
      colectomies.length > 0 ? `Total colectomy on ${colectomies.map((s) => s.date).join(", ")}.` : "No total colectomy before start.",
    );
  }

  // EXCL_INSUFFICIENT_DATA
  const baseFrom = addDaysIso(start, -o.baselineScoreWindowDays);
  const target = addDaysIso(start, o.primaryTimepointDays[dx]);
  const fuFrom = addDaysIso(target, -o.followUpWindowDays);
  const fuTo = addDaysIso(target, o.followUpWindowDays);
  const scored = vs.filter((v) => hasPrimaryScore(v, p.diagnosis));
  const baselineVisit = scored
    .filter((v) => compareIso(v.date, baseFrom) >= 0 && compareIso(v.date, start) <= 0)
    .map((v) => v.date)
    .sort(compareIso)
    .pop();
  const followUpVisit = scored
    .filter((v) => compareIso(v.date, fuFrom) >= 0 && compareIso(v.date, fuTo) <= 0)
    .map((v) => v.date)
    .sort((a, b) => Math.abs(daysBetween(target, a)) - Math.abs(daysBetween(target, b)) || compareIso(a, b))[0];
  const scoreName = dx === "CD" ? "HBI" : "adapted Mayo (SF, RB, ES)";
  const gaps = [
    ...(baselineVisit === undefined ? [`no baseline ${scoreName} within ${o.baselineScoreWindowDays} days before start`] : []),
    ...(followUpVisit === undefined ? [`no ${scoreName} within ${o.followUpWindowDays} days of day ${o.primaryTimepointDays[dx]}`] : []),
  ];
  add(
    "EXCL_INSUFFICIENT_DATA",
    gaps.length > 0 ? "fail" : "pass",
    gaps.length > 0 ? `Insufficient primary-endpoint data: ${gaps.join("; ")}.` : `Baseline and day-${o.primaryTimepointDays[dx]} ${scoreName} recorded.`,
  );

  // EXCL_CONCOMITANT_BIOLOGIC: the drug decides when the catalogue knows it; else the class label.
  const isBiologic = (m: { agentClass: string; drug?: string | undefined }) => {
    const kind = m.drug === undefined ? undefined : drugKindOf(m.drug);
    return kind !== undefined ? kind === "biologic" : m.agentClass === "biologic";
  };
  const biologics = c.concomitantMedications.filter(
    (m) => isBiologic(m) && compareIso(m.startDate, end.date) < 0 && (m.endDate === undefined || compareIso(m.endDate, start) > 0),
  );
  const medsRecorded = (course as { concomitantMedications?: unknown }).concomitantMedications !== undefined;
  if (biologics.length > 0) {
    add(
      "EXCL_CONCOMITANT_BIOLOGIC",
      "fail",
      `Concomitant biologic during upadacitinib: ${biologics.map((m) => `${m.drug ?? "biologic"} (${m.startDate} to ${m.endDate ?? "ongoing"})`).join(", ")}.`,
    );
  } else if (!medsRecorded) {
    add("EXCL_CONCOMITANT_BIOLOGIC", missing, "Concomitant medications not recorded (course.concomitantMedications absent).");
  } else {
    add("EXCL_CONCOMITANT_BIOLOGIC", "pass", "No concomitant biologic during upadacitinib.");
  }

  const failedCodes = rules.filter((r) => r.status === "fail").map((r) => r.code);
  const unknownCodes = rules.filter((r) => r.status === "unknown").map((r) => r.code);
  const status = failedCodes.length > 0 ? "ineligible" : unknownCodes.length > 0 ? "undetermined" : "eligible";
  return {
    patientId: p.id,
    diagnosis: p.diagnosis,
    status,
    failedCodes,
    unknownCodes,
    rules,
    ageYears,
    exposure: { startDate: start, endDate: end.date, endedBy: end.by, days: exposureDays, requiredDays },
    baselineLabs: labs,
    primaryScoreVisits: {
      ...(baselineVisit !== undefined ? { baseline: baselineVisit } : {}),
      ...(followUpVisit !== undefined ? { followUp: followUpVisit } : {}),
    },
    dtt,
  };
}
