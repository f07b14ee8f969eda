import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  biochemicalRemission,
  classifyAssessment,
  classifyEndpoint,
  clinicalRemission,
  clinicalResponse,
  crpNormalisation,
  describeRule,
  endoscopicRemission,
  endoscopicResponse,
  fcNormalisation,
  steroidFreeClinicalRemission,
} from "./index.js";
import { classic, getProfile, mao2025, mao2025Variant, stride2, uAchieve, uExcel, uExcelPro2 } from "../profiles/index.js";
import type { DefinitionProfile } from "../profiles/schema.js";
import { measuresFromVisit } from "../measuresFromVisit/index.js";
import type { ClassifierInput, EndpointId, EndpointStatus, SteroidExposure, TimepointKey, VisitMeasures } from "../types.js";

type Case = [label: string, input: ClassifierInput, want: EndpointStatus];

function run(endpoint: EndpointId, profile: DefinitionProfile, cases: Case[]): void {
  for (const [label, input, want] of cases) {
    it(`${profile.id} ${endpoint}: ${label} -> ${want}`, () => {
      const r = classifyEndpoint(endpoint, input, profile);
      expect(r.status, r.reason).toBe(want);
      expect(r.profile).toEqual({ id: profile.id, version: profile.version });
    });
  }
}

const uc = (tp: TimepointKey, followUp: VisitMeasures, baseline?: VisitMeasures, steroids?: SteroidExposure): ClassifierInput => ({
  disease: "UC",
  timepoint: tp,
  followUp,
  baseline,
  steroids,
});
const cd = (tp: TimepointKey, followUp: VisitMeasures, baseline?: VisitMeasures, steroids?: SteroidExposure): ClassifierInput => ({
  disease: "CD",
  timepoint: tp,
  followUp,
  baseline,
  steroids,
});
const off = (daysOff: number, usedAtBaseline = true): SteroidExposure => ({ status: "off", daysOff, usedAtBaseline });
const ON: SteroidExposure = { status: "on", daysOff: 0, usedAtBaseline: true };
const NEVER: SteroidExposure = { status: "never", daysOff: null, usedAtBaseline: false };

describe("TSDoc examples", () => {
  it("describeRule", () => expect(describeRule(mao2025.rules.CD.clinicalResponse!)).toBe("drop(hbi) >= 3 OR percentDrop(hbi) >= 50"));
  it("classifyEndpoint", () => {
    const r = classifyEndpoint("clinicalResponse", { disease: "CD", timepoint: "w12", baseline: { hbi: 6 }, followUp: { hbi: 3 } });
    expect([r.status, r.reason]).toEqual(["met", "drop(hbi) >= 3: 3 meets"]);
  });
  it("classifyAssessment", () => {
    const all = classifyAssessment({ disease: "UC", timepoint: "w8", baseline: { mayoEndoscopic: 3 }, followUp: { mayoEndoscopic: 1, crpMgPerL: 8 } });
    expect([all.endoscopicResponse.status, all.endoscopicRemission.status, all.crpNormalisation.status]).toEqual(["met", "not-met", "not-met"]);
  });
  it("clinicalRemission", () => expect(clinicalRemission({ disease: "CD", timepoint: "w26", followUp: { hbi: 4 } }).status).toBe("met"));
  it("steroidFreeClinicalRemission", () =>
    expect(
      steroidFreeClinicalRemission({ disease: "CD", timepoint: "w26", followUp: { hbi: 2 }, steroids: { status: "off", daysOff: 89, usedAtBaseline: true } }).status,
    ).toBe("not-met"));
  it("clinicalResponse", () =>
    expect(
      clinicalResponse({
        disease: "UC",
        timepoint: "w8",
        baseline: { mayoAdapted: 9, mayoRectalBleeding: 3 },
        followUp: { mayoAdapted: 6, mayoRectalBleeding: 2 },
      }).status,
    ).toBe("met"));
  it("endoscopicRemission", () => expect(endoscopicRemission({ disease: "CD", timepoint: "w52", followUp: { rutgeerts: 1 } }).status).toBe("met"));
  it("endoscopicResponse", () =>
    expect(endoscopicResponse({ disease: "UC", timepoint: "w8", baseline: { mayoEndoscopic: 2 }, followUp: { mayoEndoscopic: 1 } }).status).toBe("not-met"));
  it("biochemicalRemission", () =>
    expect(biochemicalRemission({ disease: "UC", timepoint: "w8", followUp: { crpMgPerL: 12, fcUgPerG: 149 } }, getProfile("mao2025+A7=composite")).status).toBe("met"));
  it("crpNormalisation", () => expect(crpNormalisation({ disease: "CD", timepoint: "w0", followUp: { crpMgPerL: 7.9 } }).status).toBe("met"));
  it("fcNormalisation", () => expect(fcNormalisation({ disease: "CD", timepoint: "w12", followUp: { fcUgPerG: 150 } }).status).toBe("not-met"));
});

