import { afterAll, describe, expect, it } from "vitest";
import { expectContract, loadFixtures, nonEmpty, reportWorst } from "../_common/testing.js";
import { kruskalWallisTest } from "./index.js";

interface Case { groups: number[][]; statistic: number; df: number; pValue: number }
const cases = nonEmpty(loadFixtures<Case[]>(import.meta.url), "cases");

afterAll(reportWorst);
describe("kruskalWallisTest against R", () => {
  it(`matches R on ${cases.length} cases`, () => {
    cases.forEach((c, i) => {
      const r = kruskalWallisTest(c.groups);
      expectContract(r.statistic, c.statistic, `case ${i} statistic`, "kruskalWallisTest");
      expect(r.df).toBe(c.df);
      expectContract(r.pValue, c.pValue, `case ${i} pValue`, "kruskalWallisTest", true);
    });
  });
  it("does not mutate its input", () => {
    const d = structuredClone(cases[0]!.groups);
    kruskalWallisTest(d);
    expect(d).toEqual(cases[0]!.groups);
  });
});
describe("kruskalWallisTest input", () => {
  // R 4.2.2: kruskal.test(list(...these groups))$statistic -> 0.77142857142857224
  it("matches the @example", () =>
    expect(kruskalWallisTest([[2.9, 3.0, 2.5, 2.6, 3.2], [3.8, 2.7, 4.0, 2.4], [2.8, 3.4, 3.7, 2.2, 2.0]]).statistic).toBeCloseTo(0.7714285714285722, 13));
  it("rejects bad input", () => {
    expect(() => kruskalWallisTest([[1, 2, 3]])).toThrow(/at least 2 groups/);
    expect(() => kruskalWallisTest([[1, 2], []])).toThrow(/groups\[1\] must hold at least 1/);
    expect(() => kruskalWallisTest([[1, 2], [3, NaN]])).toThrow(/groups\[1\]\[1\] must be finite; got NaN/);
    expect(() => kruskalWallisTest([[2, 2], [2, 2]])).toThrow(/tied/);
    // R 4.2.2: kruskal.test(list(c(1, 1), 1 + 2^-52))$statistic -> Inf (one tie group at 15 digits)
    expect(() => kruskalWallisTest([[1, 1], [1 + 2 ** -52]])).toThrow(/15 significant digits/);
    expect(() => kruskalWallisTest("ab" as unknown as number[][])).toThrow(TypeError);
  });
});
