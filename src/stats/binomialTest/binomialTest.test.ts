import { afterAll, describe, expect, it } from "vitest";
import { expectContract, loadFixtures, nonEmpty, reportWorst } from "../_common/testing.js";
import type { Alternative } from "../types.js";
import { binomialTest } from "./index.js";

interface Case { x: number; n: number; p: number; alternative: string; confLevel: number; pValue: number; estimate: number; confInt: [number, number] }
const cases = nonEmpty(loadFixtures<Case[]>(import.meta.url), "cases");
const alt = (a: string): Alternative => (a === "two.sided" ? "two-sided" : (a as Alternative));

afterAll(reportWorst);
describe("binomialTest against R", () => {
  it(`matches binom.test on ${cases.length} cases`, () => {
    for (const c of cases) {
      const r = binomialTest(c.x, c.n, { p: c.p, alternative: alt(c.alternative), confLevel: c.confLevel });
      const k = `binom.test(${c.x}, ${c.n}, ${c.p}, ${c.alternative}, ${c.confLevel})`;
      expect(r.statistic).toBe(c.x);
      expect(r.df).toBeUndefined();
      expectContract(r.pValue, c.pValue, `${k} pValue`, "binomialTest", true);
      expectContract(r.estimate!, c.estimate, `${k} estimate`, "binomialTest");
      expectContract(r.confInt![0], c.confInt[0], `${k} confInt[0]`, "binomialTest");
      expectContract(r.confInt![1], c.confInt[1], `${k} confInt[1]`, "binomialTest");
    }
  });
  // R 4.2.2: binom.test(7, 20, p = 0.3)$p.value -> 0.62949796667667735
  it("matches the @example", () => expect(binomialTest(7, 20, { p: 0.3 }).pValue).toBeCloseTo(0.6294979666766738, 14));
  it("rejects bad input", () => {
    expect(() => binomialTest(3, 2)).toThrow(/x must be <= n/);
    expect(() => binomialTest(-1, 2)).toThrow(/binomialTest: x must be a non-negative integer count; got -1/);
    expect(() => binomialTest(1.5, 2)).toThrow(RangeError);
    expect(() => binomialTest(0, 0)).toThrow(/n must be at least 1/);
    expect(() => binomialTest(1, 2, { p: 1.5 })).toThrow(/options.p/);
    expect(() => binomialTest(1, 2, { alternative: "both" as Alternative })).toThrow(TypeError);
  });
});

interface LargeCase { x: number; n: number; p: number; alternative: string; pValue: number; confInt: [number, number] }
const large = nonEmpty(loadFixtures<LargeCase[]>(import.meta.url, "large.fixtures.json"), "large cases");
describe("binomialTest with n above 2^31 against R", () => {
  it(`matches binom.test on ${large.length} cases (p-values below 1e-300 are underflow in R: both must be)`, () => {
    for (const c of large) {
      const r = binomialTest(c.x, c.n, { p: c.p, alternative: alt(c.alternative) });
      const k = `binom.test(${c.x}, ${c.n}, ${c.p}, ${c.alternative})`;
      if (c.pValue < 1e-300) expect(r.pValue, k).toBeLessThan(1e-300);
      else expectContract(r.pValue, c.pValue, `${k} pValue`, "binomialTest large n", true);
      expectContract(r.confInt![0], c.confInt[0], `${k} confInt[0]`, "binomialTest large n");
      expectContract(r.confInt![1], c.confInt[1], `${k} confInt[1]`, "binomialTest large n");
    }
  });
  it("refuses n beyond 2^53 - 1 (not exactly representable) instead of hanging", () => {
    expect(() => binomialTest(1, 1e300)).toThrow(/binomialTest: n must be at most 2\^53 - 1/);
    expect(() => binomialTest(1, 2 ** 53)).toThrow(RangeError);
  });
  it("names an unknown option key and rejects prototype-named keys", () => {
    expect(() => binomialTest(3, 10, { alterntive: "less" } as never)).toThrow(/binomialTest: options\.alterntive is not a known option/);
    expect(() => binomialTest(3, 10, JSON.parse('{"__proto__": {"p": 0.1}}') as never)).toThrow(/options\.__proto__ is not a known option/);
  });
});
