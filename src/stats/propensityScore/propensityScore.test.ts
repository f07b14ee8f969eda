import { describe, expect, it } from "vitest";
import { expectClose } from "../../../tests/expectClose.js";
import { loadFixtures, nonEmpty } from "../_common/testing.js";
import { propensityScore } from "./index.js";

interface Fixture {
  label: string;
  X: number[][];
  treatment: number[];
  score: number[];
  logit: number[];
  estimate: number[];
}
const fixtures = nonEmpty(loadFixtures<Fixture[]>(import.meta.url), "fixtures");

describe("propensityScore vs R glm fitted values", () => {
  for (const fx of fixtures) {
    it(fx.label, () => {
      const got = propensityScore(fx.X, fx.treatment);
      got.model.coefficients.forEach((c, j) => expectClose(c.estimate, fx.estimate[j]!, 1e-8, `estimate ${j}`));
      got.score.forEach((s, i) => expectClose(s, fx.score[i]!, 1e-8, `score ${i}`));
      got.logit.forEach((s, i) => expectClose(s, fx.logit[i]!, 1e-8 * Math.max(1, Math.abs(fx.logit[i]!)), `logit ${i}`, "abs"));
      // overlap from the scores
      const t = fx.score.filter((_, i) => fx.treatment[i] === 1);
      const c = fx.score.filter((_, i) => fx.treatment[i] === 0);
      expect(got.overlap.treated.n).toBe(t.length);
      expectClose(got.overlap.control.max, Math.max(...c), 1e-8, "control max");
      expectClose(got.overlap.commonSupport![0], Math.max(Math.min(...t), Math.min(...c)), 1e-8, "support lower");
    });
  }
});

describe("propensityScore", () => {
  const X = [[40], [52], [33], [61], [45], [58], [29], [50]];
  const t = [0, 1, 0, 1, 1, 0, 0, 1];
  it("matches the @example", () => {
    const ps = propensityScore(X, t, { names: ["ageYears"] });
    expect(ps.score.length).toBe(8);
    expect(ps.model.coefficients[1]!.name).toBe("ageYears");
    ps.score.forEach((s, i) => expectClose(Math.log(s / (1 - s)), ps.logit[i]!, 1e-12, "logit = qlogis(score)", "abs"));
  });
  it("perfect separation of treatment is a RangeError", () => {
    expect(() => propensityScore([[1], [2], [3], [4], [5], [6]], [0, 0, 0, 1, 1, 1], { names: ["crp"] })).toThrow(/propensityScore: treatment must not be perfectly separated.*crp/);
  });
  it("a covariate constant in one group (inside the other group's range) is a warning naming it and the group", () => {
    const Xc = [
      [1, 0.3], [1, 1.2], [1, -0.4], [1, 0.8], [0, 0.1], [1, -1.1], [2, 0.5], [1, 0.9], [0, -0.3], [2, 0.2],
    ];
    const tc = [1, 1, 1, 1, 0, 0, 0, 0, 0, 0];
    const ps = propensityScore(Xc, tc, { names: ["site", "crp"] });
    expect(ps.warnings.join("; ")).toMatch(/covariate site is constant \(1\) in the treated group/);
  });
  it("a covariate constant overall is a RangeError naming it", () => {
    expect(() => propensityScore(X.map((r) => [r[0]!, 2]), t, { names: ["age", "site"] })).toThrow(/propensityScore: X columns must be linearly independent.*"site"/);
  });
  it("names bad treatment and unknown options", () => {
    expect(() => propensityScore(X, [0, 1, 0, 1, 1, 0, 0, 2])).toThrow(/treatment\[7\] must be 0 \(control\) or 1/);
    expect(() => propensityScore(X, t.map(() => 1))).toThrow(/both treated/);
    expect(() => propensityScore(X, t, { weights: [] } as object)).toThrow(/options\.weights is not a known option/);
  });
  it("does not mutate its inputs", () => {
    const before = structuredClone({ X, t });
    propensityScore(X, t);
    expect({ X, t }).toEqual(before);
  });
});
