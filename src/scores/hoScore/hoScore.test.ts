import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { HoItemsSchema, type HoItems } from "../../models/instrumentInputs.js";
import { assertEquivalent, candidateRecord, validRecord } from "../_lib/specTesting.js";
import { hoScore, hoScoreUnchecked, isHoItems, safeHoScore, SPEC } from "./index.js";

const zero: HoItems = { meanStoolsPerDay: 0, colonicDilatation: false, albuminGPerL: 40 };

describe("hoScore", () => {
  it("matches the @examples", () => {
    expect(hoScore({ meanStoolsPerDay: 7.3, colonicDilatation: false, albuminGPerL: 28 })).toEqual({ total: 3, components: { stoolFrequency: 2, colonicDilatation: 0, hypoalbuminaemia: 1 }, band: "intermediate" });
    expect(hoScoreUnchecked({ meanStoolsPerDay: 10, colonicDilatation: true, albuminGPerL: 25 }).total).toBe(9);
    expect(safeHoScore({ meanStoolsPerDay: 5 }).success).toBe(false);
  });

  it("scores the minimum, maximum and each item alone", () => {
    expect(hoScore(zero)).toEqual({ total: 0, components: { stoolFrequency: 0, colonicDilatation: 0, hypoalbuminaemia: 0 }, band: "low" });
    expect(hoScore({ ...zero, colonicDilatation: true }).total).toBe(4);
    expect(hoScore({ ...zero, albuminGPerL: 29.9 }).total).toBe(1);
    expect(hoScore({ ...zero, albuminGPerL: 30 }).total).toBe(0);
  });

  it("stool rows at their edges, and the risk-group edges", () => {
    expect([3.9, 4, 6, 6.9, 7, 9, 9.01].map((x) => hoScore({ ...zero, meanStoolsPerDay: x }).components.stoolFrequency)).toEqual([0, 1, 1, 1, 2, 2, 4]);
    expect(hoScore({ ...zero, meanStoolsPerDay: 4, albuminGPerL: 20 }).band).toBe("intermediate");
    expect(hoScore({ ...zero, meanStoolsPerDay: 4 }).band).toBe("low");
    expect(hoScore({ ...zero, meanStoolsPerDay: 8, albuminGPerL: 20 }).band).toBe("intermediate");
    expect(hoScore({ ...zero, meanStoolsPerDay: 10 }).band).toBe("high");
  });

  it("monotone in stools, total = sum (property)", () => {
    fc.assert(
      fc.property(validRecord(SPEC) as fc.Arbitrary<HoItems>, fc.double({ min: 0, max: 5, noNaN: true }), (v, d) => {
        const r = hoScore(v);
        expect(r.total).toBe(r.components.stoolFrequency + r.components.colonicDilatation + r.components.hypoalbuminaemia);
        if (v.meanStoolsPerDay + d <= 1000) expect(hoScore({ ...v, meanStoolsPerDay: v.meanStoolsPerDay + d }).total).toBeGreaterThanOrEqual(r.total);
      }),
    );
  });

  it("names the bad item", () => {
    expect(() => hoScore({ ...zero, albuminGPerL: Number.POSITIVE_INFINITY })).toThrow(/hoScore: items.albuminGPerL/);
    expect(() => hoScore({ ...zero, colonicDilatation: "yes" } as never)).toThrow(new TypeError("hoScore: items.colonicDilatation must be a boolean; got a string of length 3."));
  });

  it("the hand-written check accepts exactly what HoItemsSchema accepts (fast-check)", () => {
    assertEquivalent(isHoItems, HoItemsSchema, candidateRecord(SPEC));
  });
});
