import { afterAll, describe, expect, it } from "vitest";
import { expectContract, loadFixtures, nonEmpty, reportWorst } from "../_common/testing.js";
import { mcnemarTest } from "./index.js";

interface Case { table: number[][]; correct: boolean; statistic: number; df: number; pValue: number }
const cases = nonEmpty(loadFixtures<Case[]>(import.meta.url), "cases");

afterAll(reportWorst);
describe("mcnemarTest against R", () => {
  it(`matches mcnemar.test on ${cases.length} tables`, () => {
    cases.forEach((c, i) => {
      const r = mcnemarTest(c.table, { correct: c.correct });
      const k = `case ${i} ${JSON.stringify(c.table)} correct=${c.correct}`;
      expectContract(r.statistic, c.statistic, `${k} statistic`, "mcnemarTest");
      expect(r.df).toBe(1);
      expectContract(r.pValue, c.pValue, `${k} pValue`, "mcnemarTest", true);
    });
  });
  // R 4.2.2: mcnemar.test(matrix(c(794, 86, 150, 570), 2, byrow = TRUE))$statistic -> 16.817796610169491
  it("matches the @example", () => expect(mcnemarTest([[794, 86], [150, 570]]).statistic).toBeCloseTo(16.81779661016949, 12));
  it("does not mutate its input", () => {
    const t = [[3, 4], [5, 6]];
    mcnemarTest(t);
    expect(t).toEqual([[3, 4], [5, 6]]);
  });
  it("rejects bad tables", () => {
    expect(() => mcnemarTest([[1, 2, 3], [3, 4, 5]])).toThrow(/2 x 2/);
    expect(() => mcnemarTest([[1, 0], [0, 4]])).toThrow(/discordant/);
    expect(() => mcnemarTest([[1, 2], [3]])).toThrow(/ragged/);
    expect(() => mcnemarTest([[1, 2], [-3, 4]])).toThrow(RangeError);
  });
});
