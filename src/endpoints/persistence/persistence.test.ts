import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Patient } from "../../models/patient.js";
import type { TreatmentCourseInput } from "../../models/treatmentCourse.js";
import type { Visit } from "../../models/visit.js";
import { patientTimeline } from "../patientTimeline/index.js";
import { drugPersistence, timeToFirstMet, type PersistenceTime } from "./index.js";

const course = (over: Partial<TreatmentCourseInput> = {}): TreatmentCourseInput => ({
  id: "C1",
  patientId: "P1",
  drug: "upadacitinib",
  startDate: "2024-01-01",
  dosePeriods: [
    { doseMg: 45, startDate: "2024-01-01", endDate: "2024-03-25", phase: "induction" },
    { doseMg: 15, startDate: "2024-03-25", phase: "maintenance" },
  ],
  ...over,
});
const ok = (r: ReturnType<typeof drugPersistence>[number]): PersistenceTime => {
  if (!r.evaluable) throw new Error(r.why);
  return r;
};

describe("drugPersistence (worked by hand)", () => {
  it("the @example: 2024-01-01 to 2024-07-01 is 182 days (2024 is a leap year)", () => {
    const r = ok(drugPersistence([course({ discontinuation: { date: "2024-07-01", reason: "lackOfEfficacy" } })], { cutoffDate: "2025-01-01", event: "failure" })[0]!);
    expect([r.time, r.status, r.cause, r.reason]).toEqual([182, 1, 1, "lackOfEfficacy"]);
    expect(r.derivation).toEqual({ start: "2024-01-01", end: "2024-07-01", endKind: "event", why: expect.stringMatching(/lackOfEfficacy/) });
  });
  it("a running course is censored at the cut-off, and the derivation says follow-up is assumed", () => {
    const r = ok(drugPersistence([course()], { cutoffDate: "2024-12-31" })[0]!);
    expect([r.time, r.status, r.cause]).toEqual([365, 0, 0]);
    expect(r.derivation.why).toMatch(/data cut-off \(2024-12-31\).*taken to reach the cut-off/);
  });
  it("censors at the earlier last follow-up; a patient missing from lastFollowUp is not evaluable", () => {
    const lfu = new Map([["P1", "2024-06-30"]]);
    const [a, b] = drugPersistence([course(), course({ patientId: "P2" })], { cutoffDate: "2024-12-31", lastFollowUp: lfu });
    expect(ok(a!).time).toBe(181);
    expect(ok(a!).derivation.why).toMatch(/last follow-up \(2024-06-30\)/);
    expect(b).toEqual({ evaluable: false, patientId: "P2", courseId: "C1", why: expect.stringMatching(/no last follow-up date for patient P2/) });
  });
  it("object lookups are own-key only", () => {
    const [r] = drugPersistence([course({ patientId: "constructor" })], { cutoffDate: "2024-12-31", lastFollowUp: { P1: "2024-06-30" } });
    expect(r!.evaluable).toBe(false);
  });
  it("a discontinuation after the cut-off is censored at the cut-off", () => {
    const r = ok(drugPersistence([course({ discontinuation: { date: "2025-02-01", reason: "adverseEvent" } })], { cutoffDate: "2024-12-31" })[0]!);
    expect([r.time, r.status, r.reason]).toEqual([365, 0, null]);
    expect(r.derivation.why).toMatch(/after the cut-off/);
  });
  it("event definitions: any, failure, intolerance, a list; lostToFollowUp always censors; surgery competes", () => {
    const reasons = ["lackOfEfficacy", "adverseEvent", "surgery", "lostToFollowUp", "cost"] as const;
    const cs = reasons.map((reason) => course({ discontinuation: { date: "2024-04-10", reason } }));
    const st = (event: Parameters<typeof drugPersistence>[1]["event"]) =>
      drugPersistence(cs, { cutoffDate: "2024-12-31", ...(event ? { event } : {}) }).map((r) => [ok(r).status, ok(r).cause]);
    expect(st(undefined)).toEqual([[1, 1], [1, 1], [1, 1], [0, 0], [1, 1]]);
    expect(st("failure")).toEqual([[1, 1], [0, 0], [0, 2], [0, 0], [0, 0]]);
    expect(st("intolerance")).toEqual([[0, 0], [1, 1], [0, 2], [0, 0], [0, 0]]);
    expect(st(["cost", "surgery"])).toEqual([[0, 0], [0, 0], [1, 1], [0, 0], [1, 1]]);
    // every course ends on 2024-04-10: day 100
    expect(drugPersistence(cs, { cutoffDate: "2024-12-31" }).every((r) => ok(r).time === 100)).toBe(true);
  });
  it("dose escalation 15 -> 30 mg is its own event; discontinuation before it censors", () => {
    const esc = course({
      dosePeriods: [
        { doseMg: 45, startDate: "2024-01-01", endDate: "2024-03-25", phase: "induction" },
        { doseMg: 15, startDate: "2024-03-25", endDate: "2024-06-01", phase: "maintenance" },
        { doseMg: 30, startDate: "2024-06-01", phase: "maintenance" },
      ],
    });
    const r = ok(drugPersistence([esc], { cutoffDate: "2024-12-31", event: "doseEscalation" })[0]!);
    expect([r.time, r.status]).toEqual([152, 1]);
    expect(r.derivation.why).toMatch(/from 15 to 30 mg/);
    // induction 45 -> maintenance 15 is not an escalation; 45 -> 30 is not either
    const none = ok(drugPersistence([course({ discontinuation: { date: "2024-05-01", reason: "cost" } })], { cutoffDate: "2024-12-31", event: "doseEscalation" })[0]!);
    expect([none.time, none.status]).toEqual([121, 0]);
  });
  it("a course starting after the cut-off is not evaluable", () => {
    expect(drugPersistence([course({ startDate: "2025-02-01", dosePeriods: [{ doseMg: 45, startDate: "2025-02-01" }] })], { cutoffDate: "2024-12-31" })[0]!.evaluable).toBe(false);
  });
  it.each([
    ["cutoffDate missing", () => drugPersistence([course()], {} as never), /options\.cutoffDate must be a calendar date/],
    ["unknown option", () => drugPersistence([course()], { cutoffDate: "2024-12-31", cutoff: 1 } as never), /options\.cutoff is not a known option/],
    ["bad event", () => drugPersistence([course()], { cutoffDate: "2024-12-31", event: "stop" as never }), /options\.event must be/],
    ["bad reason", () => drugPersistence([course()], { cutoffDate: "2024-12-31", event: ["death" as never] }), /options\.event\[0\] must be a discontinuation reason/],
    ["bad course", () => drugPersistence([{ ...course(), startDate: "2024-13-01" }], { cutoffDate: "2024-12-31" }), /drugPersistence: courses\[0\]\.startDate/],
  ])("%s throws", (_n, f, re) => expect(f).toThrow(re));
});

