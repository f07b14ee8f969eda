import { afterAll, describe, expect, it } from "vitest";
import { expectContract, loadFixtures, nonEmpty, reportWorst } from "../_common/testing.js";
import { chiSquareTest } from "./index.js";

interface Case { table: number[][]; correct: boolean; statistic: number; df: number; pValue: number; expected: number[][] }
const cases = nonEmpty(loadFixtures<Case[]>(import.meta.url), "cases");

afterAll(reportWorst);
describe("chiSquareTest against R", () => {
  it(`matches chisq.test on ${cases.length} tables`, () => {
    cases.forEach((c, i) => {
      const r = chiSquareTest(c.table, { correct: c.correct });
      const k = `case ${i} ${JSON.stringify(c.table)} correct=${c.correct}`;
      expectContract(r.statistic, c.statistic, `${k} statistic`, "chiSquareTest");
      expect(r.df).toBe(c.df);
      expectContract(r.pValue, c.pValue, `${k} pValue`, "chiSquareTest", true);
      c.expected.forEach((row, a) => row.forEach((e, b) => expectContract(r.expected[a]![b]!, e, `${k} expected`, "chiSquareTest")));
    });
  });
  // R 4.2.2: chisq.test(matrix(c(12, 5, 7, 15), 2, byrow = TRUE))$statistic -> 4.3221203912186867
  it("matches the @example", () => expect(chiSquareTest([[12, 5], [7, 15]]).statistic).toBeCloseTo(4.322120391218687, 12));
  it("does not mutate its input", () => {
    const t = [[3, 4], [5, 6]];
    chiSquareTest(t);
    expect(t).toEqual([[3, 4], [5, 6]]);
  });
  it("rejects bad tables", () => {
    expect(() => chiSquareTest([[1, 2], [3]])).toThrow(/ragged/);
    expect(() => chiSquareTest([[1, 2]])).toThrow(/at least 2 rows/);
    expect(() => chiSquareTest([[1, -2], [3, 4]])).toThrow(/table\[0\]\[1\] must be a non-negative integer count; got -2/);
    expect(() => chiSquareTest([[1, 2.5], [3, 4]])).toThrow(RangeError);
    expect(() => chiSquareTest([[1, NaN], [3, 4]])).toThrow(RangeError);
    expect(() => chiSquareTest([[0, 0], [3, 4]])).toThrow(/row total/);
    expect(() => chiSquareTest([[0, 2], [0, 4]])).toThrow(/column 0/);
    expect(() => chiSquareTest([[1, 2], [3, 4]], { correct: "yes" as unknown as boolean })).toThrow(TypeError);
    expect(() => chiSquareTest("x" as unknown as number[][])).toThrow(TypeError);
  });
});
