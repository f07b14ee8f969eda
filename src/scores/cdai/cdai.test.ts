import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CdaiItemsSchema, type CdaiComplication, type CdaiItems } from "../../models/scoreInputs.js";
import { mutated } from "../_lib/testing.js";
import { cdai, cdaiUnchecked, isCdaiItems, safeCdai } from "./index.js";

const GROUPS: readonly CdaiComplication[] = ["arthritisArthralgia", "iritisUveitis", "skinOrMouthLesions", "perianalDisease", "otherFistula", "fever"];
/** Neutral visit: every term 0 (Hct at the male standard 47, weight at the standard weight). */
const zero: CdaiItems = {
  liquidStoolsWeek: 0, abdominalPainWeek: 0, wellBeingWeek: 0, complications: [], antidiarrheal: false,
  abdominalMass: 0, hematocritPct: 47, weightKg: 70, standardWeightKg: 70, sex: "male",
};
const items = fc.record({
  liquidStoolsWeek: fc.nat(70),
  abdominalPainWeek: fc.integer({ min: 0, max: 21 }),
  wellBeingWeek: fc.integer({ min: 0, max: 28 }),
  complications: fc.uniqueArray(fc.constantFrom(...GROUPS)),
  antidiarrheal: fc.boolean(),
  abdominalMass: fc.constantFrom(0 as const, 2 as const, 5 as const),
  hematocritPct: fc.double({ min: 20, max: 60, noNaN: true }),
  weightKg: fc.double({ min: 30, max: 150, noNaN: true }),
  standardWeightKg: fc.double({ min: 40, max: 100, noNaN: true }),
  sex: fc.constantFrom("male" as const, "female" as const),
});
const sum = (c: Record<string, number>) =>
  c.liquidStools! + c.abdominalPain! + c.wellBeing! + c.complications! + c.antidiarrheal! + c.abdominalMass! + c.hematocrit! + c.bodyWeight!;

