/**
 * Patient timelines: the visit standing for each time point of a profile, corticosteroid status,
 * failure events, and the outcome of every endpoint at every time point.
 */
import { addDaysIso, daysBetween, isIsoDate } from "../../_lib/dates.js";
import { describeValue, errorFromZod } from "../../_lib/errors.js";
import { booleanOption, checkOptionKeys } from "../../_lib/options.js";
import { BASELINE_WINDOW_DAYS, daysOffAfter } from "../../_lib/periods.js";
import type { Diagnosis, IsoDate } from "../../models/common.js";
import { PatientSchema, type Patient, type Surgery, type SurgeryType } from "../../models/patient.js";
import {
  TreatmentCourseSchema,
  type DiscontinuationReason,
  type TreatmentCourse,
  type TreatmentCourseInput,
} from "../../models/treatmentCourse.js";
import { VisitSchema, type Visit } from "../../models/visit.js";
import { ruleDiseaseOf } from "../_lib/disease.js";
import { classifyEndpointUnder } from "../classifyEndpoint/index.js";
import { measuresFromVisit } from "../measuresFromVisit/index.js";
import { mao2025 } from "../profiles/data.js";
import { ensureProfile } from "../profiles/index.js";
import type { DefinitionProfile, TimepointSpec } from "../profiles/schema.js";
import type {
  EndpointId,
  EndpointResult,
  EndpointStatus,
  MeasureKey,
  ResultCode,
  RuleDisease,
  SteroidExposure,
  TimepointKey,
  VisitMeasures,
} from "../types.js";

// ---------------------------------------------------------------- corticosteroids

/** Options of {@link steroidExposure}. */
export interface SteroidExposureOptions {
  /**
   * Read "no corticosteroid recorded" as "never used": when neither the course nor any visit on or
   * before the date records corticosteroid use, return `never` instead of `unknown`. Default `false`.
   * Turn it on only for sources where an unrecorded corticosteroid means none was given.
   */
  readonly assumeNoSteroidsWhenUnrecorded?: boolean;
}

const STEROID_OPTION_KEYS = ["assumeNoSteroidsWhenUnrecorded"] as const;

const MISSING_COURSE_STEROIDS = "course.corticosteroidsRecorded (or corticosteroid periods in course.concomitantMedications)";
const MISSING_VISIT_FLAG = "visits[].onCorticosteroids on the assessment date";
const MISSING_STOP_DATE = "course.concomitantMedications (corticosteroid period with its endDate)";

/** Internal core of {@link steroidExposure}: inputs already validated. */
export function steroidExposureOf(course: TreatmentCourse, date: string, visits: readonly Visit[], assumeNever: boolean): SteroidExposure {
  const start = course.startDate;
  const periods = course.concomitantMedications.filter((m) => m.agentClass === "corticosteroid");
  const recorded = course.corticosteroidsRecorded ?? periods.length > 0;
  const covers = (p: { startDate: string; endDate?: string | undefined }, d: string) => p.startDate <= d && (p.endDate === undefined || p.endDate >= d);
  if (recorded) {
    const usedAtBaseline = periods.some((p) => covers(p, start));
    let lastEnd: string | undefined;
    for (const p of periods) {
      if (p.startDate > date) continue;
      if (covers(p, date)) return { status: "on", daysOff: 0, usedAtBaseline };
      if (lastEnd === undefined || p.endDate! > lastEnd) lastEnd = p.endDate;
    }
    if (lastEnd === undefined) return { status: "never", daysOff: null, usedAtBaseline };
    return { status: "off", daysOff: daysOffAfter(lastEnd, date), usedAtBaseline };
  }
  // Not a complete record: listed periods can still show use; visit flags say what was seen on a day.
  const baseFrom = addDaysIso(start, -BASELINE_WINDOW_DAYS);
  let usedAtBaseline: boolean | null = periods.some((p) => covers(p, start)) ? true : null;
  let baselineFlagDate: string | undefined;
  let everUsed = periods.some((p) => p.startDate <= date);
  let onDate: boolean | undefined;
  for (const v of visits) {
    const f = v.onCorticosteroids;
    if (f === undefined || v.date > date) continue;
    if (f) everUsed = true;
    if (v.date === date) onDate = onDate === true || f;
    if (usedAtBaseline !== true && v.date >= baseFrom && v.date <= start && (baselineFlagDate === undefined || v.date >= baselineFlagDate)) {
      baselineFlagDate = v.date;
      usedAtBaseline = f;
    }
  }
  if (periods.some((p) => covers(p, date)) || onDate === true) return { status: "on", daysOff: 0, usedAtBaseline };
  if (!everUsed && assumeNever) return { status: "never", daysOff: null, usedAtBaseline: usedAtBaseline ?? false };
  if (onDate === false) return { status: "off", daysOff: null, usedAtBaseline, missing: MISSING_STOP_DATE };
  return { status: "unknown", daysOff: null, usedAtBaseline, missing: visits.length > 0 || periods.length > 0 ? MISSING_VISIT_FLAG : MISSING_COURSE_STEROIDS };
}