// ---------------------------------------------------------------- mao2025, UC (§2.2)
describe("mao2025 UC clinical remission: aMS <= 2 AND SF, RB, ES each <= 1", () => {
  run("clinicalRemission", mao2025, [
    ["aMS 2, max 1 (at threshold)", uc("w8", { mayoAdapted: 2, mayoAdaptedMaxSubscore: 1 }), "met"],
    ["aMS 3", uc("w8", { mayoAdapted: 3, mayoAdaptedMaxSubscore: 1 }), "not-met"],
    ["aMS 2 with a subscore 2", uc("w8", { mayoAdapted: 2, mayoAdaptedMaxSubscore: 2 }), "not-met"],
    ["aMS 0", uc("w52", { mayoAdapted: 0, mayoAdaptedMaxSubscore: 0 }), "met"],
    ["no Mayo", uc("w8", {}), "not-evaluable"],
  ]);
  it("IBD-U uses the UC rules", () => {
    const r = clinicalRemission({ disease: "IBD-U", timepoint: "w8", followUp: { mayoAdapted: 1, mayoAdaptedMaxSubscore: 1 } });
    expect([r.status, r.disease]).toEqual(["met", "UC"]);
  });
  it("works from visit items (SF 1, RB 1, ES 0 -> met; SF 2, RB 0, ES 0 -> not-met)", () => {
    const m1 = measuresFromVisit({ patientId: "P", date: "2024-01-01", mayo: { stoolFrequency: 1, rectalBleeding: 1, endoscopic: 0 } });
    const m2 = measuresFromVisit({ patientId: "P", date: "2024-01-01", mayo: { stoolFrequency: 2, rectalBleeding: 0, endoscopic: 0 } });
    expect(clinicalRemission(uc("w8", m1)).status).toBe("met");
    expect(clinicalRemission(uc("w8", m2)).status).toBe("not-met");
  });
});

describe("mao2025 steroid-free clinical remission (A3 default, A10 default)", () => {
  const rem = { mayoAdapted: 1, mayoAdaptedMaxSubscore: 1 };
  run("steroidFreeClinicalRemission", mao2025, [
    ["w8 stopped the day before (off on the date)", uc("w8", rem, undefined, off(1)), "met"],
    ["w8 on steroids on the date", uc("w8", rem, undefined, ON), "not-met"],
    ["w8 never used", uc("w8", rem, undefined, NEVER), "met"],
    ["w26 89 days off", uc("w26", rem, undefined, off(89)), "not-met"],
    ["w26 90 days off (at threshold)", uc("w26", rem, undefined, off(90)), "met"],
    ["w52 90 days off", uc("w52", rem, undefined, off(90)), "met"],
    ["w52 stop date unknown", uc("w52", rem, undefined, { status: "off", daysOff: null, usedAtBaseline: true }), "not-evaluable"],
    ["w8 stop date unknown (off on the date suffices)", uc("w8", rem, undefined, { status: "off", daysOff: null, usedAtBaseline: true }), "met"],
    ["w8 exposure unknown (never read as steroid-free)", uc("w8", rem, undefined, { status: "unknown", daysOff: null, usedAtBaseline: true }), "not-evaluable"],
    ["w8 no steroid data (induction included)", uc("w8", rem), "not-evaluable"],
    ["w12 no steroid data (CD induction)", cd("w12", { hbi: 2 }), "not-evaluable"],
    ["w26 no steroid data", uc("w26", rem), "not-evaluable"],
    ["w26 not in remission though steroid-free", uc("w26", { mayoAdapted: 3, mayoAdaptedMaxSubscore: 1 }, undefined, NEVER), "not-met"],
    ["not in remission and no steroid data (not-met decides)", uc("w26", { mayoAdapted: 3, mayoAdaptedMaxSubscore: 1 }), "not-met"],
  ]);
  it("reports days off and the window", () => {
    const r = steroidFreeClinicalRemission(cd("w26", { hbi: 3 }, undefined, off(89)));
    expect(r.values["corticosteroids.daysOff"]).toBe(89);
    expect(r.thresholds.at(-1)).toEqual({
      test: "daysOffCorticosteroids >= 90",
      measure: "corticosteroids",
      observed: 89,
      op: ">=",
      threshold: 90,
      status: "not-met",
    });
    expect(r.reason).toBe("daysOffCorticosteroids >= 90: 89 fails");
    expect(r.rule).toBe("hbi <= 4 AND steroidFree");
  });
  it("w0 has no steroid-free window", () => {
    const r = steroidFreeClinicalRemission(cd("w0", { hbi: 3 }, undefined, NEVER));
    expect([r.status, r.code]).toEqual(["not-evaluable", "noSteroidData"]);
  });
  run("steroidFreeClinicalRemission", mao2025Variant({ A3: "literal" }), [
    ["A3 literal: w8 89 days off", cd("w8", { hbi: 2 }, undefined, off(89)), "not-met"],
    ["A3 literal: w12 90 days off", cd("w12", { hbi: 2 }, undefined, off(90)), "met"],
  ]);
  run("steroidFreeClinicalRemission", mao2025Variant({ A3: "uAchieve" }), [
    ["A3 uAchieve: w26 1 day off", cd("w26", { hbi: 2 }, undefined, off(1)), "met"],
    ["A3 uAchieve: w52 89 days off", cd("w52", { hbi: 2 }, undefined, off(89)), "not-met"],
    ["A3 uAchieve: w52 90 days off", cd("w52", { hbi: 2 }, undefined, off(90)), "met"],
  ]);
  const a10 = mao2025Variant({ A10: "steroidUsersOnly" });
  run("steroidFreeClinicalRemission", a10, [
    ["A10 steroidUsersOnly: never-user", cd("w26", { hbi: 2 }, undefined, NEVER), "not-evaluable"],
    ["A10 steroidUsersOnly: baseline user, 120 days off", cd("w26", { hbi: 2 }, undefined, off(120, true)), "met"],
    ["A10 steroidUsersOnly: off but not a baseline user", cd("w26", { hbi: 2 }, undefined, off(120, false)), "not-evaluable"],
    ["A10 steroidUsersOnly: baseline use unknown", cd("w26", { hbi: 2 }, undefined, { status: "off", daysOff: 120, usedAtBaseline: null }), "not-evaluable"],
  ]);
  it("A10 codes", () => {
    expect(steroidFreeClinicalRemission(cd("w26", { hbi: 2 }, undefined, NEVER), a10).code).toBe("notSteroidUser");
  });
});

