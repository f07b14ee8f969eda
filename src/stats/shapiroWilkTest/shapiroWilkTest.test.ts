import { afterAll, describe, expect, it } from "vitest";
import { expectContract, loadFixtures, nonEmpty, reportWorst } from "../_common/testing.js";
import { shapiroWilkTest } from "./index.js";

interface Case { x: number[]; statistic: number; pValue: number }
const cases = nonEmpty(loadFixtures<Case[]>(import.meta.url), "cases");

afterAll(reportWorst);
describe("shapiroWilkTest against R", () => {
  it(`matches shapiro.test on ${cases.length} samples (n = 3..5000)`, () => {
    cases.forEach((c, i) => {
      const r = shapiroWilkTest(c.x);
      expectContract(r.statistic, c.statistic, `case ${i} (n=${c.x.length}) W`, "shapiroWilkTest");
      expectContract(r.pValue, c.pValue, `case ${i} (n=${c.x.length}) pValue`, "shapiroWilkTest", true);
    });
  });
  // R 4.2.2: shapiro.test(x)$statistic on this sample -> 0.95404876689682638
  it("matches the @example", () =>
    expect(shapiroWilkTest([2.1, 3.4, 1.9, 5.6, 4.4, 3.8, 2.7, 6.1, 3.3, 4.0]).statistic).toBeCloseTo(0.9540487668968264, 14));
  it("does not mutate its input", () => {
    const x = [3, 1, 2, 8, 5];
    shapiroWilkTest(x);
    expect(x).toEqual([3, 1, 2, 8, 5]);
  });
  it("rejects bad input", () => {
    expect(() => shapiroWilkTest([1, 2])).toThrow(/shapiroWilkTest: x must hold between 3 and 5000 values; got length 2/);
    expect(() => shapiroWilkTest(Array.from({ length: 5001 }, (_, i) => i))).toThrow(RangeError);
    expect(() => shapiroWilkTest([2, 2, 2])).toThrow(/identical/);
    expect(() => shapiroWilkTest([1, 2, NaN])).toThrow(/x\[2\] must be finite/);
  });
});
