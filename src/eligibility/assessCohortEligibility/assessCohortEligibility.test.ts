import { describe, expect, it } from "vitest";
import type { Patient } from "../../models/patient.js";
import type { TreatmentCourseInput } from "../../models/treatmentCourse.js";
import type { Visit } from "../../models/visit.js";
import { patientFlow } from "../patientFlow/index.js";
import { assessCohortEligibility, type ScreenedCohort } from "./index.js";

const patient = (id: string, over: Partial<Patient> = {}): Patient => ({
  id,
  sex: "male",
  birthDate: "1980-01-01",
  diagnosis: "CD",
  diagnosisDate: "2010-01-01",
  priorTherapies: [
    { drug: "infliximab", stopDate: "2020-01-01", reasonStopped: "primaryNonResponse" },
    { drug: "ustekinumab", stopDate: "2021-01-01", reasonStopped: "primaryNonResponse" },
  ],
  surgeries: [],
  seriousInfectionHistory: false,
  malignancyHistory: false,
  ...over,
});
const course = (patientId: string, startDate: string, drug?: string): TreatmentCourseInput => ({
  patientId,
  startDate,
  dosePeriods: [{ doseMg: 45, startDate }],
  ...(drug !== undefined ? { drug } : {}),
});
const labs = { alt: { value: 20, unit: "U/L" as const }, ast: { value: 20, unit: "U/L" as const }, egfr: { value: 90, unit: "mL/min/1.73m2" as const } };
const hbi = { wellBeing: 2, abdominalPain: 1, liquidStools: 3, abdominalMass: 0, complications: [] };
const visits = (patientId: string, start: string, fu: string): Visit[] => [
  { patientId, date: start, hbi, labs },
  { patientId, date: fu, hbi },
];

describe("assessCohortEligibility", () => {
  it("matches the @example", () => {
    const r = assessCohortEligibility({
      patients: [
        { id: "P1", sex: "male", birthDate: "1980-01-01", diagnosis: "CD", diagnosisDate: "2010-01-01" },
        { id: "P2", sex: "male", birthDate: "1980-01-01", diagnosis: "CD", diagnosisDate: "2010-01-01" },
      ],
      courses: [{ patientId: "P1", startDate: "2024-01-01", dosePeriods: [{ doseMg: 45, startDate: "2024-01-01" }] }],
    });
    expect([r.results.map((x) => [x.patientId, x.status]), r.notAssessed.map((x) => x.patientId)]).toEqual([[["P1", "ineligible"]], ["P2"]]);
  });

  it("groups courses and visits by patient and feeds patientFlow", () => {
    const cohort: ScreenedCohort = {
      patients: [patient("A"), patient("B", { birthDate: "2008-01-01", diagnosisDate: "2020-01-01" }), patient("C")],
      courses: [course("C", "2024-01-01"), course("A", "2024-01-01"), course("B", "2024-01-01")],
      visits: [...visits("A", "2024-01-01", "2024-03-25"), ...visits("B", "2024-01-01", "2024-03-25"), ...visits("C", "2024-01-01", "2024-01-15")],
    };
    const r = assessCohortEligibility(cohort);
    expect(r.results.map((x) => [x.patientId, x.failedCodes])).toEqual([
      ["A", []],
      ["B", ["INCL_AGE"]],
      ["C", ["EXCL_INSUFFICIENT_DATA"]],
    ]);
    const flow = patientFlow(r.results);
    expect([flow.screened, flow.included, flow.steps.map((s) => s.excluded)]).toEqual([3, 1, [0, 1, 1, 0, 0, 0]]);
  });

  it("picks the earliest study-drug course starting in the window, else the earliest", () => {
    const cohort: ScreenedCohort = {
      patients: [patient("A"), patient("B")],
      courses: [
        course("A", "2024-06-01"),
        course("A", "2022-01-01"),
        course("A", "2024-01-01"),
        course("A", "2023-06-01", "tofacitinib"),
        course("B", "2022-03-01"),
        course("B", "2022-01-01"),
      ],
      visits: visits("A", "2024-01-01", "2024-03-25"),
    };
    const r = assessCohortEligibility(cohort);
    expect(r.results.map((x) => x.exposure.startDate)).toEqual(["2024-01-01", "2022-01-01"]);
    expect(r.results[1]?.failedCodes).toContain("INCL_STUDY_WINDOW");
    const t = assessCohortEligibility(cohort, { drug: "Tofacitinib" });
    expect([t.results.map((x) => x.exposure.startDate), t.notAssessed.map((x) => x.patientId)]).toEqual([["2023-06-01"], ["B"]]);
  });

  it("passes options through", () => {
    const cohort: ScreenedCohort = { patients: [patient("A")], courses: [course("A", "2024-01-01")], visits: visits("A", "2024-01-01", "2024-03-25") };
    expect(assessCohortEligibility(cohort).results[0]?.status).toBe("eligible");
    expect(assessCohortEligibility(cohort, { dtt: { mergeIl23Pathway: true }, minEgfr: 95 }).results[0]?.failedCodes).toEqual(["EXCL_RENAL"]);
  });

  it("does not mutate its inputs", () => {
    const cohort: ScreenedCohort = {
      patients: [patient("A"), patient("B")],
      courses: [course("A", "2024-06-01"), course("A", "2024-01-01")],
      visits: visits("A", "2024-01-01", "2024-03-25"),
    };
    const o = { drug: "upadacitinib", studyWindow: { start: "2023-01-01", end: "2025-03-30" } };
    const before = structuredClone([cohort, o]);
    assessCohortEligibility(cohort, o);
    expect([cohort, o]).toEqual(before);
  });

  it("rejects bad input, saying which patient", () => {
    expect(() => assessCohortEligibility(null as never)).toThrow(TypeError);
    expect(() => assessCohortEligibility({ patients: [], courses: "x" } as never)).toThrow(/cohort\.courses must be an array/);
    expect(() => assessCohortEligibility({ patients: [], courses: [] }, { drug: "" })).toThrow(/options\.drug/);
    expect(() => assessCohortEligibility({ patients: [], courses: [] }, { minEgfr: -1 })).toThrow(/assessCohortEligibility: options\.minEgfr/);
    const bad: ScreenedCohort = { patients: [patient("A", { sex: "x" as never })], courses: [course("A", "2024-01-01")] };
    expect(() => assessCohortEligibility(bad)).toThrow(/assessCohortEligibility: for cohort\.patients\[0\], patient\.sex/);
  });
});