describe("mao2025 UC clinical response (A1 default: aMS drop >= 3 AND >= 30% AND (RB drop >= 1 OR RB <= 1))", () => {
  const b = (ams: number, rb: number) => ({ mayoAdapted: ams, mayoRectalBleeding: rb });
  run("clinicalResponse", mao2025, [
    ["9 -> 6, RB 3 -> 2", uc("w8", b(6, 2), b(9, 3)), "met"],
    ["10 -> 7: exactly 30%", uc("w8", b(7, 1), b(10, 3)), "met"],
    ["11 -> 8: 27.3%", uc("w8", b(8, 1), b(11, 3)), "not-met"],
    ["5 -> 3: drop 2", uc("w8", b(3, 1), b(5, 2)), "not-met"],
    ["9 -> 6 but RB 2 -> 2", uc("w8", b(6, 2), b(9, 2)), "not-met"],
    ["9 -> 6, RB 2 -> 2 ... RB 1 -> 1 (RB <= 1)", uc("w8", b(6, 1), b(9, 1)), "met"],
    ["no baseline", uc("w8", b(3, 0)), "not-evaluable"],
    ["baseline 0 (relative change undefined)", uc("w8", b(0, 0), b(0, 0)), "not-met"],
  ]);
  run("clinicalResponse", mao2025Variant({ A1: "uAchieve" }), [
    ["A1 uAchieve: 5 -> 3 (drop 2, 40%)", uc("w8", b(3, 1), b(5, 2)), "met"],
    ["A1 uAchieve: 7 -> 5 (drop 2, 28.6%)", uc("w8", b(5, 1), b(7, 2)), "not-met"],
    ["A1 uAchieve: 4 -> 3 (drop 1)", uc("w8", b(3, 0), b(4, 1)), "not-met"],
  ]);
  it("exactly 30% is compared exactly (no floating error)", () => {
    const r = clinicalResponse(uc("w8", b(7, 1), b(10, 3)));
    const pct = r.thresholds.find((c) => c.test.startsWith("percentDrop"));
    expect(pct).toMatchObject({ observed: 30, op: ">=", threshold: 30, status: "met" });
  });
});

describe("mao2025 UC endoscopic (remission MES = 0; response A2 default MES drop > 50%)", () => {
  run("endoscopicRemission", mao2025, [
    ["MES 0", uc("w8", { mayoEndoscopic: 0 }), "met"],
    ["MES 1", uc("w8", { mayoEndoscopic: 1 }), "not-met"],
    ["no endoscopy", uc("w8", { mayoAdapted: 1 }), "not-evaluable"],
  ]);
  const e = (x: number) => ({ mayoEndoscopic: x });
  run("endoscopicResponse", mao2025, [
    ["3 -> 1", uc("w8", e(1), e(3)), "met"],
    ["3 -> 2", uc("w8", e(2), e(3)), "not-met"],
    ["2 -> 1: exactly 50% (strict >)", uc("w8", e(1), e(2)), "not-met"],
    ["2 -> 0", uc("w8", e(0), e(2)), "met"],
    ["1 -> 0", uc("w8", e(0), e(1)), "met"],
    ["0 -> 0: baseline 0", uc("w8", e(0), e(0)), "not-evaluable"],
    ["no baseline endoscopy", uc("w8", e(0)), "not-evaluable"],
  ]);
  it("baseline 0 says why", () => {
    const r = endoscopicResponse(uc("w8", e(0), e(0)));
    expect(r.code).toBe("baselineZero");
    expect(r.reason).toMatch(/baseline mayoEndoscopic is 0/);
  });
  run("endoscopicResponse", mao2025Variant({ A2: "aMS" }), [
    ["A2 aMS: 6 -> 3 (exactly 50%)", uc("w8", { mayoAdapted: 3 }, { mayoAdapted: 6 }), "not-met"],
    ["A2 aMS: 6 -> 2", uc("w8", { mayoAdapted: 2 }, { mayoAdapted: 6 }), "met"],
  ]);
  run("endoscopicResponse", mao2025Variant({ A2: "improvement" }), [
    ["A2 improvement: FDA ES 1", uc("w8", { mayoEndoscopicFdaModified: 1 }), "met"],
    ["A2 improvement: ES 1 with friability (FDA 2)", uc("w8", { mayoEndoscopicFdaModified: 2 }), "not-met"],
  ]);
  run("endoscopicResponse", mao2025Variant({ A2: "drop1" }), [
    ["A2 drop1: 2 -> 1", uc("w8", e(1), e(2)), "met"],
    ["A2 drop1: 2 -> 2", uc("w8", e(2), e(2)), "not-met"],
  ]);
});

