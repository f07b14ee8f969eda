import { describe, expect, it } from "vitest";
import { measuresFromVisit } from "./index.js";
import type { Visit } from "../../models/visit.js";

const base = { patientId: "P1", date: "2024-03-01" } as const;

describe("measuresFromVisit", () => {
  it("matches the @example", () =>
    expect(
      measuresFromVisit({
        patientId: "P1",
        date: "2024-03-01",
        mayo: { stoolFrequency: 1, rectalBleeding: 0, endoscopic: 1, friability: true },
        labs: { crp: { value: 0.5, unit: "mg/dL" } },
      }),
    ).toEqual({
      mayoStoolFrequency: 1,
      mayoRectalBleeding: 0,
      mayoEndoscopic: 1,
      mayoEndoscopicFdaModified: 2,
      mayoAdapted: 2,
      mayoAdaptedFdaModified: 3,
      mayoAdaptedMaxSubscore: 1,
      mayoPro2: 1,
      crpMgPerL: 5,
    }));
  it("full and partial Mayo with PGA", () => {
    const m = measuresFromVisit({ ...base, mayo: { stoolFrequency: 2, rectalBleeding: 1, endoscopic: 2, physicianGlobal: 3 } });
    expect(m).toMatchObject({ mayoFull: 8, mayoFullMaxSubscore: 3, mayoPartial: 6, mayoPartialMaxSubscore: 3, mayoAdapted: 5, mayoAdaptedMaxSubscore: 2 });
  });
  it("friability not recorded leaves the FDA-modified ES unknown at ES 1 (never read as absent)", () => {
    expect(measuresFromVisit({ ...base, mayo: { endoscopic: 1 } })).toEqual({ mayoEndoscopic: 1 });
    const m = measuresFromVisit({ ...base, mayo: { stoolFrequency: 1, rectalBleeding: 0, endoscopic: 1 } });
    expect(m.mayoAdapted).toBe(2);
    expect(m.mayoAdaptedFdaModified).toBeUndefined();
  });
  it("friability does not matter for the FDA-modified ES at grades 0, 2, 3", () => {
    for (const es of [0, 2, 3]) expect(measuresFromVisit({ ...base, mayo: { endoscopic: es } })).toEqual({ mayoEndoscopic: es, mayoEndoscopicFdaModified: es });
  });
  it("a clinical-only Mayo has no adapted total", () => {
    const m = measuresFromVisit({ ...base, mayo: { stoolFrequency: 1, rectalBleeding: 1 } });
    expect(m.mayoAdapted).toBeUndefined();
    expect(m.mayoPro2).toBe(2);
  });
  it("CD: HBI, SES-CD details, Rutgeerts, PRO-2, CDAI, labs", () => {
    const v: Visit = {
      ...base,
      hbi: { wellBeing: 1, abdominalPain: 1, liquidStools: 2, abdominalMass: 0, complications: ["arthralgia"] },
      sesCd: {
        ileum: { ulcerSize: 1, ulceratedSurface: 1, affectedSurface: 2, narrowing: 1 },
        rightColon: { ulcerSize: 0, ulceratedSurface: 0, affectedSurface: 0, narrowing: 0 },
      },
      rutgeerts: "i2b",
      pro2: { stoolFrequencyMean: 2.5, abdominalPainMean: 1 },
      labs: { fecalCalprotectin: { value: 200, unit: "mg/kg" } },
    };
    expect(measuresFromVisit(v)).toEqual({
      hbi: 5,
      sesCd: 5,
      sesCdMaxSubscore: 2,
      sesCdUlcers: 1,
      sesCdExNarrowing: 4,
      rutgeerts: 2,
      pro2StoolFrequency: 2.5,
      pro2AbdominalPain: 1,
      pro2Weighted: 10,
      fcUgPerG: 200,
    });
  });
  it("Rutgeerts only when applicable", () =>
    expect(measuresFromVisit({ ...base, rutgeerts: "i1" }, { rutgeertsApplicable: false })).toEqual({}));
  it("SES-CD with no explored segment gives no SES-CD", () =>
    expect(measuresFromVisit({ ...base, sesCd: { ileum: null } })).toEqual({}));
  it("SES-CD without ulcers", () =>
    expect(measuresFromVisit({ ...base, sesCd: { rectum: { ulcerSize: 0, ulceratedSurface: 0, affectedSurface: 1, narrowing: 0 } } })).toMatchObject({
      sesCd: 1,
      sesCdUlcers: 0,
    }));
  it("does not mutate its input", () => {
    const v: Visit = { ...base, mayo: { stoolFrequency: 3, rectalBleeding: 2, endoscopic: 3, friability: true } };
    const before = structuredClone(v);
    measuresFromVisit(v);
    expect(v).toEqual(before);
  });
  it("names a bad item", () =>
    expect(() => measuresFromVisit({ ...base, mayo: { stoolFrequency: 4 } })).toThrow(/^measuresFromVisit: visit\.mayo\.stoolFrequency .*; got 4\.$/));
  it("names a bad date", () => expect(() => measuresFromVisit({ ...base, date: "2024-02-30" })).toThrow(RangeError));
  it("validated skips the schema (same result on good input)", () => {
    const v: Visit = { ...base, hbi: { wellBeing: 0, abdominalPain: 0, liquidStools: 1, abdominalMass: 0, complications: [] } };
    expect(measuresFromVisit(v, { validated: true })).toEqual(measuresFromVisit(v));
  });
  describe("options", () => {
    const visit: Visit = { ...base, hbi: { wellBeing: 1, abdominalPain: 1, liquidStools: 2, abdominalMass: 0, complications: [] } } as unknown as Visit;
    it("rejects an unknown option key, naming it", () => {
      expect(() => measuresFromVisit(visit, { rutgeertsAplicable: false } as never)).toThrow(TypeError);
      expect(() => measuresFromVisit(visit, { rutgeertsAplicable: false } as never)).toThrow(/measuresFromVisit: options\.rutgeertsAplicable is not a recognised option/);
    });
    it.each(["constructor", "__proto__", "toString", "hasOwnProperty"])("rejects the inherited name %s as an own key", (key) => {
      const o = JSON.parse(`{"${key}": true}`) as object;
      expect(() => measuresFromVisit(visit, o as never)).toThrow(new RegExp(`options\\.${key.replace(/_/g, "_")} is not a recognised option`));
    });
    it("rejects a non-boolean option value and a non-object options", () => {
      expect(() => measuresFromVisit(visit, { validated: "yes" } as never)).toThrow(/options\.validated must be/);
      expect(() => measuresFromVisit(visit, 3 as never)).toThrow(TypeError);
    });
    it("accepts the known keys, explicitly undefined values included", () => {
      expect(measuresFromVisit(visit, { rutgeertsApplicable: true, validated: false })).toEqual(measuresFromVisit(visit));
      expect(measuresFromVisit(visit, { validated: undefined } as never)).toEqual(measuresFromVisit(visit));
    });
  });
});
