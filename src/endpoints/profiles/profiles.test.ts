import { describe, expect, it } from "vitest";
import {
  classic,
  DefinitionProfileSchema,
  deriveProfile,
  ensureProfile,
  getProfile,
  listMao2025Variants,
  mao2025,
  MAO2025_DEFAULT_READINGS,
  MAO2025_READINGS,
  mao2025Variant,
  PROFILES,
  stride2,
  uAchieve,
  uExcel,
  uExcelPro2,
} from "./index.js";
import type { DefinitionProfile, ProfileOverrides } from "./schema.js";
import { isDeepFrozen } from "../_lib/freeze.js";
import { AMBIGUITY_IDS, ENDPOINT_IDS } from "../types.js";

const shipped: DefinitionProfile[] = [mao2025, uAchieve, uExcel, uExcelPro2, stride2, classic];

describe("TSDoc examples", () => {
  it("deriveProfile", () => {
    const strictHbi = deriveProfile(
      mao2025,
      { rules: { CD: { clinicalRemission: { kind: "value", measure: "hbi", op: "<", threshold: 4 } } } },
      { id: "mao2025-hbi-lt4", version: "1.0.0" },
    );
    expect([strictHbi.id, strictHbi.derivedFrom?.id, Object.isFrozen(strictHbi.rules.CD)]).toEqual(["mao2025-hbi-lt4", "mao2025", true]);
  });
  it("PROFILES", () => expect(Object.keys(PROFILES)).toEqual(["mao2025", "uAchieve", "uExcel", "uExcelPro2", "stride2", "classic"]));
  it("mao2025Variant", () => {
    const v = mao2025Variant({ A4: "classic", A10: "steroidUsersOnly" });
    expect([v.id, v.readings.A4, v.steroidFree.steroidUsersOnly]).toEqual(["mao2025+A4=classic+A10=steroidUsersOnly", "classic", true]);
  });
  it("listMao2025Variants", () => expect(listMao2025Variants().length).toBe(16));
  it("getProfile", () => expect(getProfile("mao2025+A4=classic").rules.CD.clinicalResponse).toEqual({ kind: "drop", measure: "hbi", op: ">=", threshold: 3 }));
});

