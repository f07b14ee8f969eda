import { afterAll, describe, expect, it } from "vitest";
import { expectContract, loadFixtures, nonEmpty, reportWorst } from "../_common/testing.js";
import type { Alternative } from "../types.js";
import { oneSampleTTest } from "./index.js";

interface Case {
  x: number[];
  mu: number;
  alternative: Alternative;
  statistic: number;
  df: number;
  pValue: number;
  estimate: number;
  confInt: [number, number];
}
const cases = nonEmpty(loadFixtures<{ cases: Case[] }>(import.meta.url, "oneSample.fixtures.json").cases, "cases");

afterAll(reportWorst);
describe("oneSampleTTest against R t.test(x)", () => {
  it(`matches ${cases.length} cases`, () => {
    cases.forEach((c, i) => {
      const r = oneSampleTTest(c.x, { mu: c.mu, alternative: c.alternative, confLevel: 0.9 });
      const l = `case ${i} (${c.alternative}, mu ${c.mu})`;
      expectContract(r.statistic, c.statistic, `${l} t`, "oneSampleTTest");
      expectContract(r.pValue, c.pValue, `${l} p`, "oneSampleTTest p", true);
      expectContract(r.estimate!, c.estimate, `${l} estimate`, "oneSampleTTest");
      expect(r.df).toBe(c.df);
      for (const k of [0, 1] as const) {
        if (Number.isFinite(c.confInt[k])) expectContract(r.confInt![k], c.confInt[k], `${l} confInt[${k}]`, "oneSampleTTest");
        else expect(r.confInt![k]).toBe(c.confInt[k]);
      }
    });
  });
  it("matches the @example (R: 4.0948372842452345 9.9051627157547664)", () => {
    const ci = oneSampleTTest([5, 6, 8, 9]).confInt!;
    expect(ci[0]).toBeCloseTo(4.0948372842452345, 13);
    expect(ci[1]).toBeCloseTo(9.9051627157547664, 13);
  });
  it("rejects constant or short samples", () => {
    expect(() => oneSampleTTest([3, 3, 3])).toThrow(/oneSampleTTest: x must not have all values equal/);
    expect(() => oneSampleTTest([3])).toThrow(/oneSampleTTest: x must hold at least 2 finite numbers; got length 1/);
  });
});
