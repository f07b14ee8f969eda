import { describe, expect, it } from "vitest";
import { labTrajectory, TRAJECTORY_ANALYTES } from "./index.js";
import { addDaysIso } from "../../_lib/dates.js";
import type { Patient } from "../../models/patient.js";
import type { TreatmentCourseInput } from "../../models/treatmentCourse.js";
import type { Visit } from "../../models/visit.js";
import { mao2025, uAchieve } from "../profiles/index.js";

const START = "2024-01-01";
const day = (n: number) => addDaysIso(START, n);
const patient: Patient = { id: "P1", sex: "male", birthDate: "1980-01-01", diagnosis: "UC", diagnosisDate: "2010-01-01" };
const course: TreatmentCourseInput = { patientId: "P1", drug: "upadacitinib", startDate: START, dosePeriods: [{ doseMg: 45, startDate: START }] };

describe("labTrajectory", () => {
  it("matches the @example", () =>
    expect(
      labTrajectory(
        { id: "P1", sex: "male", birthDate: "1980-01-01", diagnosis: "UC", diagnosisDate: "2010-01-01" },
        { patientId: "P1", drug: "upadacitinib", startDate: "2024-01-01", dosePeriods: [{ doseMg: 45, startDate: "2024-01-01" }] },
        [{ patientId: "P1", date: "2024-01-01", labs: { crp: { value: 1.2, unit: "mg/dL" } } }],
        mao2025,
        { includeMissing: false },
      ),
    ).toEqual([{ patientId: "P1", timepoint: "w0", analyte: "crp", value: 12, unit: "mg/L", flag: "high", date: "2024-01-01" }]));

  const visits: Visit[] = [
    {
      patientId: "P1",
      date: day(-3),
      labs: {
        date: day(-4),
        crp: { value: 8, unit: "mg/L" },
        fecalCalprotectin: { value: 834.6, unit: "ug/g" },
        esr: { value: 19.8, unit: "mm/h" },
        vitaminD: { value: 16, unit: "ng/mL" },
        albumin: { value: 3.9, unit: "g/dL" },
        wbc: { value: 6500, unit: "/uL" },
        hemoglobin: { value: 12.2, unit: "g/dL" },
        platelets: { value: 351, unit: "10^9/L" },
        alt: { value: 40, unit: "U/L" },
        ast: { value: 12, unit: "U/L" },
        hdlC: { value: 1.04, unit: "mmol/L" },
        totalCholesterol: { value: 4, unit: "mmol/L" },
        ldlC: { value: 3.37, unit: "mmol/L" },
      },
    },
    { patientId: "P1", date: day(50), labs: { crp: { value: 3, unit: "mg/L" } } },
    { patientId: "P1", date: day(62), labs: { crp: { value: 30, unit: "mg/L" }, hdlC: { value: 1.2, unit: "mmol/L" } } },
    { patientId: "P1", date: day(56), labs: { totalCholesterol: { value: 4.8, unit: "mmol/L" } } },
  ];
  const rows = labTrajectory(patient, course, visits);
  const row = (tp: string, a: string) => rows.find((r) => r.timepoint === tp && r.analyte === a);

  it("one row per time point and analyte (N stays the cohort)", () => {
    expect(rows.length).toBe(5 * TRAJECTORY_ANALYTES.length);
    expect(row("w26", "crp")).toEqual({ patientId: "P1", timepoint: "w26", analyte: "crp", value: null, unit: "mg/L", flag: null, date: null });
  });
  it("converts to canonical units and flags with the paper's ranges (bounds exact)", () => {
    expect(row("w0", "crp")).toMatchObject({ value: 8, flag: "normal", date: day(-4) });
    expect(row("w0", "fecalCalprotectin")).toMatchObject({ value: 834.6, unit: "ug/g", flag: "high" });
    expect(row("w0", "vitaminD")).toMatchObject({ value: 16 * 2.496, unit: "nmol/L", flag: "low" });
    expect(row("w0", "albumin")).toMatchObject({ value: 39, flag: "low" });
    expect(row("w0", "wbc")).toMatchObject({ value: 6.5, unit: "10^9/L", flag: "normal" });
    expect(row("w0", "hemoglobin")).toMatchObject({ value: 122, flag: "normal" });
    expect(row("w0", "platelets")).toMatchObject({ value: 351, flag: "high" });
    expect(row("w0", "alt")).toMatchObject({ value: 40, flag: "normal" });
    expect(row("w0", "ast")).toMatchObject({ value: 12, flag: "low" });
    expect(row("w0", "hdlC")).toMatchObject({ value: 1.04, flag: "low" });
    expect(row("w0", "ldlC")).toMatchObject({ value: 3.37, flag: "high" });
    expect(row("w0", "hdlCToTotalCholesterol")).toMatchObject({ value: 0.26, unit: "ratio", flag: null });
  });
  it("per analyte, the nearest visit in the window holding it; ties go to the earlier visit", () => {
    // w8 target = day 56: CRP on day 50 and day 62 are both 6 days away -> day 50 wins.
    expect(row("w8", "crp")).toMatchObject({ value: 3, date: day(50) });
    expect(row("w8", "totalCholesterol")).toMatchObject({ value: 4.8, date: day(56) });
    // HDL-C/TC needs both in one panel: none at w8.
    expect(row("w8", "hdlCToTotalCholesterol")?.value).toBeNull();
  });
  it("custom reference ranges", () => {
    const r = labTrajectory(patient, course, visits, mao2025, { ranges: { crp: { high: { value: 5, inclusive: true } } }, includeMissing: false });
    expect(r.find((x) => x.timepoint === "w0" && x.analyte === "crp")?.flag).toBe("high");
  });
  it("follows the profile's schedule", () => {
    const r = labTrajectory(patient, course, visits, uAchieve);
    expect([...new Set(r.map((x) => x.timepoint))]).toEqual(["w0", "w8", "w52"]);
  });
  it("does not mutate its inputs", () => {
    const before = structuredClone(visits);
    labTrajectory(patient, course, visits);
    expect(visits).toEqual(before);
  });
  it("rejects bad input", () => {
    expect(() => labTrajectory(patient, course, [{ ...visits[0]!, patientId: "P9" }])).toThrow(/labTrajectory: visits\[0\]\.patientId/);
    expect(() => labTrajectory(patient, course, visits, mao2025, null as never)).toThrow(TypeError);
    expect(() => labTrajectory(patient, course, [{ patientId: "P1", date: day(1), labs: { crp: { value: -1, unit: "mg/L" } } }])).toThrow(
      /labTrajectory: visits\[0\]\.labs\.crp\.value/,
    );
  });
});
