import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safeStoolFrequencySubscore, stoolFrequencySubscore } from "./index.js";

describe("stoolFrequencySubscore", () => {
  it("matches the @examples", () => {
    expect(stoolFrequencySubscore(5, 1)).toBe(2);
    expect(safeStoolFrequencySubscore(-1, 1).success).toBe(false);
  });

  it("maps d = stools - normal: <=0 → 0, 1-2 → 1, 3-4 → 2, >=5 → 3", () => {
    const normal = 2;
    const got = [0, 1, 2, 3, 4, 5, 6, 7, 8, 20].map((s) => stoolFrequencySubscore(s, normal));
    expect(got).toEqual([0, 0, 0, 1, 1, 2, 2, 3, 3, 3]);
  });

  it("is monotone in stools/day and within 0-3 (property)", () => {
    fc.assert(
      fc.property(fc.nat(50), fc.nat(10), (s, n) => {
        const a = stoolFrequencySubscore(s, n);
        expect(a).toBeGreaterThanOrEqual(0);
        expect(a).toBeLessThanOrEqual(3);
        expect(stoolFrequencySubscore(s + 1, n)).toBeGreaterThanOrEqual(a);
      }),
    );
  });

  it("rejects negative, fractional and non-number counts", () => {
    expect(() => stoolFrequencySubscore(-1, 1)).toThrow(
      new RangeError("stoolFrequencySubscore: stoolsPerDay must be a non-negative integer count of stools per day; got -1."),
    );
    expect(() => stoolFrequencySubscore(2.5, 1)).toThrow(RangeError);
    expect(() => stoolFrequencySubscore(3, NaN)).toThrow(/normalStoolsPerDay/);
    expect(() => stoolFrequencySubscore("3" as never, 1)).toThrow(TypeError);
    expect(safeStoolFrequencySubscore(3, 1)).toEqual({ success: true, data: 1 });
  });
});
