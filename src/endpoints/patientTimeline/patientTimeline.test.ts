import { existsSync, readFileSync } from "node:fs";
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { patientTimeline, steroidExposure, timelineRows, type PatientTimeline } from "./index.js";
import { addDaysIso } from "../../_lib/dates.js";
import type { Patient } from "../../models/patient.js";
import type { TreatmentCourseInput } from "../../models/treatmentCourse.js";
import type { Visit } from "../../models/visit.js";
import { mao2025, mao2025Variant, uAchieve, uExcel } from "../profiles/index.js";
import type { EndpointId, TimepointKey } from "../types.js";

const START = "2024-01-01";
const day = (n: number) => addDaysIso(START, n);

const cdPatient: Patient = { id: "P1", sex: "female", birthDate: "1990-01-01", diagnosis: "CD", diagnosisDate: "2015-01-01", surgeries: [] };
const ucPatient: Patient = { id: "P1", sex: "male", birthDate: "1970-01-01", diagnosis: "UC", diagnosisDate: "2010-01-01", surgeries: [] };

/** A course whose corticosteroid record is complete (none used unless periods are given). */
function course(extra: Partial<TreatmentCourseInput> = {}): TreatmentCourseInput {
  return { patientId: "P1", drug: "upadacitinib", startDate: START, dosePeriods: [{ doseMg: 45, startDate: START }], corticosteroidsRecorded: true, ...extra };
}
/** A course that says nothing about corticosteroids. */
const unrecorded = (): TreatmentCourseInput => ({ patientId: "P1", drug: "upadacitinib", startDate: START, dosePeriods: [{ doseMg: 45, startDate: START }] });
const hbi = (total: number) => ({ wellBeing: 0, abdominalPain: 0, liquidStools: total, abdominalMass: 0, complications: [] });
function ses(total: number): NonNullable<Visit["sesCd"]> {
  const segs = ["ileum", "rightColon", "transverseColon", "leftColon", "rectum"] as const;
  const out: Record<string, { ulcerSize: number; ulceratedSurface: number; affectedSurface: number; narrowing: number }> = {};
  let left = total;
  for (const s of segs) {
    const cell = () => {
      const v = Math.min(3, left);
      left -= v;
      return v;
    };
    const affectedSurface = cell();
    const ulcerSize = cell();
    const ulceratedSurface = cell();
    out[s] = { ulcerSize, ulceratedSurface, affectedSurface, narrowing: 0 };
  }
  return out;
}
const cdVisit = (d: number, h?: number, s?: number, extra: Partial<Visit> = {}): Visit => ({
  patientId: "P1",
  date: day(d),
  ...(h === undefined ? {} : { hbi: hbi(h) }),
  ...(s === undefined ? {} : { sesCd: ses(s) }),
  ...extra,
});
const get = (tl: PatientTimeline, tp: TimepointKey, e: EndpointId) => tl.timepoints.find((t) => t.timepoint === tp)?.outcomes[e];
const st = (tl: PatientTimeline, tp: TimepointKey, e: EndpointId) => get(tl, tp, e)?.status;

/** A CD patient in remission from w12 on: HBI 9 -> 2, SES-CD 12 -> 2, CRP 20 -> 3. */
const goodCd: Visit[] = [
  cdVisit(0, 9, 12, { labs: { crp: { value: 20, unit: "mg/L" } } }),
  cdVisit(84, 2, 2, { labs: { crp: { value: 3, unit: "mg/L" } } }),
  cdVisit(182, 2, 2, { labs: { crp: { value: 3, unit: "mg/L" } } }),
  cdVisit(364, 1, 1, { labs: { crp: { value: 2, unit: "mg/L" } } }),
];

describe("TSDoc examples", () => {
  it("patientTimeline", () => {
    const tl = patientTimeline(
      { id: "P1", sex: "female", birthDate: "1990-01-01", diagnosis: "CD", diagnosisDate: "2015-01-01", surgeries: [] },
      { patientId: "P1", drug: "upadacitinib", startDate: "2024-01-01", dosePeriods: [{ doseMg: 45, startDate: "2024-01-01" }], corticosteroidsRecorded: true },
      [
        { patientId: "P1", date: "2024-01-01", hbi: { wellBeing: 2, abdominalPain: 2, liquidStools: 4, abdominalMass: 0, complications: [] } },
        { patientId: "P1", date: "2024-03-25", hbi: { wellBeing: 1, abdominalPain: 0, liquidStools: 2, abdominalMass: 0, complications: [] } },
      ],
    );
    expect(tl.timepoints.find((t) => t.timepoint === "w12")?.outcomes.steroidFreeClinicalRemission?.status).toBe("met");
  });
  it("steroidExposure", () =>
    expect(
      steroidExposure(
        {
          patientId: "P1",
          drug: "upadacitinib",
          startDate: "2024-01-01",
          dosePeriods: [{ doseMg: 45, startDate: "2024-01-01" }],
          concomitantMedications: [{ agentClass: "corticosteroid", startDate: "2023-12-01", endDate: "2024-02-01" }],
        },
        "2024-05-01",
      ),
    ).toEqual({ status: "off", daysOff: 90, usedAtBaseline: true }));
  it("timelineRows", () =>
    expect(
      timelineRows({
        patientId: "P1",
        diagnosis: "CD",
        disease: "CD",
        profile: { id: "mao2025", version: "1.0.0" },
        treatmentStart: "2024-01-01",
        maintenanceStart: "2024-03-25",
        events: { surgery: null, discontinuation: null },
        timepoints: [],
      }).length,
    ).toBe(0));
});

