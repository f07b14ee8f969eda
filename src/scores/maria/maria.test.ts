import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MariaSegmentSchema, type MariaSegment } from "../../models/instrumentInputs.js";
import { assertEquivalent, candidateRecord, validRecord } from "../_lib/specTesting.js";
import { isMariaSegment, maria, mariaUnchecked, safeMaria, SPEC } from "./index.js";

const zero: MariaSegment = { wallThicknessMm: 0, relativeContrastEnhancement: 0, oedema: false, ulcers: false };

describe("maria", () => {
  it("matches the @examples: 1.5 × 3.8 + 0.02 × 65 is exactly 7 (active), not a hair below", () => {
    expect(1.5 * 3.8 + 0.02 * 65).not.toBe(7); // the naive float sum misses the edge
    expect(maria({ wallThicknessMm: 3.8, relativeContrastEnhancement: 65, oedema: false, ulcers: false })).toEqual({
      total: 7,
      components: { wallThickness: 5.7, relativeContrastEnhancement: 1.3, oedema: 0, ulcers: 0 },
      band: "active",
    });
    expect(mariaUnchecked({ wallThicknessMm: 8, relativeContrastEnhancement: 150, oedema: true, ulcers: true }).band).toBe("severe");
    expect(safeMaria({ wallThicknessMm: -1 }).success).toBe(false);
  });

  it("each item alone", () => {
    expect(maria(zero)).toMatchObject({ total: 0, band: "inactive" });
    expect(maria({ ...zero, wallThicknessMm: 4 }).total).toBe(6);
    expect(maria({ ...zero, relativeContrastEnhancement: 100 }).total).toBe(2);
    expect(maria({ ...zero, oedema: true }).total).toBe(5);
    expect(maria({ ...zero, ulcers: true })).toMatchObject({ total: 10, band: "active" });
  });

  it("bands are exact at 7 and 11 for every decimal input that lands there (property)", () => {
    // wall thickness in tenths of mm, RCE in tenths: MaRIA × 1000 = 150 a + 2 b + 5000 o + 10000 u exactly.
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 50000 }), fc.boolean(), fc.boolean(), (a, b, o, u) => {
        const r = maria({ wallThicknessMm: a / 10, relativeContrastEnhancement: b / 10, oedema: o, ulcers: u });
        const milli = 150 * a + 2 * b + (o ? 5000 : 0) + (u ? 10000 : 0);
        expect(r.total).toBe(milli / 1000);
        expect(r.band).toBe(milli >= 11000 ? "severe" : milli >= 7000 ? "active" : "inactive");
      }),
      { numRuns: 5000 },
    );
    // Inputs built to land exactly on the edges.
    for (let a = 0; a <= 46; a++) {
      const b = (7000 - 150 * a) / 2; // tenths of RCE giving exactly 7
      if (Number.isInteger(b) && b >= 0) expect(maria({ ...zero, wallThicknessMm: a / 10, relativeContrastEnhancement: b / 10 }).band).toBe("active");
      const c = (11000 - 150 * a) / 2;
      if (Number.isInteger(c) && c >= 0) expect(maria({ ...zero, wallThicknessMm: a / 10, relativeContrastEnhancement: c / 10 }).band).toBe("severe");
    }
  });

  it("total = rounded sum of components (property)", () => {
    fc.assert(
      fc.property(validRecord(SPEC) as fc.Arbitrary<MariaSegment>, (v) => {
        const r = maria(v);
        const c = r.components;
        expect(r.total).toBe(Math.round((c.wallThickness + c.relativeContrastEnhancement + c.oedema + c.ulcers) * 1e9) / 1e9);
      }),
    );
  });

  it("names the bad item", () => {
    expect(() => maria({ ...zero, relativeContrastEnhancement: Number.NaN })).toThrow(/maria: items.relativeContrastEnhancement/);
    expect(() => maria({ ...zero, ulcers: 1 } as never)).toThrow(new TypeError("maria: items.ulcers must be a boolean; got 1."));
  });

  it("the hand-written check accepts exactly what MariaSegmentSchema accepts (fast-check)", () => {
    assertEquivalent(isMariaSegment, MariaSegmentSchema, candidateRecord(SPEC));
  });
});
