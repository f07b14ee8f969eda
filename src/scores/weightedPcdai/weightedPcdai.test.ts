import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { WeightedPcdaiItemsSchema, type WeightedPcdaiItems } from "../../models/instrumentInputs.js";
import { assertEquivalent, candidateRecord, validRecord } from "../_lib/specTesting.js";
import { isWeightedPcdaiItems, safeWeightedPcdai, SPEC, weightedPcdai, weightedPcdaiUnchecked } from "./index.js";

const well: WeightedPcdaiItems = { abdominalPain: 0, wellBeing: 0, stools: 0, esrMmPerH: 5, albuminGPerDl: 4, weight: 0, perirectal: 0, extraintestinal: 0 };

describe("weightedPcdai", () => {
  it("matches the @examples", () => {
    expect(weightedPcdai({ abdominalPain: 1, wellBeing: 1, stools: 1, esrMmPerH: 25, albuminGPerDl: 3.3, weight: 0, perirectal: 0, extraintestinal: 0 })).toEqual({
      total: 45,
      components: { abdominalPain: 10, wellBeing: 10, stools: 7.5, esr: 7.5, albumin: 10, weight: 0, perirectal: 0, extraintestinal: 0 },
      band: "moderate",
    });
    expect(weightedPcdaiUnchecked({ abdominalPain: 2, wellBeing: 2, stools: 2, esrMmPerH: 60, albuminGPerDl: 2.8, weight: 2, perirectal: 2, extraintestinal: 2 }).total).toBe(125);
    expect(safeWeightedPcdai({ abdominalPain: 1 }).success).toBe(false);
  });

  it("each item alone at its maximum", () => {
    expect(weightedPcdai(well)).toMatchObject({ total: 0, band: "remission" });
    expect(weightedPcdai({ ...well, abdominalPain: 2 }).total).toBe(20);
    expect(weightedPcdai({ ...well, wellBeing: 2 }).total).toBe(20);
    expect(weightedPcdai({ ...well, stools: 2 }).total).toBe(15);
    expect(weightedPcdai({ ...well, esrMmPerH: 51 }).total).toBe(15);
    expect(weightedPcdai({ ...well, albuminGPerDl: 3 }).total).toBe(20);
    expect(weightedPcdai({ ...well, weight: 2 }).total).toBe(10);
    expect(weightedPcdai({ ...well, perirectal: 2 }).total).toBe(15);
    expect(weightedPcdai({ ...well, extraintestinal: 4 }).total).toBe(10);
  });

  it("bands at their edges: 10 remission, 12.5 mild, 40 mild, 42.5 moderate, 57.5 moderate, 60 severe", () => {
    const r = (x: Partial<WeightedPcdaiItems>) => weightedPcdai({ ...well, ...x });
    const cases: [Partial<WeightedPcdaiItems>, number, string][] = [
      [{ abdominalPain: 1 }, 10, "remission"],
      [{ weight: 1, stools: 1 }, 12.5, "mild"],
      [{ abdominalPain: 2, albuminGPerDl: 3 }, 40, "mild"],
      [{ abdominalPain: 2, esrMmPerH: 51, stools: 1 }, 42.5, "moderate"],
      [{ abdominalPain: 2, wellBeing: 2, extraintestinal: 1, stools: 1 }, 57.5, "moderate"],
      [{ abdominalPain: 2, wellBeing: 2, albuminGPerDl: 2 }, 60, "severe"],
    ];
    for (const [x, total, band] of cases) expect([r(x).total, r(x).band]).toEqual([total, band]);
  });

  it("total = sum of components, multiple of 2.5 (property)", () => {
    fc.assert(
      fc.property(validRecord(SPEC) as fc.Arbitrary<WeightedPcdaiItems>, (v) => {
        const r = weightedPcdai(v);
        expect(r.total).toBe(Object.values(r.components).reduce((a, b) => a + b, 0));
        expect((r.total * 2) % 5).toBe(0);
        const want = r.total < 12.5 ? "remission" : r.total <= 40 ? "mild" : r.total <= 57.5 ? "moderate" : "severe";
        expect(r.band).toBe(want);
      }),
    );
  });

  it("names the bad item", () => {
    expect(() => weightedPcdai({ ...well, perirectal: 3 })).toThrow(new RangeError("weightedPcdai: items.perirectal must be <= 2; got 3."));
  });

  it("the hand-written check accepts exactly what WeightedPcdaiItemsSchema accepts (fast-check)", () => {
    assertEquivalent(isWeightedPcdaiItems, WeightedPcdaiItemsSchema, candidateRecord(SPEC));
  });
});
