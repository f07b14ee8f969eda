import { describe, expect, it } from "vitest";
import { expectClose } from "../../../tests/expectClose.js";
import { loadFixtures, nonEmpty } from "../_common/testing.js";
import { borutaSelection } from "../borutaSelection/index.js";
import { predictorPipeline } from "./index.js";

interface Fixture {
  label: string;
  columns: Record<string, number[]>;
  outcome: number[];
  foldId: number[];
  alpha: number;
  lambda: "min" | "1se";
  want: {
    lambdaMin: number;
    lambda1se: number;
    selected: string[];
    coefficients: number[];
    logistic?: { names: string[]; estimate: number[]; deviance: number };
    roc?: { auc: number; aucConfInt: [number, number]; direction: "<" | ">" };
  };
}

const fixtures = nonEmpty(loadFixtures<Fixture[]>(import.meta.url), "fixtures");

describe("predictorPipeline (Boruta skipped) vs R: cv.glmnet -> glm -> pROC", () => {
  for (const fx of fixtures) {
    it(fx.label, () => {
      const got = predictorPipeline(fx.columns, fx.outcome, {
        alpha: fx.alpha,
        foldId: fx.foldId,
        lambda: fx.lambda,
        boruta: false,
        confIntMethod: "wald",
      });
      const label = `[${fx.label}]`;
      // cv.glmnet agreement is the elastic net's contract (1e-4 relative).
      expectClose(got.elasticNet.lambdaMin, fx.want.lambdaMin, 1e-4, `${label} lambdaMin`);
      expectClose(got.elasticNet.lambda1se, fx.want.lambda1se, 1e-4, `${label} lambda1se`);
      expect(got.elasticNet.lambdaUsed).toBe(fx.lambda === "min" ? got.elasticNet.lambdaMin : got.elasticNet.lambda1se);
      got.elasticNet.coefficients.forEach((c, j) => {
        const want = fx.want.coefficients[j]!;
        expectClose(c.estimate, want, 1e-4 * Math.max(Math.abs(want), 1e-3), `${label} elastic-net ${c.name}`, "abs");
      });
      expect(got.elasticNet.selected, `${label} selected`).toEqual(fx.want.selected);
      expect(got.selected).toEqual(fx.want.selected);
      expect(got.boruta).toBeNull();
      expect(got.n).toBe(fx.outcome.length);
      expect(got.events).toBe(fx.outcome.reduce((a, b) => a + b, 0));
      const lg = got.logistic!;
      expect(lg.coefficients.map((c) => c.name)).toEqual(fx.want.logistic!.names);
      lg.coefficients.forEach((c, j) => expectClose(c.estimate, fx.want.logistic!.estimate[j]!, 1e-6, `${label} ${c.name}`));
      expectClose(lg.deviance, fx.want.logistic!.deviance, 1e-9, `${label} deviance`);
      const roc = got.roc!;
      expect(roc.direction).toBe(fx.want.roc!.direction);
      expectClose(roc.auc, fx.want.roc!.auc, 1e-9, `${label} auc`);
      expectClose(roc.aucConfInt[0], fx.want.roc!.aucConfInt[0], 1e-6, `${label} auc lower`);
      expectClose(roc.aucConfInt[1], fx.want.roc!.aucConfInt[1], 1e-6, `${label} auc upper`);
    });
  }
});

describe("predictorPipeline with Boruta", () => {
  const fx = fixtures[0]!;
  it("runs Boruta on the elastic-net predictors and keeps the confirmed ones, in order", () => {
    const r = predictorPipeline(fx.columns, fx.outcome, { foldId: fx.foldId, boruta: { seed: 3, maxRuns: 20, nTrees: 150 }, confIntMethod: "wald" });
    const b = r.boruta!;
    expect(b.names).toEqual(r.elasticNet.selected);
    // The step is exactly borutaSelection on the elastic-net columns.
    const rows = fx.outcome.map((_, i) => r.elasticNet.selected.map((nm) => fx.columns[nm]![i]!));
    expect(b).toEqual(borutaSelection(rows, fx.outcome, { names: r.elasticNet.selected, seed: 3, maxRuns: 20, nTrees: 150 }));
    expect(r.selected).toEqual(r.elasticNet.selected.filter((nm) => b.confirmed.includes(nm)));
    if (r.selected.length > 0) {
      expect(r.logistic!.coefficients.map((c) => c.name)).toEqual(["(Intercept)", ...r.selected]);
      expect(r.roc!.nCases).toBe(r.events);
    } else {
      expect(r.logistic).toBeNull();
      expect(r.notes.join(" ")).toMatch(/Boruta confirmed no predictor/);
    }
    // Same seed, same answer; includeTentative adds Boruta's tentative predictors.
    const again = predictorPipeline(fx.columns, fx.outcome, { foldId: fx.foldId, boruta: { seed: 3, maxRuns: 20, nTrees: 150 }, confIntMethod: "wald" });
    expect(again.selected).toEqual(r.selected);
    const withTentative = predictorPipeline(fx.columns, fx.outcome, { foldId: fx.foldId, boruta: { seed: 3, maxRuns: 20, nTrees: 150 }, includeTentative: true, confIntMethod: "wald" });
    expect(withTentative.selected).toEqual(r.elasticNet.selected.filter((nm) => b.confirmed.includes(nm) || b.tentative.includes(nm)));
  });
});

