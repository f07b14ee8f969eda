import { describe, expect, it } from "vitest";
import { expectClose } from "../../../tests/expectClose.js";
import { loadFixtures, nonEmpty } from "../_common/testing.js";
import { matchedPairsMcNemar } from "./index.js";

interface Fixture {
  label: string;
  yTreated: number[];
  yControl: number[];
  correct: boolean;
  confLevel: number;
  table: number[][];
  statistic: number;
  pValue: number;
  estimate: number;
  confInt: [number, number];
}
const fixtures = nonEmpty(loadFixtures<Fixture[]>(import.meta.url), "fixtures");

describe("matchedPairsMcNemar vs R mcnemar.test + binom.test", () => {
  for (const fx of fixtures) {
    it(fx.label, () => {
      // units: treated first, then controls; pair k = (k, m + k)
      const m = fx.yTreated.length;
      const outcome = [...fx.yTreated, ...fx.yControl];
      const pairs = fx.yTreated.map((_, k) => ({ treated: k, controls: [m + k] }));
      const got = matchedPairsMcNemar(outcome, pairs, { correct: fx.correct, confLevel: fx.confLevel });
      expect(got.table).toEqual(fx.table);
      expectClose(got.test.statistic, fx.statistic, 1e-12, "statistic");
      expectClose(got.test.pValue, fx.pValue, 1e-10, "pValue");
      expectClose(got.conditionalOddsRatio.estimate, fx.estimate, 1e-12, "estimate");
      expectClose(got.conditionalOddsRatio.confInt[0], fx.confInt[0], 1e-9, "lower");
      expectClose(got.conditionalOddsRatio.confInt[1], fx.confInt[1], 1e-9, "upper");
    });
  }
});

describe("matchedPairsMcNemar", () => {
  it("matches the @example", () => {
    const r = matchedPairsMcNemar([1, 1, 0, 0, 1, 0], [
      { treated: 0, controls: [3] },
      { treated: 1, controls: [4] },
      { treated: 2, controls: [5] },
    ]);
    expect(r.table).toEqual([
      [1, 1],
      [0, 1],
    ]);
    expect(r.conditionalOddsRatio.estimate).toBe(Infinity);
  });
  it("rejects 1:k sets, bad indices, missing outcomes, no discordant pair", () => {
    expect(() => matchedPairsMcNemar([1, 0, 0], [{ treated: 0, controls: [1, 2] }])).toThrow(/pairs\[0\]\.controls must hold exactly one control/);
    expect(() => matchedPairsMcNemar([1, 0], [{ treated: 0, controls: [5] }])).toThrow(/pairs\[0\]\.controls\[0\] must be a unit index/);
    expect(() => matchedPairsMcNemar([1, NaN], [{ treated: 0, controls: [1] }])).toThrow(/outcome\[1\] \(of pairs\[0\]\.controls\[0\]\) must be 0 or 1/);
    expect(() => matchedPairsMcNemar([1, 1], [{ treated: 0, controls: [1] }])).toThrow(/discordant/);
  });
  it("does not mutate its inputs", () => {
    const y = [1, 0, 0, 1];
    const pairs = [
      { treated: 0, controls: [1] },
      { treated: 2, controls: [3] },
    ];
    const before = structuredClone({ y, pairs });
    matchedPairsMcNemar(y, pairs);
    expect({ y, pairs }).toEqual(before);
  });
});
