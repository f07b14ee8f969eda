import { afterAll, describe, expect, it } from "vitest";
import { expectContract, loadFixtures, nonEmpty, reportWorst } from "../_common/testing.js";
import { cochranQTest } from "./index.js";

interface Case { data: number[][]; statistic: number; df: number; pValue: number }
const cases = nonEmpty(loadFixtures<Case[]>(import.meta.url), "cases");

afterAll(reportWorst);
describe("cochranQTest against R", () => {
  it(`matches R on ${cases.length} cases`, () => {
    cases.forEach((c, i) => {
      const r = cochranQTest(c.data);
      expectContract(r.statistic, c.statistic, `case ${i} statistic`, "cochranQTest");
      expect(r.df).toBe(c.df);
      expectContract(r.pValue, c.pValue, `case ${i} pValue`, "cochranQTest", true);
    });
  });
  it("does not mutate its input", () => {
    const d = structuredClone(cases[0]!.data);
    cochranQTest(d);
    expect(d).toEqual(cases[0]!.data);
  });
});
describe("cochranQTest input", () => {
  // By hand: C = (5, 3, 1), N = 9, sum R^2 = 19 -> Q = 2 (3 * 35 - 81) / (27 - 19) = 6
  it("matches the @example", () =>
    expect(cochranQTest([[1, 1, 0], [1, 0, 0], [1, 1, 1], [0, 0, 0], [1, 0, 0], [1, 1, 0]]).statistic).toBeCloseTo(6, 13));
  it("rejects bad input", () => {
    expect(() => cochranQTest([[1, 2], [0, 1]])).toThrow(/data\[0\]\[1\] must be 0 or 1; got 2/);
    expect(() => cochranQTest([[1, 1], [0, 0]])).toThrow(/constant/);
    expect(() => cochranQTest([[1, 0], [0]])).toThrow(/ragged/);
  });
});
