import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { IbusSasItemsSchema, type IbusSasItems } from "../../models/instrumentInputs.js";
import { assertEquivalent, candidateRecord } from "../_lib/specTesting.js";
import { ibusSas, ibusSasUnchecked, isIbusSasItems, safeIbusSas, SPEC } from "./index.js";

const zero: IbusSasItems = { bowelWallThicknessMm: 0, inflammatoryFat: 0, colourDoppler: 0, wallStratification: 0 };

describe("ibusSas", () => {
  it("matches the @examples (4 × 5.3 + 15 × 2 + 7 × 2 + 4 × 1 = 69.2)", () => {
    expect(ibusSas({ bowelWallThicknessMm: 5.3, inflammatoryFat: 2, colourDoppler: 2, wallStratification: 1 }).total).toBe(69.2);
    expect(ibusSasUnchecked({ ...zero, bowelWallThicknessMm: 2 }).total).toBe(8);
    expect(safeIbusSas({ bowelWallThicknessMm: 3, inflammatoryFat: 3 }).success).toBe(false);
  });

  it("each item alone at its maximum; no band", () => {
    expect(ibusSas({ ...zero, inflammatoryFat: 2 }).total).toBe(30);
    expect(ibusSas({ ...zero, colourDoppler: 3 }).total).toBe(21);
    expect(ibusSas({ ...zero, wallStratification: 3 }).total).toBe(12);
    expect(ibusSas({ ...zero, bowelWallThicknessMm: 10 })).toEqual({ total: 40, components: { bowelWallThickness: 40, inflammatoryFat: 0, colourDoppler: 0, wallStratification: 0 }, band: null });
  });

  it("exact for thickness in tenths of mm (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 }), (t, f, d, s) => {
        const r = ibusSas({ bowelWallThicknessMm: t / 10, inflammatoryFat: f, colourDoppler: d, wallStratification: s });
        expect(r.total).toBe((4 * t + 10 * (15 * f + 7 * d + 4 * s)) / 10);
      }),
    );
  });

  it("names the bad item", () => {
    expect(() => ibusSas({ ...zero, colourDoppler: 1.5 })).toThrow(new RangeError("ibusSas: items.colourDoppler must be an integer; got 1.5."));
  });

  it("the hand-written check accepts exactly what IbusSasItemsSchema accepts (fast-check)", () => {
    assertEquivalent(isIbusSasItems, IbusSasItemsSchema, candidateRecord(SPEC));
  });
});
