import { describe, expect, it } from "vitest";
import type { Patient } from "../../models/patient.js";
import type { TreatmentCourseInput } from "../../models/treatmentCourse.js";
import type { Visit } from "../../models/visit.js";
import { assessStudyEligibility, ELIGIBILITY_REASON_CODES, type AssessStudyEligibilityOptions } from "./index.js";

const START = "2024-01-01";

function ucPatient(over: Partial<Patient> = {}): Patient {
  return {
    id: "U1",
    sex: "female",
    birthDate: "1980-01-01",
    diagnosis: "UC",
    diagnosisDate: "2010-01-01",
    priorTherapies: [
      { drug: "infliximab", stopDate: "2020-01-01", reasonStopped: "primaryNonResponse" },
      { drug: "vedolizumab", stopDate: "2023-06-01", reasonStopped: "secondaryLossOfResponse" },
    ],
    surgeries: [],
    pregnantOrBreastfeeding: false,
    seriousInfectionHistory: false,
    malignancyHistory: false,
    ...over,
  };
}
function cdPatient(over: Partial<Patient> = {}): Patient {
  return ucPatient({ id: "C1", diagnosis: "CD", ...over });
}
function course(patientId: string, over: Partial<TreatmentCourseInput> = {}): TreatmentCourseInput {
  return { patientId, drug: "upadacitinib", startDate: START, dosePeriods: [{ doseMg: 45, startDate: START }], concomitantMedications: [], ...over };
}
const goodLabs = {
  alt: { value: 30, unit: "U/L" as const },
  ast: { value: 30, unit: "U/L" as const },
  egfr: { value: 90, unit: "mL/min/1.73m2" as const },
};
function ucVisits(patientId = "U1", labs: Visit["labs"] = goodLabs): Visit[] {
  return [
    { patientId, date: "2023-12-20", mayo: { stoolFrequency: 3, rectalBleeding: 2, endoscopic: 3 }, labs },
    { patientId, date: "2024-02-26", mayo: { stoolFrequency: 1, rectalBleeding: 0, endoscopic: 1 } },
  ];
}
const hbi = { wellBeing: 2, abdominalPain: 2, liquidStools: 4, abdominalMass: 0, complications: [] };
function cdVisits(patientId = "C1", labs: Visit["labs"] = goodLabs): Visit[] {
  return [
    { patientId, date: "2024-01-01", hbi, labs },
    { patientId, date: "2024-03-25", hbi: { ...hbi, liquidStools: 1 } },
  ];
}
const rule = (r: ReturnType<typeof assessStudyEligibility>, code: string) => r.rules.find((x) => x.code === code);
const withLabs = (labs: Visit["labs"]) => assessStudyEligibility(ucPatient(), course("U1"), ucVisits("U1", labs));

