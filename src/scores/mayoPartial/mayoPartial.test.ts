import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mayoPartial, mayoPartialUnchecked, safeMayoPartial } from "./index.js";

const sub = fc.integer({ min: 0, max: 3 });
const items = fc.record({ stoolFrequency: sub, rectalBleeding: sub, physicianGlobal: sub });
const zero = { stoolFrequency: 0, rectalBleeding: 0, physicianGlobal: 0 };
const KEYS = ["stoolFrequency", "rectalBleeding", "physicianGlobal"] as const;

describe("mayoPartial", () => {
  it("matches the @examples", () => {
    expect(mayoPartial({ stoolFrequency: 1, rectalBleeding: 1, physicianGlobal: 0 })).toEqual({
      total: 2,
      components: { stoolFrequency: 1, rectalBleeding: 1, physicianGlobal: 0 },
      band: "mild",
    });
    expect(mayoPartialUnchecked({ stoolFrequency: 1, rectalBleeding: 1, physicianGlobal: 0 }, { remissionRule: "trial" }).band).toBe("remission");
    expect(safeMayoPartial({ stoolFrequency: 1, rectalBleeding: 1 }).success).toBe(false);
  });

  it("scores the minimum, the maximum and each item alone", () => {
    expect(mayoPartial(zero)).toEqual({ total: 0, components: zero, band: "remission" });
    expect(mayoPartial({ stoolFrequency: 3, rectalBleeding: 3, physicianGlobal: 3 })).toMatchObject({ total: 9, band: "severe" });
    for (const k of KEYS) {
      expect(mayoPartial({ ...zero, [k]: 1 })).toMatchObject({ total: 1, band: "remission" });
      expect(mayoPartial({ ...zero, [k]: 3 }).components[k]).toBe(3);
    }
  });

  it("uses the bands <2, 2-4, 5-7, >7 and the trial remission rule", () => {
    const b = (sf: number, rb: number, pga: number, remissionRule: "standard" | "trial" = "standard") =>
      mayoPartial({ stoolFrequency: sf, rectalBleeding: rb, physicianGlobal: pga }, { remissionRule }).band;
    expect([b(1, 0, 0), b(1, 1, 0), b(2, 1, 1), b(2, 2, 1), b(3, 2, 2), b(3, 3, 2)]).toEqual(["remission", "mild", "mild", "moderate", "moderate", "severe"]);
    expect(b(1, 1, 0, "trial")).toBe("remission");
    expect(b(2, 0, 0, "trial")).toBe("mild");
    expect(b(1, 1, 1, "trial")).toBe("mild");
  });

  it("ignores the endoscopic items (validated, not scored)", () => {
    expect(mayoPartial({ ...zero, endoscopic: 3, friability: true }).total).toBe(0);
    expect(() => mayoPartial({ ...zero, endoscopic: 4 })).toThrow(/items\.endoscopic must be <= 3/);
  });

  it("total = sum of components, within 0-9, monotone (property)", () => {
    fc.assert(
      fc.property(items, fc.constantFrom(...KEYS), (v, k) => {
        const r = mayoPartial(v);
        expect(r.total).toBe(r.components.stoolFrequency + r.components.rectalBleeding + r.components.physicianGlobal);
        expect(r.total).toBeGreaterThanOrEqual(0);
        expect(r.total).toBeLessThanOrEqual(9);
        expect(mayoPartialUnchecked(v)).toEqual(r);
        if (v[k] < 3) expect(mayoPartial({ ...v, [k]: v[k] + 1 }).total).toBe(r.total + 1);
      }),
    );
  });

  it("names the bad item", () => {
    expect(() => mayoPartial({ ...zero, stoolFrequency: 4 })).toThrow(new RangeError("mayoPartial: items.stoolFrequency must be <= 3; got 4."));
    expect(() => mayoPartial({ stoolFrequency: 0, rectalBleeding: 0 })).toThrow(TypeError);
    expect(() => mayoPartial({ stoolFrequency: 0, rectalBleeding: 0 })).toThrow(/items\.physicianGlobal is required/);
    expect(() => mayoPartial(zero, { remissionRule: "strict" } as never)).toThrow(/options\.remissionRule must be "standard" or "trial"/);
  });

  it("does not mutate its input", () => {
    const v = { stoolFrequency: 2, rectalBleeding: 1, physicianGlobal: 2 };
    const before = structuredClone(v);
    mayoPartial(v);
    safeMayoPartial(v);
    expect(v).toEqual(before);
  });
});