// ---------------------------------------------------------------- mao2025, CD (§2.2)
describe("mao2025 CD", () => {
  run("clinicalRemission", mao2025, [
    ["HBI 4 (at threshold)", cd("w12", { hbi: 4 }), "met"],
    ["HBI 5", cd("w12", { hbi: 5 }), "not-met"],
    ["no HBI", cd("w12", { sesCd: 2 }), "not-evaluable"],
  ]);
  run("clinicalResponse", mao2025, [
    ["6 -> 3 (drop 3)", cd("w12", { hbi: 3 }, { hbi: 6 }), "met"],
    ["4 -> 2 (exactly 50%)", cd("w12", { hbi: 2 }, { hbi: 4 }), "met"],
    ["5 -> 3 (drop 2, 40%)", cd("w12", { hbi: 3 }, { hbi: 5 }), "not-met"],
    ["7 -> 4 (drop 3, 42.9%)", cd("w12", { hbi: 4 }, { hbi: 7 }), "met"],
    ["0 -> 0 (baseline 0)", cd("w12", { hbi: 0 }, { hbi: 0 }), "not-evaluable"],
    ["no baseline", cd("w12", { hbi: 0 }), "not-evaluable"],
  ]);
  run("clinicalResponse", mao2025Variant({ A4: "classic" }), [
    ["A4 classic: 4 -> 2 (50%, drop 2)", cd("w12", { hbi: 2 }, { hbi: 4 }), "not-met"],
    ["A4 classic: 6 -> 3", cd("w12", { hbi: 3 }, { hbi: 6 }), "met"],
  ]);
  run("endoscopicRemission", mao2025, [
    ["SES-CD 3 (at threshold)", cd("w12", { sesCd: 3 }), "met"],
    ["SES-CD 4", cd("w12", { sesCd: 4 }), "not-met"],
    ["Rutgeerts i1 only", cd("w12", { rutgeerts: 1 }), "met"],
    ["Rutgeerts i2 only", cd("w12", { rutgeerts: 2 }), "not-met"],
    ["SES-CD 4 but Rutgeerts i1 (either suffices)", cd("w12", { sesCd: 4, rutgeerts: 1 }), "met"],
    ["no endoscopy", cd("w12", { hbi: 2 }), "not-evaluable"],
  ]);
  run("endoscopicRemission", mao2025Variant({ A6: "stride2" }), [
    ["A6 stride2: SES-CD 2, no ulcers", cd("w12", { sesCd: 2, sesCdUlcers: 0 }), "met"],
    ["A6 stride2: SES-CD 2 with an aphthous ulcer", cd("w12", { sesCd: 2, sesCdUlcers: 1 }), "not-met"],
    ["A6 stride2: SES-CD 3", cd("w12", { sesCd: 3, sesCdUlcers: 0 }), "not-met"],
  ]);
  run("endoscopicRemission", mao2025Variant({ A6: "uExcel" }), [
    ["A6 uExcel: 6 -> 4, subscores <= 1", cd("w12", { sesCd: 4, sesCdMaxSubscore: 1 }, { sesCd: 6 }), "met"],
    ["A6 uExcel: 5 -> 4 (drop 1)", cd("w12", { sesCd: 4, sesCdMaxSubscore: 1 }, { sesCd: 5 }), "not-met"],
    ["A6 uExcel: subscore 2", cd("w12", { sesCd: 4, sesCdMaxSubscore: 2 }, { sesCd: 10 }), "not-met"],
    ["A6 uExcel: SES-CD 5", cd("w12", { sesCd: 5, sesCdMaxSubscore: 1 }, { sesCd: 10 }), "not-met"],
  ]);
  run("endoscopicResponse", mao2025, [
    ["10 -> 5 (exactly 50%)", cd("w12", { sesCd: 5 }, { sesCd: 10 }), "met"],
    ["10 -> 6", cd("w12", { sesCd: 6 }, { sesCd: 10 }), "not-met"],
    ["baseline 0", cd("w12", { sesCd: 0 }, { sesCd: 0 }), "not-evaluable"],
    ["Rutgeerts only (A5: not evaluable)", cd("w12", { rutgeerts: 0 }, { rutgeerts: 3 }), "not-evaluable"],
  ]);
  run("endoscopicResponse", mao2025Variant({ A5: "uExcel" }), [
    ["A5 uExcel: 10 -> 5 (50%, strict >)", cd("w12", { sesCd: 5 }, { sesCd: 10 }), "not-met"],
    ["A5 uExcel: 10 -> 4", cd("w12", { sesCd: 4 }, { sesCd: 10 }), "met"],
    ["A5 uExcel: baseline 4 -> 2 (drop 2)", cd("w12", { sesCd: 2 }, { sesCd: 4 }), "met"],
    ["A5 uExcel: baseline 4 -> 3", cd("w12", { sesCd: 3 }, { sesCd: 4 }), "not-met"],
    ["A5 uExcel: baseline 5 -> 3 (drop 2, 40%)", cd("w12", { sesCd: 3 }, { sesCd: 5 }), "not-met"],
  ]);
});

