/**
 * Time-to-event data from records: drug persistence from treatment courses, dose escalation, and
 * time to the first visit at which an endpoint is met.
 * @packageDocumentation
 */
import { compareIso, daysBetween, isIsoDate } from "../../_lib/dates.js";
import { describeValue, errorFromZod } from "../../_lib/errors.js";
import { AdverseEventSchema, type AdverseEvent } from "../../models/adverseEvent.js";
import type { IsoDate } from "../../models/common.js";
import {
  DiscontinuationReasonSchema,
  TreatmentCourseSchema,
  type DiscontinuationReason,
  type TreatmentCourse,
  type TreatmentCourseInput,
} from "../../models/treatmentCourse.js";
import type { PatientTimeline } from "../patientTimeline/index.js";
import type { EndpointId, EndpointStatus, TimepointKey } from "../types.js";

const FN = "drugPersistence";

/**
 * Which course end counts as the event: `'any'` discontinuation (except `lostToFollowUp`, which
 * is censoring), `'failure'` (lack or loss of response: `lackOfEfficacy`), `'intolerance'`
 * (`adverseEvent`), `'doseEscalation'` (first maintenance dose above the previous one, e.g.
 * 15 → 30 mg), or a list of discontinuation reasons.
 */
export type PersistenceEvent = "any" | "failure" | "intolerance" | "doseEscalation" | readonly DiscontinuationReason[];

/** Options of {@link drugPersistence}. */
export interface DrugPersistenceOptions {
  /** The data cut-off: nothing after it is observed. Required. */
  cutoffDate: IsoDate;
  /**
   * Each patient's last follow-up date, by patient id. When given, a course still running is
   * censored at the earlier of this date and the cut-off, and a patient missing from it makes the
   * course not evaluable. When absent, running courses are censored at the cut-off (every patient
   * is taken to be followed up to the cut-off; the derivation says so).
   */
  lastFollowUp?: ReadonlyMap<string, IsoDate> | Readonly<Record<string, IsoDate>>;
  /** What counts as the event (default `'any'`). */
  event?: PersistenceEvent;
  /**
   * Adverse events (validated with AdverseEventSchema), read only for deaths: a patient's death is
   * the earliest onset date of an event with category `'death'` or `seriousness.death === true`
   * (an unrecorded `seriousness.death` is not read as a death, nor as no death). A death on drug
   * is a competing event (`cause` 3); without this option deaths are not known.
   */
  adverseEvents?: readonly AdverseEvent[];
}

/** How a time was derived: start, end and why it ended there. */
export interface TimeDerivation {
  /** Start of the time scale (treatment start). */
  start: IsoDate;
  /** Date of the event or of censoring. */
  end: IsoDate;
  /** `'event'` or `'censored'`. */
  endKind: "event" | "censored";
  /** A readable sentence: the event, or why and where the time was censored. */
  why: string;
}

/** One course's time to event (evaluable). */
export interface PersistenceTime {
  /** Always true here. */
  evaluable: true;
  /** The patient. */
  patientId: string;
  /** The course id, or null when the course has none. */
  courseId: string | null;
  /** Days from start to end. */
  time: number;
  /** 1 = the event, 0 = censored (for kaplanMeier, logRankTest, coxRegression). */
  status: 0 | 1;
  /**
   * Competing-risks code (for cumulativeIncidence): 1 = the event, 2 = discontinuation for
   * surgery when surgery is not itself the event, 3 = death on drug (from `adverseEvents`; see
   * {@link DrugPersistenceOptions.adverseEvents}), 0 = censored.
   */
  cause: 0 | 1 | 2 | 3;
  /** The discontinuation reason, if the course ended by discontinuation before the cut-off. */
  reason: DiscontinuationReason | null;
  /** How the time was derived. */
  derivation: TimeDerivation;
}

/** A course whose time cannot be derived, and why. */
export interface PersistenceNotEvaluable {
  /** Always false here. */
  evaluable: false;
  /** The patient. */
  patientId: string;
  /** The course id, or null. */
  courseId: string | null;
  /** What is missing or inconsistent. */
  why: string;
}

/** One entry of {@link drugPersistence}'s result. */
export type PersistenceResult = PersistenceTime | PersistenceNotEvaluable;