describe("schedule and outcomes", () => {
  const tl = patientTimeline(cdPatient, course(), goodCd);
  it("lays out the CD schedule with target dates and windows", () => {
    expect(tl.timepoints.map((t) => [t.timepoint, t.targetDate, t.window.from, t.window.to])).toEqual([
      ["w0", START, day(-30), START],
      ["w12", day(84), day(70), day(98)],
      ["w26", day(182), day(154), day(210)],
      ["w52", day(364), day(336), day(392)],
      ["w78", day(546), day(504), day(588)],
    ]);
    expect(tl.maintenanceStart).toBe(day(84));
  });
  it("classifies every endpoint at each time point", () => {
    for (const tp of ["w12", "w26", "w52"] as const) {
      expect(st(tl, tp, "steroidFreeClinicalRemission")).toBe("met");
      expect(st(tl, tp, "clinicalResponse")).toBe("met");
      expect(st(tl, tp, "endoscopicRemission")).toBe("met");
      expect(st(tl, tp, "endoscopicResponse")).toBe("met");
      expect(st(tl, tp, "crpNormalisation")).toBe("met");
    }
    expect(st(tl, "w0", "crpNormalisation")).toBe("not-met");
    expect(Object.keys(tl.timepoints[0]!.outcomes)).toEqual(["crpNormalisation", "fcNormalisation", "biochemicalRemission"]);
    expect(st(tl, "w78", "crpNormalisation")).toBe("not-evaluable");
    expect(get(tl, "w78", "crpNormalisation")?.code).toBe("noFollowUp");
    expect(get(tl, "w12", "clinicalResponse")?.values).toEqual({ hbi: 2, "baseline.hbi": 9 });
  });
  it("timelineRows gives one row per time point and endpoint", () => {
    const rows = timelineRows(tl);
    expect(rows.length).toBe(3 + 8 + 8 + 8 + 3);
    expect(rows[0]).toEqual({
      patientId: "P1",
      disease: "CD",
      timepoint: "w0",
      endpoint: "crpNormalisation",
      status: "not-met",
      code: "rule",
      profileId: "mao2025",
      profileVersion: "1.0.0",
    });
  });
  it("IBD-U follows the UC schedule and rules", () => {
    const t = patientTimeline({ ...ucPatient, diagnosis: "IBD-U" }, course(), [
      { patientId: "P1", date: day(0), mayo: { stoolFrequency: 3, rectalBleeding: 2, endoscopic: 3 } },
      { patientId: "P1", date: day(56), mayo: { stoolFrequency: 1, rectalBleeding: 0, endoscopic: 1 } },
    ]);
    expect(t.disease).toBe("UC");
    expect(t.timepoints.map((x) => x.timepoint)).toEqual(["w0", "w8", "w26", "w52", "w78"]);
    expect(st(t, "w8", "steroidFreeClinicalRemission")).toBe("met");
  });
});