// ---------------------------------------------------------------- biochemical (A7)
describe("biochemical endpoints (A7)", () => {
  for (const d of ["UC", "CD"] as const) {
    const i = (m: VisitMeasures): ClassifierInput => ({ disease: d, timepoint: "w26", followUp: m });
    run("crpNormalisation", mao2025, [
      [`${d} CRP 7.99`, i({ crpMgPerL: 7.99 }), "met"],
      [`${d} CRP 8 (at threshold, strict <)`, i({ crpMgPerL: 8 }), "not-met"],
      [`${d} no CRP`, i({ fcUgPerG: 10 }), "not-evaluable"],
    ]);
    run("fcNormalisation", mao2025, [
      [`${d} FC 149`, i({ fcUgPerG: 149 }), "met"],
      [`${d} FC 150 (at threshold)`, i({ fcUgPerG: 150 }), "not-met"],
    ]);
    run("biochemicalRemission", mao2025, [[`${d} per-marker default: not defined`, i({ crpMgPerL: 1, fcUgPerG: 10 }), "not-evaluable"]]);
    run("crpNormalisation", mao2025Variant({ A7: "referenceRange" }), [
      [`${d} A7 referenceRange: CRP 8`, i({ crpMgPerL: 8 }), "met"],
      [`${d} A7 referenceRange: CRP 8.01`, i({ crpMgPerL: 8.01 }), "not-met"],
    ]);
    run("fcNormalisation", mao2025Variant({ A7: "referenceRange" }), [
      [`${d} A7 referenceRange: FC 50`, i({ fcUgPerG: 50 }), "met"],
      [`${d} A7 referenceRange: FC 51`, i({ fcUgPerG: 51 }), "not-met"],
    ]);
    run("biochemicalRemission", mao2025Variant({ A7: "composite" }), [
      [`${d} A7 composite: FC 149, CRP 20`, i({ crpMgPerL: 20, fcUgPerG: 149 }), "met"],
      [`${d} A7 composite: FC 150, CRP 8`, i({ crpMgPerL: 8, fcUgPerG: 150 }), "not-met"],
      [`${d} A7 composite: CRP 7 only`, i({ crpMgPerL: 7 }), "met"],
      [`${d} A7 composite: CRP 9 only (FC unknown)`, i({ crpMgPerL: 9 }), "not-evaluable"],
    ]);
    run("biochemicalRemission", mao2025Variant({ A7: "stride2" }), [
      [`${d} A7 stride2: CRP 7.9, FC 249`, i({ crpMgPerL: 7.9, fcUgPerG: 249 }), "met"],
      [`${d} A7 stride2: CRP 7.9, FC 250`, i({ crpMgPerL: 7.9, fcUgPerG: 250 }), "not-met"],
    ]);
  }
  it("not defined says so", () => {
    const r = biochemicalRemission(uc("w8", { crpMgPerL: 1 }));
    expect([r.code, r.rule, r.reason]).toEqual(["notDefined", "(not defined)", "profile mao2025 defines no biochemicalRemission for UC"]);
  });
});

// ---------------------------------------------------------------- trial and consensus profiles (§3)
describe("uAchieve (§3.1)", () => {
  const it0 = (sf: number, rb: number, esFda: number, baseSf: number) =>
    uc("w8", { mayoStoolFrequency: sf, mayoRectalBleeding: rb, mayoEndoscopicFdaModified: esFda }, { mayoStoolFrequency: baseSf });
  run("clinicalRemission", uAchieve, [
    ["SF 1 (baseline 1), RB 0, ES 1 without friability", it0(1, 0, 1, 1), "met"],
    ["SF 1 above baseline SF 0", it0(1, 0, 1, 0), "not-met"],
    ["RB 1", it0(0, 1, 1, 2), "not-met"],
    ["ES 1 with friability (FDA 2)", it0(0, 0, 2, 2), "not-met"],
    ["SF 2", it0(2, 0, 0, 3), "not-met"],
  ]);
  const a = (ams: number, rb: number) => ({ mayoAdaptedFdaModified: ams, mayoRectalBleeding: rb });
  run("clinicalResponse", uAchieve, [
    ["7 -> 5 (drop 2, 28.6%)", uc("w8", a(5, 1), a(7, 2)), "not-met"],
    ["6 -> 4 (drop 2, 33%)", uc("w8", a(4, 1), a(6, 2)), "met"],
  ]);
  run("endoscopicResponse", uAchieve, [["endoscopic improvement ES 1", uc("w8", { mayoEndoscopicFdaModified: 1 }), "met"]]);
  run("endoscopicRemission", uAchieve, [["ES 0", uc("w8", { mayoEndoscopic: 0 }), "met"]]);
  run("steroidFreeClinicalRemission", uAchieve, [
    ["w52 >= 90 days", { ...it0(1, 0, 1, 1), timepoint: "w52", steroids: off(90) }, "met"],
    ["w52 89 days", { ...it0(1, 0, 1, 1), timepoint: "w52", steroids: off(89) }, "not-met"],
  ]);
  run("clinicalRemission", uAchieve, [["CD patient: no CD rules", cd("w12", { hbi: 1 }), "not-evaluable"]]);
});

