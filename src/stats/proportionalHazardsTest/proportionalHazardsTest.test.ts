import { afterAll, describe, expect, it } from "vitest";
import { expectContract, loadFixtures, nonEmpty, reportWorst } from "../_common/testing.js";
import { proportionalHazardsTest, type ZphTransform } from "./index.js";

interface Fixture {
  label: string;
  X: number[][];
  time: number[];
  status: number[];
  transform: ZphTransform;
  ties: "efron" | "breslow";
  strata?: (number | string)[];
  weights?: number[];
  entry?: number[];
  r: { statistic: number[]; df: number[]; pValue: number[]; global: { statistic: number; df: number; pValue: number } };
}
const fixtures = nonEmpty(loadFixtures<Fixture[]>(import.meta.url), "proportionalHazardsTest fixtures");
afterAll(() => reportWorst());
const K = "proportionalHazardsTest";

describe("proportionalHazardsTest vs R cox.zph (survival 3.5)", () => {
  for (const fx of fixtures) {
    it(fx.label, () => {
      const got = proportionalHazardsTest(fx.X, fx.time, fx.status, {
        transform: fx.transform,
        ties: fx.ties,
        ...(fx.strata ? { strata: fx.strata } : {}),
        ...(fx.weights ? { weights: fx.weights } : {}),
        ...(fx.entry ? { entry: fx.entry } : {}),
      });
      const L = `[${fx.label}]`;
      expect(got.terms.length).toBe(fx.r.statistic.length);
      got.terms.forEach((t, j) => {
        expect(t.name).toBe(`x${j + 1}`);
        expectContract(t.statistic, fx.r.statistic[j]!, `${L} term ${j} chisq`, K, false, 1e-6);
        expect(t.df).toBe(fx.r.df[j]);
        expectContract(t.pValue, fx.r.pValue[j]!, `${L} term ${j} p`, K, true, 1e-6);
      });
      expectContract(got.global.statistic, fx.r.global.statistic, `${L} global chisq`, K, false, 1e-6);
      expect(got.global.df).toBe(fx.r.global.df);
      expectContract(got.global.pValue, fx.r.global.pValue, `${L} global p`, K, true, 1e-6);
    });
  }
});

describe("proportionalHazardsTest input", () => {
  const X = [[1], [0], [1], [0], [1], [0]];
  it.each([
    ["bad transform", () => proportionalHazardsTest(X, [1, 2, 3, 4, 5, 6], [1, 1, 0, 1, 1, 0], { transform: "kaplan" as never }), /options\.transform must be/],
    ["unknown option", () => proportionalHazardsTest(X, [1, 2, 3, 4, 5, 6], [1, 1, 0, 1, 1, 0], { terms: 1 } as never), /options\.terms is not a known option/],
    // cox.zph: "system is exactly singular"
    ["a single event time", () => proportionalHazardsTest([[0], [1], [1], [0], [-1], [-1]], [7.2, 1.1, 8.1, 43.8, 6.8, 16.8], [0, 0, 0, 0, 1, 0], { transform: "rank" }), /all events occur at one time/],
    // the same with strata and the log transform: the mean of g rounds away from g, which once passed for a trend
    ["a single event time, log transform, strata", () => proportionalHazardsTest([[0.5], [1.5], [-0.2], [1], [0.3], [2], [-1], [0.7]], [5.3, 5.3, 6.3, 7.3, 5.3, 6.3, 7.3, 8.3], [1, 1, 0, 0, 1, 0, 0, 0], { transform: "log", strata: [1, 1, 1, 1, 2, 2, 2, 2] }), /all events occur at one time/],
    // cox.zph: "system is exactly singular" (x1 varies within the risk sets at one event time only)
    ["a term without information on its time trend", () => proportionalHazardsTest([[1, 1.73], [1, -1.289], [1, 0.47], [0, -0.658]], [1, 2, 2, 1], [1, 1, 0, 1], { transform: "rank" }), /time trend of X column 1 \("x1"\) cannot be tested/],
    ["log of time 0", () => proportionalHazardsTest(X, [0, 2, 3, 4, 5, 6], [1, 1, 0, 1, 1, 0], { transform: "log" }), /transform "log" needs event times > 0/],
  ])("%s throws", (_n, f, re) => expect(f).toThrow(re));
});
