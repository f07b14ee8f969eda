import { afterAll, describe, expect, it } from "vitest";
import { expectContract, loadFixtures, nonEmpty, reportWorst } from "../_common/testing.js";
import { pAdjust, type PAdjustMethod } from "./index.js";

type Case = { p: number[] } & Record<string, number[]>;
const cases = nonEmpty(loadFixtures<Case[]>(import.meta.url), "cases");
const methods: PAdjustMethod[] = ["bonferroni", "holm", "hochberg", "hommel", "BH", "BY"];

afterAll(reportWorst);
describe("pAdjust against R", () => {
  it(`matches p.adjust on ${cases.length} vectors x 6 methods`, () => {
    cases.forEach((c, i) => {
      for (const m of methods) {
        const got = pAdjust(c.p, m);
        expect(got.length).toBe(c.p.length);
        got.forEach((g, j) => expectContract(g, c[m]![j]!, `case ${i} ${m}[${j}]`, `pAdjust ${m}`, true));
      }
    });
  });
  // R 4.2.2: p.adjust(c(0.01, 0.02, 0.04, 0.5), "BH") -> 0.04 0.04 0.05333333333333333 0.5; p.adjust(c(0.01, 0.04)) -> 0.02 0.04
  it("matches the @example and defaults to holm", () => {
    expect(pAdjust([0.01, 0.02, 0.04, 0.5], "BH")).toEqual([0.04, 0.04, 0.05333333333333333, 0.5]);
    expect(pAdjust([0.01, 0.04])).toEqual([0.02, 0.04]);
  });
  it("does not mutate its input", () => {
    const p = [0.3, 0.01, 0.2];
    pAdjust(p, "hommel");
    expect(p).toEqual([0.3, 0.01, 0.2]);
  });
  it("rejects bad input", () => {
    expect(() => pAdjust([0.1, 1.2], "BH")).toThrow(/pAdjust: p\[1\] must be a probability in \[0, 1\]; got 1.2/);
    expect(() => pAdjust([0.1, NaN], "BH")).toThrow(RangeError);
    expect(() => pAdjust([0.1], "sidak" as PAdjustMethod)).toThrow(TypeError);
  });
});