const COHORT = new URL("../../../examples/data/cohort.json", import.meta.url);
describe.runIf(existsSync(COHORT))("timeToFirstMet on the example cohort", () => {
  const data = JSON.parse(readFileSync(COHORT, "utf8")) as { patients: Patient[]; courses: TreatmentCourseInput[]; visits: Visit[] };
  const visitsOf = (id: string) => data.visits.filter((v) => v.patientId === id);
  const timelines = data.patients.slice(0, 40).map((p) => patientTimeline(p, data.courses.find((c) => c.patientId === p.id)!, visitsOf(p.id)));
  it("the event is the first met assessment, at its visit date", () => {
    for (const tl of timelines) {
      const t = timeToFirstMet(tl, "steroidFreeClinicalRemission");
      const first = t.schedule.find((a) => a.status === "met");
      if (first) {
        expect(t.status).toBe(1);
        expect(t.time).toBe(first.day);
        expect(t.derivation.end).toBe(first.date);
      } else {
        expect(t.status).toBe(0);
        expect(t.schedule.filter((a) => a.status === "met")).toEqual([]);
      }
      expect(t.schedule.every((a) => a.timepoint !== "w0")).toBe(true);
    }
    expect(timelines.some((tl) => timeToFirstMet(tl, "steroidFreeClinicalRemission").status === 1)).toBe(true);
  });
  it("never assessed after baseline: censored at baseline (time 0)", () => {
    const tl = timelines[0]!;
    const bare = { ...tl, timepoints: tl.timepoints.filter((t) => t.phase === "baseline") };
    const t = timeToFirstMet(bare, "clinicalResponse");
    expect([t.time, t.status, t.derivation.end]).toEqual([0, 0, tl.treatmentStart]);
    expect(t.derivation.why).toMatch(/censored at baseline/);
  });
  it("throws on a non-timeline", () => expect(() => timeToFirstMet({} as never, "clinicalResponse")).toThrow(/timeToFirstMet: timeline must be a patient timeline/));
});

