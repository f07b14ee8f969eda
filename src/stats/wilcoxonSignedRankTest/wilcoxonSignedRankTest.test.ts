import { afterAll, describe, expect, it } from "vitest";
import { expectContract, loadFixtures, nonEmpty, reportWorst } from "../_common/testing.js";
import type { Alternative } from "../types.js";
import type { WilcoxonOptions } from "../wilcoxonRankSumTest/index.js";
import { wilcoxonSignedRankTest } from "./index.js";

interface Case { set: number; alternative: string; exact: boolean | null; correct: boolean; mu: number; statistic: number; pValue: number; method: string }
const fx = loadFixtures<{ sets: { x: number[]; y: number[] | null }[]; cases: Case[] }>(import.meta.url);
const alt = (a: string): Alternative => (a === "two.sided" ? "two-sided" : (a as Alternative));

afterAll(reportWorst);
describe("wilcoxonSignedRankTest against R", () => {
  it(`matches wilcox.test (paired / one-sample) on ${fx.cases.length} cases`, () => {
    let exactSeen = 0;
    for (const c of nonEmpty(fx.cases, "cases")) {
      const { x, y } = fx.sets[c.set]!;
      const o: WilcoxonOptions = { alternative: alt(c.alternative), correct: c.correct, mu: c.mu };
      if (c.exact !== null) o.exact = c.exact;
      const r = y === null ? wilcoxonSignedRankTest(x, undefined, o) : wilcoxonSignedRankTest(x, y, o);
      const k = `set ${c.set} (n=${x.length}) ${JSON.stringify(o)}`;
      expectContract(r.statistic, c.statistic, `${k} V`, "wilcoxonSignedRankTest");
      expectContract(r.pValue, c.pValue, `${k} pValue`, "wilcoxonSignedRankTest", true);
      expect(r.method.includes("exact"), `${k} branch`).toBe(c.method.includes("exact"));
      if (c.method.includes("exact")) exactSeen++;
    }
    expect(exactSeen).toBeGreaterThan(20);
  });
  it("accepts options in the second position", () => {
    const x = [1.2, -0.4, 2.2, 3.1, 0.7];
    expect(wilcoxonSignedRankTest(x, { mu: 1 })).toEqual(wilcoxonSignedRankTest(x, undefined, { mu: 1 }));
  });
  // R 4.2.2: wilcox.test(x, y, paired = TRUE)$p.value on these samples -> 0.0390625
  it("matches the @example", () =>
    expect(wilcoxonSignedRankTest([1.83, 0.5, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.3], [0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29]).pValue).toBeCloseTo(0.0390625, 15));
  it("does not mutate its inputs", () => {
    const x = [3, 1, 2];
    const y = [9, 4, 5];
    wilcoxonSignedRankTest(x, y);
    expect(x).toEqual([3, 1, 2]);
    expect(y).toEqual([9, 4, 5]);
  });
  it("rejects bad input", () => {
    expect(() => wilcoxonSignedRankTest([])).toThrow(/x must hold at least 1/);
    expect(() => wilcoxonSignedRankTest([1, 2], [1])).toThrow(/same length/);
    expect(() => wilcoxonSignedRankTest([1, 2], [1, 2])).toThrow(/non-zero/);
    expect(() => wilcoxonSignedRankTest([1, Infinity])).toThrow(/x\[1\] must be finite/);
    expect(() => wilcoxonSignedRankTest([1, 2], { correct: 0 as unknown as boolean })).toThrow(TypeError);
  });
});
