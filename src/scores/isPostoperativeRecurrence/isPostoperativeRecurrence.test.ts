import { describe, expect, it } from "vitest";
import { isPostoperativeRecurrence, safeIsPostoperativeRecurrence } from "./index.js";

describe("isPostoperativeRecurrence", () => {
  it("matches the @examples", () => {
    expect([isPostoperativeRecurrence("i1"), isPostoperativeRecurrence("i2b")]).toEqual([false, true]);
    expect(safeIsPostoperativeRecurrence("i3")).toEqual({ success: true, data: true });
  });

  it("is true exactly for >= i2 (i2, i2a, i2b, i3, i4)", () => {
    const got = (["i0", "i1", "i2", "i2a", "i2b", "i3", "i4"] as const).map(isPostoperativeRecurrence);
    expect(got).toEqual([false, false, true, true, true, true, true]);
  });

  it("rejects a non-grade", () => {
    expect(() => isPostoperativeRecurrence("I2" as never)).toThrow(/^isPostoperativeRecurrence: grade must be "i0"/);
    expect(() => isPostoperativeRecurrence(null as never)).toThrow(TypeError);
    expect(safeIsPostoperativeRecurrence(2).success).toBe(false);
  });

  it("does not mutate its input (strings are immutable; the call has no side effects)", () => {
    const grades = ["i2", "i1"] as const;
    grades.map(isPostoperativeRecurrence);
    expect(grades).toEqual(["i2", "i1"]);
  });
});