/**
 * Systemic corticosteroid exposure on a date, from the course's corticosteroid record and the visits'
 * `onCorticosteroids` flags. What was not recorded is reported as not recorded, never as "not used".
 * @remarks Periods follow the package's one day-counting rule: start and end dates are both days on the
 * drug (inclusive); days off = date − end date (1 = stopped the day before).
 * - Complete course record (`course.corticosteroidsRecorded`, true by default when a corticosteroid
 *   period is listed): a period covering the date → `on`; else the last period ended `daysOff` days
 *   before → `off`; no period started on or before the date → `never`.
 * - Otherwise: a listed period or a visit on the date flagged `onCorticosteroids: true` → `on`; a visit
 *   on the date flagged `false` → `off` with `daysOff: null` (off that day, stop date not recorded);
 *   else → `unknown` (`missing` names the field to record). With `assumeNoSteroidsWhenUnrecorded`,
 *   no recorded use on or before the date → `never`.
 * - `usedAtBaseline`: a period covers the treatment start; else the latest visit flag in the baseline
 *   window (the 30 days up to and including the start); else `null` (not recorded).
 * Used for A3 and A10 ([definitions §2.3](https://github.com/ibd-outcomes/ibd-outcomes/blob/main/docs/definitions.md); Methods of Mao et al. 2025).
 * @param course - The treatment course (`concomitantMedications` with `agentClass: "corticosteroid"`).
 * @param date - The assessment date (ISO).
 * @param visits - The patient's visits (their `onCorticosteroids` flags). Default none.
 * @param options - `assumeNoSteroidsWhenUnrecorded` (default `false`). Unknown keys are errors.
 * @returns The exposure on that date.
 * @throws {TypeError} If the course or a visit has the wrong shape, `visits` is not an array, or an option is unknown or not a boolean.
 * @throws {RangeError} If the date is not an ISO calendar date, or a course or visit value is invalid.
 * @example
 * steroidExposure({ patientId: "P1", startDate: "2024-01-01",
 *   dosePeriods: [{ doseMg: 45, startDate: "2024-01-01" }],
 *   concomitantMedications: [{ agentClass: "corticosteroid", startDate: "2023-12-01", endDate: "2024-02-01" }] },
 *   "2024-05-01");
 * //=> { status: "off", daysOff: 90, usedAtBaseline: true }
 * @example
 * steroidExposure({ patientId: "P1", startDate: "2024-01-01", dosePeriods: [{ doseMg: 45, startDate: "2024-01-01" }] },
 *   "2024-03-01").status;
 * //=> "unknown"
 * @see Mao Y, et al. Drug Des Devel Ther 2025 (Methods: "after stopping glucocorticoids for at least 3 months").
 */
export function steroidExposure(
  course: TreatmentCourse | TreatmentCourseInput,
  date: IsoDate,
  visits?: readonly Visit[],
  options?: SteroidExposureOptions,
): SteroidExposure {
  const fn = "steroidExposure";
  if (typeof date !== "string" || !isIsoDate(date)) {
    throw new RangeError(`${fn}: date must be a calendar date written YYYY-MM-DD; got ${describeValue(date)}.`);
  }
  if (course === null || typeof course !== "object" || Array.isArray(course)) {
    throw new TypeError(`${fn}: course must be a treatment course object; got ${describeValue(course)}.`);
  }
  const c = TreatmentCourseSchema.safeParse(course);
  if (!c.success) throw errorFromZod(fn, "course", c.error, course);
  if (visits !== undefined && !Array.isArray(visits)) throw new TypeError(`${fn}: visits must be an array of visits; got ${describeValue(visits)}.`);
  const vs: Visit[] = [];
  for (let i = 0; i < (visits?.length ?? 0); i++) {
    const raw: unknown = visits![i];
    if (raw === undefined && !(i in visits!)) throw new TypeError(`${fn}: visits[${i}] must be a visit; got an empty array slot.`);
    const r = VisitSchema.safeParse(raw);
    if (!r.success) throw errorFromZod(fn, `visits[${i}]`, r.error, raw);
    vs.push(r.data);
  }
  const o = checkOptionKeys(fn, options, STEROID_OPTION_KEYS);
  return steroidExposureOf(c.data, date, vs, booleanOption(fn, o, "assumeNoSteroidsWhenUnrecorded", false));
}

