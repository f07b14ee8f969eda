import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { montrealAge, safeMontrealAge } from "./index.js";

describe("montrealAge", () => {
  it("matches the @examples", () => {
    expect([montrealAge(16.9), montrealAge(17), montrealAge(40.5), montrealAge(41)]).toEqual(["A1", "A2", "A2", "A3"]);
    expect(safeMontrealAge(-1).success).toBe(false);
  });

  it("A1 <= 16 (integer age < 17), A2 17-40, A3 > 40", () => {
    expect([0, 16, 17, 40, 41, 90].map(montrealAge)).toEqual(["A1", "A1", "A2", "A2", "A3", "A3"]);
  });

  it("is monotone in age (property)", () => {
    const rank = { A1: 1, A2: 2, A3: 3 } as const;
    fc.assert(
      fc.property(fc.double({ min: 0, max: 149, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (a, d) => {
        expect(rank[montrealAge(a + d)]).toBeGreaterThanOrEqual(rank[montrealAge(a)]);
      }),
    );
  });

  it("rejects a bad age", () => {
    expect(() => montrealAge(-1)).toThrow(new RangeError("montrealAge: ageYears must be a finite age in [0, 150] years; got -1."));
    expect(() => montrealAge(NaN)).toThrow(RangeError);
    expect(() => montrealAge(Infinity)).toThrow(RangeError);
    expect(() => montrealAge("30" as never)).toThrow(new TypeError("montrealAge: ageYears must be a number; got a string of length 2."));
  });

});
