import { afterAll, describe, expect, it } from "vitest";
import { expectContract, loadFixtures, nonEmpty, reportWorst } from "../_common/testing.js";
import type { Alternative } from "../types.js";
import { wilcoxonRankSumTest, type WilcoxonOptions } from "./index.js";

interface Case { pair: number; alternative: string; exact: boolean | null; correct: boolean; mu: number; statistic: number; pValue: number; method: string }
const fx = loadFixtures<{ pairs: { x: number[]; y: number[] }[]; cases: Case[] }>(import.meta.url);
const alt = (a: string): Alternative => (a === "two.sided" ? "two-sided" : (a as Alternative));

afterAll(reportWorst);
describe("wilcoxonRankSumTest against R", () => {
  it(`matches wilcox.test on ${fx.cases.length} cases`, () => {
    let exactSeen = 0;
    for (const c of nonEmpty(fx.cases, "cases")) {
      const { x, y } = fx.pairs[c.pair]!;
      const o: WilcoxonOptions = { alternative: alt(c.alternative), correct: c.correct, mu: c.mu };
      if (c.exact !== null) o.exact = c.exact;
      const r = wilcoxonRankSumTest(x, y, o);
      const k = `pair ${c.pair} (${x.length}+${y.length}) ${JSON.stringify(o)}`;
      expectContract(r.statistic, c.statistic, `${k} W`, "wilcoxonRankSumTest");
      expectContract(r.pValue, c.pValue, `${k} pValue`, "wilcoxonRankSumTest", true);
      expect(r.method.includes("exact"), `${k} branch`).toBe(c.method.includes("exact"));
      if (c.method.includes("exact")) exactSeen++;
      expect(r.alternative).toBe(o.alternative);
    }
    expect(exactSeen).toBeGreaterThan(20);
  });
  // R 4.2.2: wilcox.test(x, y)$p.value on these samples -> 0.2544122544122544
  it("matches the @example", () =>
    expect(wilcoxonRankSumTest([0.8, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46], [1.15, 0.88, 0.9, 0.74, 1.21]).pValue).toBeCloseTo(0.2544122544122544, 15));
  it("does not mutate its inputs", () => {
    const x = [3, 1, 2];
    const y = [9, 4, 5];
    wilcoxonRankSumTest(x, y, { mu: 1 });
    expect(x).toEqual([3, 1, 2]);
    expect(y).toEqual([9, 4, 5]);
  });
  it("rejects bad input", () => {
    expect(() => wilcoxonRankSumTest([], [1])).toThrow(/wilcoxonRankSumTest: x must hold at least 1/);
    expect(() => wilcoxonRankSumTest([1], [NaN])).toThrow(/y\[0\] must be finite/);
    expect(() => wilcoxonRankSumTest([1, 1], [1, 1])).toThrow(/tied/);
    expect(() => wilcoxonRankSumTest([1], [2], { exact: "yes" as unknown as boolean })).toThrow(TypeError);
    expect(() => wilcoxonRankSumTest([1], [2], { alternative: "up" as Alternative })).toThrow(TypeError);
  });
});
