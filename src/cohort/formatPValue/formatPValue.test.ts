import { describe, expect, it } from "vitest";
import { formatPValue, P_VALUE_STYLES } from "./index.js";

describe("formatPValue", () => {
  it("matches the @examples", () => {
    expect(formatPValue(0.0001)).toBe("<0.001");
    expect(formatPValue(0.10749, { style: "paper" })).toBe("0.107");
    expect(formatPValue(0.0346, { style: "apa", withSymbol: true })).toBe("p = .035");
  });

  it("paper (gtsummary digits = 3): the forms printed in Table 1", () => {
    const cases: [number, string][] = [
      [0.00099, "<0.001"], [0.001, "0.001"], [0.0199, "0.020"], [0.56617, "0.566"], [0.0275, "0.028"],
      [0.9989, "0.999"], [0.9994, ">0.999"], [1, ">0.999"], [0, "<0.001"], [0.0445, "0.045"], [0.2404, "0.240"],
    ];
    for (const [p, want] of cases) expect(formatPValue(p), String(p)).toBe(want);
    expect(formatPValue(0.02, { withSymbol: true })).toBe("P = 0.020");
    expect(formatPValue(0.0002, { withSymbol: true })).toBe("P < 0.001");
  });

  it("nejm: two decimals from 0.01, three below, P<0.001", () => {
    const cases: [number, string][] = [
      [0.0004, "<0.001"], [0.001, "0.001"], [0.0042, "0.004"], [0.00995, "0.010"], [0.01, "0.01"],
      [0.0346, "0.03"], [0.046, "0.05"], [0.125, "0.13"], [0.994, "0.99"], [0.995, ">0.99"], [1, ">0.99"],
    ];
    for (const [p, want] of cases) expect(formatPValue(p, { style: "nejm" }), String(p)).toBe(want);
    expect(formatPValue(0.03, { style: "nejm", withSymbol: true })).toBe("P=0.03");
    expect(formatPValue(0.0001, { style: "nejm", withSymbol: true })).toBe("P<0.001");
  });

  it("lancet: two significant figures, p<0·0001, mid-line dot", () => {
    const cases: [number, string][] = [
      [0.00009, "<0·0001"], [0.0001, "0·00010"], [0.00012, "0·00012"], [0.0346, "0·035"], [0.0496, "0·050"],
      [0.5, "0·50"], [0.0995, "0·10"], [0.994, "0·99"], [0.996, ">0·99"],
    ];
    for (const [p, want] of cases) expect(formatPValue(p, { style: "lancet" }), String(p)).toBe(want);
    expect(formatPValue(0.0346, { style: "lancet", decimalMark: "." })).toBe("0.035");
    expect(formatPValue(0.0346, { style: "lancet", withSymbol: true })).toBe("p=0·035");
  });

  it("ama: no leading zero, .001 to .99, three decimals below .01 and where .05 would mislead", () => {
    const cases: [number, string][] = [
      [0.0004, "<.001"], [0.0042, ".004"], [0.0346, ".03"], [0.046, ".046"], [0.045, ".045"], [0.0449, ".04"],
      [0.05, ".05"], [0.051, ".05"], [0.125, ".13"], [0.99, ".99"], [0.991, ">.99"],
    ];
    for (const [p, want] of cases) expect(formatPValue(p, { style: "ama" }), String(p)).toBe(want);
    expect(formatPValue(0.03, { style: "ama", withSymbol: true })).toBe("P = .03");
  });

  it("apa: three decimals, no leading zero, p < .001", () => {
    const cases: [number, string][] = [[0.0004, "<.001"], [0.001, ".001"], [0.0346, ".035"], [0.5, ".500"], [0.9996, ">.999"]];
    for (const [p, want] of cases) expect(formatPValue(p, { style: "apa" }), String(p)).toBe(want);
    expect(formatPValue(0.0004, { style: "apa", withSymbol: true })).toBe("p < .001");
  });

  it("graphpad: four decimals, <0.0001 and >0.9999 (the paper's Figure 7 text)", () => {
    const cases: [number, string][] = [[0.00004, "<0.0001"], [0.94613, "0.9461"], [0.0005, "0.0005"], [0.99995, ">0.9999"], [0.229, "0.2290"]];
    for (const [p, want] of cases) expect(formatPValue(p, { style: "graphpad" }), String(p)).toBe(want);
    expect(formatPValue(0.00001, { style: "graphpad", withSymbol: true })).toBe("P<0.0001");
  });

  it("lists every style", () => expect([...P_VALUE_STYLES].sort()).toEqual(["ama", "apa", "graphpad", "lancet", "nejm", "paper"]));

  it("rejects bad input with the house message", () => {
    expect(() => formatPValue(Number.NaN)).toThrow(RangeError);
    expect(() => formatPValue(1.2)).toThrow(/formatPValue: p must be a number in \[0, 1\]; got 1.2\./);
    expect(() => formatPValue(-0.1)).toThrow(RangeError);
    expect(() => formatPValue("0.1" as unknown as number)).toThrow(TypeError);
    expect(() => formatPValue(0.1, { style: "bmj" as "nejm" })).toThrow(/options\.style must be/);
  });

  it("does not mutate its options", () => {
    const o = Object.freeze({ style: "nejm" as const, withSymbol: true });
    expect(formatPValue(0.2, o)).toBe("P=0.20");
    expect(o).toEqual({ style: "nejm", withSymbol: true });
  });
});