// ---------------------------------------------------------------- result types

/** A visit chosen for a time point. */
export interface TimelineVisitRef {
  /** The visit id, or `null` when the visit has none. */
  readonly id: string | null;
  /** The visit date. */
  readonly date: IsoDate;
  /** Days from the time point's target date (negative = before). */
  readonly daysFromTarget: number;
}

/** The failure events of a patient's course. */
export interface TimelineEvents {
  /** First counted surgery on or after treatment start, or `null`. */
  readonly surgery: { readonly date: IsoDate; readonly type: SurgeryType } | null;
  /** The course's discontinuation, and whether the profile counts its reason as failure. */
  readonly discontinuation: { readonly date: IsoDate; readonly reason: DiscontinuationReason; readonly countsAsFailure: boolean } | null;
}

/** One time point of a timeline. */
export interface TimepointOutcome {
  /** The time point. */
  readonly timepoint: TimepointKey;
  /** Its phase. */
  readonly phase: "baseline" | "induction" | "maintenance";
  /** Nominal date: anchor + 7 × week. */
  readonly targetDate: IsoDate;
  /** The window in which a visit may stand for the time point (inclusive). */
  readonly window: { readonly from: IsoDate; readonly to: IsoDate };
  /** Date of the assessment: the clinical visit, else the endoscopy, else the target date. */
  readonly assessmentDate: IsoDate;
  /** Visits chosen per block (`null` = none in the window). */
  readonly visits: {
    readonly clinical: TimelineVisitRef | null;
    readonly endoscopy: TimelineVisitRef | null;
    readonly crp: TimelineVisitRef | null;
    readonly fc: TimelineVisitRef | null;
  };
  /** Measures computed from the chosen visits. */
  readonly measures: VisitMeasures;
  /** Corticosteroid exposure on the assessment date. */
  readonly steroids: SteroidExposure;
  /** Outcome of each endpoint the profile assesses at this time point. */
  readonly outcomes: { readonly [E in EndpointId]?: EndpointResult };
}

/** A patient's timeline under a profile. */
export interface PatientTimeline {
  readonly patientId: string;
  readonly diagnosis: Diagnosis;
  /** Rules applied (IBD-U → UC). */
  readonly disease: RuleDisease;
  readonly profile: { readonly id: string; readonly version: string };
  /** Treatment (upadacitinib) start. */
  readonly treatmentStart: IsoDate;
  /** Start of maintenance: first dose period with phase `maintenance`, else start + induction weeks. */
  readonly maintenanceStart: IsoDate;
  readonly events: TimelineEvents;
  /** The profile's time points for this disease, in schedule order. */
  readonly timepoints: readonly TimepointOutcome[];
}

/** Options of {@link patientTimeline}. */
export interface PatientTimelineOptions {
  /** Override the profile's handling of missing data (A9): `notEvaluable` (complete case) or `nonResponder`. */
  readonly missingData?: "notEvaluable" | "nonResponder";
  /** Skip schema validation: the caller guarantees patient, course and visits passed their schemas. Default `false`. */
  readonly validated?: boolean;
  /**
   * Read "no corticosteroid recorded" as "never used" (see `steroidExposure`). Default `false`: a
   * patient without a corticosteroid record is `not-evaluable` for steroid-free endpoints at every time
   * point, induction included.
   */
  readonly assumeNoSteroidsWhenUnrecorded?: boolean;
}

const TIMELINE_OPTION_KEYS = ["missingData", "validated", "assumeNoSteroidsWhenUnrecorded"] as const;

