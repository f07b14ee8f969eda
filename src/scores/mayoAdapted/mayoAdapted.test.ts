import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mayoAdapted, mayoAdaptedUnchecked, safeMayoAdapted } from "./index.js";

const sub = fc.integer({ min: 0, max: 3 });
const items = fc.record({ stoolFrequency: sub, rectalBleeding: sub, endoscopic: sub, friability: fc.boolean() });
const zero = { stoolFrequency: 0, rectalBleeding: 0, endoscopic: 0 };
const KEYS = ["stoolFrequency", "rectalBleeding", "endoscopic"] as const;

describe("mayoAdapted", () => {
  it("matches the @examples", () => {
    expect(mayoAdapted({ stoolFrequency: 2, rectalBleeding: 1, endoscopic: 1, friability: true }, { endoscopicScoring: "fdaModified" })).toEqual({
      total: 5,
      components: { stoolFrequency: 2, rectalBleeding: 1, endoscopic: 2 },
      band: "moderateToSevere",
    });
    expect(mayoAdaptedUnchecked({ stoolFrequency: 1, rectalBleeding: 0, endoscopic: 1 }).total).toBe(2);
    expect(safeMayoAdapted({ stoolFrequency: 1, rectalBleeding: 0, endoscopic: 0.5 }).success).toBe(false);
  });

  it("scores the minimum, the maximum and each item alone", () => {
    expect(mayoAdapted(zero)).toEqual({ total: 0, components: zero, band: null });
    expect(mayoAdapted({ stoolFrequency: 3, rectalBleeding: 3, endoscopic: 3 })).toMatchObject({ total: 9, band: "moderateToSevere" });
    for (const k of KEYS) expect(mayoAdapted({ ...zero, [k]: 2 })).toMatchObject({ total: 2, band: null });
  });

  it("band moderateToSevere = aMS 5-9 with ES 2-3 (the paper's cohort: aMS 6.95 at baseline)", () => {
    expect(mayoAdapted({ stoolFrequency: 2, rectalBleeding: 1, endoscopic: 2 }).band).toBe("moderateToSevere");
    expect(mayoAdapted({ stoolFrequency: 3, rectalBleeding: 1, endoscopic: 1 }).band).toBeNull();
    expect(mayoAdapted({ stoolFrequency: 1, rectalBleeding: 1, endoscopic: 2 }).band).toBeNull();
    // Standard scoring ignores friability: ES 1 stays 1.
    expect(mayoAdapted({ stoolFrequency: 2, rectalBleeding: 2, endoscopic: 1, friability: true })).toMatchObject({ total: 5, band: null });
  });

  it("total = sum of components, within 0-9, monotone (property)", () => {
    fc.assert(
      fc.property(items, fc.constantFrom(...KEYS), fc.boolean(), (v, k, fda) => {
        const o = { endoscopicScoring: fda ? "fdaModified" : "standard" } as const;
        const r = mayoAdapted(v, o);
        expect(r.total).toBe(r.components.stoolFrequency + r.components.rectalBleeding + r.components.endoscopic);
        expect(r.total).toBeGreaterThanOrEqual(0);
        expect(r.total).toBeLessThanOrEqual(9);
        expect(mayoAdaptedUnchecked(v, o)).toEqual(r);
        if (v[k] < 3) expect(mayoAdapted({ ...v, [k]: v[k] + 1 }, o).total).toBeGreaterThanOrEqual(r.total);
      }),
    );
  });

  it("names the bad item", () => {
    expect(() => mayoAdapted({ ...zero, endoscopic: 4 })).toThrow(new RangeError("mayoAdapted: items.endoscopic must be <= 3; got 4."));
    expect(() => mayoAdapted({ stoolFrequency: 0, rectalBleeding: 0, physicianGlobal: 0 })).toThrow(
      new TypeError("mayoAdapted: items.endoscopic is required for the adapted Mayo score; got undefined."),
    );
    expect(() => mayoAdapted(zero, { endoscopicScoring: "modified" } as never)).toThrow(TypeError);
  });

  it("does not mutate its input", () => {
    const v = { stoolFrequency: 2, rectalBleeding: 1, endoscopic: 1, friability: true };
    const before = structuredClone(v);
    mayoAdapted(v, { endoscopicScoring: "fdaModified" });
    safeMayoAdapted(v);
    expect(v).toEqual(before);
  });
});
