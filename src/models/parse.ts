import type * as z from "zod";
import { plainIssues } from "../_lib/errors.js";
import type { ParseResult, ValidationIssue } from "./common.js";
import { AdverseEventSchema, type AdverseEvent } from "./adverseEvent.js";
import { LabPanelSchema, type LabPanel } from "./labPanel.js";
import { PatientSchema, type Patient } from "./patient.js";
import { TreatmentCourseSchema, type TreatmentCourse } from "./treatmentCourse.js";
import { VisitSchema, type Visit } from "./visit.js";

function safe<S extends z.ZodType>(schema: S, input: unknown): ParseResult<z.infer<S>> {
  const r = schema.safeParse(input);
  return r.success ? { success: true, data: r.data } : { success: false, issues: plainIssues(r.error) };
}

/**
 * Validates a patient record without throwing.
 * @param input - Untrusted data.
 * @returns `{ success: true, data }` or `{ success: false, issues }` with every issue's path.
 * @example
 * parsePatient({ id: "P1", sex: "male", birthDate: "1990-01-01", diagnosis: "CD",
 *   diagnosisDate: "1980-01-01" }).success;
 * //=> false
 */
export function parsePatient(input: unknown): ParseResult<Patient> {
  return safe(PatientSchema, input);
}

/**
 * Validates a treatment course without throwing (`drug` required; `concomitantMedications` defaults to none listed).
 * @param input - Untrusted data.
 * @returns The typed course or every issue with its path.
 * @example
 * parseTreatmentCourse({ patientId: "P1", startDate: "2024-01-01", dosePeriods: [] }).success;
 * //=> false
 */
export function parseTreatmentCourse(input: unknown): ParseResult<TreatmentCourse> {
  return safe(TreatmentCourseSchema, input);
}

/**
 * Validates a visit without throwing.
 * @param input - Untrusted data.
 * @returns The typed visit or every issue with its path.
 * @example
 * parseVisit({ patientId: "P1", date: "2024-02-30" }).success;
 * //=> false
 */
export function parseVisit(input: unknown): ParseResult<Visit> {
  return safe(VisitSchema, input);
}

/**
 * Validates a lab panel without throwing.
 * @param input - Untrusted data.
 * @returns The typed panel or every issue with its path.
 * @example
 * parseLabPanel({ crp: { value: 3, unit: "mg/L" } }).success;
 * //=> true
 */
export function parseLabPanel(input: unknown): ParseResult<LabPanel> {
  return safe(LabPanelSchema, input);
}

/**
 * Validates an adverse event without throwing.
 * @param input - Untrusted data.
 * @returns The typed event or every issue with its path.
 * @example
 * parseAdverseEvent({ patientId: "P1", onsetDate: "2024-01-01", term: "zoster",
 *   category: "infection", infectionType: "herpesZoster", ledToDiscontinuation: false }).success;
 * //=> true
 */
export function parseAdverseEvent(input: unknown): ParseResult<AdverseEvent> {
  return safe(AdverseEventSchema, input);
}

/** A validated cohort: every collection holds only valid, cross-checked records. */
export interface Cohort {
  readonly patients: readonly Patient[];
  readonly courses: readonly TreatmentCourse[];
  readonly visits: readonly Visit[];
  readonly adverseEvents: readonly AdverseEvent[];
}

/** The collections of a cohort. */
export type CohortCollection = "patients" | "courses" | "visits" | "adverseEvents";

/** One rejected record (or a problem with the cohort's shape, `collection: "cohort"`). */
export interface CohortProblem {
  readonly collection: CohortCollection | "cohort";
  /** Index of the record in its input array; `null` for a cohort-level problem. */
  readonly index: number | null;
  /** The record's own `id` (or `patientId` for dependent records), when it has a readable one. */
  readonly id?: string;
  readonly issues: readonly ValidationIssue[];
}

/** The result of `parseCohort`: the valid records, every problem, and counts per collection. */
export interface CohortParseResult {
  readonly cohort: Cohort;
  readonly problems: readonly CohortProblem[];
  readonly counts: Readonly<Record<CohortCollection, { readonly total: number; readonly valid: number; readonly invalid: number }>>;
}

const COLLECTIONS: readonly CohortCollection[] = ["patients", "courses", "visits", "adverseEvents"];

function readableId(x: unknown, key: string): string | undefined {
  if (x === null || typeof x !== "object") return undefined;
  const v = (x as Record<string, unknown>)[key];
  return typeof v === "string" && v.length > 0 && v.length <= 128 ? v : undefined;
}

function issue(path: (string | number)[], message: string): ValidationIssue {
  return { path, code: "custom", message };
}

/**
 * Validates a whole cohort: every record on its own, then the references between them. Never throws;
 * returns every problem together with the records that are valid (nothing is lost silently).
 * @remarks Cross-checks: duplicate patient ids (the first is kept), duplicate course/visit/event ids;
 * courses, visits and adverse events of an unknown patient; a course starting before diagnosis; a visit
 * before diagnosis; an adverse event before birth. Overlapping dose periods are caught per course. An array
 * hole (`[a, , b]`) is reported as a problem at its index, like any other invalid record.
 * @param input - `{ patients, courses?, visits?, adverseEvents? }` of untrusted records.
 * @returns The valid cohort, the problems (collection, index, id, issues) and counts.
 * @example
 * const r = parseCohort({ patients: [{ id: "P1", sex: "male", birthDate: "1990-01-01",
 *   diagnosis: "CD", diagnosisDate: "2015-01-01" }], visits: [{ patientId: "P2", date: "2024-01-01" }] });
 * [r.cohort.patients.length, r.problems.length];
 * //=> [1, 1]
 */