describe("uExcel and uExcelPro2 (§3.2)", () => {
  run("clinicalRemission", uExcel, [
    ["CDAI 149", cd("w12", { cdai: 149 }), "met"],
    ["CDAI 150", cd("w12", { cdai: 150 }), "not-met"],
  ]);
  run("clinicalResponse", uExcel, [
    ["CR-100: drop 100", cd("w12", { cdai: 200 }, { cdai: 300 }), "met"],
    ["CR-100: drop 99", cd("w12", { cdai: 201 }, { cdai: 300 }), "not-met"],
  ]);
  run("endoscopicResponse", uExcel, [
    ["12 -> 6 (50%)", cd("w12", { sesCd: 6 }, { sesCd: 12 }), "not-met"],
    ["12 -> 5", cd("w12", { sesCd: 5 }, { sesCd: 12 }), "met"],
    ["4 -> 2", cd("w12", { sesCd: 2 }, { sesCd: 4 }), "met"],
  ]);
  const p = (sf: number, ap: number) => ({ pro2StoolFrequency: sf, pro2AbdominalPain: ap });
  run("clinicalRemission", uExcelPro2, [
    ["SF 2.8, AP 1.0 (at thresholds)", cd("w12", p(2.8, 1), p(6, 2)), "met"],
    ["SF 2.9", cd("w12", p(2.9, 1), p(6, 2)), "not-met"],
    ["AP 1.1", cd("w12", p(2, 1.1), p(6, 2)), "not-met"],
    ["AP worse than baseline", cd("w12", p(2, 1), p(6, 0.5)), "not-met"],
  ]);
  run("endoscopicRemission", uExcel, [["UC patient: no UC rules", uc("w8", { mayoEndoscopic: 0 }), "not-evaluable"]]);
});

describe("stride2 (§3.3)", () => {
  run("clinicalRemission", stride2, [
    ["CD PRO-2 AP 1, SF 3", cd("w26", { pro2AbdominalPain: 1, pro2StoolFrequency: 3 }), "met"],
    ["CD PRO-2 SF 3.1", cd("w26", { pro2AbdominalPain: 1, pro2StoolFrequency: 3.1 }), "not-met"],
    ["CD HBI 4 (< 5)", cd("w26", { hbi: 4 }), "met"],
    ["CD HBI 5", cd("w26", { hbi: 5 }), "not-met"],
    ["CD PRO-2 fails but HBI 4", cd("w26", { pro2AbdominalPain: 2, pro2StoolFrequency: 3, hbi: 4 }), "met"],
    ["CD nothing recorded", cd("w26", {}), "not-evaluable"],
    ["UC RB 0, SF 1", uc("w26", { mayoRectalBleeding: 0, mayoStoolFrequency: 1 }), "met"],
    ["UC RB 1", uc("w26", { mayoRectalBleeding: 1, mayoStoolFrequency: 0 }), "not-met"],
  ]);
  run("clinicalResponse", stride2, [
    ["CD PRO-2 (2SF+5AP) 20 -> 10", cd("w26", { pro2Weighted: 10 }, { pro2Weighted: 20 }), "met"],
    ["CD PRO-2 20 -> 11", cd("w26", { pro2Weighted: 11 }, { pro2Weighted: 20 }), "not-met"],
    ["UC SF+RB 4 -> 2", uc("w26", { mayoPro2: 2 }, { mayoPro2: 4 }), "met"],
  ]);
  run("endoscopicRemission", stride2, [
    ["CD SES-CD 2, no ulcers", cd("w26", { sesCd: 2, sesCdUlcers: 0 }), "met"],
    ["CD SES-CD 2, ulcers", cd("w26", { sesCd: 2, sesCdUlcers: 1 }), "not-met"],
  ]);
  run("fcNormalisation", stride2, [
    ["FC 249", cd("w26", { fcUgPerG: 249 }), "met"],
    ["FC 250", cd("w26", { fcUgPerG: 250 }), "not-met"],
  ]);
  run("biochemicalRemission", stride2, [
    ["CRP 7, FC 200", uc("w26", { crpMgPerL: 7, fcUgPerG: 200 }), "met"],
    ["CRP 8, FC 200", uc("w26", { crpMgPerL: 8, fcUgPerG: 200 }), "not-met"],
  ]);
});

describe("classic (§3.4)", () => {
  run("clinicalRemission", classic, [
    ["full Mayo 2, subscores <= 1", uc("w8", { mayoFull: 2, mayoFullMaxSubscore: 1 }), "met"],
    ["full Mayo 2 with a subscore 2", uc("w8", { mayoFull: 2, mayoFullMaxSubscore: 2 }), "not-met"],
    ["HBI 4", cd("w12", { hbi: 4 }), "met"],
  ]);
  run("clinicalResponse", classic, [
    ["full Mayo 10 -> 7, RB 1", uc("w8", { mayoFull: 7, mayoRectalBleeding: 1 }, { mayoFull: 10, mayoRectalBleeding: 2 }), "met"],
    ["HBI 5 -> 2", cd("w12", { hbi: 2 }, { hbi: 5 }), "met"],
    ["HBI 4 -> 2", cd("w12", { hbi: 2 }, { hbi: 4 }), "not-met"],
  ]);
  run("endoscopicRemission", classic, [
    ["mucosal healing ES 1", uc("w8", { mayoEndoscopic: 1 }), "met"],
    ["ES 2", uc("w8", { mayoEndoscopic: 2 }), "not-met"],
  ]);
});