describe("assessStudyEligibility", () => {
  it("matches the @example", () => {
    const r = assessStudyEligibility(
      {
        id: "P1",
        sex: "male",
        birthDate: "1980-01-01",
        diagnosis: "UC",
        diagnosisDate: "2010-01-01",
        priorTherapies: [
          { drug: "infliximab", stopDate: "2020-01-01", reasonStopped: "primaryNonResponse" },
          { drug: "vedolizumab", stopDate: "2023-01-01", reasonStopped: "secondaryLossOfResponse" },
        ],
        surgeries: [],
        seriousInfectionHistory: false,
        malignancyHistory: false,
      },
      { patientId: "P1", drug: "upadacitinib", startDate: "2024-01-01", dosePeriods: [{ doseMg: 45, startDate: "2024-01-01" }] },
      [
        {
          patientId: "P1",
          date: "2024-01-01",
          mayo: { stoolFrequency: 3, rectalBleeding: 2, endoscopic: 3 },
          labs: { alt: { value: 120, unit: "U/L" }, ast: { value: 20, unit: "U/L" }, egfr: { value: 29.9, unit: "mL/min/1.73m2" } },
        },
        { patientId: "P1", date: "2024-02-26", mayo: { stoolFrequency: 1, rectalBleeding: 0, endoscopic: 1 } },
      ],
    );
    expect([r.status, r.failedCodes]).toEqual(["ineligible", ["EXCL_RENAL"]]);
  });

  it("an eligible UC and an eligible CD patient pass every rule", () => {
    for (const r of [
      assessStudyEligibility(ucPatient(), course("U1"), ucVisits()),
      assessStudyEligibility(cdPatient(), course("C1"), cdVisits()),
    ]) {
      expect(r.status).toBe("eligible");
      expect(r.rules.map((x) => x.code)).toEqual([...ELIGIBILITY_REASON_CODES]);
      expect(r.rules.every((x) => x.status === "pass")).toBe(true);
      expect([r.failedCodes, r.unknownCodes]).toEqual([[], []]);
    }
  });

  describe("inclusions", () => {
    it("age: 18 at start is included, 17 is not", () => {
      const at18 = assessStudyEligibility(ucPatient({ birthDate: "2006-01-01", diagnosisDate: "2020-01-01" }), course("U1"), ucVisits());
      expect([at18.ageYears, at18.status]).toEqual([18, "eligible"]);
      const at17 = assessStudyEligibility(ucPatient({ birthDate: "2006-01-02", diagnosisDate: "2020-01-01" }), course("U1"), ucVisits());
      expect([at17.ageYears, at17.failedCodes]).toEqual([17, ["INCL_AGE"]]);
    });

    it("UC exposure: 56 days (8 weeks) passes, 55 days (8 weeks minus a day) fails", () => {
      const stop = (date: string) => course("U1", { discontinuation: { date, reason: "adverseEvent" } });
      // inclusive: 2024-01-01 to 2024-02-25 are 56 days on the drug
      const ok = assessStudyEligibility(ucPatient(), stop("2024-02-25"), ucVisits());
      expect([ok.exposure.days, ok.exposure.endedBy, ok.status]).toEqual([56, "discontinuation", "eligible"]);
      const short = assessStudyEligibility(ucPatient(), stop("2024-02-24"), ucVisits());
      expect([short.exposure.days, short.failedCodes]).toEqual([55, ["INCL_EXPOSURE"]]);
    });

    it("CD exposure: 84 days (12 weeks) passes, 83 fails", () => {
      const stop = (date: string) => course("C1", { discontinuation: { date, reason: "lackOfEfficacy" } });
      // exactly 12 weeks of daily doses: 2024-01-01 to 2024-03-24 inclusive
      expect(assessStudyEligibility(cdPatient(), stop("2024-03-24"), cdVisits()).exposure.days).toBe(84);
      expect(assessStudyEligibility(cdPatient(), stop("2024-03-24"), cdVisits()).status).toBe("eligible");
      expect(assessStudyEligibility(cdPatient(), stop("2024-03-23"), cdVisits()).failedCodes).toEqual(["INCL_EXPOSURE"]);
      const periods = course("C1", { dosePeriods: [{ doseMg: 45, startDate: START, endDate: "2024-03-24" }] });
      expect(assessStudyEligibility(cdPatient(), periods, cdVisits()).exposure).toMatchObject({ days: 84, endedBy: "lastDose" });
    });

    it("exposure ends at the data cut-off or the last dose when earlier", () => {
      const late = course("U1", { startDate: "2025-02-01", dosePeriods: [{ doseMg: 45, startDate: "2025-02-01" }] });
      const visits: Visit[] = [
        { patientId: "U1", date: "2025-02-01", mayo: { stoolFrequency: 3, rectalBleeding: 2, endoscopic: 3 }, labs: goodLabs },
        { patientId: "U1", date: "2025-03-29", mayo: { stoolFrequency: 1, rectalBleeding: 0, endoscopic: 1 } },
      ];
      const r = assessStudyEligibility(ucPatient(), late, visits);
      expect([r.exposure.endDate, r.exposure.endedBy, r.exposure.days, r.failedCodes]).toEqual(["2025-03-30", "dataCutoff", 58, []]);
      expect(assessStudyEligibility(ucPatient(), late, visits, { dataCutoff: "2025-03-27" }).failedCodes).toEqual(["INCL_EXPOSURE"]);
      const ended = course("U1", { dosePeriods: [{ doseMg: 45, startDate: START, endDate: "2024-02-24" }] });
      const e = assessStudyEligibility(ucPatient(), ended, ucVisits());
      expect([e.exposure.endedBy, e.exposure.days, e.failedCodes]).toEqual(["lastDose", 55, ["INCL_EXPOSURE"]]);
    });

    it("study window: inclusive bounds, configurable", () => {
      const at = (d: string) => course("U1", { startDate: d, dosePeriods: [{ doseMg: 45, startDate: d }] });
      const visitsFor = (d: string, fu: string): Visit[] => [
        { patientId: "U1", date: d, mayo: { stoolFrequency: 3, rectalBleeding: 2, endoscopic: 3 }, labs: goodLabs },
        { patientId: "U1", date: fu, mayo: { stoolFrequency: 1, rectalBleeding: 0, endoscopic: 1 } },
      ];
      const early = ucPatient({
        priorTherapies: [
          { drug: "infliximab", stopDate: "2020-01-01", reasonStopped: "primaryNonResponse" },
          { drug: "vedolizumab", stopDate: "2021-06-01", reasonStopped: "secondaryLossOfResponse" },
        ],
      });
      expect(assessStudyEligibility(early, at("2023-01-01"), visitsFor("2023-01-01", "2023-02-26")).status).toBe("eligible");
      expect(assessStudyEligibility(early, at("2025-03-30"), visitsFor("2025-03-30", "2025-05-25"), { dataCutoff: "2025-06-30" }).status).toBe("eligible");
      expect(assessStudyEligibility(early, at("2025-03-31"), visitsFor("2025-03-31", "2025-05-26"), { dataCutoff: "2025-06-30" }).failedCodes).toEqual([
        "INCL_STUDY_WINDOW",
      ]);
      expect(assessStudyEligibility(early, at("2022-12-31"), visitsFor("2022-12-31", "2023-02-25")).failedCodes).toEqual(["INCL_STUDY_WINDOW"]);
      expect(
        assessStudyEligibility(early, at("2022-12-31"), visitsFor("2022-12-31", "2023-02-25"), { studyWindow: { start: "2022-01-01", end: "2025-03-30" } }).status,
      ).toBe("eligible");
    });

    it("not difficult-to-treat fails INCL_DTT; unknown DTT leaves the patient undetermined", () => {
      const notDtt = assessStudyEligibility(ucPatient({ priorTherapies: [{ drug: "infliximab", stopDate: "2020-01-01", reasonStopped: "primaryNonResponse" }] }), course("U1"), ucVisits());
      // Criteria 3-5 unrecorded: the DTT verdict is unknown, not not-met.
      expect([notDtt.status, notDtt.unknownCodes, notDtt.dtt.status]).toEqual(["undetermined", ["INCL_DTT"], "unknown"]);
      const recordedNo = ucPatient({
        priorTherapies: [{ drug: "infliximab", stopDate: "2020-01-01", reasonStopped: "primaryNonResponse" }],
        dttConditions: { chronicAntibioticRefractoryPouchitis: false, complexPerianalDisease: false, psychosocialComorbidity: false },
      });
      expect(assessStudyEligibility(recordedNo, course("U1"), ucVisits()).failedCodes).toEqual(["INCL_DTT"]);
    });

    it("DTT history is cut at upadacitinib start", () => {
      const p = ucPatient({
        priorTherapies: [
          { drug: "infliximab", stopDate: "2020-01-01", reasonStopped: "primaryNonResponse" },
          { drug: "vedolizumab", stopDate: "2024-01-02", reasonStopped: "primaryNonResponse" },
        ],
        dttConditions: { chronicAntibioticRefractoryPouchitis: false, complexPerianalDisease: false, psychosocialComorbidity: false },
      });
      const r = assessStudyEligibility(p, course("U1"), ucVisits());
      expect([r.dtt.asOf, r.failedCodes]).toEqual([START, ["INCL_DTT"]]);
    });

    it("passes dtt options through (mergeIl23Pathway)", () => {
      const p = ucPatient({
        priorTherapies: [
          { drug: "ustekinumab", stopDate: "2020-01-01", reasonStopped: "primaryNonResponse" },
          { drug: "mirikizumab", stopDate: "2021-01-01", reasonStopped: "primaryNonResponse" },
        ],
        dttConditions: { chronicAntibioticRefractoryPouchitis: false, complexPerianalDisease: false, psychosocialComorbidity: false },
      });
      expect(assessStudyEligibility(p, course("U1"), ucVisits()).status).toBe("eligible");
      expect(assessStudyEligibility(p, course("U1"), ucVisits(), { dtt: { mergeIl23Pathway: true } }).failedCodes).toEqual(["INCL_DTT"]);
      expect(() => assessStudyEligibility(p, course("U1"), ucVisits(), { dtt: { asOf: "2020-01-01" } as never })).toThrow(/options\.dtt/);
    });
  });

  describe("exclusions", () => {
    it("ALT: exactly 3 × ULN (120) is not excluded, 120.1 is", () => {
      expect(withLabs({ ...goodLabs, alt: { value: 120, unit: "U/L" } }).status).toBe("eligible");
      const r = withLabs({ ...goodLabs, alt: { value: 120.1, unit: "U/L" } });
      expect(r.failedCodes).toEqual(["EXCL_LIVER"]);
      expect(rule(r, "EXCL_LIVER")?.message).toBe("Baseline ALT 120.1 U/L > 120 (3 × ULN).");
    });
    it("AST: exactly 3 × ULN (105) is not excluded, 105.5 is", () => {
      expect(withLabs({ ...goodLabs, ast: { value: 105, unit: "U/L" } }).status).toBe("eligible");
      expect(withLabs({ ...goodLabs, ast: { value: 105.5, unit: "U/L" } }).failedCodes).toEqual(["EXCL_LIVER"]);
    });
    it("liver enzymes in µkat/L are converted (2 µkat/L = 120 U/L)", () => {
      const r = withLabs({ ...goodLabs, alt: { value: 2, unit: "ukat/L" } });
      expect([r.baselineLabs.alt?.value, r.status]).toEqual([120, "eligible"]);
      expect(withLabs({ ...goodLabs, alt: { value: 2.01, unit: "ukat/L" } }).failedCodes).toEqual(["EXCL_LIVER"]);
    });
    it("eGFR: 29.9 is excluded, 30 is not", () => {
      expect(withLabs({ ...goodLabs, egfr: { value: 30, unit: "mL/min/1.73m2" } }).status).toBe("eligible");
      expect(withLabs({ ...goodLabs, egfr: { value: 29.9, unit: "mL/min/1.73m2" } }).failedCodes).toEqual(["EXCL_RENAL"]);
    });
    it("thresholds are configurable", () => {
      const labs = { ...goodLabs, alt: { value: 100, unit: "U/L" as const } };
      expect(assessStudyEligibility(ucPatient(), course("U1"), ucVisits("U1", labs), { liverUlnMultiple: 2 }).failedCodes).toEqual(["EXCL_LIVER"]);
      expect(assessStudyEligibility(ucPatient(), course("U1"), ucVisits(), { minEgfr: 90.5 }).failedCodes).toEqual(["EXCL_RENAL"]);
    });
    it("uses the latest labs on or before start within the window", () => {
      const visits: Visit[] = [
        { patientId: "U1", date: "2023-11-15", labs: { ...goodLabs, egfr: { value: 10, unit: "mL/min/1.73m2" } } },
        { patientId: "U1", date: "2023-12-10", labs: { ...goodLabs, alt: { value: 500, unit: "U/L" } } },
        ...ucVisits(),
        { patientId: "U1", date: "2024-01-02", labs: { ...goodLabs, ast: { value: 500, unit: "U/L" } } },
      ];
      const r = assessStudyEligibility(ucPatient(), course("U1"), visits);
      expect(r.baselineLabs).toEqual({ alt: { value: 30, date: "2023-12-20" }, ast: { value: 30, date: "2023-12-20" }, egfr: { value: 90, date: "2023-12-20" } });
      expect(r.status).toBe("eligible");
      // An analyte missing from the latest panel comes from the next-latest in the window.
      const partial: Visit[] = [
        { patientId: "U1", date: "2023-12-10", labs: { ...goodLabs, alt: { value: 500, unit: "U/L" } } },
        { patientId: "U1", date: "2023-12-20", mayo: { stoolFrequency: 3, rectalBleeding: 2, endoscopic: 3 }, labs: { ast: goodLabs.ast, egfr: goodLabs.egfr } },
        ucVisits()[1]!,
      ];
      expect(assessStudyEligibility(ucPatient(), course("U1"), partial).failedCodes).toEqual(["EXCL_LIVER"]);
      // The lab's own date wins over the visit date; outside the window it is ignored.
      const old: Visit[] = [{ ...ucVisits()[0]!, labs: { ...goodLabs, date: "2023-11-01" } }, ucVisits()[1]!];
      const o = assessStudyEligibility(ucPatient(), course("U1"), old);
      expect([o.status, o.unknownCodes]).toEqual(["undetermined", ["EXCL_LIVER", "EXCL_RENAL"]]);
      expect(assessStudyEligibility(ucPatient(), course("U1"), old, { baselineLabWindowDays: 61 }).status).toBe("eligible");
    });
    it("a same-day tie uses the worse value", () => {
      const visits: Visit[] = [...ucVisits(), { patientId: "U1", date: "2023-12-20", labs: { egfr: { value: 20, unit: "mL/min/1.73m2" } } }];
      expect(assessStudyEligibility(ucPatient(), course("U1"), visits).failedCodes).toEqual(["EXCL_RENAL"]);
    });
    it("missing labs are unknown, or not excluded with unrecorded: notExcluded", () => {
      const { labs: _omit, ...first } = ucVisits()[0]!;
      const noLabs: Visit[] = [first, ucVisits()[1]!];
      const r = assessStudyEligibility(ucPatient(), course("U1"), noLabs);
      expect([r.status, r.unknownCodes, r.baselineLabs]).toEqual(["undetermined", ["EXCL_LIVER", "EXCL_RENAL"], {}]);
      expect(assessStudyEligibility(ucPatient(), course("U1"), noLabs, { unrecorded: "notExcluded" }).status).toBe("eligible");
      // A high ALT excludes even when AST is missing.
      expect(withLabs({ alt: { value: 200, unit: "U/L" }, egfr: goodLabs.egfr }).failedCodes).toEqual(["EXCL_LIVER"]);
    });

    it("pregnancy or breastfeeding; never for a male patient", () => {
      expect(assessStudyEligibility(ucPatient({ pregnantOrBreastfeeding: true }), course("U1"), ucVisits()).failedCodes).toEqual(["EXCL_PREGNANCY"]);
      const { pregnantOrBreastfeeding: _omit, ...rest } = ucPatient();
      expect(assessStudyEligibility(rest, course("U1"), ucVisits()).unknownCodes).toEqual(["EXCL_PREGNANCY"]);
      expect(assessStudyEligibility({ ...rest, sex: "male" }, course("U1"), ucVisits()).status).toBe("eligible");
    });
    it("serious infection and malignancy history", () => {
      expect(assessStudyEligibility(ucPatient({ seriousInfectionHistory: true }), course("U1"), ucVisits()).failedCodes).toEqual(["EXCL_SERIOUS_INFECTION"]);
      expect(assessStudyEligibility(ucPatient({ malignancyHistory: true }), course("U1"), ucVisits()).failedCodes).toEqual(["EXCL_MALIGNANCY"]);
    });
    it("total colectomy excludes UC, not CD; surgery after start does not count", () => {
      const surgeries = [{ date: "2021-01-01", type: "totalColectomy" as const }];
      expect(assessStudyEligibility(ucPatient({ surgeries }), course("U1"), ucVisits()).failedCodes).toEqual(["EXCL_TOTAL_COLECTOMY"]);
      expect(assessStudyEligibility(ucPatient({ surgeries: [{ date: "2021-01-01", type: "proctocolectomyIpaa" }] }), course("U1"), ucVisits()).failedCodes).toEqual([
        "EXCL_TOTAL_COLECTOMY",
      ]);
      expect(assessStudyEligibility(ucPatient({ surgeries: [{ date: "2024-06-01", type: "totalColectomy" }] }), course("U1"), ucVisits()).status).toBe("eligible");
      expect(assessStudyEligibility(cdPatient({ surgeries }), course("C1"), cdVisits()).status).toBe("eligible");
      const { surgeries: _omit, ...rest } = ucPatient();
      expect(assessStudyEligibility(rest, course("U1"), ucVisits()).unknownCodes).toEqual(["EXCL_TOTAL_COLECTOMY"]);
    });

    it("insufficient data: no baseline primary score in the window", () => {
      const visits = ucVisits();
      const early: Visit[] = [{ ...visits[0]!, date: "2023-11-30" }, visits[1]!];
      const r = assessStudyEligibility(ucPatient(), course("U1"), early, { baselineLabWindowDays: 60 });
      expect(r.failedCodes).toEqual(["EXCL_INSUFFICIENT_DATA"]);
      expect(rule(r, "EXCL_INSUFFICIENT_DATA")?.message).toMatch(/no baseline adapted Mayo/);
      expect(assessStudyEligibility(ucPatient(), course("U1"), early, { baselineLabWindowDays: 60, baselineScoreWindowDays: 32 }).status).toBe("eligible");
    });
    it("insufficient data: a partial Mayo is not the adapted Mayo", () => {
      const visits = ucVisits();
      const partial: Visit[] = [{ ...visits[0]!, mayo: { stoolFrequency: 3, rectalBleeding: 2, physicianGlobal: 2 } }, visits[1]!];
      expect(assessStudyEligibility(ucPatient(), course("U1"), partial).failedCodes).toEqual(["EXCL_INSUFFICIENT_DATA"]);
    });
    it("insufficient data: follow-up must fall within ± 14 days of week 8 (UC) / week 12 (CD)", () => {
      const v = ucVisits();
      const at = (date: string): Visit[] => [v[0]!, { ...v[1]!, date }];
      expect(assessStudyEligibility(ucPatient(), course("U1"), at("2024-03-11")).status).toBe("eligible"); // day 70
      expect(assessStudyEligibility(ucPatient(), course("U1"), at("2024-03-12")).failedCodes).toEqual(["EXCL_INSUFFICIENT_DATA"]); // day 71
      expect(assessStudyEligibility(ucPatient(), course("U1"), at("2024-02-12")).status).toBe("eligible"); // day 42
      const cd = cdVisits();
      // A CD patient needs HBI, not Mayo, and at day 84 ± 14.
      expect(assessStudyEligibility(cdPatient(), course("C1"), [cd[0]!, { ...cd[1]!, date: "2024-02-26" }]).failedCodes).toEqual(["EXCL_INSUFFICIENT_DATA"]);
      expect(assessStudyEligibility(cdPatient(), course("C1"), ucVisits("C1")).failedCodes).toEqual(["EXCL_INSUFFICIENT_DATA"]);
      const r = assessStudyEligibility(cdPatient(), course("C1"), [...cd, { ...cd[1]!, date: "2024-03-20" }]);
      expect(r.primaryScoreVisits).toEqual({ baseline: "2024-01-01", followUp: "2024-03-25" });
    });

    it("concomitant biologic overlapping upadacitinib; a switch on the start day is not co-therapy", () => {
      const med = (startDate: string, endDate?: string) =>
        course("U1", { concomitantMedications: [{ agentClass: "biologic", drug: "infliximab", startDate, ...(endDate ? { endDate } : {}) }] });
      const r = assessStudyEligibility(ucPatient(), med("2023-06-01"), ucVisits());
      expect(r.failedCodes).toEqual(["EXCL_CONCOMITANT_BIOLOGIC"]);
      expect(rule(r, "EXCL_CONCOMITANT_BIOLOGIC")?.message).toBe("Concomitant biologic during upadacitinib: infliximab (2023-06-01 to ongoing).");
      expect(assessStudyEligibility(ucPatient(), med("2023-06-01", "2024-01-02"), ucVisits()).failedCodes).toEqual(["EXCL_CONCOMITANT_BIOLOGIC"]);
      expect(assessStudyEligibility(ucPatient(), med("2023-06-01", "2024-01-01"), ucVisits()).status).toBe("eligible");
      expect(assessStudyEligibility(ucPatient(), med("2024-06-01"), ucVisits()).failedCodes).toEqual(["EXCL_CONCOMITANT_BIOLOGIC"]);
      const stopped = course("U1", {
        discontinuation: { date: "2024-06-01", reason: "lackOfEfficacy" },
        concomitantMedications: [{ agentClass: "biologic", drug: "vedolizumab", startDate: "2024-06-01" }],
      });
      expect(assessStudyEligibility(ucPatient(), stopped, ucVisits()).status).toBe("eligible");
      const thal = course("U1", { concomitantMedications: [{ agentClass: "thalidomide", startDate: "2023-06-01" }] });
      expect(assessStudyEligibility(ucPatient(), thal, ucVisits()).status).toBe("eligible");
      // the drug decides, not the class label
      const mislabelled = course("U1", { concomitantMedications: [{ agentClass: "other", drug: " Infliximab ", startDate: "2023-06-01" }] });
      expect(assessStudyEligibility(ucPatient(), mislabelled, ucVisits()).failedCodes).toEqual(["EXCL_CONCOMITANT_BIOLOGIC"]);
      const asImmuno = course("U1", { concomitantMedications: [{ agentClass: "immunomodulator", drug: "ustekinumab", startDate: "2023-06-01" }] });
      expect(assessStudyEligibility(ucPatient(), asImmuno, ucVisits()).failedCodes).toEqual(["EXCL_CONCOMITANT_BIOLOGIC"]);
      const notBio = course("U1", { concomitantMedications: [{ agentClass: "biologic", drug: "tofacitinib", startDate: "2023-06-01" }] });
      expect(assessStudyEligibility(ucPatient(), notBio, ucVisits()).status).toBe("eligible");
      const proto = course("U1", { concomitantMedications: [{ agentClass: "other", drug: "constructor", startDate: "2023-06-01" }] });
      expect(assessStudyEligibility(ucPatient(), proto, ucVisits()).status).toBe("eligible");
    });
    it("concomitant medications not recorded: unknown, never read as none", () => {
      const { concomitantMedications: _drop, ...bare } = course("U1");
      const r = assessStudyEligibility(ucPatient(), bare, ucVisits());
      expect([r.status, r.unknownCodes]).toEqual(["undetermined", ["EXCL_CONCOMITANT_BIOLOGIC"]]);
      expect(assessStudyEligibility(ucPatient(), bare, ucVisits(), { unrecorded: "notExcluded" }).status).toBe("eligible");
    });
  });

  it("a patient failing several rules gets every code, in rule order", () => {
    const p = ucPatient({
      birthDate: "2007-01-01",
      diagnosisDate: "2020-01-01",
      pregnantOrBreastfeeding: true,
      malignancyHistory: true,
      surgeries: [{ date: "2022-01-01", type: "totalColectomy" }],
    });
    const c = course("U1", {
      discontinuation: { date: "2024-02-01", reason: "adverseEvent" },
      concomitantMedications: [{ agentClass: "biologic", startDate: "2024-01-10" }],
    });
    const r = assessStudyEligibility(p, c, [], {});
    expect(r.status).toBe("ineligible");
    expect(r.failedCodes).toEqual([
      "INCL_AGE",
      "INCL_EXPOSURE",
      "EXCL_PREGNANCY",
      "EXCL_MALIGNANCY",
      "EXCL_TOTAL_COLECTOMY",
      "EXCL_INSUFFICIENT_DATA",
      "EXCL_CONCOMITANT_BIOLOGIC",
    ]);
    expect(r.unknownCodes).toEqual(["EXCL_LIVER", "EXCL_RENAL"]);
    for (const x of r.rules) expect(x.message.length).toBeGreaterThan(0);
  });

  it("does not mutate its inputs", () => {
    const p = ucPatient();
    const c = course("U1", { concomitantMedications: [{ agentClass: "5-ASA", startDate: "2023-01-01" }] });
    const v = [...ucVisits()].reverse();
    const o: AssessStudyEligibilityOptions = { minExposureDays: { UC: 50, CD: 80 }, dtt: { mergeIl23Pathway: true } };
    const before = structuredClone([p, c, v, o]);
    assessStudyEligibility(p, c, v, o);
    expect([p, c, v, o]).toEqual(before);
  });

  it("returns plain JSON-serialisable data", () => {
    const r = assessStudyEligibility(cdPatient(), course("C1"), cdVisits());
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });

  describe("bad input", () => {
    it("names the bad field", () => {
      expect(() => assessStudyEligibility(ucPatient(), course("U1"), [{ patientId: "U1", date: "2024-02-30" }])).toThrow(
        /assessStudyEligibility: visits\[0\]\.date .*; got a string of length 10\./,
      );
      expect(() => assessStudyEligibility(ucPatient(), { ...course("U1"), dosePeriods: [] }, [])).toThrow(/course\.dosePeriods/);
      expect(() => assessStudyEligibility(ucPatient(), course("U1"), "x" as never)).toThrow(TypeError);
      expect(() => assessStudyEligibility(ucPatient(), course("U1"), [], { unrecorded: "ignore" as never })).toThrow(/options\.unrecorded/);
      expect(() => assessStudyEligibility(ucPatient(), course("U1"), [], { studyWindow: { start: "2025-01-01", end: "2024-01-01" } })).toThrow(
        /options\.studyWindow\.end must not be before studyWindow\.start/,
      );
    });
    it("rejects records of another patient without echoing ids", () => {
      expect(() => assessStudyEligibility(ucPatient(), course("X9"), [])).toThrow(/course\.patientId must equal patient\.id; got a different id\./);
      expect(() => assessStudyEligibility(ucPatient(), course("U1"), ucVisits("X9"))).toThrow(RangeError);
    });
  });
});
