import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { UceisItemsSchema } from "../../models/scoreInputs.js";
import { mutated, nearInt, nearRecord } from "../_lib/testing.js";
import { isUceisItems, safeUceis, uceis, uceisUnchecked } from "./index.js";

const items = fc.record({ vascularPattern: fc.integer({ min: 0, max: 2 }), bleeding: fc.integer({ min: 0, max: 3 }), erosionsUlcers: fc.integer({ min: 0, max: 3 }) });
const zero = { vascularPattern: 0, bleeding: 0, erosionsUlcers: 0 };
const MAX = { vascularPattern: 2, bleeding: 3, erosionsUlcers: 3 } as const;

describe("uceis", () => {
  it("matches the @examples", () => {
    expect(uceis({ vascularPattern: 1, bleeding: 1, erosionsUlcers: 2 })).toEqual({
      total: 4,
      components: { vascularPattern: 1, bleeding: 1, erosionsUlcers: 2 },
      band: "mild",
    });
    expect(uceisUnchecked({ vascularPattern: 2, bleeding: 3, erosionsUlcers: 3 }).band).toBe("severe");
    expect(safeUceis({ vascularPattern: 3, bleeding: 0, erosionsUlcers: 0 }).success).toBe(false);
  });

  it("scores the minimum, the maximum and each item alone", () => {
    expect(uceis(zero)).toEqual({ total: 0, components: zero, band: "remission" });
    expect(uceis(MAX)).toMatchObject({ total: 8, band: "severe" });
    for (const k of ["vascularPattern", "bleeding", "erosionsUlcers"] as const) expect(uceis({ ...zero, [k]: 2 }).total).toBe(2);
  });

  it("uses the (non-validated) bands <=1, 2-4, 5-6, 7-8", () => {
    const b = (v: number, bl: number, e: number) => uceis({ vascularPattern: v, bleeding: bl, erosionsUlcers: e }).band;
    expect([b(1, 0, 0), b(1, 1, 0), b(1, 1, 2), b(2, 1, 2), b(2, 2, 2), b(2, 2, 3)]).toEqual(["remission", "mild", "mild", "moderate", "moderate", "severe"]);
  });

  it("total = sum of components, 0-8, monotone (property)", () => {
    fc.assert(
      fc.property(items, fc.constantFrom("vascularPattern", "bleeding", "erosionsUlcers"), (v, k) => {
        const r = uceis(v);
        expect(r.total).toBe(r.components.vascularPattern + r.components.bleeding + r.components.erosionsUlcers);
        expect(r.total).toBeGreaterThanOrEqual(0);
        expect(r.total).toBeLessThanOrEqual(8);
        expect(uceisUnchecked(v)).toEqual(r);
        if (v[k] < MAX[k]) expect(uceis({ ...v, [k]: v[k] + 1 }).total).toBe(r.total + 1);
      }),
    );
  });

  it("names the bad item", () => {
    expect(() => uceis({ ...zero, vascularPattern: 3 })).toThrow(new RangeError("uceis: items.vascularPattern must be <= 2; got 3."));
    expect(() => uceis({ ...zero, bleeding: 1.5 })).toThrow(new RangeError("uceis: items.bleeding must be an integer; got 1.5."));
    expect(() => uceis({ vascularPattern: 0, bleeding: 0 } as never)).toThrow(new TypeError("uceis: items.erosionsUlcers is required; got undefined."));
    expect(() => uceis({ ...zero, friability: 1 } as never)).toThrow(new TypeError("uceis: items.friability is not a recognised item; got 1."));
  });

  it("does not mutate its input", () => {
    const v = { vascularPattern: 1, bleeding: 2, erosionsUlcers: 3 };
    uceis(v);
    safeUceis(v);
    expect(v).toEqual({ vascularPattern: 1, bleeding: 2, erosionsUlcers: 3 });
  });

  it("the hand-written check accepts exactly what UceisItemsSchema accepts (fast-check)", () => {
    const near = nearRecord({ vascularPattern: nearInt(0, 2), bleeding: nearInt(0, 3), erosionsUlcers: nearInt(0, 3) });
    fc.assert(fc.property(fc.oneof(near, mutated(items)), (x) => isUceisItems(x) === UceisItemsSchema.safeParse(x).success), { numRuns: 5000 });
  });
});
