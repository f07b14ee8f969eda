import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { expectClose } from "../../../tests/expectClose.js";
import { loadFixtures, nonEmpty } from "../_common/testing.js";
import { effectiveSampleSize, iptwWeights, type WeightingEstimand, type IptwWeightsOptions } from "./index.js";

interface Fixture {
  label: string;
  score: number[];
  treatment: number[];
  estimand: WeightingEstimand;
  stabilize: boolean;
  trim: number | null;
  lower: number | null;
  upper: number | null;
  weights: number[];
  trimmed: number[];
  nTruncated: number;
  sumTreated: number;
  sumControl: number;
  essTreated: number;
  essControl: number;
}
const fixtures = nonEmpty(loadFixtures<Fixture[]>(import.meta.url), "fixtures");

describe("iptwWeights vs the formulas in R", () => {
  for (const fx of fixtures) {
    it(fx.label, () => {
      const opts: IptwWeightsOptions = {
        estimand: fx.estimand,
        stabilize: fx.stabilize,
        ...(fx.trim !== null ? { trim: fx.trim } : {}),
        ...(fx.lower !== null || fx.upper !== null ? { truncate: { ...(fx.lower !== null ? { lower: fx.lower } : {}), ...(fx.upper !== null ? { upper: fx.upper } : {}) } } : {}),
      };
      const got = iptwWeights(fx.score, fx.treatment, opts);
      got.weights.forEach((w, i) => expectClose(w, fx.weights[i]!, 1e-12, `weight ${i}`));
      expect(got.trimmed).toEqual(fx.trimmed);
      if (fx.lower !== null || fx.upper !== null) {
        expect(got.truncation!.nTruncated).toBe(fx.nTruncated);
        if (fx.upper !== null) expectClose(got.truncation!.upper!, fx.weights.reduce((a, b) => Math.max(a, b), 0), 1e-12, "upper bound is the largest weight");
      } else expect(got.truncation).toBeNull();
      expectClose(got.sumWeights.treated, fx.sumTreated, 1e-12, "sum treated");
      expectClose(got.sumWeights.control, fx.sumControl, 1e-12, "sum control");
      expectClose(got.ess.treated, fx.essTreated, 1e-12, "ess treated");
      expectClose(got.ess.control, fx.essControl, 1e-12, "ess control");
    });
  }
});

