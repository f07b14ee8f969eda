import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PdaiItemsSchema, type PdaiItems } from "../../models/instrumentInputs.js";
import { assertEquivalent, candidateRecord, validRecord } from "../_lib/specTesting.js";
import { isPdaiItems, pdai, pdaiUnchecked, safePdai, SPEC } from "./index.js";

const zero: PdaiItems = { discharge: 0, pain: 0, sexualActivity: 0, type: 0, induration: 0 };

describe("pdai", () => {
  it("matches the @examples", () => {
    expect(pdai({ discharge: 2, pain: 1, sexualActivity: 1, type: 2, induration: 1 }, { bands: "losco2009" }).band).toBe("active");
    expect(pdaiUnchecked({ discharge: 4, pain: 4, sexualActivity: 4, type: 4, induration: 4 }).total).toBe(20);
    expect(safePdai({ discharge: 5 }).success).toBe(false);
  });

  it("each item alone, and the Losco edge (4 inactive, 5 active)", () => {
    for (const k of Object.keys(zero) as (keyof PdaiItems)[]) expect(pdai({ ...zero, [k]: 4 }).total).toBe(4);
    expect(pdai({ ...zero, type: 4 }, { bands: "losco2009" }).band).toBe("inactive");
    expect(pdai({ ...zero, type: 4, pain: 1 }, { bands: "losco2009" }).band).toBe("active");
    expect(pdai({ ...zero, type: 4, pain: 1 }).band).toBeNull();
  });

  it("total = sum, 0-20 (property)", () => {
    fc.assert(
      fc.property(validRecord(SPEC) as fc.Arbitrary<PdaiItems>, (v) => {
        const r = pdai(v);
        expect(r.total).toBe(v.discharge + v.pain + v.sexualActivity + v.type + v.induration);
        expect(r.components).toEqual(v);
      }),
    );
  });

  it("names the bad item or option", () => {
    expect(() => pdai({ ...zero, induration: -1 })).toThrow(new RangeError("pdai: items.induration must be >= 0; got -1."));
    expect(() => pdai(zero, { bands: "sandborn1994" } as never)).toThrow(/pdai: options.bands must be "none" or "losco2009"/);
  });

  it("the hand-written check accepts exactly what PdaiItemsSchema accepts (fast-check)", () => {
    assertEquivalent(isPdaiItems, PdaiItemsSchema, candidateRecord(SPEC));
  });
});
