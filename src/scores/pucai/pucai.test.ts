import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PucaiItemsSchema, type PucaiItems } from "../../models/instrumentInputs.js";
import { assertEquivalent, candidateRecord, validRecord } from "../_lib/specTesting.js";
import { isPucaiItems, pucai, pucaiUnchecked, safePucai, SPEC } from "./index.js";

const zero: PucaiItems = { abdominalPain: 0, rectalBleeding: 0, stoolConsistency: 0, stoolsPer24h: 0, nocturnalStools: false, activityLevel: 0 };

describe("pucai", () => {
  it("matches the @examples", () => {
    expect(pucai({ abdominalPain: 1, rectalBleeding: 2, stoolConsistency: 1, stoolsPer24h: 6, nocturnalStools: true, activityLevel: 1 })).toEqual({
      total: 55,
      components: { abdominalPain: 5, rectalBleeding: 20, stoolConsistency: 5, stoolFrequency: 10, nocturnalStools: 10, activityLevel: 5 },
      band: "moderate",
    });
    expect(pucaiUnchecked({ abdominalPain: 2, rectalBleeding: 3, stoolConsistency: 2, stoolsPer24h: 12, nocturnalStools: true, activityLevel: 2 }).total).toBe(85);
    expect(safePucai({ abdominalPain: 3 }).success).toBe(false);
  });

  it("scores each item alone at its maximum", () => {
    expect(pucai(zero)).toMatchObject({ total: 0, band: "remission" });
    expect(pucai({ ...zero, abdominalPain: 2 }).total).toBe(10);
    expect(pucai({ ...zero, rectalBleeding: 3 }).total).toBe(30);
    expect(pucai({ ...zero, stoolConsistency: 2 }).total).toBe(10);
    expect(pucai({ ...zero, stoolsPer24h: 9 }).total).toBe(15);
    expect(pucai({ ...zero, nocturnalStools: true }).total).toBe(10);
    expect(pucai({ ...zero, activityLevel: 2 }).total).toBe(10);
  });

  it("stool rows and bands at their edges (<10, 10-34, 35-64, >=65)", () => {
    expect([2, 3, 5, 6, 8, 9].map((n) => pucai({ ...zero, stoolsPer24h: n }).components.stoolFrequency)).toEqual([0, 5, 5, 10, 10, 15]);
    expect(pucai({ ...zero, abdominalPain: 1 }).band).toBe("remission");
    expect(pucai({ ...zero, abdominalPain: 2 }).band).toBe("mild");
    expect(pucai({ ...zero, rectalBleeding: 3 }).band).toBe("mild");
    expect(pucai({ ...zero, rectalBleeding: 3, abdominalPain: 1 }).band).toBe("moderate");
    expect(pucai({ ...zero, rectalBleeding: 3, stoolsPer24h: 9, nocturnalStools: true, activityLevel: 1 }).band).toBe("moderate");
    expect(pucai({ ...zero, rectalBleeding: 3, stoolsPer24h: 9, nocturnalStools: true, activityLevel: 2 }).band).toBe("severe");
  });

  it("total = sum of components, multiple of 5, 0-85 (property)", () => {
    fc.assert(
      fc.property(validRecord(SPEC) as fc.Arbitrary<PucaiItems>, (v) => {
        const r = pucai(v);
        expect(r.total).toBe(Object.values(r.components).reduce((a, b) => a + b, 0));
        expect(r.total % 5).toBe(0);
        expect(r.total).toBeLessThanOrEqual(85);
      }),
    );
  });

  it("names the bad item", () => {
    expect(() => pucai({ ...zero, rectalBleeding: 4 })).toThrow(new RangeError("pucai: items.rectalBleeding must be <= 3; got 4."));
    expect(() => pucai({ ...zero, stoolsPer24h: -1 })).toThrow(new RangeError("pucai: items.stoolsPer24h must be >= 0; got -1."));
  });

  it("the hand-written check accepts exactly what PucaiItemsSchema accepts (fast-check)", () => {
    assertEquivalent(isPucaiItems, PucaiItemsSchema, candidateRecord(SPEC));
  });
});
