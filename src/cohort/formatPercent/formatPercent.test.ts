import { describe, expect, it } from "vitest";
import { formatCountPercent, formatPercent } from "./index.js";

describe("formatPercent", () => {
  it("matches the @examples", () => {
    expect(formatPercent(29, 80)).toBe("36.3");
    expect(formatPercent(7, 80, { digits: 2 })).toBe("8.75");
    expect(formatCountPercent(29, 80)).toBe("29 (36.3%)");
  });
  it("rounds true ties half-up from the integers", () => {
    expect(formatPercent(1, 16)).toBe("6.3"); // 6.25
    expect(formatPercent(3, 16)).toBe("18.8"); // 18.75
    expect(formatPercent(65, 80)).toBe("81.3"); // 81.25
    expect(formatPercent(2, 3)).toBe("66.7");
    expect(formatPercent(0, 5)).toBe("0.0");
    expect(formatPercent(5, 5)).toBe("100.0");
    expect(formatPercent(1, 3, { digits: 0 })).toBe("33");
    expect(formatPercent(1, 200)).toBe("0.5");
    expect(formatPercent(1, 2000)).toBe("0.1"); // 0.05 -> 0.1
  });
  it("reproduces the paper's percentages (docs/definitions.md §5.1)", () => {
    const cases: [number, number, string][] = [[19, 28, "67.9"], [31, 52, "59.6"], [50, 80, "62.5"], [57, 80, "71.3"], [41, 52, "78.8"], [61, 80, "76.3"], [71, 80, "88.8"]];
    for (const [k, n, want] of cases) expect(formatPercent(k, n)).toBe(want);
  });
  it("count styles", () => {
    expect(formatCountPercent(2, 28, { style: "parenNoSign" })).toBe("2 (7.1)");
    expect(formatCountPercent(2, 28, { style: "fraction" })).toBe("2/28 (7.1%)");
  });
  it("rejects bad counts", () => {
    expect(() => formatPercent(1, 0)).toThrow(/denominator must be > 0/);
    expect(() => formatPercent(3, 2)).toThrow(/numerator must not exceed/);
    expect(() => formatPercent(1.5, 2)).toThrow(RangeError);
    expect(() => formatPercent(1, 2, { digits: 7 })).toThrow(/options\.digits/);
    expect(() => formatCountPercent(1, 2, { style: "x" as "paren" })).toThrow(TypeError);
  });
  it("does not mutate its options", () => {
    const o = Object.freeze({ digits: 2 });
    formatPercent(1, 3, o);
    expect(o).toEqual({ digits: 2 });
  });
});