describe("iptwWeights", () => {
  it("matches the @example", () => {
    const w = iptwWeights([0.25, 0.5, 0.75, 0.5], [1, 1, 0, 0]);
    expect(w.weights).toEqual([4, 2, 4, 2]);
    expect(w.ess).toEqual({ treated: 1.8, control: 1.8 });
    expect(effectiveSampleSize([1, 1, 1, 1])).toBe(4);
    expect(effectiveSampleSize([1, 3])).toBe(1.6);
  });
  it("ATT: treated weights are 1, controls the odds", () => {
    const w = iptwWeights([0.2, 0.5, 0.75, 0.25], [1, 1, 0, 0], { estimand: "ATT" });
    expect(w.weights).toEqual([1, 1, 3, 1 / 3]);
  });
  it("scores of 0 or 1 are a RangeError unless trimmed", () => {
    expect(() => iptwWeights([0.2, 1, 0.5, 0.4], [1, 1, 0, 0])).toThrow(/score\[1\] must be in \(0, 1\)/);
    expect(iptwWeights([0.2, 1, 0.5, 0.4], [1, 1, 0, 0], { trim: 0.05 }).trimmed).toEqual([1]);
  });
  it("extreme scores: an overflowing weight is a RangeError, huge finite weights keep a finite ESS", () => {
    // 1 / 5e-324 overflows to Infinity (before: weights and sums held Infinity, ESS NaN).
    expect(() => iptwWeights([5e-324, 0.5, 0.5, 0.3], [1, 0, 0, 1])).toThrow(/score\[0\] gives a weight beyond the largest double/);
    // Weights 1e300 and 1e200: squaring overflowed (ESS NaN); (1e300 + 1e200)^2 / (1e600 + 1e400) = 1 (to rounding)
    const r = iptwWeights([1e-300, 1e-200, 0.5, 0.5], [1, 1, 0, 0]);
    expect(r.weights[0]).toBe(1 / 1e-300);
    expect(r.ess.treated).toBeCloseTo(1, 12);
    expect(r.ess.control).toBe(2);
    expect(effectiveSampleSize([1e300, 1e300])).toBe(2);
    expect(effectiveSampleSize([1e-320, 1e-320, 1e-320])).toBeCloseTo(3, 12);
  });
  it("trimming that empties a group is a RangeError", () => {
    expect(() => iptwWeights([0.95, 0.97, 0.5, 0.4], [1, 1, 0, 0], { trim: 0.1 })).toThrow(/must leave both groups non-empty; got 0 treated/);
  });
  it("names bad options", () => {
    expect(() => iptwWeights([0.2, 0.5], [1, 0], { estimand: "ATC" as WeightingEstimand })).toThrow(/options\.estimand must be/);
    expect(() => iptwWeights([0.2, 0.5], [1, 0], { trim: 0.5 })).toThrow(/options\.trim must be in \(0, 0\.5\)/);
    expect(() => iptwWeights([0.2, 0.5], [1, 0], { truncate: { upper: 99 } })).toThrow(/options\.truncate\.upper must be a percentile in \(0, 1\)/);
    expect(() => iptwWeights([0.2, 0.5], [1, 0], { truncate: { top: 0.9 } as object })).toThrow(/options\.truncate\.top is not a known option/);
    expect(() => iptwWeights([0.2, 0.5], [1, 0], { stabilise: true } as object)).toThrow(/options\.stabilise is not a known option/);
    expect(() => effectiveSampleSize([1, -1])).toThrow(/weights\[1\] must be >= 0/);
    expect(() => effectiveSampleSize([0, 0])).toThrow(/at least one positive/);
  });
  it("does not mutate its inputs", () => {
    const s = [0.2, 0.5, 0.8, 0.5];
    const t = [1, 1, 0, 0];
    const before = structuredClone({ s, t });
    iptwWeights(s, t, { truncate: { upper: 0.9 }, stabilize: true });
    effectiveSampleSize(s);
    expect({ s, t }).toEqual(before);
  });
  it("property: weights positive for kept units, ESS <= group size, stabilising changes no weighted mean", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ e: fc.double({ min: 0.01, max: 0.99, noNaN: true }), t: fc.constantFrom(0, 1), x: fc.double({ min: -10, max: 10, noNaN: true }) }), { minLength: 2, maxLength: 80 }).filter((u) => u.some((v) => v.t === 1) && u.some((v) => v.t === 0)),
        fc.constantFrom<WeightingEstimand>("ATE", "ATT"),
        (u, estimand) => {
          const e = u.map((v) => v.e);
          const t = u.map((v) => v.t);
          const a = iptwWeights(e, t, { estimand });
          const b = iptwWeights(e, t, { estimand, stabilize: true });
          a.weights.forEach((w) => expect(w).toBeGreaterThan(0));
          const nT = t.filter((v) => v === 1).length;
          expect(a.ess.treated).toBeLessThanOrEqual(nT * (1 + 1e-12));
          expect(a.ess.control).toBeLessThanOrEqual((t.length - nT) * (1 + 1e-12));
          for (const g of [0, 1]) {
            const m = (w: number[]): number => {
              let s = 0;
              let sw = 0;
              u.forEach((v, i) => {
                if (v.t === g) {
                  s += w[i]! * v.x;
                  sw += w[i]!;
                }
              });
              return s / sw;
            };
            expectClose(m(b.weights), m(a.weights), 1e-9 * 10, `group ${g} weighted mean`, "abs");
          }
        },
      ),
    );
  });
});