describe("visit choice: nearest in the window, earlier wins a tie", () => {
  const base = cdVisit(0, 9, 12);
  it("two visits equidistant from the target: the earlier wins", () => {
    const tl = patientTimeline(cdPatient, course(), [base, cdVisit(80, 3, 10, { id: "early" }), cdVisit(88, 6, 10, { id: "late" })]);
    expect(tl.timepoints[1]!.visits.clinical).toEqual({ id: "early", date: day(80), daysFromTarget: -4 });
    expect(st(tl, "w12", "clinicalRemission")).toBe("met");
  });
  it("the same visits in the other order give the same choice", () => {
    const tl = patientTimeline(cdPatient, course(), [cdVisit(88, 6, 10, { id: "late" }), cdVisit(80, 3, 10, { id: "early" }), base]);
    expect(tl.timepoints[1]!.visits.clinical?.id).toBe("early");
  });
  it("the nearer visit wins", () => {
    const tl = patientTimeline(cdPatient, course(), [base, cdVisit(80, 3, 10, { id: "a" }), cdVisit(87, 6, 10, { id: "b" })]);
    expect(tl.timepoints[1]!.visits.clinical?.id).toBe("b");
    expect(st(tl, "w12", "clinicalRemission")).toBe("not-met");
  });
  it("two visits on the same date: the first in input order", () => {
    const tl = patientTimeline(cdPatient, course(), [base, cdVisit(84, 3, undefined, { id: "x" }), cdVisit(84, 6, undefined, { id: "y" })]);
    expect(tl.timepoints[1]!.visits.clinical?.id).toBe("x");
  });
  it("window edges are inclusive", () => {
    const inside = patientTimeline(cdPatient, course(), [base, cdVisit(98, 3, 10)]);
    expect(inside.timepoints[1]!.visits.clinical?.daysFromTarget).toBe(14);
    const outside = patientTimeline(cdPatient, course(), [base, cdVisit(99, 3, 10)]);
    expect(outside.timepoints[1]!.visits.clinical).toBeNull();
    expect(st(outside, "w12", "clinicalRemission")).toBe("not-evaluable");
    expect(outside.timepoints[1]!.assessmentDate).toBe(day(84));
  });
  it("baseline: the visit nearest the start, on or before it", () => {
    const tl = patientTimeline(cdPatient, course(), [cdVisit(-30, 12), cdVisit(-3, 9), cdVisit(1, 5), cdVisit(84, 6)]);
    expect(tl.timepoints[0]!.visits.clinical?.daysFromTarget).toBe(-3);
    expect(get(tl, "w12", "clinicalResponse")?.values["baseline.hbi"]).toBe(9);
  });
  it("blocks are chosen separately: clinical and endoscopy on different days (UC Mayo merged)", () => {
    const tl = patientTimeline(ucPatient, course(), [
      { patientId: "P1", date: day(0), mayo: { stoolFrequency: 3, rectalBleeding: 3, endoscopic: 3 } },
      { patientId: "P1", date: day(55), mayo: { stoolFrequency: 1, rectalBleeding: 1 } },
      { patientId: "P1", date: day(60), mayo: { endoscopic: 0 }, labs: { fecalCalprotectin: { value: 90, unit: "ug/g" } } },
    ]);
    const w8 = tl.timepoints[1]!;
    expect([w8.visits.clinical?.date, w8.visits.endoscopy?.date, w8.visits.fc?.date, w8.visits.crp]).toEqual([day(55), day(60), day(60), null]);
    expect(w8.measures).toMatchObject({ mayoAdapted: 2, mayoAdaptedMaxSubscore: 1 });
    expect(w8.assessmentDate).toBe(day(55));
    expect(w8.outcomes.clinicalRemission?.status).toBe("met");
    expect(w8.outcomes.endoscopicResponse?.status).toBe("met");
    expect(w8.outcomes.fcNormalisation?.status).toBe("met");
  });
});