/** Visit fields each measure is computed from (the first absent one is reported as missing). */
const MEASURE_FIELDS: { readonly [K in MeasureKey]: readonly string[] } = {
  mayoStoolFrequency: ["mayo.stoolFrequency"],
  mayoRectalBleeding: ["mayo.rectalBleeding"],
  mayoEndoscopic: ["mayo.endoscopic"],
  mayoEndoscopicFdaModified: ["mayo.endoscopic", "mayo.friability"],
  mayoPhysicianGlobal: ["mayo.physicianGlobal"],
  mayoAdapted: ["mayo.stoolFrequency", "mayo.rectalBleeding", "mayo.endoscopic"],
  mayoAdaptedFdaModified: ["mayo.stoolFrequency", "mayo.rectalBleeding", "mayo.endoscopic", "mayo.friability"],
  mayoAdaptedMaxSubscore: ["mayo.stoolFrequency", "mayo.rectalBleeding", "mayo.endoscopic"],
  mayoFull: ["mayo.stoolFrequency", "mayo.rectalBleeding", "mayo.endoscopic", "mayo.physicianGlobal"],
  mayoFullMaxSubscore: ["mayo.stoolFrequency", "mayo.rectalBleeding", "mayo.endoscopic", "mayo.physicianGlobal"],
  mayoPartial: ["mayo.stoolFrequency", "mayo.rectalBleeding", "mayo.physicianGlobal"],
  mayoPartialMaxSubscore: ["mayo.stoolFrequency", "mayo.rectalBleeding", "mayo.physicianGlobal"],
  mayoPro2: ["mayo.stoolFrequency", "mayo.rectalBleeding"],
  uceis: ["uceis"],
  hbi: ["hbi"],
  cdai: ["cdai"],
  sesCd: ["sesCd"],
  sesCdMaxSubscore: ["sesCd"],
  sesCdUlcers: ["sesCd"],
  sesCdExNarrowing: ["sesCd"],
  rutgeerts: ["rutgeerts"],
  pro2StoolFrequency: ["pro2"],
  pro2AbdominalPain: ["pro2"],
  pro2Weighted: ["pro2"],
  crpMgPerL: ["labs.crp"],
  fcUgPerG: ["labs.fecalCalprotectin"],
};

function fieldAt(v: Visit, path: string): unknown {
  let cur: unknown = v;
  for (const k of path.split(".")) {
    if (cur === null || typeof cur !== "object" || !Object.prototype.hasOwnProperty.call(cur, k)) return undefined;
    cur = (cur as Record<string, unknown>)[k];
  }
  return cur;
}

/** The record path behind a classifier's `missing` (`followUp.hbi` → `visits[w12].hbi`). */
function recordPath(missing: string | null, merged: { readonly [K in TimepointKey]?: Visit }, timepoint: TimepointKey, rutgeertsApplicable: boolean): string | null {
  if (missing === null) return null;
  const dot = missing.indexOf(".");
  const side = missing.slice(0, dot);
  const measure = missing.slice(dot + 1);
  if (side !== "followUp" && side !== "baseline") return missing === "steroids" ? MISSING_COURSE_STEROIDS : missing;
  const tp: TimepointKey = side === "baseline" ? "w0" : timepoint;
  const fields = Object.prototype.hasOwnProperty.call(MEASURE_FIELDS, measure) ? MEASURE_FIELDS[measure as MeasureKey] : undefined;
  if (fields === undefined) return missing;
  if (measure === "rutgeerts" && !rutgeertsApplicable) return "patient.surgeries (an ileocolonic resection before the endoscopy, for a Rutgeerts grade to count)";
  const v = merged[tp];
  const absent = v === undefined ? fields[0] : fields.find((f) => fieldAt(v, f) === undefined);
  return `visits[${tp}].${absent ?? fields[0]}`;
}

// ---------------------------------------------------------------- selection

type Block = "clinical" | "endoscopy" | "crp" | "fc";

function hasBlock(v: Visit, block: Block, d: RuleDisease): boolean {
  switch (block) {
    case "clinical":
      return d === "UC"
        ? v.mayo?.stoolFrequency !== undefined && v.mayo.rectalBleeding !== undefined
        : v.hbi !== undefined || v.cdai !== undefined || v.pro2 !== undefined;
    case "endoscopy":
      return d === "UC" ? v.mayo?.endoscopic !== undefined || v.uceis !== undefined : v.sesCd !== undefined || v.rutgeerts !== undefined;
    case "crp":
      return v.labs?.crp !== undefined;
    case "fc":
      return v.labs?.fecalCalprotectin !== undefined;
  }
}

/**
 * The visit nearest the target inside [from, to] holding the block. Visits are sorted by date (stable),
 * so on equal distance the earlier visit wins, and on the same date the first in input order.
 */
/** Internal (shared with lab trajectories): the visit in [from, to] nearest the target that `has` accepts (the first on ties). */
export function nearestVisit(sorted: readonly Visit[], target: string, from: string, to: string, has: (v: Visit) => boolean): Visit | undefined {
  let best: Visit | undefined;
  let bestDist = Infinity;
  for (const v of sorted) {
    if (v.date < from) continue;
    if (v.date > to) break;
    if (!has(v)) continue;
    const dist = Math.abs(daysBetween(target, v.date));
    if (dist < bestDist) {
      best = v;
      bestDist = dist;
    }
  }
  return best;
}