function lookup(map: DrugPersistenceOptions["lastFollowUp"], id: string): IsoDate | undefined {
  if (map === undefined) return undefined;
  if (map instanceof Map) return (map as ReadonlyMap<string, IsoDate>).get(id);
  return Object.prototype.hasOwnProperty.call(map, id) ? (map as Readonly<Record<string, IsoDate>>)[id] : undefined;
}

function eventLabel(e: PersistenceEvent): string {
  return typeof e === "string" ? e : `one of ${e.join(", ")}`;
}

function countsAsEvent(e: PersistenceEvent, reason: DiscontinuationReason): boolean {
  if (e === "any") return reason !== "lostToFollowUp";
  if (e === "failure") return reason === "lackOfEfficacy";
  if (e === "intolerance") return reason === "adverseEvent";
  if (e === "doseEscalation") return false;
  return e.includes(reason);
}

/** A patient's death: its date and the adverse event that records it. */
interface Death {
  date: IsoDate;
  source: string;
}

/** Earliest death per patient from adverse events (category 'death' or seriousness.death === true). */
function deathsFrom(aes: unknown): Map<string, Death> {
  const out = new Map<string, Death>();
  if (aes === undefined) return out;
  if (!Array.isArray(aes)) throw new TypeError(`${FN}: options.adverseEvents must be an array of adverse events; got ${describeValue(aes)}.`);
  aes.forEach((input: unknown, k) => {
    const r = AdverseEventSchema.safeParse(input, { reportInput: true });
    if (!r.success) throw errorFromZod(FN, `options.adverseEvents[${k}]`, r.error, input);
    const e = r.data;
    if (e.category === "death" && e.seriousness?.death === false) {
      throw new RangeError(`${FN}: options.adverseEvents[${k}].seriousness.death is false but its category is "death"; the record contradicts itself.`);
    }
    if (e.category !== "death" && e.seriousness?.death !== true) return;
    const how = e.category === "death" ? `category "death"` : "seriousness.death";
    const source = `adverse event ${e.id !== undefined ? `${e.id} ` : ""}"${e.term}" (${how}) on ${e.onsetDate}`;
    const prev = out.get(e.patientId);
    if (prev === undefined || compareIso(e.onsetDate, prev.date) < 0) out.set(e.patientId, { date: e.onsetDate, source });
  });
  return out;
}

/** The first maintenance dose period whose dose exceeds the period before it (15 → 30 mg). */
function escalation(course: TreatmentCourse): { date: IsoDate; from: number; to: number } | null {
  const periods = [...course.dosePeriods].sort((a, b) => compareIso(a.startDate, b.startDate));
  for (let k = 1; k < periods.length; k++) {
    const prev = periods[k - 1]!;
    const cur = periods[k]!;
    // an increase between two periods after induction (the first period is induction unless it says otherwise)
    const prevIsInduction = prev.phase === "induction" || (prev.phase === undefined && k - 1 === 0);
    if (!prevIsInduction && cur.phase !== "induction" && cur.doseMg > prev.doseMg) return { date: cur.startDate, from: prev.doseMg, to: cur.doseMg };
  }
  return null;
}

