import { describe, expect, it } from "vitest";
import * as fc from "fast-check";
import { mayoPartialResponse, safeMayoPartialResponse } from "./index.js";
import { mayoPartialResponse as fromBarrel } from "../index.js";

const items = (sf: number, rb: number, pga: number) => ({ stoolFrequency: sf, rectalBleeding: rb, physicianGlobal: pga });

describe("mayoPartialResponse", () => {
  it("matches the @example (6 -> 4: drop 2, response)", () => {
    expect(mayoPartialResponse(items(2, 2, 2), items(1, 1, 2))).toEqual({ baseline: 6, current: 4, drop: 2, isResponse: true });
  });
  it("is exported from the scores barrel", () => expect(fromBarrel).toBe(mayoPartialResponse));
  // Worked by hand from the definition: response = drop >= 2 points.
  it.each([
    [items(3, 3, 3), items(3, 3, 2), 1, false], // drop 1: just below the boundary
    [items(3, 3, 3), items(3, 2, 2), 2, true], // drop 2: on the boundary
    [items(3, 3, 3), items(0, 0, 0), 9, true],
    [items(1, 0, 0), items(0, 0, 0), 1, false], // baseline 1 can never respond
    [items(1, 1, 0), items(0, 0, 0), 2, true], // baseline 2 -> 0 responds (no relative condition)
    [items(1, 1, 1), items(2, 2, 2), -3, false], // worse
    [items(2, 1, 1), items(2, 1, 1), 0, false],
  ])("%o -> %o: drop %d, response %s", (b, c, drop, resp) => {
    const r = mayoPartialResponse(b, c);
    expect(r.drop).toBe(drop);
    expect(r.isResponse).toBe(resp);
  });
  it("ignores the endoscopic subscore and friability (validated, not scored)", () => {
    expect(mayoPartialResponse({ ...items(2, 2, 2), endoscopic: 3, friability: true }, { ...items(1, 1, 2), endoscopic: 0 }).drop).toBe(2);
    expect(() => mayoPartialResponse({ ...items(2, 2, 2), endoscopic: 4 }, items(0, 0, 0))).toThrow(/mayoPartialResponse: baseline\.endoscopic/);
  });
  it("a missing item is an error naming the argument and field, never read as 0", () => {
    expect(() => mayoPartialResponse({ stoolFrequency: 2, rectalBleeding: 2 }, items(0, 0, 0))).toThrow(TypeError);
    expect(() => mayoPartialResponse({ stoolFrequency: 2, rectalBleeding: 2 }, items(0, 0, 0))).toThrow(
      /mayoPartialResponse: baseline\.physicianGlobal is required for the partial Mayo score/,
    );
    expect(() => mayoPartialResponse(items(3, 3, 3), { stoolFrequency: 0, physicianGlobal: 0 })).toThrow(/current\.rectalBleeding/);
  });
  it("bad values: RangeError naming the field; unknown key and non-object: TypeError", () => {
    expect(() => mayoPartialResponse(items(2, 2, 2), items(1, 1.5, 0))).toThrow(RangeError);
    expect(() => mayoPartialResponse(items(2, 2, 2), items(1, 1.5, 0))).toThrow(/current\.rectalBleeding/);
    expect(() => mayoPartialResponse(items(2, 2, Number.NaN), items(1, 1, 0))).toThrow(/baseline\.physicianGlobal/);
    expect(() => mayoPartialResponse({ ...items(2, 2, 2), pga: 1 } as never, items(0, 0, 0))).toThrow(TypeError);
    expect(() => mayoPartialResponse(null as never, items(0, 0, 0))).toThrow(/mayoPartialResponse: baseline/);
  });
  it("the safe form returns every issue with argument-prefixed paths", () => {
    const r = safeMayoPartialResponse({ stoolFrequency: 2 }, { stoolFrequency: 9, rectalBleeding: 0, physicianGlobal: 0 });
    expect(r.success).toBe(false);
    if (!r.success) {
      const paths = r.issues.map((i) => i.path.join("."));
      expect(paths).toEqual(expect.arrayContaining(["baseline.rectalBleeding", "baseline.physicianGlobal", "current.stoolFrequency"]));
    }
    expect(safeMayoPartialResponse(items(2, 2, 2), items(1, 1, 2))).toEqual({ success: true, data: { baseline: 6, current: 4, drop: 2, isResponse: true } });
  });
  it("property: response iff sum(baseline) - sum(current) >= 2; inputs not mutated", () => {
    const it3 = fc.integer({ min: 0, max: 3 });
    fc.assert(
      fc.property(fc.tuple(it3, it3, it3, it3, it3, it3), ([a, b, c, d, e, f]) => {
        const base = Object.freeze(items(a, b, c));
        const cur = Object.freeze(items(d, e, f));
        const r = mayoPartialResponse(base, cur);
        return r.isResponse === a + b + c - (d + e + f) >= 2 && r.baseline === a + b + c && r.current === d + e + f;
      }),
    );
  });
});