function pick(sorted: readonly Visit[], target: string, from: string, to: string, block: Block, d: RuleDisease): Visit | undefined {
  return nearestVisit(sorted, target, from, to, (v) => hasBlock(v, block, d));
}

function ref(v: Visit | undefined, target: string): TimelineVisitRef | null {
  return v === undefined ? null : { id: v.id ?? null, date: v.date, daysFromTarget: daysBetween(target, v.date) };
}

function mergedVisit(patientId: string, date: string, d: RuleDisease, c?: Visit, e?: Visit, crp?: Visit, fc?: Visit): Visit {
  const out: { -readonly [K in keyof Visit]: Visit[K] } = { patientId, date };
  if (d === "UC") {
    const mayo: NonNullable<Visit["mayo"]> = {};
    const cm = c?.mayo;
    const em = e?.mayo;
    if (cm?.stoolFrequency !== undefined) mayo.stoolFrequency = cm.stoolFrequency;
    if (cm?.rectalBleeding !== undefined) mayo.rectalBleeding = cm.rectalBleeding;
    if (cm?.physicianGlobal !== undefined) mayo.physicianGlobal = cm.physicianGlobal;
    if (em?.endoscopic !== undefined) mayo.endoscopic = em.endoscopic;
    if (em?.friability !== undefined) mayo.friability = em.friability;
    if (Object.keys(mayo).length > 0) out.mayo = mayo;
    if (e?.uceis !== undefined) out.uceis = e.uceis;
  } else {
    if (c?.hbi !== undefined) out.hbi = c.hbi;
    if (c?.cdai !== undefined) out.cdai = c.cdai;
    if (c?.pro2 !== undefined) out.pro2 = c.pro2;
    if (e?.sesCd !== undefined) out.sesCd = e.sesCd;
    if (e?.rutgeerts !== undefined) out.rutgeerts = e.rutgeerts;
  }
  const labs: NonNullable<Visit["labs"]> = {};
  if (crp?.labs?.crp !== undefined) labs.crp = crp.labs.crp;
  if (fc?.labs?.fecalCalprotectin !== undefined) labs.fecalCalprotectin = fc.labs.fecalCalprotectin;
  if (labs.crp !== undefined || labs.fecalCalprotectin !== undefined) out.labs = labs;
  return out;
}

function firstCountedSurgery(surgeries: readonly Surgery[] | undefined, start: string, types: readonly SurgeryType[]): Surgery | undefined {
  let first: Surgery | undefined;
  for (const s of surgeries ?? []) {
    if (s.date < start || !types.includes(s.type)) continue;
    if (first === undefined || s.date < first.date) first = s;
  }
  return first;
}

function sameOwner(fn: string, patientId: string, course: { patientId: string }, visits: readonly Visit[]): void {
  if (course.patientId !== patientId) throw new RangeError(`${fn}: course.patientId must equal patient.id; got a different id.`);
  visits.forEach((v, i) => {
    if (v === null || typeof v !== "object") throw new TypeError(`${fn}: visits[${i}] must be a visit object; got ${describeValue(v)}.`);
    if (v.patientId !== patientId) throw new RangeError(`${fn}: visits[${i}].patientId must equal patient.id; got a different id.`);
  });
}

/** Validated inputs of a timeline (shared with lab trajectories). */
export interface TimelineFrame {
  readonly patient: Patient;
  readonly course: TreatmentCourse;
  readonly sorted: readonly Visit[];
  readonly disease: RuleDisease;
  readonly schedule: readonly TimepointSpec[];
  readonly maintenanceStart: string;
  /** Target date and window of each scheduled time point. */
  readonly slots: readonly { spec: TimepointSpec; target: string; from: string; to: string }[];
}

