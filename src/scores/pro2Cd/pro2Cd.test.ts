import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Pro2CdSchema, type Pro2Cd } from "../../models/scoreInputs.js";
import { assertEquivalent, candidateRecord, validRecord } from "../_lib/specTesting.js";
import { isPro2Cd, pro2Cd, pro2CdUnchecked, safePro2Cd, SPEC } from "./index.js";

describe("pro2Cd", () => {
  it("matches the @examples", () => {
    expect(pro2Cd({ stoolFrequencyMean: 1.5, abdominalPainMean: 1 })).toEqual({ total: 8, components: { stoolFrequency: 3, abdominalPain: 5 }, band: "mild" });
    expect(pro2CdUnchecked({ stoolFrequencyMean: 1.5, abdominalPainMean: 1 }, { remission: "khanna2015Items" }).band).toBe("remission");
    expect(safePro2Cd({ stoolFrequencyMean: 2, abdominalPainMean: 4 }).success).toBe(false);
  });

  it("band edges of the total (8, 14, 34) are exact for 7-day means", () => {
    // 7-day means are k/7; choose sums whose weighted total is exactly an edge.
    expect(pro2Cd({ stoolFrequencyMean: 10 / 7, abdominalPainMean: 8 / 7 - 1 / 7 }).total).toBe(7.857142857);
    expect(pro2Cd({ stoolFrequencyMean: 1.1, abdominalPainMean: 1.16 }).total).toBe(8);
    expect(pro2Cd({ stoolFrequencyMean: 1.1, abdominalPainMean: 1.16 }).band).toBe("mild");
    expect(pro2Cd({ stoolFrequencyMean: 2.3, abdominalPainMean: 1.88 }).band).toBe("moderate");
    expect(pro2Cd({ stoolFrequencyMean: 2.3, abdominalPainMean: 1.88 }).total).toBe(14);
    expect(pro2Cd({ stoolFrequencyMean: 9.5, abdominalPainMean: 3 }).band).toBe("severe");
    expect(pro2Cd({ stoolFrequencyMean: 9.4, abdominalPainMean: 3 }).band).toBe("moderate");
  });

  it("item-wise remission rules", () => {
    const v = { stoolFrequencyMean: 2.8, abdominalPainMean: 1 };
    expect(pro2Cd(v, { remission: "trial" }).band).toBe("remission");
    expect(pro2Cd(v, { remission: "khanna2015Items" }).band).toBe("active");
    expect(pro2Cd({ ...v, abdominalPainMean: 1.01 }, { remission: "trial" }).band).toBe("active");
  });

  it("decimal inputs with 2 decimals land exactly (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10000 }), fc.integer({ min: 0, max: 300 }), (sf, ap) => {
        const r = pro2Cd({ stoolFrequencyMean: sf / 100, abdominalPainMean: ap / 100 });
        expect(r.total).toBe((2 * sf + 5 * ap) / 100);
        expect(r.total).toBe(Math.round((r.components.stoolFrequency + r.components.abdominalPain) * 1e9) / 1e9);
      }),
    );
  });

  it("names the bad item", () => {
    expect(() => pro2Cd({ stoolFrequencyMean: 1 } as never)).toThrow(new TypeError("pro2Cd: items.abdominalPainMean is required; got undefined."));
  });

  it("the hand-written check accepts exactly what Pro2CdSchema accepts (fast-check)", () => {
    assertEquivalent(isPro2Cd, Pro2CdSchema, candidateRecord(SPEC));
    fc.assert(fc.property(validRecord(SPEC) as fc.Arbitrary<Pro2Cd>, (v) => {
      expect(pro2CdUnchecked(v)).toEqual(pro2Cd(v));
    }));
  });
});