describe("cdai", () => {
  it("matches the @examples", () => {
    const v: CdaiItems = { liquidStoolsWeek: 20, abdominalPainWeek: 7, wellBeingWeek: 7, complications: ["fever"], antidiarrheal: false, abdominalMass: 0, hematocritPct: 42, weightKg: 56, standardWeightKg: 70, sex: "male" };
    expect(cdai(v).total).toBe(194);
    expect(cdai(v)).toEqual({
      total: 194,
      components: { liquidStools: 40, abdominalPain: 35, wellBeing: 49, complications: 20, antidiarrheal: 0, abdominalMass: 0, hematocrit: 30, bodyWeight: 20 },
      band: "mildToModerate",
    });
    expect(cdaiUnchecked({ ...zero, hematocritPct: 42, weightKg: 60, standardWeightKg: 60, sex: "female" }).total).toBe(0);
    expect(safeCdai({ liquidStoolsWeek: 0 }).success).toBe(false);
  });

  it("uses the published weights 2, 5, 7, 20, 30, 10, 6, 1 (each item alone)", () => {
    expect(cdai(zero).total).toBe(0);
    expect(cdai({ ...zero, liquidStoolsWeek: 1 }).total).toBe(2);
    expect(cdai({ ...zero, abdominalPainWeek: 1 }).total).toBe(5);
    expect(cdai({ ...zero, wellBeingWeek: 1 }).total).toBe(7);
    expect(cdai({ ...zero, complications: ["fever"] }).total).toBe(20);
    expect(cdai({ ...zero, antidiarrheal: true }).total).toBe(30); // not 10: [S13b] swaps 30/10
    expect(cdai({ ...zero, abdominalMass: 2 }).total).toBe(20);
    expect(cdai({ ...zero, abdominalMass: 5 }).total).toBe(50);
    expect(cdai({ ...zero, hematocritPct: 46 }).total).toBeCloseTo(6, 12);
    expect(cdai({ ...zero, weightKg: 63 }).total).toBeCloseTo(10, 12); // 100 * (1 - 63/70)
    for (const g of GROUPS) expect(cdai({ ...zero, complications: [g] }).components.complications).toBe(20);
    expect(cdai({ ...zero, complications: [...GROUPS] }).components.complications).toBe(120);
  });

  it("uses the standard haematocrit 47 (male) and 42 (female)", () => {
    expect(cdai({ ...zero, hematocritPct: 40, sex: "male" }).components.hematocrit).toBe(42);
    expect(cdai({ ...zero, hematocritPct: 40, sex: "female" }).components.hematocrit).toBe(12);
  });

  it("keeps negative haematocrit/weight terms unless truncateNegative", () => {
    const v = { ...zero, hematocritPct: 50, weightKg: 84 };
    const r = cdai(v);
    expect(r.components.hematocrit).toBe(-18);
    expect(r.components.bodyWeight).toBeCloseTo(-20, 12);
    expect(r.total).toBeCloseTo(-38, 12);
    expect(r.band).toBe("remission");
    const t = cdai(v, { truncateNegative: true });
    expect(t.components).toMatchObject({ hematocrit: 0, bodyWeight: 0 });
    expect(t.total).toBe(0);
    expect(cdai({ ...zero, hematocritPct: 40 }, { truncateNegative: true }).components.hematocrit).toBe(42);
  });

  it("uses the bands <150, 150-220, 221-450, >450", () => {
    // An integer total t from stools (2 each) and one well-being point (7) when t is odd.
    const at = (t: number) => {
      const wellBeingWeek = t % 2 === 1 ? 1 : 0;
      const r = cdai({ ...zero, wellBeingWeek, liquidStoolsWeek: (t - 7 * wellBeingWeek) / 2 });
      expect(r.total).toBe(t);
      return r.band;
    };
    expect([149, 150, 220, 221, 450, 451].map(at)).toEqual(["remission", "mildToModerate", "mildToModerate", "moderateToSevere", "moderateToSevere", "severe"]);
    expect(cdai({ ...zero, liquidStoolsWeek: 110, hematocritPct: 46.9 }).band).toBe("moderateToSevere"); // 220.6
    expect(cdai({ ...zero, liquidStoolsWeek: 74, hematocritPct: 46.9 }).band).toBe("remission"); // 148.6
  });

  it("total = sum of components (exactly), monotone in each symptom item (property)", () => {
    fc.assert(
      fc.property(items, fc.boolean(), (v, truncate) => {
        const r = cdai(v, { truncateNegative: truncate });
        expect(r.total).toBe(sum(r.components));
        expect(Number.isFinite(r.total)).toBe(true);
        expect(cdaiUnchecked(v, { truncateNegative: truncate })).toEqual(r);
        if (truncate) expect(r.total).toBeGreaterThanOrEqual(0);
        expect(cdai({ ...v, liquidStoolsWeek: v.liquidStoolsWeek + 1 }, { truncateNegative: truncate }).total).toBeGreaterThan(r.total);
        if (v.abdominalPainWeek < 21) expect(cdai({ ...v, abdominalPainWeek: v.abdominalPainWeek + 1 }).total).toBeGreaterThan(cdai(v).total);
        if (v.wellBeingWeek < 28) expect(cdai({ ...v, wellBeingWeek: v.wellBeingWeek + 1 }).total).toBeGreaterThan(cdai(v).total);
        expect(cdai({ ...v, hematocritPct: v.hematocritPct - 1 }).total).toBeGreaterThan(cdai(v).total);
      }),
    );
  });

  it("names the bad item", () => {
    expect(() => cdai({ ...zero, abdominalPainWeek: 22 })).toThrow(new RangeError("cdai: items.abdominalPainWeek must be <= 21; got 22."));
    expect(() => cdai({ ...zero, liquidStoolsWeek: -1 })).toThrow(new RangeError("cdai: items.liquidStoolsWeek must be >= 0; got -1."));
    expect(() => cdai({ ...zero, abdominalMass: 3 } as never)).toThrow(new RangeError("cdai: items.abdominalMass must be 0, 2 or 5; got 3."));
    expect(() => cdai({ ...zero, hematocritPct: 0 })).toThrow(new RangeError("cdai: items.hematocritPct must be > 0; got 0."));
    expect(() => cdai({ ...zero, weightKg: NaN })).toThrow(new RangeError("cdai: items.weightKg must be a finite number; got NaN."));
    expect(() => cdai({ ...zero, complications: ["fever", "fever"] })).toThrow(/items\.complications must not list a complication group twice/);
    expect(() => cdai({ ...zero, sex: "other" } as never)).toThrow(/items\.sex must be "male" or "female"/);
    expect(() => cdai({ ...zero, antidiarrheal: 1 } as never)).toThrow(new TypeError("cdai: items.antidiarrheal must be a boolean; got 1."));
    expect(() => cdai(zero, { truncateNegative: 1 } as never)).toThrow(TypeError);
  });

  it("does not mutate its input", () => {
    const v: CdaiItems = { ...zero, complications: ["fever", "otherFistula"], hematocritPct: 50 };
    const before = structuredClone(v);
    cdai(v, { truncateNegative: true });
    safeCdai(v);
    expect(v).toEqual(before);
  });

  it("the hand-written check accepts exactly what CdaiItemsSchema accepts (fast-check)", () => {
    const edges = fc.record({
      ...{ liquidStoolsWeek: fc.nat(), abdominalPainWeek: fc.integer({ min: 0, max: 21 }), wellBeingWeek: fc.integer({ min: 0, max: 28 }) },
      complications: fc.array(fc.constantFrom(...GROUPS), { maxLength: 3 }),
      antidiarrheal: fc.boolean(),
      abdominalMass: fc.constantFrom(0, 2, 5, -0),
      hematocritPct: fc.constantFrom(0, 1e-9, 45, 99.999, 100),
      weightKg: fc.constantFrom(0, 1e-9, 70, 500, 500.0001),
      standardWeightKg: fc.double({ min: -1, max: 600 }),
      sex: fc.constantFrom("male", "female"),
    });
    fc.assert(fc.property(mutated(fc.oneof(items, edges)), (x) => isCdaiItems(x) === CdaiItemsSchema.safeParse(x).success), { numRuns: 8000 });
  });
});
