import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { HbiItemsSchema, type HbiComplication, type HbiItems } from "../../models/scoreInputs.js";
import { mutated, nearArray, nearInt, nearRecord } from "../_lib/testing.js";
import { harveyBradshawIndex, harveyBradshawIndexUnchecked, isHbiItems, safeHarveyBradshawIndex } from "./index.js";

const COMPLICATIONS: readonly HbiComplication[] = [
  "arthralgia", "uveitis", "erythemaNodosum", "aphthousUlcers", "pyodermaGangrenosum", "analFissure", "newFistula", "abscess",
];
const zero: HbiItems = { wellBeing: 0, abdominalPain: 0, liquidStools: 0, abdominalMass: 0, complications: [] };
const items = fc.record({
  wellBeing: fc.integer({ min: 0, max: 4 }),
  abdominalPain: fc.integer({ min: 0, max: 3 }),
  liquidStools: fc.nat(40),
  abdominalMass: fc.integer({ min: 0, max: 3 }),
  complications: fc.uniqueArray(fc.constantFrom(...COMPLICATIONS)),
});
const sum = (c: Record<string, number>) => Object.values(c).reduce((a, b) => a + b, 0);

describe("harveyBradshawIndex", () => {
  it("matches the @examples", () => {
    expect(harveyBradshawIndex({ wellBeing: 1, abdominalPain: 1, liquidStools: 2, abdominalMass: 0, complications: ["arthralgia"] }).total).toBe(5);
    expect(harveyBradshawIndexUnchecked({ wellBeing: 0, abdominalPain: 0, liquidStools: 4, abdominalMass: 0, complications: [] }).band).toBe("remission");
    expect(safeHarveyBradshawIndex({ wellBeing: 0, abdominalPain: 0, liquidStools: -1, abdominalMass: 0, complications: [] }).success).toBe(false);
  });

  it("scores the minimum and the maximum of the bounded items", () => {
    const r = harveyBradshawIndex(zero);
    expect(r.total).toBe(0);
    expect(r.band).toBe("remission");
    expect(sum(r.components)).toBe(0);
    const max = harveyBradshawIndex({ wellBeing: 4, abdominalPain: 3, liquidStools: 0, abdominalMass: 3, complications: [...COMPLICATIONS] });
    expect(max.total).toBe(18);
    expect(max.band).toBe("severe");
  });

  it("scores each item alone, unweighted (pain and stools are not doubled)", () => {
    expect(harveyBradshawIndex({ ...zero, wellBeing: 4 }).total).toBe(4);
    expect(harveyBradshawIndex({ ...zero, abdominalPain: 3 }).total).toBe(3);
    expect(harveyBradshawIndex({ ...zero, liquidStools: 7 }).total).toBe(7);
    expect(harveyBradshawIndex({ ...zero, abdominalMass: 2 }).total).toBe(2);
  });

  it("counts each complication on its own, as its own component", () => {
    for (const c of COMPLICATIONS) {
      const r = harveyBradshawIndex({ ...zero, complications: [c] });
      expect(r.total).toBe(1);
      expect(r.components[c]).toBe(1);
      for (const other of COMPLICATIONS) if (other !== c) expect(r.components[other]).toBe(0);
    }
    expect(harveyBradshawIndex({ ...zero, complications: ["uveitis", "abscess", "analFissure"] }).total).toBe(3);
  });

  it("uses the bands <5 remission, 5-7 mild, 8-16 moderate, >16 severe", () => {
    const band = (n: number) => harveyBradshawIndex({ ...zero, liquidStools: n }).band;
    expect([4, 5, 7, 8, 16, 17].map(band)).toEqual(["remission", "mild", "mild", "moderate", "moderate", "severe"]);
  });

  it("total = sum of components, >= 0, monotone in each item (property)", () => {
    fc.assert(
      fc.property(items, fc.constantFrom("wellBeing", "abdominalPain", "liquidStools", "abdominalMass", "complication"), (v, k) => {
        const r = harveyBradshawIndex(v);
        expect(r.total).toBe(sum(r.components));
        expect(r.total).toBeGreaterThanOrEqual(0);
        expect(r.total).toBeLessThanOrEqual(18 + v.liquidStools);
        expect(harveyBradshawIndexUnchecked(v)).toEqual(r);
        const max = { wellBeing: 4, abdominalPain: 3, liquidStools: Infinity, abdominalMass: 3 } as const;
        if (k === "complication") {
          const missing = COMPLICATIONS.find((c) => !v.complications.includes(c));
          if (missing) expect(harveyBradshawIndex({ ...v, complications: [...v.complications, missing] }).total).toBe(r.total + 1);
        } else if (v[k] < max[k]) {
          expect(harveyBradshawIndex({ ...v, [k]: v[k] + 1 }).total).toBe(r.total + 1);
        }
      }),
    );
  });

  it("names the bad item, in the house format", () => {
    expect(() => harveyBradshawIndex({ ...zero, abdominalPain: 4 })).toThrow(new RangeError("harveyBradshawIndex: items.abdominalPain must be <= 3; got 4."));
    expect(() => harveyBradshawIndex({ ...zero, liquidStools: -1 })).toThrow(new RangeError("harveyBradshawIndex: items.liquidStools must be >= 0; got -1."));
    expect(() => harveyBradshawIndex({ ...zero, liquidStools: 2.5 })).toThrow(new RangeError("harveyBradshawIndex: items.liquidStools must be an integer; got 2.5."));
    expect(() => harveyBradshawIndex({ ...zero, complications: ["uveitis", "uveitis"] })).toThrow(
      new RangeError("harveyBradshawIndex: items.complications must not list a complication twice; got an array of length 2."),
    );
    expect(() => harveyBradshawIndex({ ...zero, complications: ["fever"] } as never)).toThrow(/^harveyBradshawIndex: items\.complications\[0\] must be "arthralgia"/);
    expect(() => harveyBradshawIndex({ ...zero, complications: 2 } as never)).toThrow(new TypeError("harveyBradshawIndex: items.complications must be an array; got 2."));
    const { wellBeing: _, ...noWellBeing } = zero;
    expect(() => harveyBradshawIndex(noWellBeing as never)).toThrow(new TypeError("harveyBradshawIndex: items.wellBeing is required; got undefined."));
    expect(() => harveyBradshawIndex({ ...zero, fistula: 1 } as never)).toThrow(TypeError);
  });

  it("safeHarveyBradshawIndex lists every issue", () => {
    const r = safeHarveyBradshawIndex({ ...zero, wellBeing: 5, abdominalMass: -1 });
    expect(r.success).toBe(false);
    if (!r.success) expect(r.issues.map((i) => i.path[0])).toEqual(["wellBeing", "abdominalMass"]);
  });

  it("does not mutate its input", () => {
    const v: HbiItems = { wellBeing: 2, abdominalPain: 1, liquidStools: 3, abdominalMass: 1, complications: ["abscess", "uveitis"] };
    const before = structuredClone(v);
    harveyBradshawIndex(v);
    safeHarveyBradshawIndex(v);
    expect(v).toEqual(before);
  });

  it("the hand-written check accepts exactly what HbiItemsSchema accepts (fast-check)", () => {
    const arb = nearRecord({
      wellBeing: nearInt(0, 4),
      abdominalPain: nearInt(0, 3),
      liquidStools: nearInt(0, 60),
      abdominalMass: nearInt(0, 3),
      complications: nearArray(COMPLICATIONS),
    });
    fc.assert(fc.property(arb, (x) => isHbiItems(x) === HbiItemsSchema.safeParse(x).success), { numRuns: 5000 });
    const valid = items.map((v) => ({ ...v, complications: [...v.complications] }));
    const withDuplicates = fc.tuple(items, fc.constantFrom(...COMPLICATIONS)).map(([v, c]) => ({ ...v, complications: [...v.complications, c] }));
    fc.assert(fc.property(mutated(fc.oneof(valid, withDuplicates)), (x) => isHbiItems(x) === HbiItemsSchema.safeParse(x).success), { numRuns: 5000 });
  });
});