// ---------------------------------------------------------------- explanation, errors, purity
describe("explanation", () => {
  it("lists every value read and every comparison", () => {
    const r = clinicalResponse(uc("w8", { mayoAdapted: 6, mayoRectalBleeding: 2 }, { mayoAdapted: 9, mayoRectalBleeding: 3 }));
    expect(r.values).toEqual({ mayoAdapted: 6, "baseline.mayoAdapted": 9, mayoRectalBleeding: 2, "baseline.mayoRectalBleeding": 3 });
    expect(r.thresholds.map((c) => [c.test, c.observed, c.status])).toEqual([
      ["drop(mayoAdapted) >= 3", 3, "met"],
      ["percentDrop(mayoAdapted) >= 30", 100 / 3, "met"],
      ["drop(mayoRectalBleeding) >= 1", 1, "met"],
      ["mayoRectalBleeding <= 1", 2, "not-met"],
    ]);
    expect(r.rule).toBe("drop(mayoAdapted) >= 3 AND percentDrop(mayoAdapted) >= 30 AND (drop(mayoRectalBleeding) >= 1 OR mayoRectalBleeding <= 1)");
    expect(r.imputation).toBeNull();
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });
  it("a not-met result names the failing comparison", () => {
    const r = clinicalRemission(cd("w12", { hbi: 5 }));
    expect([r.code, r.reason]).toEqual(["rule", "hbi <= 4: 5 fails"]);
  });
  it("a missing measure is not-evaluable with a reason, never a silent not-met", () => {
    const r = clinicalRemission(cd("w12", {}));
    expect([r.status, r.code, r.reason]).toEqual(["not-evaluable", "noFollowUp", "hbi not recorded at w12 (hbi <= 4)"]);
    const b = clinicalResponse(cd("w12", { hbi: 1 }));
    expect([b.status, b.code]).toEqual(["not-evaluable", "noBaseline"]);
  });
});

describe("errors", () => {
  it("names a bad endpoint", () => expect(() => classifyEndpoint("remission" as EndpointId, cd("w12", {}))).toThrow(TypeError));
  it("names a bad disease", () =>
    expect(() => clinicalRemission({ ...cd("w12", {}), disease: "X" as "CD" })).toThrow(/clinicalRemission: input.disease must be "UC", "CD" or "IBD-U"/));
  it("names a bad time point", () => expect(() => clinicalRemission({ ...cd("w12", {}), timepoint: "w9" as "w8" })).toThrow(/input.timepoint/));
  it("names a non-finite measure", () =>
    expect(() => clinicalRemission(cd("w12", { hbi: Number.NaN }))).toThrow("clinicalRemission: input.followUp.hbi must be finite; got NaN."));
  it("names a non-number measure", () => expect(() => clinicalRemission(cd("w12", { hbi: "3" as unknown as number }))).toThrow(TypeError));
  it("rejects a bad steroid status", () =>
    expect(() => steroidFreeClinicalRemission(cd("w26", { hbi: 1 }, undefined, { status: "x" as "on", daysOff: 0, usedAtBaseline: true }))).toThrow(
      /input.steroids.status/,
    ));
  it("rejects off with daysOff 0", () => expect(() => steroidFreeClinicalRemission(cd("w26", { hbi: 1 }, undefined, off(0)))).toThrow(RangeError));
  it("rejects an invalid profile object", () =>
    expect(() => clinicalRemission(cd("w12", { hbi: 1 }), { ...mao2025, version: "" } as DefinitionProfile)).toThrow(/clinicalRemission: profile.version/));
  it("rejects a missing input", () => expect(() => clinicalRemission(undefined as unknown as ClassifierInput)).toThrow(TypeError));
});

describe("purity", () => {
  it("does not mutate its input or the profile", () => {
    const input = cd("w26", { hbi: 3, sesCd: 2 }, { hbi: 9, sesCd: 10 }, off(100));
    const before = structuredClone(input);
    const pBefore = structuredClone(mao2025);
    classifyAssessment(input);
    expect(input).toEqual(before);
    expect(structuredClone(mao2025)).toEqual(pBefore);
  });
  it("an unfrozen copy of a profile classifies the same (validated each call)", () => {
    const copy = structuredClone(mao2025) as DefinitionProfile;
    const i = cd("w12", { hbi: 3 }, { hbi: 6 });
    expect(clinicalResponse(i, copy)).toEqual(clinicalResponse(i, mao2025));
  });
});

// ---------------------------------------------------------------- properties: nesting of definitions
const status = (e: EndpointId, i: ClassifierInput, p: DefinitionProfile) => classifyEndpoint(e, i, p).status;
const implies = (a: EndpointStatus, b: EndpointStatus) => a !== "met" || b === "met";