/**
 * Drug persistence: for each treatment course, the days from its start to the event (by default
 * any discontinuation), censored at the data cut-off or the patient's last follow-up, with how
 * each time was derived and a competing-risks code for surgery and for death on drug.
 * @remarks Discontinuation for `lostToFollowUp` is censoring under every definition (the drug is not
 * known to have been stopped). Under `'failure'` or `'intolerance'`, a discontinuation for another
 * reason censors the course at its date. A discontinuation after the cut-off is not observed: the
 * course is censored at the cut-off. With `'doseEscalation'`, the event is the start of the first
 * maintenance dose period at a higher dose than the one before; any discontinuation censors.
 * A course starting after the cut-off, or (with `lastFollowUp`) a patient without a last
 * follow-up date, is not evaluable and says why; nothing is dropped.
 *
 * Death: the patient model has no death date, so deaths come from `adverseEvents` (the earliest
 * onset of an adverse event with category `'death'` or `seriousness.death === true`; an
 * unrecorded `seriousness.death` is not a death). A death while on drug (on or before the date
 * the course would otherwise end: its discontinuation, event or censoring; a discontinuation on
 * the day of death is read as caused by it) ends the course as a competing event: `status` 0
 * (censored in Kaplan–Meier), `cause` 3, `reason` null, and the derivation names the adverse
 * event. A death after the course ended is not a competing event; the derivation says so. A death
 * before the course start makes the course not evaluable.
 * @param courses - Treatment courses (validated with TreatmentCourseSchema).
 * @param options - See {@link DrugPersistenceOptions}.
 * @returns One entry per course, in input order.
 * @throws {RangeError} If a course is invalid or a date option is not YYYY-MM-DD.
 * @throws {TypeError} If an option has the wrong type or is unknown.
 * @example
 * const [r] = drugPersistence(
 *   [{ patientId: "P1", startDate: "2024-01-01", dosePeriods: [{ doseMg: 45, startDate: "2024-01-01" }],
 *      discontinuation: { date: "2024-07-01", reason: "lackOfEfficacy" } }],
 *   { cutoffDate: "2025-01-01", event: "failure" });
 * [r.evaluable && r.time, r.evaluable && r.status]; //=> [182, 1]
 * @see Cramer JA, et al. Medication compliance and persistence: terminology and definitions.
 *   Value Health 2008;11:44-47. doi:10.1111/j.1524-4733.2007.00213.x
 */
