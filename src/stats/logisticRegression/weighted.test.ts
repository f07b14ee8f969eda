import { afterAll, describe, expect, it } from "vitest";
import { expectClose } from "../../../tests/expectClose.js";
import { loadFixtures, nonEmpty } from "../_common/testing.js";
import { logisticRegression, type LogisticRegressionOptions } from "./index.js";

interface Fixture {
  label: string;
  X: number[][];
  y: number[];
  weights: number[] | null;
  robust: boolean;
  cluster: (string | number)[] | null;
  intercept: boolean;
  confLevel: number;
  estimate: number[];
  stdError: number[];
  robustStdError: number[] | null;
  statistic: number[];
  pValue: number[];
  confInt: [number, number][];
  deviance: number;
  nullDeviance: number;
  dfResidual: number;
  dfNull: number;
  aic: number | null;
  logLik: number | null;
  iterations: number;
  converged: boolean;
}

const fixtures = nonEmpty(loadFixtures<Fixture[]>(import.meta.url, "fixtures-weighted.json"), "fixtures-weighted");
let worstErr = 0;
function close(got: number, want: number, label: string): void {
  worstErr = Math.max(worstErr, Math.abs(got - want) / Math.abs(want));
  expectClose(got, want, 1e-6, label);
}
afterAll(() => console.log(`weighted logisticRegression: ${fixtures.length} R fixtures; worst relative error ${worstErr.toExponential(2)}`));

describe("weighted / robust logisticRegression vs R glm + sandwich", () => {
  for (const fx of fixtures) {
    it(fx.label, () => {
      const opts: LogisticRegressionOptions = {
        intercept: fx.intercept,
        confLevel: fx.confLevel,
        ...(fx.weights !== null ? { weights: fx.weights } : {}),
        ...(fx.robust ? { robust: true } : {}),
        ...(fx.cluster !== null ? { cluster: fx.cluster } : {}),
      };
      const got = logisticRegression(fx.X, fx.y, opts);
      const l = `[${fx.label}]`;
      expect(got.iterations, `${l} iterations`).toBe(fx.iterations);
      expect(got.converged).toBe(fx.converged);
      got.coefficients.forEach((c, j) => {
        close(c.estimate, fx.estimate[j]!, `${l} estimate ${j}`);
        close(c.stdError, fx.stdError[j]!, `${l} stdError ${j}`);
        if (fx.robustStdError === null) expect(c.robustStdError).toBeUndefined();
        else close(c.robustStdError!, fx.robustStdError[j]!, `${l} robustStdError ${j}`);
        close(c.statistic, fx.statistic[j]!, `${l} statistic ${j}`);
        close(c.pValue, fx.pValue[j]!, `${l} pValue ${j}`);
        close(c.confInt[0], fx.confInt[j]![0], `${l} confInt lower ${j}`);
        close(c.confInt[1], fx.confInt[j]![1], `${l} confInt upper ${j}`);
      });
      close(got.deviance, fx.deviance, `${l} deviance`);
      close(got.nullDeviance, fx.nullDeviance, `${l} nullDeviance`);
      expect(got.dfResidual).toBe(fx.dfResidual);
      expect(got.dfNull).toBe(fx.dfNull);
      if (fx.aic === null) {
        expect(got.aic).toBeNull();
        expect(got.logLik).toBeNull();
      } else {
        close(got.aic!, fx.aic, `${l} aic`);
        close(got.logLik!, fx.logLik!, `${l} logLik`);
      }
    });
  }
});

