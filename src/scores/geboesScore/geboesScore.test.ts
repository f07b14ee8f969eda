import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { GeboesItemsSchema, type GeboesItems } from "../../models/instrumentInputs.js";
import { assertEquivalent, candidateRecord, validRecord } from "../_lib/specTesting.js";
import { geboesScore, geboesScoreUnchecked, isGeboesItems, safeGeboesScore, SPEC } from "./index.js";

const zero: GeboesItems = { architecture: 0, chronicInfiltrate: 0, eosinophils: 0, laminaPropriaNeutrophils: 0, epithelialNeutrophils: 0, cryptDestruction: 0, erosionUlceration: 0 };

describe("geboesScore", () => {
  it("matches the @examples", () => {
    expect(geboesScore({ architecture: 2, chronicInfiltrate: 2, eosinophils: 1, laminaPropriaNeutrophils: 1, epithelialNeutrophils: 2, cryptDestruction: 0, erosionUlceration: 0 }).band).toBe("3.2");
    expect(geboesScoreUnchecked({ ...zero, architecture: 1 }).band).toBe("0.1");
    expect(safeGeboesScore({ erosionUlceration: 5 }).success).toBe(false);
  });

  it("each grade alone gives its own label; the highest grade wins", () => {
    expect(geboesScore(zero)).toMatchObject({ total: 0, band: "0.0" });
    expect(geboesScore({ ...zero, chronicInfiltrate: 3 }).band).toBe("1.3");
    expect(geboesScore({ ...zero, eosinophils: 2 }).band).toBe("2A.2");
    expect(geboesScore({ ...zero, laminaPropriaNeutrophils: 1, eosinophils: 3 }).band).toBe("2B.1");
    expect(geboesScore({ ...zero, epithelialNeutrophils: 3 }).band).toBe("3.3");
    expect(geboesScore({ ...zero, cryptDestruction: 2 }).band).toBe("4.2");
    expect(geboesScore({ ...zero, erosionUlceration: 4, architecture: 3 })).toMatchObject({ total: 7, band: "5.4" });
    expect(geboesScore({ architecture: 3, chronicInfiltrate: 3, eosinophils: 3, laminaPropriaNeutrophils: 3, epithelialNeutrophils: 3, cryptDestruction: 3, erosionUlceration: 4 }).total).toBe(22);
  });

  it("the grade's subgrade is the item's value; total = sum (property)", () => {
    fc.assert(
      fc.property(validRecord(SPEC) as fc.Arbitrary<GeboesItems>, (v) => {
        const r = geboesScore(v);
        expect(r.total).toBe(Object.values(v).reduce((a: number, b) => a + (b as number), 0));
        const sub = Number(r.band!.split(".")[1]);
        expect(sub).toBe(Math.max(v.erosionUlceration > 0 ? v.erosionUlceration : 0, 0) || (v.cryptDestruction || v.epithelialNeutrophils || v.laminaPropriaNeutrophils || v.eosinophils || v.chronicInfiltrate || v.architecture));
      }),
    );
  });

  it("names the bad item", () => {
    expect(() => geboesScore({ ...zero, erosionUlceration: 5 })).toThrow(new RangeError("geboesScore: items.erosionUlceration must be <= 4; got 5."));
  });

  it("the hand-written check accepts exactly what GeboesItemsSchema accepts (fast-check)", () => {
    assertEquivalent(isGeboesItems, GeboesItemsSchema, candidateRecord(SPEC));
  });
});
