import { afterAll, describe, expect, it } from "vitest";
import { expectContract, loadFixtures, nonEmpty, reportWorst } from "../_common/testing.js";
import { poolRubin } from "./index.js";

interface Case {
  q: number[];
  u: number[];
  dfComplete: number;
  confLevel: number;
  estimate: number;
  withinVariance: number;
  betweenVariance: number;
  totalVariance: number;
  lambda: number;
  riv: number;
  fmi: number;
  df: number;
  confInt: [number, number];
}
const cases = nonEmpty(loadFixtures<Case[]>(import.meta.url), "cases");

afterAll(reportWorst);
describe("poolRubin against the published formulas computed in R", () => {
  it(`matches on ${cases.length} cases`, () => {
    for (const c of cases) {
      const r = poolRubin(c.q, c.u, { dfComplete: c.dfComplete, confLevel: c.confLevel });
      const k = `poolRubin(m = ${c.q.length}, dfcom = ${c.dfComplete})`;
      expect(r.m).toBe(c.q.length);
      for (const f of ["estimate", "withinVariance", "betweenVariance", "totalVariance", "lambda", "riv", "fmi"] as const) {
        expectContract(r[f], c[f], `${k} ${f}`, "poolRubin");
      }
      if (c.df === Infinity) expect(r.df).toBe(Infinity);
      else expectContract(r.df, c.df, `${k} df`, "poolRubin");
      expectContract(r.confInt[0], c.confInt[0], `${k} confInt[0]`, "poolRubin");
      expectContract(r.confInt[1], c.confInt[1], `${k} confInt[1]`, "poolRubin");
    }
  });
  it("matches the @example", () => {
    const r = poolRubin([0.5, 0.6, 0.55], [0.01, 0.012, 0.011], { dfComplete: 29 });
    expect(r.estimate).toBeCloseTo(0.55, 15);
    expect(r.betweenVariance).toBeCloseTo(0.0025, 15);
  });
  it("is scale-equivariant where the squares would overflow", () => {
    const small = poolRubin([1.2, 1.3, 1.1], [0.01, 0.02, 0.03], { dfComplete: 100 });
    // b = 1e398 is not a double: a RangeError, never NaN or Infinity
    expect(() => poolRubin([1.2e200, 1.3e200, 1.1e200], [1e300, 2e300, 3e300], { dfComplete: 100 })).toThrow(/poolRubin: the total variance overflows/);
    const mid = poolRubin([1.2e150, 1.3e150, 1.1e150], [1e298, 2e298, 3e298], { dfComplete: 100 });
    expect(mid.betweenVariance / 1e300).toBeCloseTo(small.betweenVariance, 14);
    expect(mid.df).toBeCloseTo(small.df, 9);
  });
  it("no between-imputation variance: lambda 0, df from the complete data", () => {
    const r = poolRubin([0.4, 0.4], [0.006, 0.006], { dfComplete: 39 });
    expect(r.lambda).toBe(0);
    expect(r.df).toBeCloseTo((40 / 42) * 39, 12);
    expect(poolRubin([0.4, 0.4], [0, 0]).confInt).toEqual([0.4, 0.4]);
  });
  it("rejects bad input, naming the argument", () => {
    expect(() => poolRubin([1], [1])).toThrow(/poolRubin: estimates must hold at least 2/);
    expect(() => poolRubin([1, 2], [1, 1, 1])).toThrow(/one entry per estimate/);
    expect(() => poolRubin([1, 2], [1, -1])).toThrow(/variances\[1\] must be >= 0/);
    expect(() => poolRubin([1, NaN], [1, 1])).toThrow(/estimates\[1\] must be finite/);
    expect(() => poolRubin([1, 2], [1, 1], { dfComplete: 0 })).toThrow(/dfComplete must be > 0/);
    expect(() => poolRubin([1, 2], [1, 1], { dfcomplete: 3 } as never)).toThrow(/options.dfcomplete is not an option/);
    expect(() => poolRubin([1, 2], [1, 1], { constructor: 3 } as never)).toThrow(/options.constructor is not an option/);
  });
});
