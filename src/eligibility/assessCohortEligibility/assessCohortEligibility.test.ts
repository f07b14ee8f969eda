import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDaysIso } from "../../_lib/dates.js";
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
  drug: "upadacitinib",
  startDate,
  dosePeriods: [{ doseMg: 45, startDate }],
  concomitantMedications: [],
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
      courses: [{ patientId: "P1", drug: "upadacitinib", startDate: "2024-01-01", dosePeriods: [{ doseMg: 45, startDate: "2024-01-01" }] }],
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

describe("assessCohortEligibility + patientFlow on random cohorts", () => {
  const day = (offset: number) => addDaysIso("2023-06-01", offset);
  const arbReason = fc.constantFrom<"primaryNonResponse" | "secondaryLossOfResponse" | "intolerance" | "other" | undefined>(
    "primaryNonResponse",
    "secondaryLossOfResponse",
    "intolerance",
    "other",
    undefined,
  );
  const arbFlag = fc.constantFrom<boolean | undefined>(false, false, false, false, false, false, true, undefined);
  const arbPatient = fc.record({
    birthOffset: fc.integer({ min: -25000, max: -5500 }),
    diagnosis: fc.constantFrom<"CD" | "UC" | "IBD-U">("CD", "UC", "IBD-U"),
    sex: fc.constantFrom<"male" | "female">("male", "female"),
    therapies: fc.array(
      fc.record({ drug: fc.constantFrom("infliximab", "adalimumab", "vedolizumab", "ustekinumab", "risankizumab", "tofacitinib", "secukinumab"), stop: fc.option(fc.integer({ min: -2000, max: 600 })), reason: arbReason }),
      { maxLength: 4 },
    ),
    surgeries: fc.option(fc.array(fc.record({ at: fc.integer({ min: -3000, max: 600 }), type: fc.constantFrom<"ileocolonicResection" | "totalColectomy" | "perianalSurgery">("ileocolonicResection", "totalColectomy", "perianalSurgery") }), { maxLength: 3 })),
    flags: fc.tuple(arbFlag, arbFlag, arbFlag, arbFlag, arbFlag, arbFlag),
    dttBase: fc.boolean(),
    complete: fc.boolean(),
    start: fc.integer({ min: -250, max: 650 }),
    stopAfter: fc.option(fc.integer({ min: 0, max: 400 }), { freq: 2 }),
    biologicDie: fc.integer({ min: 0, max: 4 }),
    biologic: fc.tuple(fc.integer({ min: -100, max: 300 }), fc.option(fc.integer({ min: 0, max: 300 }))),
    visits: fc.array(fc.record({ at: fc.integer({ min: -40, max: 120 }), score: fc.boolean(), alt: fc.option(fc.integer({ min: 5, max: 200 })), egfr: fc.option(fc.integer({ min: 10, max: 120 })) }), { maxLength: 5 }),
  });

  it("property: every patient assessed, statuses match codes, the flow adds up", () => {
    fc.assert(
      fc.property(fc.array(arbPatient, { maxLength: 25 }), (rows) => {
        const patients: Patient[] = [];
        const courses: TreatmentCourseInput[] = [];
        const allVisits: Visit[] = [];
        rows.forEach((r, i) => {
          const id = `R${i}`;
          const start = day(r.start);
          const [pouch, perianal, psycho, preg, malig, infect] = r.flags;
          const birthDate = addDaysIso(start, r.birthOffset);
          patients.push({
            id,
            sex: r.sex,
            birthDate,
            diagnosis: r.diagnosis,
            diagnosisDate: addDaysIso(birthDate, 2000),
            priorTherapies: [
              ...(r.dttBase
                ? [
                    { drug: "infliximab", stopDate: addDaysIso(start, -900), reasonStopped: "primaryNonResponse" as const },
                    { drug: "vedolizumab", stopDate: addDaysIso(start, -300), reasonStopped: "intolerance" as const },
                  ]
                : []),
              ...r.therapies.map((t) => ({
              drug: t.drug,
              ...(t.stop !== null ? { stopDate: addDaysIso(start, -Math.abs(t.stop) + (t.stop > 300 ? 400 : 0)) } : {}),
              ...(t.reason !== undefined ? { reasonStopped: t.reason } : {}),
              })),
            ],
            ...(r.surgeries !== null ? { surgeries: r.surgeries.map((s) => ({ date: addDaysIso(birthDate, 6000 + Math.abs(s.at)), type: s.type })) } : {}),
            dttConditions: { chronicAntibioticRefractoryPouchitis: pouch ?? null, complexPerianalDisease: perianal ?? null, psychosocialComorbidity: psycho ?? null },
            ...(preg !== undefined ? { pregnantOrBreastfeeding: preg } : {}),
            ...(malig !== undefined ? { malignancyHistory: malig } : {}),
            ...(infect !== undefined ? { seriousInfectionHistory: infect } : {}),
          });
          courses.push({
            patientId: id,
            drug: "upadacitinib",
            startDate: start,
            dosePeriods: [{ doseMg: 45, startDate: start }],
            ...(r.stopAfter !== null ? { discontinuation: { date: addDaysIso(start, r.stopAfter), reason: "other" as const } } : {}),
            concomitantMedications:
              r.biologicDie > 0
                ? []
                : [{ agentClass: "biologic" as const, startDate: addDaysIso(start, r.biologic[0]), ...(r.biologic[1] !== null ? { endDate: addDaysIso(start, r.biologic[0] + r.biologic[1]) } : {}) }],
          });
          if (r.complete) {
            const score = r.diagnosis === "CD" ? { hbi } : { mayo: { stoolFrequency: 2, rectalBleeding: 1, endoscopic: 2 } };
            allVisits.push({ patientId: id, date: start, ...score, labs });
            allVisits.push({ patientId: id, date: addDaysIso(start, r.diagnosis === "CD" ? 84 : 56), ...score });
          }
          for (const v of r.visits) {
            allVisits.push({
              patientId: id,
              date: addDaysIso(start, v.at),
              ...(v.score ? (r.diagnosis === "CD" ? { hbi } : { mayo: { stoolFrequency: 2, rectalBleeding: 1, endoscopic: 2 } }) : {}),
              labs: {
                ...(v.alt !== null ? { alt: { value: v.alt, unit: "U/L" as const }, ast: { value: v.alt, unit: "U/L" as const } } : {}),
                ...(v.egfr !== null ? { egfr: { value: v.egfr, unit: "mL/min/1.73m2" as const } } : {}),
              },
            });
          }
        });
        const { results, notAssessed } = assessCohortEligibility({ patients, courses, visits: allVisits });
        expect([results.length, notAssessed.length]).toEqual([rows.length, 0]);
        for (const r of results) {
          expect(r.rules).toHaveLength(12);
          expect(r.failedCodes).toEqual(r.rules.filter((x) => x.status === "fail").map((x) => x.code));
          expect(r.status).toBe(r.failedCodes.length > 0 ? "ineligible" : r.unknownCodes.length > 0 ? "undetermined" : "eligible");
          expect(r.rules.find((x) => x.code === "INCL_AGE")?.status).toBe(r.ageYears >= 18 ? "pass" : "fail");
          expect(r.rules.find((x) => x.code === "INCL_EXPOSURE")?.status).toBe(r.exposure.days >= (r.diagnosis === "CD" ? 84 : 56) ? "pass" : "fail");
        }
        const flow = patientFlow(results);
        expect(flow.steps.reduce((a, s) => a + s.excluded, 0) + flow.included).toBe(flow.screened);
        expect(flow.included).toBe(results.filter((r) => r.status === "eligible").length);
      }),
      { numRuns: 150, seed: 5 },
    );
  });
});