export function drugPersistence(courses: readonly TreatmentCourseInput[], options: DrugPersistenceOptions): PersistenceResult[] {
  if (options === null || typeof options !== "object" || Array.isArray(options)) {
    throw new TypeError(`${FN}: options must be an object with cutoffDate; got ${describeValue(options)}.`);
  }
  for (const k of Object.keys(options)) {
    if (k !== "cutoffDate" && k !== "lastFollowUp" && k !== "event" && k !== "adverseEvents") throw new TypeError(`${FN}: options.${k} is not a known option; got ${describeValue((options as unknown as Record<string, unknown>)[k])}.`);
  }
  const cutoff = options.cutoffDate;
  if (typeof cutoff !== "string" || !isIsoDate(cutoff)) throw new RangeError(`${FN}: options.cutoffDate must be a calendar date written YYYY-MM-DD; got ${describeValue(cutoff)}.`);
  const event: PersistenceEvent = options.event ?? "any";
  if (typeof event === "string") {
    if (!["any", "failure", "intolerance", "doseEscalation"].includes(event)) {
      throw new TypeError(`${FN}: options.event must be "any", "failure", "intolerance", "doseEscalation" or an array of discontinuation reasons; got "${event}".`);
    }
  } else if (Array.isArray(event)) {
    event.forEach((r, k) => {
      if (!DiscontinuationReasonSchema.safeParse(r).success) throw new RangeError(`${FN}: options.event[${k}] must be a discontinuation reason (${DiscontinuationReasonSchema.options.join(", ")}); got ${describeValue(r)}.`);
    });
  } else throw new TypeError(`${FN}: options.event must be a string or an array of reasons; got ${describeValue(event)}.`);
  const lfu = options.lastFollowUp;
  if (lfu !== undefined && (lfu === null || typeof lfu !== "object")) throw new TypeError(`${FN}: options.lastFollowUp must be a Map or an object of dates by patient id; got ${describeValue(lfu)}.`);
  if (!Array.isArray(courses)) throw new TypeError(`${FN}: courses must be an array; got ${describeValue(courses)}.`);
  const deaths = deathsFrom(options.adverseEvents);

  return courses.map((input, idx): PersistenceResult => {
    const parsed = TreatmentCourseSchema.safeParse(input, { reportInput: true });
    if (!parsed.success) throw errorFromZod(FN, `courses[${idx}]`, parsed.error, input);
    const c = parsed.data;
    const courseId = c.id ?? null;
    const base = { patientId: c.patientId, courseId };
    if (compareIso(c.startDate, cutoff) > 0) return { evaluable: false, ...base, why: `the course starts (${c.startDate}) after the data cut-off (${cutoff})` };
    let censorDate: IsoDate = cutoff;
    let censorWhy = `censored at the data cut-off (${cutoff})${lfu === undefined ? "; no last follow-up dates were given, so follow-up is taken to reach the cut-off" : ""}`;
    if (lfu !== undefined) {
      const last = lookup(lfu, c.patientId);
      if (last === undefined) return { evaluable: false, ...base, why: `no last follow-up date for patient ${c.patientId} in options.lastFollowUp` };
      if (typeof last !== "string" || !isIsoDate(last)) throw new RangeError(`${FN}: options.lastFollowUp for patient ${c.patientId} must be a calendar date written YYYY-MM-DD; got ${describeValue(last)}.`);
      if (compareIso(last, c.startDate) < 0) return { evaluable: false, ...base, why: `the last follow-up (${last}) is before the course start (${c.startDate})` };
      if (compareIso(last, cutoff) < 0) {
        censorDate = last;
        censorWhy = `censored at the last follow-up (${last}), before the data cut-off (${cutoff})`;
      }
    }
    const disc = c.discontinuation !== undefined && compareIso(c.discontinuation.date, cutoff) <= 0 ? c.discontinuation : null;
    const death = deaths.get(c.patientId);
    if (death !== undefined && compareIso(death.date, c.startDate) < 0) return { evaluable: false, ...base, why: `the patient's death on ${death.date} (${death.source}) is before the course start (${c.startDate})` };
    const mkBase = (end: IsoDate, status: 0 | 1, cause: 0 | 1 | 2 | 3, why: string, reason: DiscontinuationReason | null): PersistenceTime => ({
      evaluable: true,
      ...base,
      time: daysBetween(c.startDate, end),
      status,
      cause,
      reason,
      derivation: { start: c.startDate, end, endKind: status === 1 ? "event" : "censored", why },
    });
    // death on drug: on or before the date the course would otherwise end (a same-day discontinuation is read as caused by the death)
    const diedOnDrug = (end: IsoDate): boolean => death !== undefined && compareIso(death.date, end) <= 0;
    const mk = (end: IsoDate, status: 0 | 1, cause: 0 | 1 | 2 | 3, why: string, reason: DiscontinuationReason | null): PersistenceTime => {
      if (death !== undefined && diedOnDrug(end)) {
        return mkBase(death.date, 0, 3, `died on ${death.date} while on drug (${death.source}): a competing event for ${eventLabel(event)} (censored in Kaplan–Meier)`, null);
      }
      const after = death !== undefined ? `; the death on ${death.date} (${death.source}) is after the course ended, so it is not a competing event` : "";
      return mkBase(end, status, cause, `${why}${after}`, reason);
    };
    if (event === "doseEscalation") {
      const esc = escalation(c);
      const stop = disc !== null && compareIso(disc.date, censorDate) < 0 ? disc : null;
      const limit = stop !== null ? stop.date : censorDate;
      if (esc !== null && compareIso(esc.date, limit) <= 0) return mk(esc.date, 1, 1, `dose escalated from ${esc.from} to ${esc.to} mg on ${esc.date}`, null);
      if (stop !== null) return mk(stop.date, 0, stop.reason === "surgery" ? 2 : 0, `censored at discontinuation (${stop.reason}) on ${stop.date} without dose escalation`, stop.reason);
      return mk(censorDate, 0, 0, `${censorWhy}; no dose escalation`, null);
    }
    if (disc !== null) {
      const d = disc;
      if (countsAsEvent(event, d.reason)) return mk(d.date, 1, 1, `discontinued on ${d.date} for ${d.reason} (counts as ${eventLabel(event)})`, d.reason);
      if (d.reason === "surgery") return mk(d.date, 0, 2, `discontinued on ${d.date} for surgery: a competing event for ${eventLabel(event)} (censored in Kaplan–Meier)`, d.reason);
      return mk(d.date, 0, 0, `censored at discontinuation on ${d.date} for ${d.reason}, which does not count as ${eventLabel(event)}`, d.reason);
    }
    const later = c.discontinuation !== undefined && disc === null ? `; the discontinuation on ${c.discontinuation.date} is after the cut-off` : "";
    return mk(censorDate, 0, 0, `${censorWhy}${later}`, null);
  });
}

/** One scheduled assessment read by {@link timeToFirstMet}. */
export interface ScheduledAssessment {
  /** The time point. */
  timepoint: TimepointKey;
  /** Date of the assessment (the visit standing for the time point, else its target date). */
  date: IsoDate;
  /** Days from treatment start. */
  day: number;
  /** The endpoint's status there, or null when the profile does not assess it at this time point. */
  status: EndpointStatus | null;
}

