import { afterAll, describe, expect, it } from "vitest";
import { expectContract, loadFixtures, nonEmpty, reportWorst } from "../_common/testing.js";
import { poissonConfInt, type PoissonConfIntOptions } from "./index.js";

interface Case {
  x: number;
  exposure: number;
  confLevel: number;
  confInt: [number, number];
  estimate: number;
}
const cases = nonEmpty(loadFixtures<{ cases: Case[] }>(import.meta.url).cases, "cases");

afterAll(reportWorst);
describe("poissonConfInt against R poisson.test", () => {
  it(`matches ${cases.length} intervals (x 0..10000, exposures 0.5..1e4, three levels)`, () => {
    cases.forEach((c) => {
      const [lo, hi] = poissonConfInt(c.x, c.exposure, { confLevel: c.confLevel });
      const l = `x ${c.x} T ${c.exposure} conf ${c.confLevel}`;
      expectContract(lo, c.confInt[0], `${l} lower`, "poissonConfInt");
      expectContract(hi, c.confInt[1], `${l} upper`, "poissonConfInt");
    });
  });
  // R: poisson.test(3, 42.5)$conf.int * 100 -> 1.4556991126955332 20.6288778111584072
  it("matches the @example", () => {
    const [lo, hi] = poissonConfInt(3, 42.5).map((v) => 100 * v) as [number, number];
    expect(lo).toBeCloseTo(1.4556991126955332, 12);
    expect(hi).toBeCloseTo(20.6288778111584072, 11);
  });
  it("x = 0 has lower limit 0 and upper -log(alpha/2) / T", () => {
    const [lo, hi] = poissonConfInt(0, 2);
    expect(lo).toBe(0);
    expect(hi).toBeCloseTo(-Math.log(0.025) / 2, 14);
  });
  it("rejects bad input", () => {
    expect(() => poissonConfInt(-1, 2)).toThrow(/poissonConfInt: x must be a non-negative integer count; got -1/);
    expect(() => poissonConfInt(1, 0)).toThrow(/exposure must be > 0; got 0/);
    expect(() => poissonConfInt(1, NaN)).toThrow(RangeError);
    expect(() => poissonConfInt(1, 2, { confLevel: 1 })).toThrow(RangeError);
    expect(() => poissonConfInt(1, 2, { level: 0.9 } as PoissonConfIntOptions)).toThrow(/options\.level is not an option/);
  });
});
