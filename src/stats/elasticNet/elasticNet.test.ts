import { describe, expect, it } from "vitest";
import { expectClose } from "../../../tests/expectClose.js";
import { closeCoef, loadFixtures, nonEmpty } from "../_common/testing.js";
import { elasticNet, type ElasticNetOptions } from "./index.js";

interface PathFixture {
  name: string;
  family: "gaussian" | "binomial";
  alpha: number;
  standardize: boolean;
  lambdaIn: number[] | null;
  nLambda: number;
  lambdaMinRatio: number | null;
  X: number[][];
  y: number[];
  lambda: number[];
  intercept: number[];
  beta: number[][];
  devRatio: number[];
  nullDeviance: number;
  df: number[];
}
const fixtures = loadFixtures<{ paths: PathFixture[] }>(import.meta.url);

function optionsOf(c: PathFixture): ElasticNetOptions {
  const o: ElasticNetOptions = { family: c.family, alpha: c.alpha, standardize: c.standardize, nLambda: c.nLambda };
  if (c.lambdaIn !== null) o.lambda = c.lambdaIn;
  if (c.lambdaMinRatio !== null) o.lambdaMinRatio = c.lambdaMinRatio;
  return o;
}

describe("elasticNet vs glmnet (thresh = 1e-14)", () => {
  for (const c of nonEmpty(fixtures.paths, "paths")) {
    it(c.name, () => {
      const fit = elasticNet(c.X, c.y, optionsOf(c));
      expect(fit.lambda.length, `${c.name}: path length`).toBe(c.lambda.length);
      expectClose(fit.nullDeviance, c.nullDeviance, 1e-12, `${c.name} nullDeviance`);
      const scale = Math.max(1, ...c.beta.flat().map(Math.abs));
      for (let k = 0; k < c.lambda.length; k++) {
        expectClose(fit.lambda[k]!, c.lambda[k]!, 1e-10, `${c.name} lambda[${k}]`);
        expectClose(fit.devRatio[k]!, c.devRatio[k]!, 1e-8, `${c.name} devRatio[${k}]`, "abs");
        closeCoef(fit.intercept[k]!, c.intercept[k]!, scale, `${c.name} intercept[${k}]`);
        for (let j = 0; j < c.beta[k]!.length; j++) closeCoef(fit.beta[k]![j]!, c.beta[k]![j]!, scale, `${c.name} beta[${k}][${j}]`);
        expect(fit.df[k], `${c.name} df[${k}]`).toBe(c.df[k]);
      }
    });
  }
});

describe("elasticNet", () => {
  const X = [[1, 0], [2, 1], [3, 0], [4, 1]];
  const y = [1, 2, 3, 4.5];
  it("matches the @example (glmnet: 1.06055728090, 0)", () => {
    const fit = elasticNet(X, y, { lambda: [0.1] });
    expect(fit.beta[0]!.map((b) => b.toFixed(4))).toEqual(["1.0606", "0.0000"]);
  });
  it("does not mutate its inputs", () => {
    const X0 = structuredClone(X);
    const y0 = [...y];
    const lambda = [0.01, 0.5, 0.1];
    const opts = { lambda, alpha: 0.5 };
    elasticNet(X, y, opts);
    expect(X).toEqual(X0);
    expect(y).toEqual(y0);
    expect(lambda).toEqual([0.01, 0.5, 0.1]);
  });
  it("sorts a user lambda decreasingly, as glmnet", () => {
    expect(elasticNet(X, y, { lambda: [0.01, 0.5, 0.1] }).lambda).toEqual([0.5, 0.1, 0.01]);
  });
  it("starts the default path at the smallest lambda zeroing every coefficient", () => {
    const fit = elasticNet(X, y, { alpha: 0.5 });
    expect(fit.beta[0]).toEqual([0, 0]);
    expect(fit.beta[1]!.some((b) => b !== 0)).toBe(true);
    expect(fit.devRatio[0]).toBe(0);
  });
  it("returns plain, JSON-serialisable data", () => {
    const fit = elasticNet(X, y);
    expect(JSON.parse(JSON.stringify(fit))).toEqual(fit);
  });
  it("rejects bad input, naming the argument", () => {
    expect(() => elasticNet([[1, 2], [3]], [1, 2])).toThrow(/X\[1\] must have 2 columns/);
    expect(() => elasticNet([[1, Number.NaN], [3, 4]], [1, 2])).toThrow(/X\[0\]\[1\] must be finite; got NaN/);
    expect(() => elasticNet([[1, 2]], [1])).toThrow(/X must have at least 2 rows/);
    expect(() => elasticNet(X, [1, 2, 3])).toThrow(/y must have one value per row/);
    expect(() => elasticNet(X, [1, 1, 1, 1])).toThrow(/y must not be constant/);
    expect(() => elasticNet(X, [0, 1, 2, 1], { family: "binomial" })).toThrow(/y\[2\] must be 0 or 1/);
    expect(() => elasticNet(X, [0, 1, 1, 1], { family: "binomial" })).toThrow(/at least 2 zeros and 2 ones/);
    expect(() => elasticNet(X, y, { alpha: 0 })).toThrow(/options\.alpha must be in \(0, 1\]; got 0/);
    expect(() => elasticNet(X, y, { alpha: Number.NaN })).toThrow(RangeError);
    expect(() => elasticNet(X, y, { lambda: [0.1, -1] })).toThrow(/options\.lambda\[1\]/);
    expect(() => elasticNet(X, y, { nLambda: 0 })).toThrow(/options\.nLambda/);
    expect(() => elasticNet(X, y, { lambdaMinRatio: 1 })).toThrow(/options\.lambdaMinRatio/);
    // @ts-expect-error wrong family on purpose
    expect(() => elasticNet(X, y, { family: "poisson" })).toThrow(TypeError);
    // @ts-expect-error wrong kind on purpose
    expect(() => elasticNet(X, y, { standardize: "yes" })).toThrow(/options\.standardize must be a boolean/);
  });
});
