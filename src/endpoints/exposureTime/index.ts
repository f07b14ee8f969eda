/**
 * Person-time on drug per course and per patient, for exposure-adjusted rates (events per 100 patient-years).
 */
import { compareIso, isIsoDate } from "../../_lib/dates.js";
import { describeValue, errorFromZod } from "../../_lib/errors.js";
import { exposureEnd, inclusiveDays, type ExposureEndedBy } from "../../_lib/periods.js";
import type { IsoDate } from "../../models/common.js";
import { TreatmentCourseSchema, type TreatmentCourseInput } from "../../models/treatmentCourse.js";

const FN = "exposureTime";

/** Days in a year for person-years: the mean Julian year. */
export const DAYS_PER_YEAR = 365.25;

/** Options of {@link exposureTime}. */
export interface ExposureTimeOptions {
  /** The data cut-off: exposure after it is not observed. Required (a running course has no end otherwise). */
  readonly cutoffDate: IsoDate;
  /**
   * Each patient's last follow-up date, by patient id (a Map or an object). When given, a course still running
   * ends at the earlier of this date and the cut-off, and a patient missing from it makes the course not
   * evaluable. When absent, running courses end at the cut-off (the result says so).
   */
  readonly lastFollowUp?: ReadonlyMap<string, IsoDate> | Readonly<Record<string, IsoDate>>;
  /** Only courses of this drug (case-insensitive), e.g. `"upadacitinib"`. Default: every course. */
  readonly drug?: string;
}

/** One course's exposure. */
export interface CourseExposure {
  readonly evaluable: true;
  readonly patientId: string;
  readonly courseId: string | null;
  readonly drug: string;
  /** First day on the drug (the course start). */
  readonly startDate: IsoDate;
  /** Last day on the drug. */
  readonly endDate: IsoDate;
  /** What ended the exposure. */
  readonly endedBy: ExposureEndedBy;
  /** Days on the drug, both ends included (the package's one day-counting rule). */
  readonly days: number;
  /** days / 365.25. */
  readonly personYears: number;
  /** A readable sentence: from when to when and why it ends there. */
  readonly why: string;
}

/** A course whose exposure cannot be derived, and why. */
export interface CourseExposureNotEvaluable {
  readonly evaluable: false;
  readonly patientId: string;
  readonly courseId: string | null;
  readonly drug: string;
  readonly why: string;
}

/** Result of {@link exposureTime}. */
export interface ExposureTimeResult {
  /** One entry per course considered, in input order. */
  readonly courses: readonly (CourseExposure | CourseExposureNotEvaluable)[];
  /** Person-years per patient (sum over the patient's evaluable courses), in order of first appearance. */
  readonly patients: readonly { readonly patientId: string; readonly days: number; readonly personYears: number }[];
  /** Total person-years over evaluable courses. */
  readonly totalPersonYears: number;
  /** Courses left out (not evaluable), each with its reason in `courses`. */
  readonly notEvaluable: number;
}

function lookup(map: ExposureTimeOptions["lastFollowUp"], id: string): IsoDate | undefined {
  if (map === undefined) return undefined;
  if (map instanceof Map) return (map as ReadonlyMap<string, IsoDate>).get(id);
  return Object.prototype.hasOwnProperty.call(map, id) ? (map as Readonly<Record<string, IsoDate>>)[id] : undefined;
}

const ENDED_TEXT: Readonly<Record<ExposureEndedBy, string>> = {
  discontinuation: "the discontinuation",
  lastDose: "the end of the last dose period",
  lastFollowUp: "the last follow-up",
  dataCutoff: "the data cut-off",
};

/**
 * Person-time on drug: for each treatment course, the days from its start to the last day on the drug, and
 * the person-years per patient, for exposure-adjusted incidence rates (events per 100 patient-years).
 * @remarks The last day on the drug is the earliest of the discontinuation date, the end of the last dose
 * period (when every period has an end), the patient's last follow-up (`lastFollowUp`) and the data cut-off;
 * both the first and the last day count (the package's one day-counting rule, as the exposure criterion of
 * `assessStudyEligibility`). Person-years = days / 365.25. A course starting after the cut-off or after the
 * patient's last follow-up, or (with `lastFollowUp`) a patient without a date, is not evaluable and says why:
 * nothing is dropped silently. The same courses give `drugPersistence` its times (persistence ends at the
 * discontinuation; exposure also ends with the last dose).
 * @param courses - Treatment courses (validated with TreatmentCourseSchema).
 * @param options - `cutoffDate` (required), `lastFollowUp`, `drug`.
 * @returns Per-course exposure with its derivation, person-years per patient and in total.
 * @throws {TypeError} If an argument has the wrong type or an option is unknown.
 * @throws {RangeError} If a course is invalid or a date is not YYYY-MM-DD.
 * @example
 * exposureTime([{ patientId: "P1", startDate: "2024-01-01", dosePeriods: [{ doseMg: 45, startDate: "2024-01-01", endDate: "2024-03-24" }] }],
 *   { cutoffDate: "2025-01-01" }).patients;
 * //=> [{ patientId: "P1", days: 84, personYears: 0.2299794661190965 }]
 * @see Kraemer HC. Events per person-time (incidence rate): a misleading statistic? Stat Med 2009;28:1028-39. doi:10.1002/sim.3525
 */
