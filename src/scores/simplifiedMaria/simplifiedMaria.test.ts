import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SimplifiedMariaSegmentSchema, type SimplifiedMariaSegment } from "../../models/instrumentInputs.js";
import { assertEquivalent, candidateRecord, validRecord } from "../_lib/specTesting.js";
import { isSimplifiedMariaSegment, safeSimplifiedMaria, simplifiedMaria, simplifiedMariaUnchecked, SPEC } from "./index.js";

const zero: SimplifiedMariaSegment = { wallThicknessMm: 2, oedema: false, fatStranding: false, ulcers: false };

describe("simplifiedMaria", () => {
  it("matches the @examples", () => {
    expect(simplifiedMaria({ wallThicknessMm: 5, oedema: true, fatStranding: false, ulcers: false })).toEqual({ total: 2, components: { wallThickness: 1, oedema: 1, fatStranding: 0, ulcers: 0 }, band: "severe" });
    expect(simplifiedMariaUnchecked({ ...zero, wallThicknessMm: 3 }).band).toBe("inactive");
    expect(safeSimplifiedMaria({ wallThicknessMm: 4 }).success).toBe(false);
  });

  it("each item alone, the 3-mm edge and the maximum", () => {
    expect(simplifiedMaria({ ...zero, wallThicknessMm: 3.01 })).toMatchObject({ total: 1, band: "active" });
    expect(simplifiedMaria({ ...zero, oedema: true })).toMatchObject({ total: 1, band: "active" });
    expect(simplifiedMaria({ ...zero, fatStranding: true })).toMatchObject({ total: 1, band: "active" });
    expect(simplifiedMaria({ ...zero, ulcers: true })).toMatchObject({ total: 2, band: "severe" });
    expect(simplifiedMaria({ wallThicknessMm: 9, oedema: true, fatStranding: true, ulcers: true }).total).toBe(5);
  });

  it("total = sum, 0-5 (property)", () => {
    fc.assert(
      fc.property(validRecord(SPEC) as fc.Arbitrary<SimplifiedMariaSegment>, (v) => {
        const r = simplifiedMaria(v);
        expect(r.total).toBe(Object.values(r.components).reduce((a, b) => a + b, 0));
        expect(r.total).toBeLessThanOrEqual(5);
      }),
    );
  });

  it("names the bad item", () => {
    expect(() => simplifiedMaria({ ...zero, fatStranding: undefined } as never)).toThrow(new TypeError("simplifiedMaria: items.fatStranding is required; got undefined."));
  });

  it("the hand-written check accepts exactly what its schema accepts (fast-check)", () => {
    assertEquivalent(isSimplifiedMariaSegment, SimplifiedMariaSegmentSchema, candidateRecord(SPEC));
  });
});
