import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ModifiedMayoEndoscopicInputSchema, type ModifiedMayoEndoscopicInput } from "../../models/instrumentInputs.js";
import { assertEquivalent, candidateRecord } from "../_lib/specTesting.js";
import { isModifiedMayoEndoscopicInput, modifiedMayoEndoscopicScore, modifiedMayoEndoscopicScoreUnchecked, safeModifiedMayoEndoscopicScore, SPEC } from "./index.js";

const zero: ModifiedMayoEndoscopicInput = { ascending: 0, transverse: 0, descending: 0, sigmoid: 0, rectum: 0, extentCm: 0 };
const mes = fc.integer({ min: 0, max: 3 });

describe("modifiedMayoEndoscopicScore", () => {
  it("matches the @examples (MS 6 × 4 dm / 3 segments = 8)", () => {
    const r = modifiedMayoEndoscopicScore({ ascending: 0, transverse: 0, descending: 1, sigmoid: 2, rectum: 3, extentCm: 40 });
    expect(r).toMatchObject({ total: 8, modifiedScore: 6, extendedModifiedScore: 24, inflamedSegments: 3, band: null });
    expect(modifiedMayoEndoscopicScoreUnchecked(zero).total).toBe(0);
    expect(safeModifiedMayoEndoscopicScore({ rectum: 4 }).success).toBe(false);
  });

  it("pancolitis at grade 3 over 100 cm gives 3 × 5 × 10 / 5 = 30; proctitis grade 1 over 12 cm gives 1.2", () => {
    expect(modifiedMayoEndoscopicScore({ ascending: 3, transverse: 3, descending: 3, sigmoid: 3, rectum: 3, extentCm: 100 }).total).toBe(30);
    expect(modifiedMayoEndoscopicScore({ ...zero, rectum: 1, extentCm: 12 }).total).toBe(1.2);
  });

  it("is exact to the input's decimals and components add up (property)", () => {
    fc.assert(
      fc.property(fc.tuple(mes, mes, mes, mes, mes), fc.integer({ min: 1, max: 3000 }), ([a, t, d, s, r], mm) => {
        const extentCm = mm / 10;
        const v = { ascending: a, transverse: t, descending: d, sigmoid: s, rectum: r, extentCm };
        const res = modifiedMayoEndoscopicScore(v);
        const n = [a, t, d, s, r].filter((x) => x > 0).length;
        const ms = a + t + d + s + r;
        // Exact rational check: total × 100 n = ms × mm (both integers), to 1e-6.
        if (n > 0) expect(Math.abs(res.total * 100 * n - ms * mm)).toBeLessThan(1e-6);
        else expect(res.total).toBe(0);
        const sum = Object.values(res.components).reduce((x, y) => x + y, 0);
        expect(Math.abs(sum - res.total)).toBeLessThan(1e-8);
      }),
    );
  });

  it("names the bad item; an inflamed colon needs an extent", () => {
    expect(() => modifiedMayoEndoscopicScore({ ...zero, rectum: 2 })).toThrow(new RangeError("modifiedMayoEndoscopicScore: items.extentCm must be > 0 when a segment is inflamed; got 0."));
    expect(() => modifiedMayoEndoscopicScore({ ...zero, cecum: 1 } as never)).toThrow(new TypeError("modifiedMayoEndoscopicScore: items.cecum is not a recognised item; got 1."));
    expect(safeModifiedMayoEndoscopicScore({ ...zero, rectum: 2 }).success).toBe(false);
  });

  it("the hand-written check accepts exactly what its schema accepts (fast-check)", () => {
    assertEquivalent(isModifiedMayoEndoscopicInput, ModifiedMayoEndoscopicInputSchema, candidateRecord(SPEC));
  });
});