export function exposureTime(courses: readonly TreatmentCourseInput[], options: ExposureTimeOptions): ExposureTimeResult {
  if (options === null || typeof options !== "object" || Array.isArray(options)) throw new TypeError(`${FN}: options must be an object with cutoffDate; got ${describeValue(options)}.`);
  for (const k of Object.keys(options)) {
    if (k !== "cutoffDate" && k !== "lastFollowUp" && k !== "drug") throw new TypeError(`${FN}: options.${k} is not an option (cutoffDate, lastFollowUp, drug).`);
  }
  const cutoff = options.cutoffDate;
  if (typeof cutoff !== "string" || !isIsoDate(cutoff)) throw new RangeError(`${FN}: options.cutoffDate must be a calendar date written YYYY-MM-DD; got ${describeValue(cutoff)}.`);
  const lfu = options.lastFollowUp;
  if (lfu !== undefined && (lfu === null || typeof lfu !== "object" || Array.isArray(lfu))) {
    throw new TypeError(`${FN}: options.lastFollowUp must be a Map or an object of dates by patient id; got ${describeValue(lfu)}.`);
  }
  if (options.drug !== undefined && typeof options.drug !== "string") throw new TypeError(`${FN}: options.drug must be a string; got ${describeValue(options.drug)}.`);
  if (!Array.isArray(courses)) throw new TypeError(`${FN}: courses must be an array; got ${describeValue(courses)}.`);
  const drug = options.drug?.toLowerCase();
  const out: (CourseExposure | CourseExposureNotEvaluable)[] = [];
  courses.forEach((input, i) => {
    const parsed = TreatmentCourseSchema.safeParse(input, { reportInput: true });
    if (!parsed.success) throw errorFromZod(FN, `courses[${i}]`, parsed.error, input);
    const c = parsed.data;
    if (drug !== undefined && c.drug.toLowerCase() !== drug) return;
    const base = { patientId: c.patientId, courseId: c.id ?? null, drug: c.drug };
    if (compareIso(c.startDate, cutoff) > 0) {
      out.push({ evaluable: false, ...base, why: `the course starts (${c.startDate}) after the data cut-off (${cutoff})` });
      return;
    }
    let last: IsoDate | undefined;
    if (lfu !== undefined) {
      last = lookup(lfu, c.patientId);
      if (last === undefined) {
        out.push({ evaluable: false, ...base, why: `no last follow-up date for patient ${c.patientId} in options.lastFollowUp` });
        return;
      }
      if (typeof last !== "string" || !isIsoDate(last)) throw new RangeError(`${FN}: options.lastFollowUp for patient ${c.patientId} must be a calendar date written YYYY-MM-DD; got ${describeValue(last)}.`);
      if (compareIso(last, c.startDate) < 0) {
        out.push({ evaluable: false, ...base, why: `the last follow-up (${last}) is before the course start (${c.startDate})` });
        return;
      }
    }
    const end = exposureEnd(c, cutoff, last);
    const days = inclusiveDays(c.startDate, end.date);
    const assumed = lfu === undefined && end.by === "dataCutoff" ? "; no last follow-up dates were given, so the running course is taken to reach the cut-off" : "";
    out.push({
      evaluable: true,
      ...base,
      startDate: c.startDate,
      endDate: end.date,
      endedBy: end.by,
      days,
      personYears: days / DAYS_PER_YEAR,
      why: `${c.startDate} to ${end.date} (${days} days, both included), ended by ${ENDED_TEXT[end.by]}${assumed}`,
    });
  });
  const byPatient = new Map<string, number>();
  for (const e of out) if (e.evaluable) byPatient.set(e.patientId, (byPatient.get(e.patientId) ?? 0) + e.days);
  const patients = [...byPatient].map(([patientId, days]) => ({ patientId, days, personYears: days / DAYS_PER_YEAR }));
  const totalDays = patients.reduce((s, p) => s + p.days, 0);
  return { courses: out, patients, totalPersonYears: totalDays / DAYS_PER_YEAR, notEvaluable: out.filter((e) => !e.evaluable).length };
}