describe("drugPersistence: death from adverse events as a competing event", () => {
  const ae = (over: Record<string, unknown>) => ({ patientId: "P1", onsetDate: "2024-05-01", term: "sudden death", category: "death", ledToDiscontinuation: true, ...over }) as never;
  it("a patient who dies on drug: competing event (cause 3) at the death date, censored for Kaplan–Meier", () => {
    const r = ok(drugPersistence([course()], { cutoffDate: "2024-12-31", adverseEvents: [ae({ id: "AE9" })] })[0]!);
    // 2024-01-01 to 2024-05-01 = 121 days
    expect([r.time, r.status, r.cause, r.reason, r.derivation.end]).toEqual([121, 0, 3, null, "2024-05-01"]);
    expect(r.derivation.why).toMatch(/died on 2024-05-01 while on drug \(adverse event AE9 "sudden death" \(category "death"\)/);
  });
  it("death before a later discontinuation or event wins; a discontinuation on the day of death is read as caused by it", () => {
    const [a, b] = drugPersistence(
      [course({ discontinuation: { date: "2024-06-01", reason: "lackOfEfficacy" } }), course({ id: "C2", discontinuation: { date: "2024-05-01", reason: "adverseEvent" } })],
      { cutoffDate: "2024-12-31", event: "failure", adverseEvents: [ae({})] },
    );
    expect([ok(a!).cause, ok(a!).status, ok(a!).time]).toEqual([3, 0, 121]);
    expect([ok(b!).cause, ok(b!).status, ok(b!).time]).toEqual([3, 0, 121]);
  });
  it("a death after discontinuation is not competing: the course keeps its discontinuation, and says why", () => {
    const r = ok(drugPersistence([course({ discontinuation: { date: "2024-04-10", reason: "lackOfEfficacy" } })], { cutoffDate: "2024-12-31", adverseEvents: [ae({})] })[0]!);
    expect([r.time, r.status, r.cause, r.reason]).toEqual([100, 1, 1, "lackOfEfficacy"]);
    expect(r.derivation.why).toMatch(/death on 2024-05-01 .* is after the course ended, so it is not a competing event/);
  });
  it("a death after censoring is not competing", () => {
    const r = ok(drugPersistence([course()], { cutoffDate: "2024-03-31", adverseEvents: [ae({})] })[0]!);
    expect([r.status, r.cause, r.derivation.end]).toEqual([0, 0, "2024-03-31"]);
  });
  it("seriousness.death === true counts; an unrecorded seriousness.death is not a death (missing means missing)", () => {
    const serious = ok(drugPersistence([course()], { cutoffDate: "2024-12-31", adverseEvents: [ae({ category: "mace", term: "MI", seriousness: { death: true } })] })[0]!);
    expect([serious.cause, serious.time]).toEqual([3, 121]);
    expect(serious.derivation.why).toMatch(/seriousness\.death/);
    const unrecorded = ok(drugPersistence([course()], { cutoffDate: "2024-12-31", adverseEvents: [ae({ category: "mace", term: "MI", seriousness: { hospitalization: true } })] })[0]!);
    const none = ok(drugPersistence([course()], { cutoffDate: "2024-12-31", adverseEvents: [ae({ category: "mace", term: "MI" })] })[0]!);
    expect([unrecorded.cause, unrecorded.time, none.cause, none.time]).toEqual([0, 365, 0, 365]);
  });
  it("the earliest death counts; other patients' deaths do not; a death before the start is not evaluable", () => {
    const [a, b] = drugPersistence([course(), course({ patientId: "P2" })], {
      cutoffDate: "2024-12-31",
      adverseEvents: [ae({ onsetDate: "2024-08-01" }), ae({ onsetDate: "2024-03-01" }), ae({ patientId: "P2", onsetDate: "2023-12-01" })],
    });
    expect([ok(a!).cause, ok(a!).derivation.end]).toEqual([3, "2024-03-01"]);
    expect(b).toEqual({ evaluable: false, patientId: "P2", courseId: "C1", why: expect.stringMatching(/death on 2023-12-01 .* before the course start/) });
  });
  it("dose escalation: a death before the escalation competes", () => {
    const c = course({ dosePeriods: [
      { doseMg: 45, startDate: "2024-01-01", endDate: "2024-03-25", phase: "induction" },
      { doseMg: 15, startDate: "2024-03-25", endDate: "2024-06-01", phase: "maintenance" },
      { doseMg: 30, startDate: "2024-06-01", phase: "maintenance" },
    ] });
    const r = ok(drugPersistence([c], { cutoffDate: "2024-12-31", event: "doseEscalation", adverseEvents: [ae({})] })[0]!);
    expect([r.cause, r.time]).toEqual([3, 121]);
  });
  it("rejects a contradictory or invalid adverse event and a non-array, naming the field", () => {
    expect(() => drugPersistence([course()], { cutoffDate: "2024-12-31", adverseEvents: [ae({ seriousness: { death: false } })] })).toThrow(/options\.adverseEvents\[0\]\.seriousness\.death is false but its category is "death"/);
    expect(() => drugPersistence([course()], { cutoffDate: "2024-12-31", adverseEvents: [ae({ onsetDate: "2024-13-01" })] })).toThrow(/options\.adverseEvents\[0\]/);
    expect(() => drugPersistence([course()], { cutoffDate: "2024-12-31", adverseEvents: {} as never })).toThrow(/options\.adverseEvents must be an array/);
  });
  it("does not mutate the adverse events", () => {
    const aes = [ae({ seriousness: { death: true } })];
    const before = structuredClone(aes);
    drugPersistence([course()], { cutoffDate: "2024-12-31", adverseEvents: aes });
    expect(aes).toEqual(before);
  });
});
