import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PcdaiItemsSchema, type PcdaiItems } from "../../models/instrumentInputs.js";
import { assertEquivalent, candidateRecord, validRecord } from "../_lib/specTesting.js";
import { isPcdaiItems, pcdai, pcdaiUnchecked, safePcdai, SPEC } from "./index.js";

const well: PcdaiItems = { abdominalPain: 0, stools: 0, wellBeing: 0, haematocritPercent: 40, ageYears: 16, sex: "male", esrMmPerH: 5, albuminGPerDl: 4.2, weight: 0, height: 0, abdomen: 0, perirectal: 0, extraintestinal: 0 };

describe("pcdai", () => {
  it("matches the @examples (worked by hand: 5+5+5+2.5+2.5+5+5+0+5+0+0 = 35)", () => {
    expect(pcdai({ abdominalPain: 1, stools: 1, wellBeing: 1, haematocritPercent: 31, ageYears: 12.5, sex: "male", esrMmPerH: 35, albuminGPerDl: 3.2, weight: 1, height: 0, abdomen: 1, perirectal: 0, extraintestinal: 0 }).total).toBe(35);
    expect(pcdaiUnchecked(well).total).toBe(0);
    expect(safePcdai({ abdominalPain: 1 }).success).toBe(false);
  });

  it("scores the maximum (100) and each item alone", () => {
    const max: PcdaiItems = { abdominalPain: 2, stools: 2, wellBeing: 2, haematocritPercent: 20, ageYears: 8, sex: "female", esrMmPerH: 80, albuminGPerDl: 2.5, weight: 2, height: 2, abdomen: 2, perirectal: 2, extraintestinal: 3 };
    expect(pcdai(max).total).toBe(100);
    for (const k of ["abdominalPain", "stools", "wellBeing", "weight", "height", "abdomen", "perirectal"] as const) expect(pcdai({ ...well, [k]: 2 }).total).toBe(10);
    expect(pcdai({ ...well, extraintestinal: 1 }).total).toBe(5);
    expect(pcdai({ ...well, extraintestinal: 2 }).total).toBe(10);
  });

  it("laboratory rows at their edges", () => {
    const esr = (x: number) => pcdai({ ...well, esrMmPerH: x }).components.esr;
    expect([19.9, 20, 50, 50.1].map(esr)).toEqual([0, 2.5, 2.5, 5]);
    const alb = (x: number) => pcdai({ ...well, albuminGPerDl: x }).components.albumin;
    expect([3.5, 3.4, 3.1, 3.05, 3.0, 2.9].map(alb)).toEqual([0, 5, 5, 5, 10, 10]);
    const hct = (x: number, age: number, sex: "female" | "male") => pcdai({ ...well, haematocritPercent: x, ageYears: age, sex }).components.haematocrit;
    expect([33, 32.9, 28, 27.9].map((x) => hct(x, 8, "male"))).toEqual([0, 2.5, 2.5, 5]);
    expect([34, 33.9, 29, 28.9].map((x) => hct(x, 15, "female"))).toEqual([0, 2.5, 2.5, 5]);
    expect([35, 34.9, 30, 29.9].map((x) => hct(x, 14.9, "male"))).toEqual([0, 2.5, 2.5, 5]);
    expect([37, 36.9, 32, 31.9].map((x) => hct(x, 15, "male"))).toEqual([0, 2.5, 2.5, 5]);
  });

  it("a 10-year-old uses the child row by default, the adolescent row with ageRows: adolescentFrom10", () => {
    const v = { ...well, haematocritPercent: 33.5, ageYears: 10.4, sex: "male" as const };
    expect(pcdai(v).components.haematocrit).toBe(0);
    expect(pcdai(v, { ageRows: "adolescentFrom10" }).components.haematocrit).toBe(2.5);
    expect(pcdai({ ...v, ageYears: 9.99 }, { ageRows: "adolescentFrom10" }).components.haematocrit).toBe(0);
  });

  it("Hyams 2005 bands at their edges: < 10 inactive, 10-27.5 mild, >= 30 moderate to severe (7.5, 10, 27.5, 30)", () => {
    const r = (extra: Partial<PcdaiItems>) => pcdai({ ...well, ...extra }, { bands: "hyams2005" });
    const at = (extra: Partial<PcdaiItems>, total: number, band: string) => {
      expect(r(extra).total).toBe(total);
      expect(r(extra).band).toBe(band);
    };
    at({ abdominalPain: 1, esrMmPerH: 25 }, 7.5, "inactive");
    at({ abdominalPain: 2 }, 10, "mild");
    at({ abdominalPain: 2, stools: 2, wellBeing: 1, esrMmPerH: 25 }, 27.5, "mild");
    at({ abdominalPain: 2, stools: 2, wellBeing: 2 }, 30, "moderateToSevere");
    expect(pcdai(well).band).toBeNull();
  });

  it("total = sum of components, multiple of 2.5, 0-100 (property)", () => {
    fc.assert(
      fc.property(validRecord(SPEC) as fc.Arbitrary<PcdaiItems>, (v) => {
        const r = pcdai(v);
        expect(r.total).toBe(Object.values(r.components).reduce((a, b) => a + b, 0));
        expect((r.total * 2) % 5).toBe(0);
        expect(r.total).toBeLessThanOrEqual(100);
      }),
    );
  });

  it("names the bad item or option", () => {
    expect(() => pcdai({ ...well, ageYears: 20.5 })).toThrow(new RangeError("pcdai: items.ageYears must be <= 20; got 20.5."));
    expect(() => pcdai({ ...well, sex: "x" } as never)).toThrow(/pcdai: items.sex must be "female" or "male"/);
    expect(() => pcdai(well, { ageRows: "x" } as never)).toThrow(/pcdai: options.ageRows/);
  });

  it("the hand-written check accepts exactly what PcdaiItemsSchema accepts (fast-check)", () => {
    assertEquivalent(isPcdaiItems, PcdaiItemsSchema, candidateRecord(SPEC));
  });
});