describe("predictorPipeline contract", () => {
  const fx = fixtures[0]!;
  it("matches the @example", () => {
    const age = [23, 35, 41, 52, 29, 61, 47, 38, 55, 33, 44, 58, 26, 49, 63, 31, 40, 57, 36, 50];
    const prior = [0, 1, 0, 1, 0, 1, 1, 0, 1, 0, 0, 1, 0, 1, 1, 0, 1, 1, 0, 0];
    const y = [1, 1, 0, 0, 1, 0, 1, 1, 0, 1, 1, 0, 1, 0, 0, 1, 0, 0, 1, 1];
    const r = predictorPipeline({ age, prior }, y, { boruta: false, confIntMethod: "wald" });
    expect(r.elasticNet.selected).toEqual(["age", "prior"]);
    expect(r.roc !== null && r.roc.auc > 0.8).toBe(true);
  });
  it("returns every step as plain data (Table 2 shape: names, odds ratios, intervals; ROC)", () => {
    const r = predictorPipeline(fx.columns, fx.outcome, { foldId: fx.foldId, boruta: false });
    expect(JSON.parse(JSON.stringify({ ...r, roc: null }))).toEqual({ ...r, roc: null });
    expect(r.logistic!.coefficients[0]!.name).toBe("(Intercept)");
    for (const c of r.logistic!.coefficients) {
      expect(c.oddsRatioConfInt[0]).toBeLessThan(c.oddsRatio);
      expect(c.oddsRatioConfInt[1]).toBeGreaterThan(c.oddsRatio);
    }
    expect(r.roc!.points[0]!.threshold).toBe(-Infinity);
    expect(r.notes.join(" ")).toMatch(/Boruta skipped/);
  });
  it("restricts the candidates to options.predictors, in that order", () => {
    const r = predictorPipeline(fx.columns, fx.outcome, { foldId: fx.foldId, boruta: false, predictors: ["surgery", "age", "crp"] });
    expect(r.candidates).toEqual(["surgery", "age", "crp"]);
    expect(r.elasticNet.coefficients.map((c) => c.name)).toEqual(["surgery", "age", "crp"]);
  });
  it("stops with null steps and a note when the elastic net keeps nothing", () => {
    const y = fx.outcome;
    const noise = { a: y.map((_, i) => Math.sin(i * 1.7)), b: y.map((_, i) => Math.cos(i * 2.3)) };
    const r = predictorPipeline(noise, y, { foldId: fx.foldId, boruta: false, lambda: "1se" });
    expect(r.elasticNet.selected).toEqual([]);
    expect(r.logistic).toBeNull();
    expect(r.roc).toBeNull();
    expect(r.notes.join(" ")).toMatch(/elastic net kept no predictor/);
  });
  it("does not mutate its inputs", () => {
    const cols = structuredClone(fx.columns);
    const y = [...fx.outcome];
    const opts = { foldId: [...fx.foldId], boruta: false as const, predictors: ["age", "surgery", "il1223"] };
    const before = structuredClone(opts);
    predictorPipeline(cols, y, opts);
    expect(cols).toEqual(fx.columns);
    expect(y).toEqual(fx.outcome);
    expect(opts).toEqual(before);
  });
  it.each<[string, () => unknown, RegExp, ErrorConstructor]>([
    ["columns not an object", () => predictorPipeline([] as never, fx.outcome), /predictorPipeline: columns must be an object/, TypeError],
    ["missing column", () => predictorPipeline(fx.columns, fx.outcome, { predictors: ["age", "weight"] }), /columns\.weight is missing/, RangeError],
    ["column of the wrong length", () => predictorPipeline({ a: [1, 2], b: [1, 2, 3] }, [0, 1, 1]), /columns\.a must have one value per outcome \(3\); got length 2/, RangeError],
    ["NaN in a column", () => predictorPipeline({ a: [1, Number.NaN, 3], b: [1, 2, 3] }, [0, 1, 1]), /columns\.a\[1\] must be finite; got NaN/, RangeError],
    ["outcome not 0/1", () => predictorPipeline({ a: [1, 2, 3], b: [1, 2, 3] }, [0, 2, 1]), /outcome\[1\] must be 0 or 1; got 2/, RangeError],
    ["constant outcome", () => predictorPipeline({ a: [1, 2, 3], b: [1, 2, 3] }, [1, 1, 1]), /outcome must contain both 0 and 1/, RangeError],
    ["one candidate", () => predictorPipeline({ a: [1, 2, 3] }, [0, 1, 1]), /at least 2 candidate predictors; got 1/, RangeError],
    ["unknown option", () => predictorPipeline(fx.columns, fx.outcome, { lambdaRule: "min" } as never), /options\.lambdaRule is not a known option/, TypeError],
    ["unknown Boruta option", () => predictorPipeline(fx.columns, fx.outcome, { boruta: { runs: 5 } as never }), /options\.boruta\.runs is not a known option/, TypeError],
    ["bad lambda rule", () => predictorPipeline(fx.columns, fx.outcome, { lambda: "max" as never }), /options\.lambda must be "min" or "1se"; got "max"/, TypeError],
    ["bad alpha", () => predictorPipeline(fx.columns, fx.outcome, { alpha: 0 }), /options\.alpha must be in \(0, 1\]; got 0/, RangeError],
    ["bad confLevel", () => predictorPipeline(fx.columns, fx.outcome, { confLevel: 2 }), /options\.confLevel must be in \(0, 1\); got 2/, RangeError],
  ])("throws on %s", (_name, call, message, kind) => {
    expect(call).toThrow(kind);
    expect(call).toThrow(message);
  });
});