/** Internal: validates inputs and lays out the schedule. */
export function timelineFrame(
  fn: string,
  patient: Patient,
  course: TreatmentCourse | TreatmentCourseInput,
  visits: readonly Visit[],
  profile: DefinitionProfile,
  validated: boolean,
): TimelineFrame {
  let pt = patient;
  let co = course as TreatmentCourse;
  let vs = visits;
  if (!Array.isArray(visits)) throw new TypeError(`${fn}: visits must be an array of visits; got ${describeValue(visits)}.`);
  if (!validated) {
    const p = PatientSchema.safeParse(patient);
    if (!p.success) throw errorFromZod(fn, "patient", p.error, patient);
    pt = p.data;
    const c = TreatmentCourseSchema.safeParse(course);
    if (!c.success) throw errorFromZod(fn, "course", c.error, course);
    co = c.data;
    const parsed: Visit[] = [];
    for (let i = 0; i < visits.length; i++) {
      const r = VisitSchema.safeParse(visits[i]);
      if (!r.success) throw errorFromZod(fn, `visits[${i}]`, r.error, visits[i]);
      parsed.push(r.data);
    }
    vs = parsed;
  }
  sameOwner(fn, pt.id, co, vs);
  const disease = ruleDiseaseOf(pt.diagnosis);
  const schedule = profile.schedule[disease];
  const sorted = vs
    .map((v, i) => ({ v, i }))
    .sort((a, b) => (a.v.date < b.v.date ? -1 : a.v.date > b.v.date ? 1 : a.i - b.i))
    .map((x) => x.v);
  const start = co.startDate;
  const induction = schedule.find((t) => t.phase === "induction");
  const maint = co.dosePeriods
    .filter((d) => d.phase === "maintenance")
    .reduce<string | undefined>((acc, d) => (acc === undefined || d.startDate < acc ? d.startDate : acc), undefined);
  const maintenanceStart = maint ?? addDaysIso(start, 7 * (induction?.week ?? (disease === "CD" ? 12 : 8)));
  const slots = schedule.map((spec) => {
    const anchor = spec.phase === "maintenance" && profile.schedule.anchor === "maintenanceStart" ? maintenanceStart : start;
    const target = addDaysIso(anchor, 7 * spec.week);
    return { spec, target, from: addDaysIso(target, -spec.windowDays.before), to: addDaysIso(target, spec.windowDays.after) };
  });
  return { patient: pt, course: co, sorted, disease, schedule, maintenanceStart, slots };
}

/**
 * A patient's outcome at every time point of a profile: visit selection, corticosteroid status, surgery
 * and discontinuation as failure, and missing-data handling.
 * @remarks
 * - Time points: the profile's schedule for the disease (`mao2025`: UC w0, w8, w26, w52, w78; CD w0,
 *   w12, w26, w52, w78), target = anchor + 7 × week (anchor: treatment start; A8 `maintenanceStart`
 *   moves maintenance time points), window = [target − before, target + after] days, inclusive.
 * - Visit choice, per block (clinical score, endoscopy, CRP, FC): the visit in the window holding that
 *   block nearest the target; on equal distance the EARLIER visit wins; on the same date the first in
 *   input order. A UC Mayo score combines SF/RB/PGA of the clinical visit with ES/friability of the
 *   endoscopy visit (the same visit when one holds both). The baseline (w0) is chosen the same way.
 * - Corticosteroids: `steroidExposure` on the assessment date (clinical visit date, else endoscopy date,
 *   else the target date); the profile's A3 window decides. A patient whose corticosteroid use is not
 *   recorded is `not-evaluable` for steroid-free endpoints at every time point, induction included
 *   (`missing` names the field to record), unless `assumeNoSteroidsWhenUnrecorded` is set.
 * - Every `not-evaluable` result names the unrecorded input in `missing` as a record path, e.g.
 *   `visits[w8].mayo.friability`, `visits[w0].hbi`.
 * - Failure: the first surgery of `analysis.surgeryTypes` on or after treatment start, and a
 *   discontinuation whose reason is in `analysis.discontinuationFailureReasons`, make every
 *   `analysis.failureEndpoints` endpoint `not-met` at every time point whose assessment date is on or
 *   after the event (the observed values stay in the result for audit; `imputation` says why).
 * - Missing data (A9): a follow-up measure missing → `not-evaluable` (`notEvaluable`, complete case,
 *   the paper) or `not-met` with `imputation.cause = "missing"` (`nonResponder`).
 * - A Rutgeerts grade counts only after an `analysis.rutgeertsAfter` surgery dated before the endoscopy.
 * @param patient - The patient (diagnosis, surgeries).
 * @param course - The treatment course (start, dose periods, corticosteroid periods, discontinuation).
 * @param visits - The patient's visits, any order.
 * @param profile - Default `mao2025`.
 * @param options - `missingData` (A9 override), `validated`, `assumeNoSteroidsWhenUnrecorded` (default
 *   `false`). Unknown keys are errors.
 * @returns The timeline: one `TimepointOutcome` per scheduled time point. Inputs are not modified.
 * @throws {TypeError|RangeError} If an input fails its schema, or a course or visit belongs to another patient.
 * @example
 * const tl = patientTimeline(
 *   { id: "P1", sex: "female", birthDate: "1990-01-01", diagnosis: "CD", diagnosisDate: "2015-01-01" },
 *   { patientId: "P1", startDate: "2024-01-01", dosePeriods: [{ doseMg: 45, startDate: "2024-01-01" }],
 *     corticosteroidsRecorded: true },
 *   [{ patientId: "P1", date: "2024-01-01",
 *      hbi: { wellBeing: 2, abdominalPain: 2, liquidStools: 4, abdominalMass: 0, complications: [] } },
 *    { patientId: "P1", date: "2024-03-25",
 *      hbi: { wellBeing: 1, abdominalPain: 0, liquidStools: 2, abdominalMass: 0, complications: [] } }]);
 * tl.timepoints.find((t) => t.timepoint === "w12")?.outcomes.steroidFreeClinicalRemission?.status;
 * //=> "met"
 * @see Mao Y, et al. Drug Des Devel Ther 2025 (Outcomes; Statistical Analysis); [definitions §2.1, §2.3](https://github.com/ibd-outcomes/ibd-outcomes/blob/main/docs/definitions.md).
 */