describe("corticosteroid windows across time points (A3)", () => {
  const meds = (endDay: number) => course({ concomitantMedications: [{ agentClass: "corticosteroid", startDate: day(-60), endDate: day(endDay) }] });
  it("stopped on day 40: off at w12 (44 days), >= 90 days at w26 and w52", () => {
    const tl = patientTimeline(cdPatient, meds(40), goodCd);
    expect(tl.timepoints[1]!.steroids).toEqual({ status: "off", daysOff: 44, usedAtBaseline: true });
    for (const tp of ["w12", "w26", "w52"] as const) expect(st(tl, tp, "steroidFreeClinicalRemission")).toBe("met");
  });
  it("stopped on day 100: on at w12; 82 days at w26 (not-met); 264 days at w52 (met)", () => {
    const tl = patientTimeline(cdPatient, meds(100), goodCd);
    expect(st(tl, "w12", "steroidFreeClinicalRemission")).toBe("not-met");
    expect(st(tl, "w12", "clinicalRemission")).toBe("met");
    expect(get(tl, "w26", "steroidFreeClinicalRemission")?.values["corticosteroids.daysOff"]).toBe(82);
    expect(st(tl, "w26", "steroidFreeClinicalRemission")).toBe("not-met");
    expect(st(tl, "w52", "steroidFreeClinicalRemission")).toBe("met");
  });
  it("stopped 90 days before w26 exactly: met; 89: not-met", () => {
    expect(st(patientTimeline(cdPatient, meds(92), goodCd), "w26", "steroidFreeClinicalRemission")).toBe("met");
    expect(st(patientTimeline(cdPatient, meds(93), goodCd), "w26", "steroidFreeClinicalRemission")).toBe("not-met");
  });
  it("stopped the day before the w12 visit: met at induction; stopped on the visit day: not-met", () => {
    expect(st(patientTimeline(cdPatient, meds(83), goodCd), "w12", "steroidFreeClinicalRemission")).toBe("met");
    expect(st(patientTimeline(cdPatient, meds(84), goodCd), "w12", "steroidFreeClinicalRemission")).toBe("not-met");
  });
  it("A3 literal: 44 days at w12 is not enough", () =>
    expect(st(patientTimeline(cdPatient, meds(40), goodCd, mao2025Variant({ A3: "literal" })), "w12", "steroidFreeClinicalRemission")).toBe("not-met"));
  it("rescue corticosteroids during maintenance", () => {
    const c = course({ concomitantMedications: [{ agentClass: "corticosteroid", startDate: day(170), endDate: day(200) }] });
    const tl = patientTimeline(cdPatient, c, goodCd);
    expect(st(tl, "w12", "steroidFreeClinicalRemission")).toBe("met");
    expect(st(tl, "w26", "steroidFreeClinicalRemission")).toBe("not-met");
    expect(tl.timepoints[2]!.steroids).toEqual({ status: "on", daysOff: 0, usedAtBaseline: false });
    expect(st(tl, "w52", "steroidFreeClinicalRemission")).toBe("met");
  });
  it("never-users qualify (A10 default) and are excluded under A10 steroidUsersOnly", () => {
    expect(st(patientTimeline(cdPatient, course(), goodCd), "w26", "steroidFreeClinicalRemission")).toBe("met");
    const r = get(patientTimeline(cdPatient, course(), goodCd, mao2025Variant({ A10: "steroidUsersOnly" })), "w26", "steroidFreeClinicalRemission");
    expect([r?.status, r?.code]).toEqual(["not-evaluable", "notSteroidUser"]);
  });
  it("visit flags when the course records no periods", () => {
    const vs = [cdVisit(0, 9, 12, { onCorticosteroids: true }), cdVisit(84, 2, 2, { onCorticosteroids: false }), cdVisit(182, 2, 2, { onCorticosteroids: false })];
    const tl = patientTimeline(cdPatient, unrecorded(), vs);
    expect(tl.timepoints[1]!.steroids).toMatchObject({ status: "off", daysOff: null, usedAtBaseline: true });
    expect(st(tl, "w12", "steroidFreeClinicalRemission")).toBe("met");
    const w26 = get(tl, "w26", "steroidFreeClinicalRemission");
    expect([w26?.status, w26?.code]).toEqual(["not-evaluable", "noSteroidData"]);
    expect(w26?.missing).toMatch(/corticosteroid period with its endDate/);
    const on = patientTimeline(cdPatient, unrecorded(), [cdVisit(0, 9), cdVisit(84, 2, undefined, { onCorticosteroids: true })]);
    expect(st(on, "w12", "steroidFreeClinicalRemission")).toBe("not-met");
  });
  it("no corticosteroid record: not evaluable at every time point, induction included", () => {
    const tl = patientTimeline(cdPatient, unrecorded(), goodCd);
    for (const tp of ["w12", "w26", "w52"] as const) {
      const r = get(tl, tp, "steroidFreeClinicalRemission");
      expect([r?.status, r?.code], tp).toEqual(["not-evaluable", "noSteroidData"]);
      expect(r?.missing, tp).toMatch(/^visits\[\]\.onCorticosteroids|^course\.corticosteroidsRecorded/);
      expect(st(tl, tp, "clinicalRemission"), tp).toBe("met");
    }
    expect(tl.timepoints[1]!.steroids.status).toBe("unknown");
  });
  it("assumeNoSteroidsWhenUnrecorded reads an absent record as never used (opt-in)", () => {
    const tl = patientTimeline(cdPatient, unrecorded(), goodCd, mao2025, { assumeNoSteroidsWhenUnrecorded: true });
    for (const tp of ["w12", "w26", "w52"] as const) expect(st(tl, tp, "steroidFreeClinicalRemission"), tp).toBe("met");
    // recorded use is never overridden by the assumption
    const used = [cdVisit(0, 9, 12, { onCorticosteroids: true }), cdVisit(84, 2, 2), cdVisit(182, 2, 2)];
    const tl2 = patientTimeline(cdPatient, unrecorded(), used, mao2025, { assumeNoSteroidsWhenUnrecorded: true });
    expect(get(tl2, "w12", "steroidFreeClinicalRemission")?.code).toBe("noSteroidData");
    expect(() => patientTimeline(cdPatient, unrecorded(), goodCd, mao2025, { assumeNoSteroidsWhenUnrecorded: 1 } as never)).toThrow(
      /patientTimeline: options\.assumeNoSteroidsWhenUnrecorded must be true or false/,
    );
    expect(() => patientTimeline(cdPatient, unrecorded(), goodCd, mao2025, { assumeNoSteroids: true } as never)).toThrow(/options\.assumeNoSteroids is not an option/);
  });
});

