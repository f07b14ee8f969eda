import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { assessStudyEligibility } from "../../eligibility/index.js";
import { parseCohort } from "../../models/index.js";
import { exposureTime } from "./index.js";

const course = (over: Record<string, unknown> = {}) => ({
  patientId: "P1",
  drug: "upadacitinib",
  startDate: "2024-01-01",
  dosePeriods: [{ doseMg: 45, startDate: "2024-01-01", endDate: "2024-03-24" }, { doseMg: 15, startDate: "2024-03-25" }],
  ...over,
});

describe("exposureTime", () => {
  it("12 weeks of daily doses are 84 days; the earliest end wins, by the most specific record on a tie", () => {
    const r = exposureTime([course({ dosePeriods: [{ doseMg: 45, startDate: "2024-01-01", endDate: "2024-03-24" }] })], { cutoffDate: "2025-01-01" });
    expect(r.courses[0]).toMatchObject({ evaluable: true, endDate: "2024-03-24", endedBy: "lastDose", days: 84 });
    const d = exposureTime([course({ discontinuation: { date: "2024-06-30", reason: "lackOfEfficacy" } })], { cutoffDate: "2025-01-01" });
    expect(d.courses[0]).toMatchObject({ endDate: "2024-06-30", endedBy: "discontinuation", days: 182 });
    const tie = exposureTime([course({ dosePeriods: [{ doseMg: 45, startDate: "2024-01-01", endDate: "2024-06-30" }], discontinuation: { date: "2024-06-30", reason: "adverseEvent" } })], { cutoffDate: "2025-01-01" });
    expect(tie.courses[0]).toMatchObject({ endedBy: "discontinuation" });
    const running = exposureTime([course()], { cutoffDate: "2024-12-31" });
    expect(running.courses[0]).toMatchObject({ endDate: "2024-12-31", endedBy: "dataCutoff", days: 366 });
    expect((running.courses[0] as { why: string }).why).toMatch(/taken to reach the cut-off/);
    expect(running.totalPersonYears).toBeCloseTo(366 / 365.25, 15);
  });
  it("a last follow-up before the cut-off ends a running course; a patient without one is not evaluable, with the reason", () => {
    const r = exposureTime([course(), course({ patientId: "P2" })], { cutoffDate: "2025-01-01", lastFollowUp: { P1: "2024-02-29" } });
    expect(r.courses[0]).toMatchObject({ endDate: "2024-02-29", endedBy: "lastFollowUp", days: 60 });
    expect(r.courses[1]).toMatchObject({ evaluable: false, why: "no last follow-up date for patient P2 in options.lastFollowUp" });
    expect(r.notEvaluable).toBe(1);
    expect(r.patients.map((p) => p.patientId)).toEqual(["P1"]);
    const late = exposureTime([course({ startDate: "2025-02-01", dosePeriods: [{ doseMg: 45, startDate: "2025-02-01" }] })], { cutoffDate: "2025-01-01" });
    expect(late.courses[0]).toMatchObject({ evaluable: false });
  });
  it("sums a patient's courses; filters by drug", () => {
    const r = exposureTime(
      [course({ drug: "upadacitinib", dosePeriods: [{ doseMg: 45, startDate: "2024-01-01", endDate: "2024-01-10" }] }), course({ drug: "Upadacitinib", startDate: "2024-02-01", dosePeriods: [{ doseMg: 45, startDate: "2024-02-01", endDate: "2024-02-10" }] }), course({ drug: "vedolizumab" })],
      { cutoffDate: "2025-01-01", drug: "UPADACITINIB" },
    );
    expect(r.courses.length).toBe(2);
    expect(r.patients).toEqual([{ patientId: "P1", days: 20, personYears: 20 / 365.25 }]);
  });
  it("agrees with the exposure criterion of assessStudyEligibility on the example cohort", () => {
    const cohort = parseCohort(JSON.parse(readFileSync(new URL("../../../examples/data/cohort.json", import.meta.url), "utf8"))).cohort;
    const cutoff = "2025-03-30";
    const r = exposureTime(cohort.courses, { cutoffDate: cutoff, drug: "upadacitinib" });
    let n = 0;
    for (const p of cohort.patients) {
      const c = cohort.courses.find((x) => x.patientId === p.id && x.drug.toLowerCase() === "upadacitinib");
      if (c === undefined) continue;
      const e = assessStudyEligibility(p, c, cohort.visits.filter((v) => v.patientId === p.id), { dataCutoff: cutoff });
      const mine = r.courses.find((x) => x.patientId === p.id)!;
      expect(mine.evaluable && mine.days).toBe(e.exposure.days);
      n++;
    }
    expect(n).toBeGreaterThan(100);
  });
  it("rejects bad input, naming it", () => {
    expect(() => exposureTime([course()], {} as never)).toThrow(/exposureTime: options.cutoffDate must be a calendar date/);
    expect(() => exposureTime([course()], { cutoffDate: "2025-01-01", cutof: 1 } as never)).toThrow(/options.cutof is not an option/);
    expect(() => exposureTime([course()], { cutoffDate: "2025-01-01", constructor: 1 } as never)).toThrow(/options.constructor is not an option/);
    expect(() => exposureTime([course({ startDate: "2024-13-01" })], { cutoffDate: "2025-01-01" })).toThrow(/exposureTime: courses\[0\]/);
    expect(() => exposureTime([course()], { cutoffDate: "2025-01-01", lastFollowUp: { P1: "soon" } })).toThrow(/lastFollowUp for patient P1/);
    expect(() => exposureTime("x" as never, { cutoffDate: "2025-01-01" })).toThrow(TypeError);
    // a patient id spelled like an Object member is a plain id
    expect(exposureTime([course({ patientId: "constructor" })], { cutoffDate: "2025-01-01", lastFollowUp: {} }).courses[0]).toMatchObject({ evaluable: false });
  });
});