describe("properties: stricter definitions imply looser ones", () => {
  const small = fc.integer({ min: 0, max: 20 });
  const steroidArb: fc.Arbitrary<SteroidExposure> = fc.oneof(
    fc.constant(ON),
    fc.constant(NEVER),
    fc.integer({ min: 1, max: 400 }).map((d) => off(d)),
  );
  const tpArb = fc.constantFrom<TimepointKey>("w12", "w26", "w52");
  it("CD response: A4 classic ⊂ A4 default", () => {
    const a4 = mao2025Variant({ A4: "classic" });
    fc.assert(fc.property(small, small, (b, f) => implies(status("clinicalResponse", cd("w12", { hbi: f }, { hbi: b }), a4), status("clinicalResponse", cd("w12", { hbi: f }, { hbi: b }), mao2025))));
  });
  it("CD endoscopic response: A5 uExcel ⊂ A5 default", () => {
    const a5 = mao2025Variant({ A5: "uExcel" });
    fc.assert(fc.property(fc.integer({ min: 0, max: 56 }), fc.integer({ min: 0, max: 56 }), (b, f) => implies(status("endoscopicResponse", cd("w12", { sesCd: f }, { sesCd: b }), a5), status("endoscopicResponse", cd("w12", { sesCd: f }, { sesCd: b }), mao2025))));
  });
  it("CD endoscopic remission: A6 stride2 ⊂ A6 default; mao2025 CD remission ⊂ stride2 CD remission", () => {
    const a6 = mao2025Variant({ A6: "stride2" });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 56 }), fc.integer({ min: 0, max: 1 }), fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }), small, (s, u, r, h) => {
        const m: VisitMeasures = r === undefined ? { sesCd: s, sesCdUlcers: u, hbi: h } : { sesCd: s, sesCdUlcers: u, rutgeerts: r, hbi: h };
        return (
          implies(status("endoscopicRemission", cd("w26", m), a6), status("endoscopicRemission", cd("w26", m), mao2025)) &&
          implies(status("clinicalRemission", cd("w26", m), mao2025), status("clinicalRemission", cd("w26", m), stride2))
        );
      }),
    );
  });
  it("steroid-free windows: A3 literal ⊂ default ⊂ A3 uAchieve; SFCR ⊂ clinical remission", () => {
    const lit = mao2025Variant({ A3: "literal" });
    const ua = mao2025Variant({ A3: "uAchieve" });
    fc.assert(
      fc.property(small, steroidArb, tpArb, (h, s, tp) => {
        const i = cd(tp, { hbi: h }, undefined, s);
        const l = status("steroidFreeClinicalRemission", i, lit);
        const d = status("steroidFreeClinicalRemission", i, mao2025);
        const u = status("steroidFreeClinicalRemission", i, ua);
        return implies(l, d) && implies(d, u) && implies(d, status("clinicalRemission", i, mao2025));
      }),
    );
  });
  const mayoArb = fc.record({
    stoolFrequency: fc.integer({ min: 0, max: 3 }),
    rectalBleeding: fc.integer({ min: 0, max: 3 }),
    endoscopic: fc.integer({ min: 0, max: 3 }),
    friability: fc.boolean(),
    physicianGlobal: fc.integer({ min: 0, max: 3 }),
  });
  const m = (mayo: { stoolFrequency: number; rectalBleeding: number; endoscopic: number; friability: boolean; physicianGlobal: number }) =>
    measuresFromVisit({ patientId: "P", date: "2024-01-01", mayo }, { validated: true });
  it("UC: uAchieve remission ⊂ mao2025 remission; A1 default response ⊂ A1 uAchieve; MES 0 ⊂ classic ES <= 1; A2 default ⊂ A2 drop1", () => {
    const a1 = mao2025Variant({ A1: "uAchieve" });
    const a2 = mao2025Variant({ A2: "drop1" });
    fc.assert(
      fc.property(mayoArb, mayoArb, (b, f) => {
        const i = uc("w8", m(f), m(b));
        return (
          implies(status("clinicalRemission", i, uAchieve), status("clinicalRemission", i, mao2025)) &&
          implies(status("clinicalResponse", i, mao2025), status("clinicalResponse", i, a1)) &&
          implies(status("endoscopicRemission", i, mao2025), status("endoscopicRemission", i, classic)) &&
          implies(status("endoscopicResponse", i, mao2025), status("endoscopicResponse", i, a2))
        );
      }),
    );
  });
  it("labs: CRP < 8 ⊂ CRP <= 8; FC <= 50 ⊂ FC < 150 ⊂ FC < 250", () => {
    const rr = mao2025Variant({ A7: "referenceRange" });
    fc.assert(
      fc.property(fc.double({ min: 0, max: 400, noNaN: true }), fc.double({ min: 0, max: 20, noNaN: true }), (f, c) => {
        const i = uc("w26", { fcUgPerG: f, crpMgPerL: c });
        return (
          implies(status("crpNormalisation", i, mao2025), status("crpNormalisation", i, rr)) &&
          implies(status("fcNormalisation", i, rr), status("fcNormalisation", i, mao2025)) &&
          implies(status("fcNormalisation", i, mao2025), status("fcNormalisation", i, stride2))
        );
      }),
    );
  });
  it("a missing follow-up measure is never met", () => {
    fc.assert(
      fc.property(fc.constantFrom(...(["clinicalRemission", "clinicalResponse", "endoscopicRemission", "endoscopicResponse", "crpNormalisation", "fcNormalisation"] as const)), fc.constantFrom("UC" as const, "CD" as const), (e, d) => {
        const r = classifyEndpoint(e, { disease: d, timepoint: "w26", followUp: {}, baseline: { hbi: 9, sesCd: 10, mayoEndoscopic: 3, mayoAdapted: 8 } });
        return r.status === "not-evaluable";
      }),
    );
  });
});