describe("surgery and discontinuation count as failure from their date on", () => {
  it("an ileocolonic resection on day 150 fails w26 and w52, not w12 and not the labs", () => {
    const tl = patientTimeline({ ...cdPatient, surgeries: [{ date: day(150), type: "ileocolonicResection" }] }, course(), goodCd);
    expect(tl.events.surgery).toEqual({ date: day(150), type: "ileocolonicResection" });
    expect(st(tl, "w12", "clinicalRemission")).toBe("met");
    for (const tp of ["w26", "w52"] as const) {
      for (const e of ["clinicalRemission", "steroidFreeClinicalRemission", "clinicalResponse", "endoscopicRemission", "endoscopicResponse"] as const) {
        const r = get(tl, tp, e);
        expect([r?.status, r?.code], `${tp} ${e}`).toEqual(["not-met", "surgery"]);
        expect(r?.imputation).toEqual({ cause: "surgery", date: day(150) });
      }
      expect(st(tl, tp, "crpNormalisation")).toBe("met");
    }
    expect(get(tl, "w26", "clinicalRemission")?.reason).toBe(`surgery (ileocolonicResection) on ${day(150)}: treatment failure from that date on`);
    expect(get(tl, "w26", "clinicalRemission")?.values).toEqual({ hbi: 2 });
  });
  it("surgery on the assessment day counts; the day after does not", () => {
    const on = patientTimeline({ ...cdPatient, surgeries: [{ date: day(84), type: "totalColectomy" }] }, course(), goodCd);
    expect(st(on, "w12", "clinicalRemission")).toBe("not-met");
    const after = patientTimeline({ ...cdPatient, surgeries: [{ date: day(85), type: "totalColectomy" }] }, course(), goodCd);
    expect(st(after, "w12", "clinicalRemission")).toBe("met");
  });
  it("perianal surgery and surgery before the start do not count", () => {
    const tl = patientTimeline(
      { ...cdPatient, surgeries: [{ date: day(100), type: "perianalSurgery" }, { date: day(-400), type: "ileocolonicResection" }] },
      course(),
      goodCd,
    );
    expect(tl.events.surgery).toBeNull();
    expect(st(tl, "w26", "clinicalRemission")).toBe("met");
  });
  it("failure applies with no visit at all in the window", () => {
    const tl = patientTimeline({ ...cdPatient, surgeries: [{ date: day(100), type: "subtotalColectomy" }] }, course(), goodCd.slice(0, 2));
    expect(get(tl, "w52", "endoscopicRemission")?.code).toBe("surgery");
  });
  it("discontinuation for lack of efficacy on day 200: w26 observed, w52 failure", () => {
    const tl = patientTimeline(cdPatient, course({ discontinuation: { date: day(200), reason: "lackOfEfficacy" } }), goodCd);
    expect(tl.events.discontinuation).toEqual({ date: day(200), reason: "lackOfEfficacy", countsAsFailure: true });
    expect(st(tl, "w26", "clinicalRemission")).toBe("met");
    expect([st(tl, "w52", "clinicalRemission"), get(tl, "w52", "clinicalRemission")?.code]).toEqual(["not-met", "discontinuation"]);
  });
  it("discontinuation for an adverse event: failure under A9 default, observed under A9 observedCase", () => {
    const c = course({ discontinuation: { date: day(100), reason: "adverseEvent" } });
    expect(st(patientTimeline(cdPatient, c, goodCd), "w26", "clinicalRemission")).toBe("not-met");
    const oc = mao2025Variant({ A9: "observedCase" });
    const tl = patientTimeline(cdPatient, c, goodCd.slice(0, 3), oc);
    expect(tl.events.discontinuation?.countsAsFailure).toBe(false);
    expect(st(tl, "w26", "clinicalRemission")).toBe("met");
    expect([st(tl, "w52", "clinicalRemission"), get(tl, "w52", "clinicalRemission")?.code]).toEqual(["not-evaluable", "noFollowUp"]);
    const nri = patientTimeline(cdPatient, c, goodCd.slice(0, 3), oc, { missingData: "nonResponder" });
    expect([st(nri, "w52", "clinicalRemission"), get(nri, "w52", "clinicalRemission")?.code]).toEqual(["not-met", "imputedMissing"]);
    expect(st(tl, "w52", "crpNormalisation")).toBe("not-evaluable");
  });
  it("observedCase still fails lack of efficacy", () => {
    const tl = patientTimeline(cdPatient, course({ discontinuation: { date: day(100), reason: "lackOfEfficacy" } }), goodCd, mao2025Variant({ A9: "observedCase" }));
    expect(get(tl, "w26", "clinicalResponse")?.code).toBe("discontinuation");
  });
});