/** Result of {@link timeToFirstMet}. */
export interface TimeToFirstMet {
  /** The patient. */
  patientId: string;
  /** The endpoint. */
  endpoint: EndpointId;
  /** Days from treatment start to the first visit at which the endpoint is met, or to censoring. */
  time: number;
  /** 1 = met, 0 = censored. */
  status: 0 | 1;
  /** How the time was derived. */
  derivation: TimeDerivation;
  /** The assessment schedule after baseline, in order, with the endpoint's status at each. */
  schedule: ScheduledAssessment[];
}

/**
 * Time from treatment start to the first assessment at which an endpoint is met, from a patient
 * timeline. Assessments are visits: the event time is the date of the first post-baseline
 * assessment that meets the endpoint, not an interpolated time.
 * @remarks A patient whose endpoint is never met is censored at the last assessment at which it was
 * evaluated without a failure imputation (a `not-met` forced by surgery or discontinuation ends
 * observation at that assessment's predecessor); a patient never evaluated after baseline is
 * censored at baseline (time 0). The schedule lists every time point with its status, so
 * not-evaluable assessments are visible.
 * @param timeline - A {@link PatientTimeline}.
 * @param endpoint - The endpoint, e.g. `'steroidFreeClinicalRemission'`.
 * @returns The time, status, derivation and schedule.
 * @throws {TypeError} If the timeline or endpoint has the wrong form.
 * @example
 * // const t = timeToFirstMet(patientTimeline(patient, course, visits, mao2025), "steroidFreeClinicalRemission");
 * // t.status === 1 ? `met on day ${t.time}` : `censored on day ${t.time}`;
 * typeof timeToFirstMet; //=> "function"
 */
export function timeToFirstMet(timeline: PatientTimeline, endpoint: EndpointId): TimeToFirstMet {
  const fn = "timeToFirstMet";
  if (timeline === null || typeof timeline !== "object" || !Array.isArray(timeline.timepoints)) {
    throw new TypeError(`${fn}: timeline must be a patient timeline (from patientTimeline); got ${describeValue(timeline)}.`);
  }
  if (typeof endpoint !== "string") throw new TypeError(`${fn}: endpoint must be an endpoint id string; got ${describeValue(endpoint)}.`);
  const start = timeline.treatmentStart;
  const schedule: ScheduledAssessment[] = [];
  let lastEvaluated: ScheduledAssessment | null = null;
  let met: ScheduledAssessment | null = null;
  let stoppedBy: string | null = null;
  for (const tp of timeline.timepoints) {
    if (tp.phase === "baseline") continue;
    const o = Object.prototype.hasOwnProperty.call(tp.outcomes, endpoint) ? tp.outcomes[endpoint] : undefined;
    const a: ScheduledAssessment = { timepoint: tp.timepoint, date: tp.assessmentDate, day: daysBetween(start, tp.assessmentDate), status: o?.status ?? null };
    schedule.push(a);
    if (met !== null || stoppedBy !== null || o === undefined) continue;
    if (o.status === "met") met = a;
    else if (o.imputation !== null && o.status === "not-met") stoppedBy = `${o.reason} (at ${tp.timepoint})`;
    else if (o.status === "not-met") lastEvaluated = a;
  }
  if (met !== null) {
    return { patientId: timeline.patientId, endpoint, time: met.day, status: 1, schedule, derivation: { start, end: met.date, endKind: "event", why: `${endpoint} first met at ${met.timepoint} (visit on ${met.date})` } };
  }
  const end = lastEvaluated === null ? start : lastEvaluated.date;
  const why =
    (lastEvaluated === null ? `never evaluated after baseline without imputation: censored at baseline (${start})` : `not met at any assessment: censored at the last evaluated one, ${lastEvaluated.timepoint} (${lastEvaluated.date})`) +
    (stoppedBy !== null ? `; observation ended by ${stoppedBy}` : "");
  return { patientId: timeline.patientId, endpoint, time: lastEvaluated === null ? 0 : lastEvaluated.day, status: 0, schedule, derivation: { start, end, endKind: "censored", why } };
}
