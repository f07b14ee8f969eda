import { afterAll, describe, expect, it } from "vitest";
import { expectContract, loadFixtures, nonEmpty, reportWorst } from "../_common/testing.js";
import { friedmanTest } from "./index.js";

interface Case { data: number[][]; statistic: number; df: number; pValue: number }
const cases = nonEmpty(loadFixtures<Case[]>(import.meta.url), "cases");

afterAll(reportWorst);
describe("friedmanTest against R", () => {
  it(`matches R on ${cases.length} cases`, () => {
    cases.forEach((c, i) => {
      const r = friedmanTest(c.data);
      expectContract(r.statistic, c.statistic, `case ${i} statistic`, "friedmanTest");
      expect(r.df).toBe(c.df);
      expectContract(r.pValue, c.pValue, `case ${i} pValue`, "friedmanTest", true);
    });
  });
  it("does not mutate its input", () => {
    const d = structuredClone(cases[0]!.data);
    friedmanTest(d);
    expect(d).toEqual(cases[0]!.data);
  });
});
describe("friedmanTest input", () => {
  // R 4.2.2: friedman.test(matrix(c(1,2,3, 2,3,1, 1,3,2, 1,2,3), 4, byrow = TRUE))$statistic -> 3.5
  it("matches the @example", () => expect(friedmanTest([[1, 2, 3], [2, 3, 1], [1, 3, 2], [1, 2, 3]]).statistic).toBeCloseTo(3.5, 13));
  it("rejects bad input", () => {
    expect(() => friedmanTest([[1, 2], [3]])).toThrow(/ragged/);
    expect(() => friedmanTest([[1], [3]])).toThrow(/at least 2 columns/);
    // R 4.2.2: friedman.test(matrix(c(2, 1, 3), 1)) stops ("dim(X) must have a positive length")
    expect(() => friedmanTest([[2, 1, 3]])).toThrow(/data must have at least 2 rows; got 1/);
    expect(() => friedmanTest([[1, Infinity], [3, 4]])).toThrow(/data\[0\]\[1\] must be finite/);
    expect(() => friedmanTest([[1, 1], [3, 3]])).toThrow(/tied/);
  });
});