describe("missing data (A9) and Rutgeerts (A6)", () => {
  it("complete case: a missing visit is not evaluable; trial profiles impute non-response", () => {
    const ucVisits: Visit[] = [{ patientId: "P1", date: day(0), mayo: { stoolFrequency: 3, rectalBleeding: 3, endoscopic: 3, friability: true } }];
    const cc = patientTimeline(ucPatient, course(), ucVisits);
    expect([st(cc, "w8", "clinicalResponse"), get(cc, "w8", "clinicalResponse")?.code]).toEqual(["not-evaluable", "noFollowUp"]);
    const nri = patientTimeline(ucPatient, course(), ucVisits, uAchieve);
    const r = get(nri, "w8", "clinicalResponse");
    expect([r?.status, r?.code, r?.imputation]).toEqual(["not-met", "imputedMissing", { cause: "missing", date: null }]);
    expect(nri.timepoints.map((t) => t.timepoint)).toEqual(["w0", "w8", "w52"]);
    expect(get(nri, "w8", "crpNormalisation")?.code).toBe("notDefined");
  });
  it("missing baseline stays not evaluable even under non-responder imputation", () => {
    const tl = patientTimeline(cdPatient, course(), [cdVisit(84, 2, 2)], uExcel);
    expect(get(tl, "w12", "endoscopicResponse")?.code).toBe("noBaseline");
  });
  it("a Rutgeerts grade counts only after an ileocolonic resection before the endoscopy", () => {
    const vs = [cdVisit(0, 9, undefined, { rutgeerts: "i3" }), cdVisit(84, 2, undefined, { rutgeerts: "i1" })];
    const after = patientTimeline({ ...cdPatient, surgeries: [{ date: day(-400), type: "ileocolonicResection" }] }, course(), vs);
    expect(st(after, "w12", "endoscopicRemission")).toBe("met");
    expect(st(after, "w12", "endoscopicResponse")).toBe("not-evaluable");
    const none = patientTimeline(cdPatient, course(), vs);
    expect([st(none, "w12", "endoscopicRemission"), get(none, "w12", "endoscopicRemission")?.code]).toEqual(["not-evaluable", "noFollowUp"]);
  });
});

describe("A8: maintenance time points from maintenance start", () => {
  it("moves w26/w52/w78, not w12", () => {
    const c = course({
      dosePeriods: [
        { doseMg: 45, startDate: START, endDate: day(90), phase: "induction" },
        { doseMg: 15, startDate: day(90), phase: "maintenance" },
      ],
    });
    const tl = patientTimeline(cdPatient, c, goodCd, mao2025Variant({ A8: "maintenanceStart" }));
    expect(tl.maintenanceStart).toBe(day(90));
    expect(tl.timepoints.map((t) => t.targetDate)).toEqual([START, day(84), day(90 + 182), day(90 + 364), day(90 + 546)]);
    expect(patientTimeline(cdPatient, c, goodCd).timepoints[2]!.targetDate).toBe(day(182));
  });
  it("trial profiles count maintenance week 52 from maintenance start", () => {
    const tl = patientTimeline(cdPatient, course(), goodCd, uExcel);
    expect(tl.timepoints.map((t) => [t.timepoint, t.targetDate])).toEqual([
      ["w0", START],
      ["w12", day(84)],
      ["w52", day(84 + 364)],
    ]);
  });
});