describe("shipped profiles", () => {
  for (const p of [...shipped, ...listMao2025Variants()]) {
    it(`${p.id} is valid, deep-frozen and JSON-safe`, () => {
      expect(DefinitionProfileSchema.safeParse(p).success).toBe(true);
      expect(isDeepFrozen(p)).toBe(true);
      expect(JSON.parse(JSON.stringify(p))).toEqual(p);
      expect(p.version).toBe("1.0.0");
    });
  }
  it("ids are unique", () => {
    const ids = [...shipped, ...listMao2025Variants()].map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
  it("every trial/consensus profile cites its DOI", () => {
    expect(uAchieve.sources.join(" ")).toContain("doi:10.1016/S0140-6736(22)00581-5");
    expect(uExcel.sources.join(" ")).toContain("doi:10.1056/NEJMoa2212728");
    expect(uExcelPro2.sources.join(" ")).toContain("doi:10.1056/NEJMoa2212728");
    expect(stride2.sources.join(" ")).toContain("doi:10.1053/j.gastro.2020.12.031");
    expect(mao2025.sources.join(" ")).toContain("Drug Des Devel Ther 2025");
  });
  it("cannot be mutated", () => {
    expect(() => {
      (mao2025.steroidFree.minDaysOff as { w26: number }).w26 = 1;
    }).toThrow(TypeError);
    expect(mao2025.steroidFree.minDaysOff.w26).toBe(90);
  });
});

describe("mao2025 holds the spec's thresholds (§2.1-§2.3 defaults)", () => {
  it("UC rules", () => {
    expect(mao2025.rules.UC.clinicalRemission).toEqual({
      kind: "all",
      of: [
        { kind: "value", measure: "mayoAdapted", op: "<=", threshold: 2 },
        { kind: "value", measure: "mayoAdaptedMaxSubscore", op: "<=", threshold: 1 },
      ],
    });
    expect(mao2025.rules.UC.endoscopicRemission).toEqual({ kind: "value", measure: "mayoEndoscopic", op: "==", threshold: 0 });
    expect(mao2025.rules.UC.endoscopicResponse).toEqual({ kind: "percentDrop", measure: "mayoEndoscopic", op: ">", threshold: 50 });
  });
  it("CD rules", () => {
    expect(mao2025.rules.CD.clinicalRemission).toEqual({ kind: "value", measure: "hbi", op: "<=", threshold: 4 });
    expect(mao2025.rules.CD.endoscopicResponse).toEqual({ kind: "percentDrop", measure: "sesCd", op: ">=", threshold: 50 });
  });
  it("labs (A7 per marker)", () => {
    for (const d of ["UC", "CD"] as const) {
      expect(mao2025.rules[d].crpNormalisation).toEqual({ kind: "value", measure: "crpMgPerL", op: "<", threshold: 8 });
      expect(mao2025.rules[d].fcNormalisation).toEqual({ kind: "value", measure: "fcUgPerG", op: "<", threshold: 150 });
      expect(mao2025.rules[d].biochemicalRemission).toBeNull();
    }
  });
  it("steroid window (A3), schedule (§2.1, A8), analysis (A9)", () => {
    expect(mao2025.steroidFree).toEqual({ minDaysOff: { w8: 1, w12: 1, w26: 90, w52: 90, w78: 90 }, steroidUsersOnly: false });
    expect(mao2025.schedule.UC.map((t) => [t.key, t.week])).toEqual([["w0", 0], ["w8", 8], ["w26", 26], ["w52", 52], ["w78", 78]]);
    expect(mao2025.schedule.CD.map((t) => [t.key, t.week])).toEqual([["w0", 0], ["w12", 12], ["w26", 26], ["w52", 52], ["w78", 78]]);
    expect(mao2025.schedule.anchor).toBe("treatmentStart");
    expect(mao2025.schedule.CD.find((t) => t.key === "w78")?.endpoints).toEqual(["crpNormalisation", "fcNormalisation", "biochemicalRemission"]);
    expect(mao2025.analysis.missingData).toBe("notEvaluable");
    expect(mao2025.analysis.discontinuationFailureReasons).toContain("adverseEvent");
    expect(mao2025.analysis.surgeryTypes).toEqual(
      expect.arrayContaining(["ileocolonicResection", "smallBowelResection", "segmentalColectomy", "subtotalColectomy", "totalColectomy"]),
    );
    expect(mao2025.analysis.surgeryTypes).not.toContain("perianalSurgery");
    expect(mao2025.analysis.failureEndpoints).not.toContain("crpNormalisation");
    expect(mao2025.readings).toEqual(MAO2025_DEFAULT_READINGS);
  });
  it("the register has a default and at least one alternative for every ID", () => {
    for (const a of AMBIGUITY_IDS) {
      expect(Object.keys(MAO2025_READINGS[a])).toContain("default");
      expect(Object.keys(MAO2025_READINGS[a]).length).toBeGreaterThan(1);
    }
  });
  it("every default reading reproduces mao2025 (overrides are no-ops)", () => {
    const all = Object.fromEntries(AMBIGUITY_IDS.map((a) => [a, "default"]));
    expect(mao2025Variant(all)).toBe(mao2025);
    let merged: DefinitionProfile = mao2025;
    for (const a of AMBIGUITY_IDS) merged = deriveProfile(merged, MAO2025_READINGS[a].default.overrides, { id: "x", version: "1" });
    const strip = (p: DefinitionProfile) => ({ ...p, id: "", version: "", derivedFrom: null });
    expect(strip(merged)).toEqual(strip(mao2025));
  });
  it("every alternative reading changes the profile", () => {
    for (const v of listMao2025Variants()) {
      const strip = (p: DefinitionProfile) => JSON.stringify({ ...p, id: "", title: "", description: "", readings: {}, derivedFrom: null });
      expect(strip(v), v.id).not.toBe(strip(mao2025));
    }
  });
  it("trial profiles use non-responder imputation", () => {
    expect(uAchieve.analysis.missingData).toBe("nonResponder");
    expect(uExcel.analysis.missingData).toBe("nonResponder");
  });
  it("every profile defines each endpoint key for both diseases", () => {
    for (const p of shipped) for (const d of ["UC", "CD"] as const) expect(Object.keys(p.rules[d]).sort()).toEqual([...ENDPOINT_IDS].sort());
  });
});

describe("deriveProfile", () => {
  it("does not mutate the base and shares nothing mutable", () => {
    const before = structuredClone(mao2025);
    const d = deriveProfile(mao2025, { steroidFree: { minDaysOff: { w8: 1, w12: 1, w26: 30, w52: 30, w78: 30 } } }, { id: "short", version: "2" });
    expect(structuredClone(mao2025)).toEqual(before);
    expect(d.steroidFree.minDaysOff.w26).toBe(30);
    expect(d.steroidFree.steroidUsersOnly).toBe(false);
    expect(d.rules).toEqual(mao2025.rules);
    expect(isDeepFrozen(d)).toBe(true);
    expect(d.derivedFrom).toEqual({ id: "mao2025", version: "1.0.0" });
  });
  it("does not mutate the overrides", () => {
    const o: ProfileOverrides = { analysis: { missingData: "nonResponder" } };
    const before = structuredClone(o);
    deriveProfile(mao2025, o, { id: "nri", version: "1" });
    expect(o).toEqual(before);
    expect(Object.isFrozen(o)).toBe(false);
  });
  it("arrays replace", () => {
    const d = deriveProfile(mao2025, { analysis: { surgeryTypes: ["totalColectomy"] } }, { id: "tc", version: "1" });
    expect(d.analysis.surgeryTypes).toEqual(["totalColectomy"]);
  });
  it("null un-defines an endpoint", () => {
    const d = deriveProfile(mao2025, { rules: { UC: { endoscopicResponse: null } } }, { id: "noer", version: "1" });
    expect(d.rules.UC.endoscopicResponse).toBeNull();
    expect(d.rules.UC.endoscopicRemission).toEqual(mao2025.rules.UC.endoscopicRemission);
  });
  it("names a bad threshold path", () =>
    expect(() =>
      deriveProfile(mao2025, { rules: { CD: { clinicalRemission: { kind: "value", measure: "hbi", op: "<=", threshold: Number.NaN } } } }, { id: "bad", version: "1" }),
    ).toThrow(/^deriveProfile: overrides\.rules\.CD\.clinicalRemission\.threshold .*; got NaN\.$/));
  it("names a bad measure", () =>
    expect(() =>
      deriveProfile(mao2025, { rules: { CD: { clinicalRemission: { kind: "value", measure: "hbx" as "hbi", op: "<=", threshold: 4 } } } }, { id: "bad", version: "1" }),
    ).toThrow(/deriveProfile: overrides\.rules\.CD\.clinicalRemission/));
  it("names a bad id", () => expect(() => deriveProfile(mao2025, {}, { id: "1bad id", version: "1" })).toThrow(/deriveProfile: meta\.id/));
  it("rejects a duplicated time point", () => {
    const w8 = mao2025.schedule.UC[1]!;
    expect(() => deriveProfile(mao2025, { schedule: { UC: [mao2025.schedule.UC[0]!, w8, w8] } }, { id: "dup", version: "1" })).toThrow(
      /overrides\.schedule\.UC\[2\]\.key must be unique/,
    );
  });
  it("requires a baseline time point", () =>
    expect(() => deriveProfile(mao2025, { schedule: { CD: [mao2025.schedule.CD[1]!] } }, { id: "nob", version: "1" })).toThrow(/w0/));
  it("refuses id in overrides", () =>
    expect(() => deriveProfile(mao2025, { id: "x" } as unknown as ProfileOverrides, { id: "y", version: "1" })).toThrow(TypeError));
  it("refuses a non-profile base", () => expect(() => deriveProfile({} as DefinitionProfile, {}, { id: "y", version: "1" })).toThrow(/deriveProfile: base\./));
});

describe("variants and lookup", () => {
  it("variants are cached and ordered by ID", () => {
    const a = mao2025Variant({ A9: "observedCase", A1: "uAchieve" });
    const b = mao2025Variant({ A1: "uAchieve", A9: "observedCase" });
    expect(a).toBe(b);
    expect(a.id).toBe("mao2025+A1=uAchieve+A9=observedCase");
    expect(getProfile(a.id)).toBe(a);
  });
  it("combined readings apply together", () => {
    const v = mao2025Variant({ A7: "stride2", A6: "uExcel" });
    expect(v.rules.CD.fcNormalisation).toEqual({ kind: "value", measure: "fcUgPerG", op: "<", threshold: 250 });
    expect(v.rules.CD.endoscopicRemission).toEqual(MAO2025_READINGS.A6.uExcel.overrides.rules.CD.endoscopicRemission);
    expect(v.rules.UC.clinicalResponse).toEqual(mao2025.rules.UC.clinicalResponse);
  });
  it("A8 moves the anchor; A9 observed case keeps only efficacy failures", () => {
    expect(mao2025Variant({ A8: "maintenanceStart" }).schedule.anchor).toBe("maintenanceStart");
    expect(mao2025Variant({ A9: "observedCase" }).analysis.discontinuationFailureReasons).toEqual(["lackOfEfficacy", "surgery"]);
  });
  it("unknown ids and readings are TypeErrors", () => {
    expect(() => getProfile("nope")).toThrow(TypeError);
    // errors name the function the caller used
    expect(() => getProfile("mao2025+A1=nope")).toThrow(/^getProfile: id reading A1 must be/);
    for (const n of ["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf", "prototype"]) {
      expect(() => getProfile(n), n).toThrow(/^getProfile: id must be one of/);
      expect(() => getProfile(`mao2025+${n}=default`), n).toThrow(/^getProfile: id reading must be/);
      expect(() => getProfile(`mao2025+A1=${n}`), n).toThrow(/^getProfile: id reading A1 must be/);
      expect(() => mao2025Variant({ A1: n } as never), n).toThrow(/^mao2025Variant: readings\.A1 must be/);
    }
    expect(() => mao2025Variant({ A11: "x" } as never)).toThrow(/readings key/);
    expect(() => mao2025Variant({ A2: "uAchieve" } as never)).toThrow(TypeError);
  });
  it("ensureProfile remembers frozen profiles only", () => {
    expect(ensureProfile(mao2025, "f")).toBe(mao2025);
    expect(() => ensureProfile(null, "f")).toThrow("f: profile must be a definition profile object; got null.");
  });
});
