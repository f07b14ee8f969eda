import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { montrealUcSeverity, safeMontrealUcSeverity, type MontrealUcSeverityCriteria } from "./index.js";
import { montrealUcSeverity as fromBarrel } from "../index.js";

const severe: MontrealUcSeverityCriteria = {
  clinicalRemission: false,
  stoolsPerDay: 8,
  bloodyStoolsPerDay: 7,
  pulseBpm: 96,
  temperatureC: 37.8,
  hemoglobinGPerDl: 9.8,
  esrMmPerH: 42,
  systemicIllness: true,
};
const sev = (c: MontrealUcSeverityCriteria, o?: { esrUpperLimit?: number }) => montrealUcSeverity(c, o).severity;

describe("montrealUcSeverity", () => {
  it("is exported from the scores barrel", () => expect(fromBarrel).toBe(montrealUcSeverity));

  // Worked by hand from the Montreal criteria.
  it("S0: clinical remission", () => expect(montrealUcSeverity({ clinicalRemission: true })).toEqual({ status: "derived", severity: "S0", missing: [], reason: "clinical remission" }));
  it("S1: <= 4 stools, no systemic illness, normal ESR (boundaries 4 stools, ESR = limit)", () => {
    expect(sev({ clinicalRemission: false, stoolsPerDay: 4, bloodyStoolsPerDay: 4, systemicIllness: false, esrMmPerH: 15 })).toBe("S1");
    expect(sev({ clinicalRemission: false, stoolsPerDay: 0, systemicIllness: false, esrMmPerH: 0 })).toBe("S1");
    expect(montrealUcSeverity({ clinicalRemission: false, stoolsPerDay: 3, systemicIllness: false, esrMmPerH: 16 }).status).toBe("unclassifiable");
    expect(sev({ clinicalRemission: false, stoolsPerDay: 3, systemicIllness: false, esrMmPerH: 20 }, { esrUpperLimit: 20 })).toBe("S1");
    expect(montrealUcSeverity({ clinicalRemission: false, stoolsPerDay: 3, systemicIllness: true, esrMmPerH: 5 })).toMatchObject({ status: "unclassifiable", severity: null, missing: [] });
  });
  it("S2: > 4 stools (boundary 5) without all five S3 criteria", () => {
    expect(sev({ stoolsPerDay: 5 })).toBe("S2"); // 5 stools: S3 impossible, remission impossible
    expect(sev({ stoolsPerDay: 4.5 })).toBe("S2");
    expect(sev({ ...severe, bloodyStoolsPerDay: 5 })).toBe("S2");
    expect(sev({ ...severe, pulseBpm: 89 })).toBe("S2");
    expect(sev({ ...severe, temperatureC: 37.4 })).toBe("S2");
    expect(sev({ ...severe, hemoglobinGPerDl: 10.5 })).toBe("S2");
    expect(sev({ ...severe, esrMmPerH: 29 })).toBe("S2");
    // one recorded criterion not met decides S2 even with others unrecorded
    expect(sev({ stoolsPerDay: 9, bloodyStoolsPerDay: 9, pulseBpm: 70 })).toBe("S2");
  });
  it("S3: all five criteria, at their exact boundaries", () => {
    expect(sev(severe)).toBe("S3");
    expect(sev({ stoolsPerDay: 6, bloodyStoolsPerDay: 6, pulseBpm: 90, temperatureC: 37.5, hemoglobinGPerDl: 10.4, esrMmPerH: 30 })).toBe("S3");
  });
  it("missing means missing: an unrecorded deciding criterion is not-evaluable and named", () => {
    expect(montrealUcSeverity({})).toEqual({ status: "not-evaluable", severity: null, missing: ["clinicalRemission", "stoolsPerDay"], reason: "stools a day not recorded" });
    expect(montrealUcSeverity({ clinicalRemission: false })).toMatchObject({ status: "not-evaluable", missing: ["stoolsPerDay"] });
    expect(montrealUcSeverity({ stoolsPerDay: 3, systemicIllness: false, esrMmPerH: 5 })).toMatchObject({ status: "not-evaluable", missing: ["clinicalRemission"] });
    expect(montrealUcSeverity({ clinicalRemission: false, stoolsPerDay: 3 })).toMatchObject({ status: "not-evaluable", missing: ["systemicIllness", "esrMmPerH"] });
    expect(montrealUcSeverity({ stoolsPerDay: 3 })).toEqual({
      status: "not-evaluable",
      severity: null,
      missing: ["clinicalRemission", "systemicIllness", "esrMmPerH"],
      reason: "at most 4 stools a day: the class depends on clinicalRemission, systemicIllness, esrMmPerH (not recorded)",
    });
    // a raised ESR: S0 (clinical remission) or no class, so only remission is missing
    expect(montrealUcSeverity({ stoolsPerDay: 3, esrMmPerH: 40 })).toMatchObject({ status: "not-evaluable", missing: ["clinicalRemission"] });
    // systemic illness rules out remission: no class whatever remission would have been
    expect(montrealUcSeverity({ stoolsPerDay: 3, systemicIllness: true })).toMatchObject({ status: "unclassifiable", severity: null });
    expect(montrealUcSeverity({ clinicalRemission: false, stoolsPerDay: 3, systemicIllness: false })).toMatchObject({ status: "not-evaluable", missing: ["esrMmPerH"] });
    const { esrMmPerH: _e, ...noEsr } = severe;
    expect(montrealUcSeverity(noEsr)).toMatchObject({ status: "not-evaluable", severity: null, missing: ["esrMmPerH"] });
    expect(montrealUcSeverity({ stoolsPerDay: 7, bloodyStoolsPerDay: 7, pulseBpm: 95 })).toEqual({
      status: "not-evaluable",
      severity: null,
      missing: ["temperatureC", "hemoglobinGPerDl", "esrMmPerH"],
      reason: "at least 6 stools a day: S2 or S3 depends on temperatureC, hemoglobinGPerDl, esrMmPerH (not recorded)",
    });
  });
  it("property: removing a recorded criterion never changes a derived class into another class", () => {
    const keys = ["clinicalRemission", "stoolsPerDay", "bloodyStoolsPerDay", "systemicIllness", "pulseBpm", "temperatureC", "hemoglobinGPerDl", "esrMmPerH"] as const;
    const arb = fc
      .record(
        {
          clinicalRemission: fc.constant(false),
          stoolsPerDay: fc.integer({ min: 0, max: 12 }),
          bloodyFraction: fc.double({ min: 0, max: 1, noNaN: true }),
          systemicIllness: fc.boolean(),
          pulseBpm: fc.integer({ min: 60, max: 130 }),
          temperatureC: fc.double({ min: 36, max: 39.5, noNaN: true }),
          hemoglobinGPerDl: fc.double({ min: 7, max: 16, noNaN: true }),
          esrMmPerH: fc.integer({ min: 0, max: 80 }),
        },
        { requiredKeys: [] },
      )
      .map(({ bloodyFraction, ...c }) => (c.stoolsPerDay !== undefined && bloodyFraction !== undefined ? { ...c, bloodyStoolsPerDay: Math.floor(c.stoolsPerDay * bloodyFraction) } : c) as MontrealUcSeverityCriteria);
    fc.assert(
      fc.property(arb, fc.constantFrom(...keys), (c, drop) => {
        const full = montrealUcSeverity(c);
        const { [drop]: _gone, ...less } = c;
        const partial = montrealUcSeverity(less);
        if (partial.status === "derived") expect(partial.severity).toBe(full.severity);
        if (full.status !== "derived") expect(partial.status).not.toBe("derived");
        return true;
      }),
    );
  });
  it("contradicting clinical remission is a RangeError naming the field", () => {
    expect(() => montrealUcSeverity({ clinicalRemission: true, stoolsPerDay: 6 })).toThrow(RangeError);
    expect(() => montrealUcSeverity({ clinicalRemission: true, stoolsPerDay: 6 })).toThrow(/montrealUcSeverity: criteria\.stoolsPerDay contradicts clinicalRemission: true/);
    expect(() => montrealUcSeverity({ clinicalRemission: true, bloodyStoolsPerDay: 1 })).toThrow(/criteria\.bloodyStoolsPerDay/);
    expect(() => montrealUcSeverity({ clinicalRemission: true, systemicIllness: true })).toThrow(/criteria\.systemicIllness/);
    expect(sev({ clinicalRemission: true, stoolsPerDay: 4, bloodyStoolsPerDay: 0, systemicIllness: false })).toBe("S0");
  });
  it("bad input names the field: wrong kind TypeError, out of range RangeError, unknown key TypeError", () => {
    expect(() => montrealUcSeverity({ stoolsPerDay: "6" } as never)).toThrow(TypeError);
    expect(() => montrealUcSeverity({ stoolsPerDay: null } as never)).toThrow(/criteria\.stoolsPerDay must be a number/);
    expect(() => montrealUcSeverity({ stoolsPerDay: Number.NaN })).toThrow(RangeError);
    expect(() => montrealUcSeverity({ stoolsPerDay: -1 })).toThrow(/criteria\.stoolsPerDay must be a finite number/);
    expect(() => montrealUcSeverity({ temperatureC: 99.5 })).toThrow(/criteria\.temperatureC .*°F/);
    expect(() => montrealUcSeverity({ hemoglobinGPerDl: 105 })).toThrow(/criteria\.hemoglobinGPerDl .*g\/L divided by 10/);
    expect(() => montrealUcSeverity({ stoolsPerDay: 3, bloodyStoolsPerDay: 4 })).toThrow(/criteria\.bloodyStoolsPerDay must be at most stoolsPerDay \(3\)/);
    expect(() => montrealUcSeverity({ systemicIllness: "no" } as never)).toThrow(/criteria\.systemicIllness must be true or false/);
    expect(() => montrealUcSeverity({ pulse: 90 } as never)).toThrow(/criteria\.pulse is not a Montreal severity criterion/);
    expect(() => montrealUcSeverity(JSON.parse('{"constructor": 1}') as never)).toThrow(/criteria\.constructor is not/);
    expect(() => montrealUcSeverity(null as never)).toThrow(/montrealUcSeverity: criteria must be an object/);
    expect(() => montrealUcSeverity({}, { esrUln: 20 } as never)).toThrow(/options\.esrUln is not a recognised option/);
    expect(() => montrealUcSeverity({}, { esrUpperLimit: 0 })).toThrow(RangeError);
  });
  it("the safe form lists every issue; the input is not modified", () => {
    const r = safeMontrealUcSeverity({ stoolsPerDay: -1, temperatureC: 99.5, foo: 1 }, { esrUpperLimit: "15" });
    expect(r.success).toBe(false);
    if (!r.success) expect(r.issues.map((i) => i.path.join("."))).toEqual(["criteria.stoolsPerDay", "criteria.temperatureC", "criteria.foo", "options.esrUpperLimit"]);
    const c = Object.freeze({ ...severe });
    expect(safeMontrealUcSeverity(c)).toEqual({ success: true, data: montrealUcSeverity(severe) });
    expect(c).toEqual(severe);
  });
});
