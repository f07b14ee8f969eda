import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SccaiItemsSchema, type SccaiItems } from "../../models/instrumentInputs.js";
import { assertEquivalent, candidateRecord, validRecord } from "../_lib/specTesting.js";
import { isSccaiItems, safeSccai, sccai, sccaiUnchecked, SPEC } from "./index.js";

const zero: SccaiItems = { bowelFrequencyDay: 0, bowelFrequencyNight: 0, urgency: 0, bloodInStool: 0, generalWellBeing: 0, extracolonic: [] };
const MAX: SccaiItems = { bowelFrequencyDay: 3, bowelFrequencyNight: 2, urgency: 3, bloodInStool: 3, generalWellBeing: 4, extracolonic: ["arthritis", "uveitis", "erythemaNodosum", "pyodermaGangrenosum"] };
const items = validRecord(SPEC) as fc.Arbitrary<SccaiItems>;

describe("sccai", () => {
  it("matches the @examples", () => {
    expect(sccai({ bowelFrequencyDay: 1, bowelFrequencyNight: 1, urgency: 1, bloodInStool: 1, generalWellBeing: 1, extracolonic: ["arthritis"] }).total).toBe(6);
    expect(sccaiUnchecked({ ...zero, generalWellBeing: 2 }, { bands: "higgins2005" }).band).toBe("remission");
    expect(safeSccai({ bowelFrequencyDay: 4 }).success).toBe(false);
  });

  it("scores the minimum (0), the maximum (19) and each item alone", () => {
    expect(sccai(zero)).toEqual({ total: 0, components: { bowelFrequencyDay: 0, bowelFrequencyNight: 0, urgency: 0, bloodInStool: 0, generalWellBeing: 0, extracolonic: 0 }, band: null });
    expect(sccai(MAX).total).toBe(19);
    expect(sccai({ ...zero, bowelFrequencyDay: 3 }).total).toBe(3);
    expect(sccai({ ...zero, bowelFrequencyNight: 2 }).total).toBe(2);
    expect(sccai({ ...zero, urgency: 3 }).total).toBe(3);
    expect(sccai({ ...zero, bloodInStool: 3 }).total).toBe(3);
    expect(sccai({ ...zero, generalWellBeing: 4 }).total).toBe(4);
    expect(sccai({ ...zero, extracolonic: ["uveitis", "pyodermaGangrenosum"] }).components.extracolonic).toBe(2);
  });

  it("has no band by default; Higgins 2005 remission is a total of 2 or less", () => {
    expect(sccai({ ...zero, urgency: 2 }, { bands: "higgins2005" }).band).toBe("remission");
    expect(sccai({ ...zero, urgency: 3 }, { bands: "higgins2005" }).band).toBe("active");
    expect(sccai({ ...zero, urgency: 3 }, { bands: "none" }).band).toBeNull();
  });

  it("total = sum of components, 0-19 (property)", () => {
    fc.assert(
      fc.property(items, (v) => {
        const r = sccai(v);
        const c = r.components;
        expect(r.total).toBe(c.bowelFrequencyDay + c.bowelFrequencyNight + c.urgency + c.bloodInStool + c.generalWellBeing + c.extracolonic);
        expect(r.total).toBeGreaterThanOrEqual(0);
        expect(r.total).toBeLessThanOrEqual(19);
        expect(sccaiUnchecked(v)).toEqual(r);
        expect(safeSccai(v)).toEqual({ success: true, data: r });
      }),
    );
  });

  it("names the bad item or option", () => {
    expect(() => sccai({ ...zero, urgency: 4 })).toThrow(new RangeError("sccai: items.urgency must be <= 3; got 4."));
    expect(() => sccai({ ...zero, extracolonic: ["arthritis", "arthritis"] })).toThrow(/sccai: items.extracolonic must not list a value twice/);
    expect(() => sccai({ ...zero, extracolonic: ["iritis"] } as never)).toThrow(/sccai: items.extracolonic\[0\]/);
    const { urgency: _u, ...noUrgency } = zero;
    expect(() => sccai(noUrgency as never)).toThrow(new TypeError("sccai: items.urgency is required; got undefined."));
    expect(() => sccai({ ...zero, nocturia: 1 } as never)).toThrow(new TypeError("sccai: items.nocturia is not a recognised item; got 1."));
    expect(() => sccai(zero, { bands: "x" } as never)).toThrow(new TypeError('sccai: options.bands must be "none" or "higgins2005"; got "x".'));
    expect(() => sccai(zero, { band: "none" } as never)).toThrow(new TypeError('sccai: options.band is not a recognised option; got "none".'));
    expect(safeSccai(zero, { x: 1 }).success).toBe(false);
  });

  it("does not mutate its input", () => {
    const v = structuredClone(MAX);
    sccai(v);
    expect(v).toEqual(MAX);
  });

  it("the hand-written check accepts exactly what SccaiItemsSchema accepts (fast-check)", () => {
    assertEquivalent(isSccaiItems, SccaiItemsSchema, candidateRecord(SPEC));
  });
});