export function parseCohort(input: unknown): CohortParseResult {
  const problems: CohortProblem[] = [];
  const empty = { total: 0, valid: 0, invalid: 0 };
  if (input === null || typeof input !== "object" || Array.isArray(input)) {
    return {
      cohort: { patients: [], courses: [], visits: [], adverseEvents: [] },
      problems: [{ collection: "cohort", index: null, issues: [issue([], "must be an object with a patients array")] }],
      counts: { patients: empty, courses: empty, visits: empty, adverseEvents: empty },
    };
  }
  const obj = input as Record<string, unknown>;
  const arrays = {} as Record<CohortCollection, readonly unknown[]>;
  for (const c of COLLECTIONS) {
    const v = Object.prototype.hasOwnProperty.call(obj, c) ? obj[c] : undefined;
    if (v === undefined && c !== "patients") arrays[c] = [];
    else if (Array.isArray(v)) arrays[c] = v;
    else {
      arrays[c] = [];
      problems.push({ collection: "cohort", index: null, issues: [issue([c], "must be an array")] });
    }
  }
  for (const key of Object.keys(obj)) {
    if (!(COLLECTIONS as readonly string[]).includes(key)) {
      problems.push({ collection: "cohort", index: null, issues: [issue([key], "is not a cohort collection (patients, courses, visits, adverseEvents)")] });
    }
  }

  const reject = (collection: CohortCollection, index: number, raw: unknown, idKey: string, issues: readonly ValidationIssue[]) => {
    const id = readableId(raw, idKey);
    problems.push(id === undefined ? { collection, index, issues } : { collection, index, id, issues });
  };

  const patients: Patient[] = [];
  const byId = new Map<string, Patient>();
  // Index loops, not forEach: an array hole (`[a, , b]`) is a record that is not there and must be reported.
  const HOLE = "is an empty array slot (a hole): no record";
  for (let i = 0; i < arrays.patients.length; i++) {
    if (!(i in arrays.patients)) {
      reject("patients", i, undefined, "id", [issue([], HOLE)]);
      continue;
    }
    const raw = arrays.patients[i];
    const r = parsePatient(raw);
    if (!r.success) {
      reject("patients", i, raw, "id", r.issues);
      continue;
    }
    if (byId.has(r.data.id)) {
      reject("patients", i, raw, "id", [issue(["id"], "duplicates an earlier patient's id")]);
      continue;
    }
    byId.set(r.data.id, r.data);
    patients.push(r.data);
  }

  const dependent = <T extends { patientId: string; id?: string | undefined }>(
    collection: CohortCollection,
    parse: (x: unknown) => ParseResult<T>,
    check: (rec: T, patient: Patient) => ValidationIssue[],
  ): T[] => {
    const out: T[] = [];
    const seen = new Set<string>();
    const list = arrays[collection];
    for (let i = 0; i < list.length; i++) {
      if (!(i in list)) {
        reject(collection, i, undefined, "id", [issue([], HOLE)]);
        continue;
      }
      const raw = list[i];
      const r = parse(raw);
      if (!r.success) {
        reject(collection, i, raw, "id", r.issues);
        continue;
      }
      const rec = r.data;
      const patient = byId.get(rec.patientId);
      if (patient === undefined) {
        reject(collection, i, raw, "id", [issue(["patientId"], "refers to no valid patient in the cohort")]);
        continue;
      }
      const found = check(rec, patient);
      if (rec.id !== undefined && seen.has(rec.id)) found.push(issue(["id"], "duplicates an earlier record's id"));
      if (found.length > 0) {
        reject(collection, i, raw, "id", found);
        continue;
      }
      if (rec.id !== undefined) seen.add(rec.id);
      out.push(rec);
    }
    return out;
  };

  const courses = dependent("courses", parseTreatmentCourse, (c, p) =>
    c.startDate < p.diagnosisDate ? [issue(["startDate"], "is before the patient's diagnosis date")] : [],
  );
  const visits = dependent("visits", parseVisit, (v, p) =>
    v.date < p.diagnosisDate ? [issue(["date"], "is before the patient's diagnosis date")] : [],
  );
  const adverseEvents = dependent("adverseEvents", parseAdverseEvent, (e, p) =>
    e.onsetDate < p.birthDate ? [issue(["onsetDate"], "is before the patient's birth date")] : [],
  );

  const valid: Record<CohortCollection, number> = { patients: patients.length, courses: courses.length, visits: visits.length, adverseEvents: adverseEvents.length };
  const counts = {} as Record<CohortCollection, { total: number; valid: number; invalid: number }>;
  for (const c of COLLECTIONS) counts[c] = { total: arrays[c].length, valid: valid[c], invalid: arrays[c].length - valid[c] };
  return { cohort: { patients, courses, visits, adverseEvents }, problems, counts };
}