describe("input checks and purity", () => {
  it("does not mutate its inputs", () => {
    const p = { ...cdPatient, surgeries: [{ date: day(150), type: "ileocolonicResection" as const }] };
    const c = course({ concomitantMedications: [{ agentClass: "corticosteroid", startDate: day(-60), endDate: day(40) }] });
    const vs = [...goodCd].reverse();
    const before = structuredClone([p, c, vs]);
    patientTimeline(p, c, vs);
    expect([p, c, vs]).toEqual(before);
  });
  it("rejects a visit of another patient", () =>
    expect(() => patientTimeline(cdPatient, course(), [{ ...goodCd[0]!, patientId: "P2" }])).toThrow(
      "patientTimeline: visits[0].patientId must equal patient.id; got a different id.",
    ));
  it("rejects a course of another patient", () => expect(() => patientTimeline(cdPatient, { ...course(), patientId: "P2" }, goodCd)).toThrow(/course.patientId/));
  it("names a bad visit field", () =>
    expect(() => patientTimeline(cdPatient, course(), [goodCd[0]!, { ...goodCd[1]!, date: "2024-02-30" }])).toThrow(/^patientTimeline: visits\[1\]\.date/));
  it("names a bad option", () =>
    expect(() => patientTimeline(cdPatient, course(), goodCd, mao2025, { missingData: "x" as "nonResponder" })).toThrow(/options.missingData/));
  it("rejects a non-array of visits", () => expect(() => patientTimeline(cdPatient, course(), {} as Visit[])).toThrow(TypeError));
  it("validated: true gives the same timeline on valid input", () => {
    const parsedCourse = { ...course(), drug: "upadacitinib", concomitantMedications: [] };
    expect(patientTimeline(cdPatient, parsedCourse, goodCd, mao2025, { validated: true })).toEqual(patientTimeline(cdPatient, course(), goodCd));
  });
  it("steroidExposure rejects a bad date or course", () => {
    expect(() => steroidExposure(course(), "1 Jan")).toThrow(RangeError);
    expect(() => steroidExposure(course(), "2024-02-30")).toThrow("steroidExposure: date must be a calendar date written YYYY-MM-DD; got a string of length 10.");
    expect(() => steroidExposure(null as never, "2024-02-01")).toThrow(TypeError);
  });
  it("steroidExposure: unrecorded is unknown, never never", () => {
    expect(steroidExposure(unrecorded(), day(10))).toEqual({
      status: "unknown",
      daysOff: null,
      usedAtBaseline: null,
      missing: "course.corticosteroidsRecorded (or corticosteroid periods in course.concomitantMedications)",
    });
    expect(steroidExposure(unrecorded(), day(10), [], { assumeNoSteroidsWhenUnrecorded: true })).toEqual({ status: "never", daysOff: null, usedAtBaseline: false });
    expect(steroidExposure(unrecorded(), day(10), [cdVisit(10, 2, undefined, { onCorticosteroids: false })]).status).toBe("off");
    expect(steroidExposure(unrecorded(), day(10), [cdVisit(0, 2, undefined, { onCorticosteroids: false })]).usedAtBaseline).toBe(false);
    // a flag long before the start is not a baseline record
    expect(steroidExposure(unrecorded(), day(10), [cdVisit(-200, 2, undefined, { onCorticosteroids: false })]).usedAtBaseline).toBeNull();
  });
  it("steroidExposure validates its inputs and names itself", () => {
    expect(() => steroidExposure(unrecorded(), "2024-02-30")).toThrow(/^steroidExposure: date/);
    expect(() => steroidExposure({ ...unrecorded(), concomitantMedications: [{ agentClass: "steroid" }] } as never, day(1))).toThrow(/^steroidExposure: course\.concomitantMedications\[0\]/);
    expect(() => steroidExposure(unrecorded(), day(1), {} as never)).toThrow(/^steroidExposure: visits must be an array/);
    expect(() => steroidExposure(unrecorded(), day(1), [], { constructor: true } as never)).toThrow(/^steroidExposure: options\.constructor is not an option/);
    // eslint-disable-next-line no-sparse-arrays
    expect(() => steroidExposure(unrecorded(), day(1), [, cdVisit(1, 2)] as never)).toThrow(/^steroidExposure: visits\[0\]/);
  });
  it("steroidExposure: never, on, and an open-ended period", () => {
    expect(steroidExposure(course(), day(10))).toEqual({ status: "never", daysOff: null, usedAtBaseline: false });
    const open = course({ concomitantMedications: [{ agentClass: "corticosteroid", startDate: day(5) }] });
    expect(steroidExposure(open, day(4))).toEqual({ status: "never", daysOff: null, usedAtBaseline: false });
    expect(steroidExposure(open, day(400))).toEqual({ status: "on", daysOff: 0, usedAtBaseline: false });
  });
});

// ---------------------------------------------------------------- the paper's figures from the example cohort
const COHORT = new URL("../../../examples/data/cohort.json", import.meta.url);

describe.runIf(existsSync(COHORT))("example cohort reproduces docs/definitions.md §5.1 under mao2025", () => {
  interface CohortJson {
    patients: Patient[];
    courses: TreatmentCourseInput[];
    visits: Visit[];
  }
  const data = JSON.parse(readFileSync(COHORT, "utf8")) as CohortJson;
  const byPatient = new Map<string, Visit[]>();
  for (const v of data.visits) byPatient.set(v.patientId, [...(byPatient.get(v.patientId) ?? []), v]);
  // The 80 included patients are those followed on the full schedule (5 visits); the screened-out have fewer.
  const included = data.patients.filter((p) => (byPatient.get(p.id) ?? []).length === 5);
  const rows = included.flatMap((p) => timelineRows(patientTimeline(p, data.courses.find((c) => c.patientId === p.id)!, byPatient.get(p.id)!)));
  const n = (d: "UC" | "CD", tp: TimepointKey, e: EndpointId, s = "met") =>
    rows.filter((r) => r.disease === d && r.timepoint === tp && r.endpoint === e && r.status === s).length;

  it("80 patients: 28 UC, 52 CD", () => {
    expect(included.filter((p) => p.diagnosis === "UC").length).toBe(28);
    expect(included.filter((p) => p.diagnosis === "CD").length).toBe(52);
  });
  const table: [EndpointId, [number, number, number], [number, number, number]][] = [
    ["steroidFreeClinicalRemission", [19, 22, 24], [31, 38, 41]],
    ["clinicalResponse", [20, 22, 25], [32, 35, 39]],
    ["endoscopicRemission", [13, 17, 22], [16, 30, 39]],
    ["endoscopicResponse", [17, 18, 22], [30, 35, 44]],
  ];
  for (const [e, ucN, cdN] of table) {
    it(`${e}: UC ${ucN.join("/")} of 28, CD ${cdN.join("/")} of 52`, () => {
      expect([n("UC", "w8", e), n("UC", "w26", e), n("UC", "w52", e)]).toEqual(ucN);
      expect([n("CD", "w12", e), n("CD", "w26", e), n("CD", "w52", e)]).toEqual(cdN);
      expect(n("UC", "w8", e) + n("UC", "w8", e, "not-met")).toBe(28);
      expect(n("CD", "w52", e) + n("CD", "w52", e, "not-met")).toBe(52);
    });
  }
  it("normal CRP and FC rates at w0, induction, w26, w52, w78", () => {
    const series = (d: "UC" | "CD", e: EndpointId) => (["w0", d === "UC" ? "w8" : "w12", "w26", "w52", "w78"] as TimepointKey[]).map((tp) => n(d, tp, e));
    expect(series("UC", "crpNormalisation")).toEqual([8, 13, 17, 19, 22]);
    expect(series("CD", "crpNormalisation")).toEqual([21, 30, 31, 36, 41]);
    expect(series("UC", "fcNormalisation")).toEqual([8, 16, 17, 22, 23]);
    expect(series("CD", "fcNormalisation")).toEqual([12, 27, 32, 36, 48]);
  });
});

