import { compareIso } from "../../_lib/dates.js";
import { describeValue, errorFromZod } from "../../_lib/errors.js";
import type { Patient } from "../../models/patient.js";
import type { TreatmentCourseInput } from "../../models/treatmentCourse.js";
import type { Visit } from "../../models/visit.js";
import {
  assessStudyEligibility,
  AssessStudyEligibilityOptionsSchema,
  type AssessStudyEligibilityOptions,
  type StudyEligibilityResult,
} from "../assessStudyEligibility/index.js";

const FN = "assessCohortEligibility";

/** A screened cohort: patients with their treatment courses and visits (a `Cohort` from `parseCohort` fits). */
export interface ScreenedCohort {
  readonly patients: readonly Patient[];
  readonly courses: readonly TreatmentCourseInput[];
  readonly visits?: readonly Visit[];
}

/** Options of {@link assessCohortEligibility}: those of `assessStudyEligibility`, plus the drug to look for. */
export type AssessCohortEligibilityOptions = AssessStudyEligibilityOptions & {
  /** Generic name of the study drug (case-insensitive). Default `"upadacitinib"`. */
  readonly drug?: string;
};

/** A screened patient who could not be assessed, and why. */
export interface NotAssessedPatient {
  readonly patientId: string;
  readonly reason: "noCourse";
  readonly message: string;
}

/** The result of {@link assessCohortEligibility}. */
export interface CohortEligibilityResult {
  /** One result per assessed patient, in `cohort.patients` order. */
  readonly results: readonly StudyEligibilityResult[];
  /** Screened patients with no course of the study drug (listed, never dropped silently). */
  readonly notAssessed: readonly NotAssessedPatient[];
}

/**
 * Applies `assessStudyEligibility` to every patient of a screened cohort, ready for `patientFlow`.
 * @remarks Each patient's course is their course of `drug` (default upadacitinib) that starts earliest within
 * the study window, or, when none starts in it, their earliest course of the drug (which then fails
 * `INCL_STUDY_WINDOW`). Visits are grouped by `patientId`; visits and courses of patients not in the cohort are
 * ignored. A patient with no course of the drug is returned in `notAssessed`, not in `results`.
 * @param cohort - `{ patients, courses, visits? }`.
 * @param options - As for `assessStudyEligibility`, plus `drug`.
 * @returns The per-patient results and the patients that could not be assessed.
 * @throws {TypeError} If the cohort or a record has the wrong shape, or a course has no `drug`.
 * @throws {RangeError} If a record holds an invalid value.
 * @example
 * const r = assessCohortEligibility({
 *   patients: [{ id: "P1", sex: "male", birthDate: "1980-01-01", diagnosis: "CD", diagnosisDate: "2010-01-01" },
 *              { id: "P2", sex: "male", birthDate: "1980-01-01", diagnosis: "CD", diagnosisDate: "2010-01-01" }],
 *   courses: [{ patientId: "P1", drug: "upadacitinib", startDate: "2024-01-01", dosePeriods: [{ doseMg: 45, startDate: "2024-01-01" }] }],
 * });
 * [r.results.map((x) => [x.patientId, x.status]), r.notAssessed.map((x) => x.patientId)];
 * //=> [[["P1", "ineligible"]], ["P2"]]
 * @see Mao Y, et al. Efficacy and Safety of Upadacitinib for Refractory IBD. Drug Des Devel Ther 2025.
 */
export function assessCohortEligibility(cohort: ScreenedCohort, options: AssessCohortEligibilityOptions = {}): CohortEligibilityResult {
  if (cohort === null || typeof cohort !== "object") throw new TypeError(`${FN}: cohort must be an object; got ${describeValue(cohort)}.`);
  for (const key of ["patients", "courses"] as const) {
    if (!Array.isArray(cohort[key])) throw new TypeError(`${FN}: cohort.${key} must be an array; got ${describeValue(cohort[key])}.`);
  }
  if (cohort.visits !== undefined && !Array.isArray(cohort.visits)) {
    throw new TypeError(`${FN}: cohort.visits must be an array; got ${describeValue(cohort.visits)}.`);
  }
  if (options === null || typeof options !== "object") throw new TypeError(`${FN}: options must be an object; got ${describeValue(options)}.`);
  const { drug: drugOption, ...studyOptions } = options;
  if (drugOption !== undefined && (typeof drugOption !== "string" || drugOption.trim() === "")) {
    throw new TypeError(`${FN}: options.drug must be a non-empty string; got ${describeValue(drugOption)}.`);
  }
  const drug = (drugOption ?? "upadacitinib").trim().toLowerCase();
  const parsed = AssessStudyEligibilityOptionsSchema.safeParse(studyOptions);
  if (!parsed.success) throw errorFromZod(FN, "options", parsed.error, studyOptions);
  const window = parsed.data.studyWindow;

  const recordOf = (x: unknown, where: string): Record<string, unknown> => {
    if (x === null || typeof x !== "object") throw new TypeError(`${FN}: ${where} must be an object; got ${describeValue(x)}.`);
    return x as Record<string, unknown>;
  };
  const coursesBy = new Map<unknown, TreatmentCourseInput[]>();
  cohort.courses.forEach((c, i) => {
    const rec = recordOf(c, `cohort.courses[${i}]`);
    // an unrecorded drug is not read as any drug: the course cannot be attributed
    if (typeof rec.drug !== "string" || rec.drug.trim() === "") throw new TypeError(`${FN}: cohort.courses[${i}].drug is required (the drug of every course must be recorded); got ${describeValue(rec.drug)}.`);
    const name = rec.drug.trim().toLowerCase();
    if (name !== drug) return;
    const list = coursesBy.get(rec.patientId) ?? [];
    list.push(c);
    coursesBy.set(rec.patientId, list);
  });
  const visitsBy = new Map<unknown, Visit[]>();
  (cohort.visits ?? []).forEach((v, i) => {
    const rec = recordOf(v, `cohort.visits[${i}]`);
    const list = visitsBy.get(rec.patientId) ?? [];
    list.push(v);
    visitsBy.set(rec.patientId, list);
  });

  const results: StudyEligibilityResult[] = [];
  const notAssessed: NotAssessedPatient[] = [];
  cohort.patients.forEach((p, i) => {
    const id = recordOf(p, `cohort.patients[${i}]`).id;
    const mine = coursesBy.get(id) ?? [];
    if (typeof id !== "string" || mine.length === 0) {
      if (typeof id !== "string") throw new TypeError(`${FN}: cohort.patients[${i}].id must be a string; got ${describeValue(id)}.`);
      notAssessed.push({ patientId: id, reason: "noCourse", message: `No ${drug} course recorded.` });
      return;
    }
    const start = (c: TreatmentCourseInput) => (typeof c.startDate === "string" ? c.startDate : "");
    const sorted = [...mine].sort((a, b) => compareIso(start(a), start(b)));
    const inWindow = sorted.find((c) => compareIso(start(c), window.start) >= 0 && compareIso(start(c), window.end) <= 0);
    try {
      results.push(assessStudyEligibility(p, inWindow ?? sorted[0]!, visitsBy.get(id) ?? [], studyOptions));
    } catch (e) {
      // Say which patient; keep the error class and the field path.
      if (e instanceof RangeError || e instanceof TypeError) {
        const message = e.message.replace(/^assessStudyEligibility: /, `${FN}: for cohort.patients[${i}], `);
        throw e instanceof RangeError ? new RangeError(message) : new TypeError(message);
      }
      throw e;
    }
  });
  return { results, notAssessed };
}
