import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MayoItemsSchema } from "../../models/scoreInputs.js";
import { isMayoItems } from "../_lib/mayo.js";
import { mutated, nearInt, nearOneOf, nearRecord } from "../_lib/testing.js";
import { mayoFull, mayoFullUnchecked, safeMayoFull } from "./index.js";

const sub = fc.integer({ min: 0, max: 3 });
const items = fc.record({ stoolFrequency: sub, rectalBleeding: sub, endoscopic: sub, physicianGlobal: sub, friability: fc.boolean() });
const zero = { stoolFrequency: 0, rectalBleeding: 0, endoscopic: 0, physicianGlobal: 0 };
const KEYS = ["stoolFrequency", "rectalBleeding", "endoscopic", "physicianGlobal"] as const;

describe("mayoFull", () => {
  it("matches the @examples", () => {
    expect(mayoFull({ stoolFrequency: 1, rectalBleeding: 0, endoscopic: 1, physicianGlobal: 1 })).toEqual({
      total: 3,
      components: { stoolFrequency: 1, rectalBleeding: 0, endoscopic: 1, physicianGlobal: 1 },
      band: "mild",
    });
    expect(mayoFullUnchecked({ stoolFrequency: 0, rectalBleeding: 0, endoscopic: 1, physicianGlobal: 1 }).band).toBe("remission");
    expect(safeMayoFull({ stoolFrequency: 4, rectalBleeding: 0, endoscopic: 1, physicianGlobal: 1 }).success).toBe(false);
  });

  it("scores the minimum and the maximum", () => {
    expect(mayoFull(zero)).toEqual({ total: 0, components: zero, band: "remission" });
    const max = { stoolFrequency: 3, rectalBleeding: 3, endoscopic: 3, physicianGlobal: 3 };
    expect(mayoFull(max)).toEqual({ total: 12, components: max, band: "severe" });
  });

  it("scores each item alone (1 = remission; 2 = total 2 with a subscore 2 = not remission, band null)", () => {
    for (const k of KEYS) {
      expect(mayoFull({ ...zero, [k]: 1 })).toMatchObject({ total: 1, band: "remission" });
      const two = mayoFull({ ...zero, [k]: 2 });
      expect(two.total).toBe(2);
      expect(two.band).toBeNull();
      expect(two.components[k]).toBe(2);
      expect(mayoFull({ ...zero, [k]: 3 })).toMatchObject({ total: 3, band: "mild" });
    }
  });

  it("uses the band boundaries of §1.1 (<=2 remission, 3-5 mild, 6-10 moderate, 11-12 severe)", () => {
    const at = (sf: number, rb: number, es: number, pga: number) =>
      mayoFull({ stoolFrequency: sf, rectalBleeding: rb, endoscopic: es, physicianGlobal: pga }).band;
    expect(at(1, 1, 0, 0)).toBe("remission");
    expect(at(1, 1, 1, 0)).toBe("mild");
    expect(at(1, 1, 1, 1)).toBe("mild");
    expect(at(2, 1, 1, 1)).toBe("mild");
    expect(at(2, 2, 1, 1)).toBe("moderate");
    expect(at(3, 3, 2, 2)).toBe("moderate");
    expect(at(3, 3, 3, 2)).toBe("severe");
  });

  it("scores ES 1 with friability as 2 only when FDA-modified", () => {
    const v = { stoolFrequency: 0, rectalBleeding: 0, endoscopic: 1, friability: true, physicianGlobal: 0 };
    expect(mayoFull(v)).toMatchObject({ total: 1, band: "remission", components: { endoscopic: 1 } });
    expect(mayoFull(v, { endoscopicScoring: "standard" }).total).toBe(1);
    expect(mayoFull(v, { endoscopicScoring: "fdaModified" })).toMatchObject({ total: 2, band: null, components: { endoscopic: 2 } });
    expect(mayoFull({ ...v, endoscopic: 0 }, { endoscopicScoring: "fdaModified" }).total).toBe(0);
    expect(mayoFull({ ...v, endoscopic: 2 }, { endoscopicScoring: "fdaModified" }).components.endoscopic).toBe(2);
    expect(mayoFull({ ...v, friability: false }, { endoscopicScoring: "fdaModified" }).total).toBe(1);
  });

  it("total = sum of components, within 0-12, unchecked = checked (property)", () => {
    fc.assert(
      fc.property(items, fc.constantFrom("standard", "fdaModified") as fc.Arbitrary<"standard" | "fdaModified">, (v, es) => {
        const r = mayoFull(v, { endoscopicScoring: es });
        const c = r.components;
        expect(r.total).toBe(c.stoolFrequency + c.rectalBleeding + c.endoscopic + c.physicianGlobal);
        expect(r.total).toBeGreaterThanOrEqual(0);
        expect(r.total).toBeLessThanOrEqual(12);
        expect(mayoFullUnchecked(v, { endoscopicScoring: es })).toEqual(r);
        if (r.band === "remission") expect(Math.max(...Object.values(c))).toBeLessThanOrEqual(1);
      }),
    );
  });

  it("is monotone in each item (property)", () => {
    fc.assert(
      fc.property(items, fc.constantFrom(...KEYS), fc.boolean(), (v, k, fda) => {
        fc.pre(v[k] < 3);
        const opts = { endoscopicScoring: fda ? "fdaModified" : "standard" } as const;
        expect(mayoFull({ ...v, [k]: v[k] + 1 }, opts).total).toBeGreaterThanOrEqual(mayoFull(v, opts).total);
      }),
    );
  });

  it("names the bad item, in the house format", () => {
    expect(() => mayoFull({ ...zero, stoolFrequency: 4 })).toThrow(new RangeError("mayoFull: items.stoolFrequency must be <= 3; got 4."));
    expect(() => mayoFull({ ...zero, rectalBleeding: 1.5 })).toThrow(new RangeError("mayoFull: items.rectalBleeding must be an integer; got 1.5."));
    expect(() => mayoFull({ ...zero, endoscopic: -1 })).toThrow(new RangeError("mayoFull: items.endoscopic must be >= 0; got -1."));
    expect(() => mayoFull({ ...zero, physicianGlobal: NaN })).toThrow(RangeError);
    expect(() => mayoFull({ ...zero, physicianGlobal: "2" } as never)).toThrow(new TypeError("mayoFull: items.physicianGlobal must be a number; got a string of length 1."));
    expect(() => mayoFull({ stoolFrequency: 0, rectalBleeding: 0, endoscopic: 0 })).toThrow(
      new TypeError("mayoFull: items.physicianGlobal is required for the full Mayo score; got undefined."),
    );
    expect(() => mayoFull({ ...zero, stool: 1 } as never)).toThrow(new TypeError("mayoFull: items.stool is not a recognised item; got 1."));
    expect(() => mayoFull({ ...zero, friability: 1 } as never)).toThrow(/items\.friability must be a boolean/);
    expect(() => mayoFull(null as never)).toThrow(new TypeError("mayoFull: items must be an object; got null."));
    expect(() => mayoFull(zero, { endoscopicScoring: "fda" } as never)).toThrow(
      new TypeError('mayoFull: options.endoscopicScoring must be "standard" or "fdaModified"; got "fda".'),
    );
    expect(() => mayoFull(zero, { scoring: "standard" } as never)).toThrow(/options\.scoring is not a recognised option/);
  });

  it("safeMayoFull reports every issue without throwing", () => {
    const r = safeMayoFull({ stoolFrequency: 4, rectalBleeding: -1, endoscopic: 1 });
    expect(r.success).toBe(false);
    if (!r.success) expect(r.issues.map((i) => i.path.join("."))).toEqual(["stoolFrequency", "rectalBleeding"]);
    const m = safeMayoFull({ stoolFrequency: 1, rectalBleeding: 1, endoscopic: 1 });
    expect(m).toEqual({ success: false, issues: [{ path: ["physicianGlobal"], code: "invalid_type", message: "is required for the full Mayo score" }] });
    expect(safeMayoFull(zero)).toEqual({ success: true, data: mayoFull(zero) });
    const o = safeMayoFull(zero, { endoscopicScoring: 1 });
    expect(o.success).toBe(false);
    if (!o.success) expect(o.issues[0]!.path).toEqual(["options", "endoscopicScoring"]);
  });

  it("does not mutate its input", () => {
    const v = { stoolFrequency: 2, rectalBleeding: 1, endoscopic: 1, friability: true, physicianGlobal: 2 };
    const before = structuredClone(v);
    mayoFull(v, { endoscopicScoring: "fdaModified" });
    safeMayoFull(v);
    mayoFullUnchecked(v);
    expect(v).toEqual(before);
  });

  it("the hand-written check accepts exactly what MayoItemsSchema accepts (fast-check)", () => {
    const arb = nearRecord({
      stoolFrequency: nearInt(0, 3),
      rectalBleeding: nearInt(0, 3),
      endoscopic: nearInt(0, 3),
      friability: nearOneOf([true, false]),
      physicianGlobal: nearInt(0, 3),
    });
    fc.assert(fc.property(arb, (x) => isMayoItems(x) === MayoItemsSchema.safeParse(x).success), { numRuns: 5000 });
    const valid = fc.record({ stoolFrequency: sub, rectalBleeding: sub, endoscopic: sub, friability: fc.boolean(), physicianGlobal: sub }, { requiredKeys: [] });
    fc.assert(fc.property(mutated(valid), (x) => isMayoItems(x) === MayoItemsSchema.safeParse(x).success), { numRuns: 5000 });
  });
});