describe("weighted logisticRegression: properties and bad input", () => {
  const X = [[0.1], [1.2], [-0.7], [2.1], [0.4], [-1.3], [0.9], [1.7], [-0.2], [0.3]];
  const y = [0, 1, 0, 1, 1, 0, 0, 1, 0, 1];
  it("integer weights give the fit of the expanded data (same estimates, standard errors, deviance, AIC)", () => {
    const w = [1, 3, 2, 1, 4, 1, 2, 1, 3, 2];
    const Xe: number[][] = [];
    const ye: number[] = [];
    w.forEach((k, i) => {
      for (let r = 0; r < k; r++) {
        Xe.push(X[i]!);
        ye.push(y[i]!);
      }
    });
    const a = logisticRegression(X, y, { weights: w });
    const b = logisticRegression(Xe, ye, { confIntMethod: "wald" });
    a.coefficients.forEach((c, j) => {
      expectClose(c.estimate, b.coefficients[j]!.estimate, 1e-10, `estimate ${j}`);
      expectClose(c.stdError, b.coefficients[j]!.stdError, 1e-10, `stdError ${j}`);
      expectClose(c.confInt[1], b.coefficients[j]!.confInt[1], 1e-10, `confInt ${j}`);
    });
    expectClose(a.deviance, b.deviance, 1e-12, "deviance");
    expectClose(a.nullDeviance, b.nullDeviance, 1e-12, "nullDeviance");
    expectClose(a.aic!, b.aic!, 1e-12, "aic");
  });
  it("weight-0 rows are ignored: same fit as without them; their fitted values are still given", () => {
    const w = [1, 1, 0, 1, 1, 1, 0, 1, 1, 1];
    const a = logisticRegression(X, y, { weights: w, robust: true });
    const keep = w.map((v, i) => (v > 0 ? i : -1)).filter((i) => i >= 0);
    const b = logisticRegression(keep.map((i) => X[i]!), keep.map((i) => y[i]!), { robust: true });
    a.coefficients.forEach((c, j) => {
      expectClose(c.estimate, b.coefficients[j]!.estimate, 1e-12, `estimate ${j}`);
      expectClose(c.robustStdError!, b.coefficients[j]!.robustStdError!, 1e-10, `robust ${j}`);
    });
    expect(a.dfResidual).toBe(b.dfResidual);
    expect(a.fittedValues).toHaveLength(10);
    expect(a.fittedValues[2]).toBeGreaterThan(0);
  });
  it("weights all 1 with robust: estimates of the unweighted fit, Wald intervals by default", () => {
    const a = logisticRegression(X, y, { robust: true });
    const b = logisticRegression(X, y, { confIntMethod: "wald" });
    expectClose(a.coefficients[1]!.estimate, b.coefficients[1]!.estimate, 1e-14, "estimate");
    expect(a.coefficients[1]!.robustStdError).not.toBe(a.coefficients[1]!.stdError);
    expectClose(a.coefficients[1]!.statistic, a.coefficients[1]!.estimate / a.coefficients[1]!.robustStdError!, 1e-14, "z uses robust SE");
  });
  it("rejects profile intervals with weights, robust or cluster", () => {
    expect(() => logisticRegression(X, y, { weights: X.map(() => 1), confIntMethod: "profile" })).toThrow(RangeError);
    expect(() => logisticRegression(X, y, { robust: true, confIntMethod: "profile" })).toThrow(/confIntMethod must be "wald"/);
    expect(() => logisticRegression(X, y, { cluster: X.map((_, i) => i % 5), confIntMethod: "profile" })).toThrow(/confIntMethod/);
  });
  it("names bad weights and clusters", () => {
    expect(() => logisticRegression(X, y, { weights: [1, 2] })).toThrow(/options\.weights must have one value per row/);
    expect(() => logisticRegression(X, y, { weights: X.map((_, i) => (i === 3 ? -1 : 1)) })).toThrow(/options\.weights\[3\] must be a finite number >= 0; got -1/);
    expect(() => logisticRegression(X, y, { weights: X.map((_, i) => (i === 3 ? NaN : 1)) })).toThrow(/options\.weights\[3\].*NaN/);
    expect(() => logisticRegression(X, y, { weights: X.map(() => 0) })).toThrow(/at least one positive weight/);
    expect(() => logisticRegression(X, y, { weights: y.map((v) => (v === 1 ? 1 : 0)) })).toThrow(/both 0 and 1 among rows with a positive weight/);
    expect(() => logisticRegression(X, y, { cluster: X.map(() => "a") })).toThrow(/at least 2 distinct clusters/);
    expect(() => logisticRegression(X, y, { cluster: [1, 2] })).toThrow(/options\.cluster must have one label per row/);
    expect(() => logisticRegression(X, y, { robust: "yes" as unknown as boolean })).toThrow(TypeError);
  });
  it("cluster labels that look like Object.prototype keys are distinct clusters", () => {
    const cl = X.map((_, i) => ["constructor", "__proto__", "toString", "a", "b"][i % 5]!);
    const num = X.map((_, i) => i % 5);
    const a = logisticRegression(X, y, { cluster: cl });
    const b = logisticRegression(X, y, { cluster: num });
    expectClose(a.coefficients[1]!.robustStdError!, b.coefficients[1]!.robustStdError!, 1e-14, "same clustering");
  });
  it("does not mutate its inputs", () => {
    const w = X.map((_, i) => 0.5 + i / 10);
    const before = structuredClone({ X, y, w });
    logisticRegression(X, y, { weights: w, robust: true });
    expect({ X, y, w }).toEqual(before);
  });
});