export function patientTimeline(
  patient: Patient,
  course: TreatmentCourse | TreatmentCourseInput,
  visits: readonly Visit[],
  profile: DefinitionProfile = mao2025,
  options?: PatientTimelineOptions,
): PatientTimeline {
  const fn = "patientTimeline";
  const p = ensureProfile(profile, fn);
  const opts = checkOptionKeys(fn, options, TIMELINE_OPTION_KEYS);
  const assumeNever = booleanOption(fn, opts, "assumeNoSteroidsWhenUnrecorded", false);
  const validatedOpt = booleanOption(fn, opts, "validated", false);
  const missingData = options?.missingData ?? p.analysis.missingData;
  if (missingData !== "notEvaluable" && missingData !== "nonResponder") {
    throw new TypeError(`${fn}: options.missingData must be "notEvaluable" or "nonResponder"; got ${describeValue(missingData)}.`);
  }
  const frame = timelineFrame(fn, patient, course, visits, p, validatedOpt);
  const { patient: pt, course: co, sorted, disease, slots } = frame;
  const start = co.startDate;

  const surgery = firstCountedSurgery(pt.surgeries, start, p.analysis.surgeryTypes);
  const disc = co.discontinuation;
  const discFails = disc !== undefined && p.analysis.discontinuationFailureReasons.includes(disc.reason);
  const failures: { cause: "surgery" | "discontinuation"; date: string; text: string }[] = [];
  if (surgery !== undefined) failures.push({ cause: "surgery", date: surgery.date, text: `surgery (${surgery.type}) on ${surgery.date}` });
  if (disc !== undefined && discFails) failures.push({ cause: "discontinuation", date: disc.date, text: `discontinuation (${disc.reason}) on ${disc.date}` });
  failures.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const failureEndpoints = p.analysis.failureEndpoints;
  const rutgeertsSurgeries = (pt.surgeries ?? []).filter((s) => p.analysis.rutgeertsAfter.includes(s.type));

  const pick4 = (target: string, from: string, to: string) => ({
    clinical: pick(sorted, target, from, to, "clinical", disease),
    endoscopy: pick(sorted, target, from, to, "endoscopy", disease),
    crp: pick(sorted, target, from, to, "crp", disease),
    fc: pick(sorted, target, from, to, "fc", disease),
  });
  const merged: { [K in TimepointKey]?: Visit } = {};
  const applicable: { [K in TimepointKey]?: boolean } = {};
  const measuresOf = (key: TimepointKey, chosen: ReturnType<typeof pick4>, date: string): VisitMeasures => {
    const endoDate = chosen.endoscopy?.date;
    const rutgeertsApplicable = endoDate !== undefined && rutgeertsSurgeries.some((s) => s.date < endoDate);
    const mv = mergedVisit(pt.id, date, disease, chosen.clinical, chosen.endoscopy, chosen.crp, chosen.fc);
    merged[key] = mv;
    applicable[key] = rutgeertsApplicable;
    return measuresFromVisit(mv, { validated: true, rutgeertsApplicable });
  };

  const baseSlot = slots.find((s) => s.spec.key === "w0");
  const baseChosen = baseSlot === undefined ? undefined : pick4(baseSlot.target, baseSlot.from, baseSlot.to);
  const baseline = baseChosen === undefined ? undefined : measuresOf("w0", baseChosen, start);

  const timepoints: TimepointOutcome[] = slots.map(({ spec, target, from, to }) => {
    const chosen = spec.key === "w0" && baseChosen !== undefined ? baseChosen : pick4(target, from, to);
    const assessmentDate = chosen.clinical?.date ?? chosen.endoscopy?.date ?? target;
    const measures = spec.key === "w0" && baseline !== undefined ? baseline : measuresOf(spec.key, chosen, assessmentDate);
    const steroids = steroidExposureOf(co, assessmentDate, sorted, assumeNever);
    const failure = failures.find((f) => f.date <= assessmentDate);
    const outcomes: { [E in EndpointId]?: EndpointResult } = {};
    for (const e of spec.endpoints) {
      const raw = classifyEndpointUnder(e, { disease, timepoint: spec.key, followUp: measures, baseline, steroids }, p, fn);
      const side = raw.missing?.startsWith("baseline.") === true ? "w0" : spec.key;
      const r: EndpointResult = raw.missing === null ? raw : { ...raw, missing: recordPath(raw.missing, merged, spec.key, applicable[side] ?? false) };
      if (r.code === "notDefined") {
        outcomes[e] = r;
      } else if (failure !== undefined && failureEndpoints.includes(e)) {
        outcomes[e] = {
          ...r,
          status: "not-met",
          code: failure.cause,
          reason: `${failure.text}: treatment failure from that date on`,
          imputation: { cause: failure.cause, date: failure.date },
        };
      } else if (r.status === "not-evaluable" && r.code === "noFollowUp" && missingData === "nonResponder") {
        outcomes[e] = {
          ...r,
          status: "not-met",
          code: "imputedMissing",
          reason: `non-responder imputation: ${r.reason}`,
          imputation: { cause: "missing", date: null },
        };
      } else {
        outcomes[e] = r;
      }
    }
    return {
      timepoint: spec.key,
      phase: spec.phase,
      targetDate: target,
      window: { from, to },
      assessmentDate,
      visits: {
        clinical: ref(chosen.clinical, target),
        endoscopy: ref(chosen.endoscopy, target),
        crp: ref(chosen.crp, target),
        fc: ref(chosen.fc, target),
      },
      measures,
      steroids,
      outcomes,
    };
  });

  return {
    patientId: pt.id,
    diagnosis: pt.diagnosis,
    disease,
    profile: { id: p.id, version: p.version },
    treatmentStart: start,
    maintenanceStart: frame.maintenanceStart,
    events: {
      surgery: surgery === undefined ? null : { date: surgery.date, type: surgery.type },
      discontinuation: disc === undefined ? null : { date: disc.date, reason: disc.reason, countsAsFailure: discFails },
    },
    timepoints,
  };
}

