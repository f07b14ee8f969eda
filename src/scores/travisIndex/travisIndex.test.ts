import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { TravisItemsSchema, type TravisItems } from "../../models/instrumentInputs.js";
import { assertEquivalent, candidateRecord, validRecord } from "../_lib/specTesting.js";
import { isTravisItems, safeTravisIndex, SPEC, travisIndex, travisIndexUnchecked } from "./index.js";

describe("travisIndex", () => {
  it("matches the @examples", () => {
    expect(travisIndex({ stoolsPerDay: 5, crpMgPerL: 60 }).band).toBe("positive");
    expect(travisIndexUnchecked({ stoolsPerDay: 3, crpMgPerL: 50 }, { stools: "moreThan3" }).band).toBe("negative");
    expect(safeTravisIndex({ stoolsPerDay: 9 }).success).toBe(false);
  });

  it("positive above 8 stools whatever the CRP; 3-8 stools need CRP above 45", () => {
    expect(travisIndex({ stoolsPerDay: 9, crpMgPerL: 0 })).toEqual({ total: 1, components: { stoolsOver8: 1, stoolsWithCrpOver45: 0 }, band: "positive" });
    expect(travisIndex({ stoolsPerDay: 8, crpMgPerL: 45 }).band).toBe("negative");
    expect(travisIndex({ stoolsPerDay: 8, crpMgPerL: 45.1 }).band).toBe("positive");
    expect(travisIndex({ stoolsPerDay: 3, crpMgPerL: 46 }).band).toBe("positive");
    expect(travisIndex({ stoolsPerDay: 2, crpMgPerL: 200 }).band).toBe("negative");
    expect(travisIndex({ stoolsPerDay: 0, crpMgPerL: 0 }).total).toBe(0);
  });

  it("the 'more than 3' reading differs only at exactly 3 stools (property)", () => {
    fc.assert(
      fc.property(validRecord(SPEC) as fc.Arbitrary<TravisItems>, (v) => {
        const a = travisIndex(v);
        const b = travisIndex(v, { stools: "moreThan3" });
        if (v.stoolsPerDay !== 3) expect(b).toEqual(a);
        expect(a.total).toBe(a.components.stoolsOver8 + a.components.stoolsWithCrpOver45);
      }),
    );
  });

  it("names the bad item or option", () => {
    expect(() => travisIndex({ stoolsPerDay: 5 } as never)).toThrow(new TypeError("travisIndex: items.crpMgPerL is required; got undefined."));
    expect(() => travisIndex({ stoolsPerDay: 5, crpMgPerL: -1 })).toThrow(new RangeError("travisIndex: items.crpMgPerL must be >= 0; got -1."));
    expect(() => travisIndex({ stoolsPerDay: 5, crpMgPerL: 1 }, { stools: 3 } as never)).toThrow(/travisIndex: options.stools must be "travis1996" or "moreThan3"; got 3/);
  });

  it("the hand-written check accepts exactly what TravisItemsSchema accepts (fast-check)", () => {
    assertEquivalent(isTravisItems, TravisItemsSchema, candidateRecord(SPEC));
  });
});
