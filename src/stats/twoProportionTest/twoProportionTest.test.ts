import { afterAll, describe, expect, it } from "vitest";
import { expectContract, loadFixtures, nonEmpty, reportWorst } from "../_common/testing.js";
import type { Alternative } from "../types.js";
import { twoProportionTest, type TwoProportionTestOptions } from "./index.js";

interface Case {
  x: [number, number];
  n: [number, number];
  correct: boolean;
  alternative: Alternative;
  confLevel: number;
  statistic: number;
  pValue: number;
  estimate: number;
  confInt: [number, number];
}
const cases = nonEmpty(loadFixtures<{ cases: Case[] }>(import.meta.url).cases, "cases");

afterAll(reportWorst);
describe("twoProportionTest against R prop.test", () => {
  it(`matches ${cases.length} cases (correct TRUE/FALSE, three alternatives)`, () => {
    cases.forEach((c, i) => {
      const r = twoProportionTest(c.x, c.n, { correct: c.correct, alternative: c.alternative, confLevel: c.confLevel });
      const l = `case ${i} ${JSON.stringify(c.x)}/${JSON.stringify(c.n)} ${c.correct} ${c.alternative}`;
      expectContract(r.statistic, c.statistic, `${l} statistic`, "twoProportionTest");
      expectContract(r.pValue, c.pValue, `${l} p`, "twoProportionTest p", true);
      expectContract(r.estimate!, c.estimate, `${l} estimate`, "twoProportionTest");
      expectContract(r.confInt![0], c.confInt[0], `${l} lower`, "twoProportionTest");
      expectContract(r.confInt![1], c.confInt[1], `${l} upper`, "twoProportionTest");
      expect(r.df).toBe(1);
    });
  });
  // R 4.x: prop.test(c(19, 9), c(28, 28))$conf.int -> 0.076790470339189343 0.637495243946524903
  it("matches the @example", () => {
    const ci = twoProportionTest([19, 9], [28, 28]).confInt!;
    expect(ci[0]).toBeCloseTo(0.076790470339189343, 14);
    expect(ci[1]).toBeCloseTo(0.637495243946524903, 14);
  });
  it("does not mutate its inputs", () => {
    const x: [number, number] = [3, 4];
    const n: [number, number] = [10, 12];
    twoProportionTest(x, n);
    expect([x, n]).toEqual([[3, 4], [10, 12]]);
  });
  it("rejects bad input", () => {
    expect(() => twoProportionTest([11, 2], [10, 10])).toThrow(/twoProportionTest: x\[0\] must be <= n\[0\] \(10\); got 11/);
    expect(() => twoProportionTest([0, 0], [10, 10])).toThrow(/all successes or all failures/);
    expect(() => twoProportionTest([1.5, 2], [10, 10])).toThrow(RangeError);
    expect(() => twoProportionTest([1, 2], [0, 10])).toThrow(/n must hold counts >= 1/);
    expect(() => twoProportionTest([1, 2, 3] as unknown as [number, number], [4, 5])).toThrow(TypeError);
    expect(() => twoProportionTest([1, 2], [4, 5], { yates: true } as TwoProportionTestOptions)).toThrow(/options\.yates is not an option/);
  });
});