/** One row per patient, time point and endpoint: ready to count n/N. */
export interface TimelineRow {
  readonly patientId: string;
  readonly disease: RuleDisease;
  readonly timepoint: TimepointKey;
  readonly endpoint: EndpointId;
  readonly status: EndpointStatus;
  readonly code: ResultCode;
  readonly profileId: string;
  readonly profileVersion: string;
}

/**
 * Flattens a timeline into plain rows (patient × time point × endpoint) for cohort tables.
 * @param timeline - From `patientTimeline`.
 * @returns Rows in time point then endpoint order.
 * @example
 * timelineRows({ patientId: "P1", diagnosis: "CD", disease: "CD", profile: { id: "mao2025", version: "1.0.0" },
 *   treatmentStart: "2024-01-01", maintenanceStart: "2024-03-25", events: { surgery: null, discontinuation: null },
 *   timepoints: [] }).length;
 * //=> 0
 * @see [definitions §2.1](https://github.com/ibd-outcomes/ibd-outcomes/blob/main/docs/definitions.md) (denominators: the full cohort at every time point).
 */
export function timelineRows(timeline: PatientTimeline): TimelineRow[] {
  const rows: TimelineRow[] = [];
  for (const t of timeline.timepoints) {
    for (const [endpoint, r] of Object.entries(t.outcomes) as [EndpointId, EndpointResult][]) {
      rows.push({
        patientId: timeline.patientId,
        disease: timeline.disease,
        timepoint: t.timepoint,
        endpoint,
        status: r.status,
        code: r.code,
        profileId: timeline.profile.id,
        profileVersion: timeline.profile.version,
      });
    }
  }
  return rows;
}