// ---------------------------------------------------------------- properties of timelines

describe("timeline properties", () => {
  const visitArb = fc.record({
    d: fc.integer({ min: -40, max: 600 }),
    h: fc.option(fc.integer({ min: 0, max: 15 }), { nil: undefined }),
    s: fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined }),
    crp: fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined }),
  });
  const visitsArb = fc
    .uniqueArray(visitArb, { selector: (v) => v.d, minLength: 1, maxLength: 12 })
    .map((vs) => vs.map((v) => cdVisit(v.d, v.h, v.s, v.crp === undefined ? {} : { labs: { crp: { value: v.crp, unit: "mg/L" } } })));
  const steroidEnd = fc.option(fc.integer({ min: -30, max: 400 }), { nil: undefined });
  const surgeryDay = fc.option(fc.integer({ min: 1, max: 500 }), { nil: undefined });
  const build = (end: number | undefined) =>
    course(end === undefined ? {} : { concomitantMedications: [{ agentClass: "corticosteroid", startDate: day(-60), endDate: day(end) }] });
  const withSurgery = (sd: number | undefined): Patient => (sd === undefined ? cdPatient : { ...cdPatient, surgeries: [{ date: day(sd), type: "ileocolonicResection" }] });

  it("is deterministic: visit order does not matter (distinct dates)", () => {
    fc.assert(
      fc.property(visitsArb, steroidEnd, fc.integer({ min: 0, max: 1000 }), (vs, end, seed) => {
        const shuffled = [...vs].sort((a, b) => ((a.date.charCodeAt(9) * 31 + seed) % 7) - ((b.date.charCodeAt(9) * 31 + seed) % 7));
        expect(patientTimeline(cdPatient, build(end), shuffled)).toEqual(patientTimeline(cdPatient, build(end), vs));
      }),
      { numRuns: 60 },
    );
  });
  it("non-responder imputation only turns not-evaluable (missing follow-up) into not-met", () => {
    fc.assert(
      fc.property(visitsArb, steroidEnd, (vs, end) => {
        const cc = timelineRows(patientTimeline(cdPatient, build(end), vs));
        const nri = timelineRows(patientTimeline(cdPatient, build(end), vs, mao2025, { missingData: "nonResponder" }));
        cc.forEach((r, i) => {
          const q = nri[i]!;
          if (r.status === q.status) expect(q.code).toBe(r.code);
          else expect([r.status, r.code, q.status, q.code]).toEqual(["not-evaluable", "noFollowUp", "not-met", "imputedMissing"]);
        });
      }),
      { numRuns: 60 },
    );
  });
  it("a surgery never turns a result into met, and leaves the labs alone", () => {
    fc.assert(
      fc.property(visitsArb, steroidEnd, surgeryDay, (vs, end, sd) => {
        const a = timelineRows(patientTimeline(cdPatient, build(end), vs));
        const b = timelineRows(patientTimeline(withSurgery(sd), build(end), vs));
        a.forEach((r, i) => {
          const q = b[i]!;
          if (q.status === "met") expect(r.status).toBe("met");
          if (r.endpoint === "crpNormalisation") expect(q.status).toBe(r.status);
        });
      }),
      { numRuns: 60 },
    );
  });
  it("steroid-free remission implies remission at every time point", () => {
    fc.assert(
      fc.property(visitsArb, steroidEnd, (vs, end) => {
        for (const t of patientTimeline(cdPatient, build(end), vs).timepoints) {
          if (t.outcomes.steroidFreeClinicalRemission?.status === "met") expect(t.outcomes.clinicalRemission?.status).toBe("met");
        }
      }),
      { numRuns: 60 },
    );
  });
});
