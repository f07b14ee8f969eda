import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RhiItemsSchema, type RhiItems } from "../../models/instrumentInputs.js";
import { assertEquivalent, candidateRecord, validRecord } from "../_lib/specTesting.js";
import { isRhiItems, robartsHistopathologyIndex, robartsHistopathologyIndexUnchecked, safeRobartsHistopathologyIndex, SPEC } from "./index.js";

const zero: RhiItems = { chronicInfiltrate: 0, laminaPropriaNeutrophils: 0, epithelialNeutrophils: 0, erosionUlceration: 0 };

describe("robartsHistopathologyIndex", () => {
  it("matches the @examples (2 + 2 + 3 + 0 = 7)", () => {
    expect(robartsHistopathologyIndex({ chronicInfiltrate: 2, laminaPropriaNeutrophils: 1, epithelialNeutrophils: 1, erosionUlceration: 0 }).total).toBe(7);
    expect(robartsHistopathologyIndexUnchecked({ chronicInfiltrate: 3, laminaPropriaNeutrophils: 3, epithelialNeutrophils: 3, erosionUlceration: 3 }).total).toBe(33);
    expect(safeRobartsHistopathologyIndex({ chronicInfiltrate: 4 }).success).toBe(false);
  });

  it("each item alone at 3: weights 1, 2, 3, 5", () => {
    expect(robartsHistopathologyIndex({ ...zero, chronicInfiltrate: 3 }).total).toBe(3);
    expect(robartsHistopathologyIndex({ ...zero, laminaPropriaNeutrophils: 3 }).total).toBe(6);
    expect(robartsHistopathologyIndex({ ...zero, epithelialNeutrophils: 3 }).total).toBe(9);
    expect(robartsHistopathologyIndex({ ...zero, erosionUlceration: 3 }).total).toBe(15);
  });

  it("ECCO 2020 remission: 3 or less with no neutrophils", () => {
    const b = (v: Partial<RhiItems>) => robartsHistopathologyIndex({ ...zero, ...v }, { bands: "ecco2020" }).band;
    expect(b({ chronicInfiltrate: 3 })).toBe("remission");
    expect(b({ laminaPropriaNeutrophils: 1 })).toBe("active");
    expect(b({ chronicInfiltrate: 3, erosionUlceration: 1 })).toBe("active");
  });

  it("total = sum of components (property)", () => {
    fc.assert(
      fc.property(validRecord(SPEC) as fc.Arbitrary<RhiItems>, (v) => {
        const r = robartsHistopathologyIndex(v);
        expect(r.total).toBe(v.chronicInfiltrate + 2 * v.laminaPropriaNeutrophils + 3 * v.epithelialNeutrophils + 5 * v.erosionUlceration);
      }),
    );
  });

  it("the hand-written check accepts exactly what RhiItemsSchema accepts (fast-check)", () => {
    assertEquivalent(isRhiItems, RhiItemsSchema, candidateRecord(SPEC));
  });
});
