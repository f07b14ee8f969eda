import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { expectContract, loadFixtures, nonEmpty, reportWorst } from "../_common/testing.js";
import { closeArray } from "../_survival/testing.js";
import { logRankTest } from "./index.js";

interface Fixture {
  label: string;
  time: number[];
  status: number[];
  group: (number | string)[];
  strata?: (number | string)[];
  rho: number;
  r: { statistic: number; df: number; pValue: number; n: number[]; observed: number[]; expected: number[]; variance: number[][] };
}
const fixtures = nonEmpty(loadFixtures<Fixture[]>(import.meta.url), "logRankTest fixtures");
afterAll(() => reportWorst());

describe("logRankTest vs R survdiff", () => {
  for (const fx of fixtures) {
    it(fx.label, () => {
      const got = logRankTest(fx.time, fx.status, fx.group, { rho: fx.rho, ...(fx.strata ? { strata: fx.strata } : {}) });
      const L = `[${fx.label}]`;
      const K = "logRankTest";
      expectContract(got.statistic, fx.r.statistic, `${L} statistic`, K);
      expect(got.df).toBe(fx.r.df);
      expectContract(got.pValue, fx.r.pValue, `${L} pValue`, K, true);
      expect(got.n).toEqual(fx.r.n);
      closeArray(got.observed, fx.r.observed, `${L} observed`, K);
      closeArray(got.expected, fx.r.expected, `${L} expected`, K);
      fx.r.variance.forEach((row, a) => closeArray(got.variance[a]!, row, `${L} variance[${a}]`, K));
    });
  }
});

describe("logRankTest properties and input", () => {
  it("numbers sort numerically and strings by code units", () => {
    expect(logRankTest([1, 2, 3, 4], [1, 1, 0, 1], [10, 2, 10, 2]).groups).toEqual([2, 10]);
    expect(logRankTest([1, 2, 3, 4], [1, 1, 0, 1], ["b", "B", "b", "B"]).groups).toEqual(["B", "b"]);
  });
  it("is invariant to relabelling groups (statistic) and observed sums to the events", () =>
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 0, max: 1 }), fc.integer({ min: 0, max: 2 })), { minLength: 4, maxLength: 40 })
          .filter((r) => r.some((x) => x[1] === 1) && new Set(r.map((x) => x[2])).size >= 2),
        (rows) => {
          const t = rows.map((r) => r[0]);
          const s = rows.map((r) => r[1]);
          const a = logRankTest(t, s, rows.map((r) => r[2]));
          const b = logRankTest(t, s, rows.map((r) => ["z", "y", "x"][r[2]]!));
          expect(Math.abs(a.statistic - b.statistic)).toBeLessThanOrEqual(1e-9 * Math.max(1, a.statistic));
          const events = s.reduce((x, y) => x + y, 0);
          expect(Math.abs(a.observed.reduce((x, y) => x + y, 0) - events)).toBeLessThan(1e-9);
          expect(Math.abs(a.expected.reduce((x, y) => x + y, 0) - events)).toBeLessThan(1e-9);
        },
      ),
    ));
  it.each([
    ["one level", () => logRankTest([1, 2], [1, 0], ["a", "a"]), /group must have at least two levels/],
    ["group length", () => logRankTest([1, 2], [1, 0], ["a"]), /group must have one label per subject/],
    ["mixed labels", () => logRankTest([1, 2], [1, 0], ["a", 1]), /group must hold only numbers or only strings/],
    ["no events", () => logRankTest([1, 2], [0, 0], ["a", "b"]), /at least one event/],
    ["unknown option", () => logRankTest([1, 2], [1, 0], ["a", "b"], { weights: [1, 1] } as never), /options\.weights is not a known option/],
    ["rho NaN", () => logRankTest([1, 2], [1, 0], ["a", "b"], { rho: NaN }), /options\.rho must be finite/],
  ])("%s throws", (_n, f, re) => expect(f).toThrow(re));
});
