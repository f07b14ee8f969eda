import { afterAll, describe, expect, it } from "vitest";
import { expectContract, loadFixtures, nonEmpty, reportWorst } from "../_common/testing.js";
import type { Alternative, TestResult } from "../types.js";
import { pairedTTest, studentTTest, welchTTest, welchTTestFromSummary } from "./index.js";

interface Ref { statistic: number; df: number; pValue: number; confInt: [number, number]; estimate: number }
interface Case {
  pair: number; alternative: string; mu: number; confLevel: number; welch: Ref; student: Ref; paired?: Ref;
  summary: { x: { mean: number; sd: number; n: number }; y: { mean: number; sd: number; n: number } };
}
const fx = loadFixtures<{ pairs: { x: number[]; y: number[] }[]; cases: Case[] }>(import.meta.url);
const alt = (a: string): Alternative => (a === "two.sided" ? "two-sided" : (a as Alternative));

function compare(got: TestResult, want: Ref, label: string, key: string, relCi = 1e-9): void {
  expectContract(got.statistic, want.statistic, `${label} statistic`, key);
  expectContract(got.df!, want.df, `${label} df`, key);
  expectContract(got.pValue, want.pValue, `${label} pValue`, key, true);
  expectContract(got.estimate!, want.estimate, `${label} estimate`, key);
  expectContract(got.confInt![0], want.confInt[0], `${label} confInt[0]`, key, false, relCi);
  expectContract(got.confInt![1], want.confInt[1], `${label} confInt[1]`, key, false, relCi);
}

afterAll(reportWorst);
describe("t tests against R", () => {
  it(`match t.test on ${fx.cases.length} cases (x 3 variants)`, () => {
    for (const c of nonEmpty(fx.cases, "cases")) {
      const { x, y } = fx.pairs[c.pair]!;
      const o = { alternative: alt(c.alternative), mu: c.mu, confLevel: c.confLevel };
      const label = `pair ${c.pair} ${c.alternative} mu=${c.mu} cl=${c.confLevel}`;
      const w = welchTTest(x, y, o);
      compare(w, c.welch, `welch ${label}`, "welchTTest");
      expect(w.alternative).toBe(o.alternative);
      compare(studentTTest(x, y, o), c.student, `student ${label}`, "studentTTest");
      compare(welchTTestFromSummary(c.summary.x, c.summary.y, o), c.welch, `summary ${label}`, "welchTTestFromSummary");
      if (c.paired) compare(pairedTTest(x, y, o), c.paired, `paired ${label}`, "pairedTTest");
    }
  });
  // R 4.2.2: t.test(1:4, c(2, 4, 6, 8, 10))$p.value -> 0.069133593192392359 (sd(1:4), sd(c(2,4,6,8,10)) as given)
  it("matches the @examples", () => {
    expect(welchTTest([1, 2, 3, 4], [2, 4, 6, 8, 10]).pValue).toBeCloseTo(0.0691335931923923, 15);
    expect(studentTTest([1, 2, 3, 4], [2, 4, 6, 8, 10]).df).toBe(7);
    expect(pairedTTest([5, 6, 8, 9], [4, 6, 6, 8]).estimate).toBe(1);
    expect(welchTTestFromSummary({ mean: 2.5, sd: 1.2909944487358056, n: 4 }, { mean: 6, sd: 3.1622776601683795, n: 5 }).pValue).toBeCloseTo(0.0691335931923923, 15);
  });
  it("does not mutate its inputs", () => {
    const x = [3, 1, 2, 5];
    const y = [9, 7, 8, 1];
    welchTTest(x, y); studentTTest(x, y); pairedTTest(x, y);
    expect(x).toEqual([3, 1, 2, 5]);
    expect(y).toEqual([9, 7, 8, 1]);
  });
  it("rejects bad and degenerate input", () => {
    expect(() => welchTTest([1], [1, 2])).toThrow(/welchTTest: x must hold at least 2 finite numbers; got length 1/);
    expect(() => welchTTest([1, 2], [1, NaN])).toThrow(/y\[1\] must be finite/);
    expect(() => welchTTest([1, 1], [2, 2])).toThrow(RangeError);
    expect(() => studentTTest([1, 1], [1, 1])).toThrow(RangeError);
    expect(() => pairedTTest([1, 2, 3], [0, 1, 2])).toThrow(/differences/);
    expect(() => pairedTTest([1, 2, 3], [0, 1])).toThrow(/same length/);
    expect(() => welchTTest([1, 2], [3, 5], { alternative: "x" as Alternative })).toThrow(TypeError);
    expect(() => welchTTest([1, 2], [3, 5], { alternative: "x" as Alternative })).toThrow(/options.alternative must be "two-sided", "less" or "greater"; got "x"/);
    expect(() => welchTTest([1, 2], [3, 5], { confLevel: 1 })).toThrow(/confLevel/);
    expect(() => welchTTest([1, 2], [3, 5], { mu: Infinity })).toThrow(/options.mu/);
    expect(() => welchTTestFromSummary({ mean: 1, sd: -1, n: 3 }, { mean: 1, sd: 1, n: 3 })).toThrow(/x.sd/);
    expect(() => welchTTestFromSummary({ mean: 1, sd: 1, n: 1 }, { mean: 1, sd: 1, n: 3 })).toThrow(/x.n/);
  });
});
