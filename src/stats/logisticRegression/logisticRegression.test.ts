import { afterAll, describe, expect, it } from "vitest";
import { expectClose } from "../../../tests/expectClose.js";
import { loadFixtures, nonEmpty } from "../_common/testing.js";
import { logisticRegression, type LogisticRegressionResult } from "./index.js";

interface RFit {
  estimate: number[];
  stdError: number[];
  statistic: number[];
  pValue: number[];
  deviance: number;
  nullDeviance: number;
  aic: number;
  logLik: number;
  iterations: number;
  converged: boolean;
  warnings: string[] | string;
  waldConfInt: [number, number][];
}
interface Fixture {
  label: string;
  X: number[][];
  y: number[];
  intercept: boolean;
  confLevel: number;
  separated: boolean;
  r: RFit;
  /** Fit to epsilon 1e-14; standard errors (and statistic, pValue, Wald interval) from the weights at that MLE. */
  tight: { estimate: number[]; stdError: number[]; statistic: number[]; pValue: number[]; deviance: number; waldConfInt: [number, number][] };
  /** NaN where R's spline or uniroot found no bound. */
  massConfInt?: [number, number][];
  exactConfInt?: [number, number][];
}

const STABLE_SEPARATED = new Set(["complete separation", "quasi-separation by a binary predictor"]);
const fixtures = nonEmpty(loadFixtures<Fixture[]>(import.meta.url), "fixtures");
const worst: Record<string, { err: number; label: string }> = {};
/** Relative error, with `floor` as the scale for values near zero (estimates: their standard error). */
function track(field: string, got: number, want: number, label: string, floor = Number.MIN_VALUE): void {
  const err = Math.abs(got - want) / Math.max(Math.abs(want), floor);
  const w = worst[field];
  if (w === undefined || err > w.err) worst[field] = { err, label };
}
function close(field: string, got: number, want: number, tol: number, label: string, floor = Number.MIN_VALUE): void {
  track(field, got, want, label, floor);
  expectClose(got, want, tol * Math.max(Math.abs(want), floor), `${label} ${field}`, "abs");
}
function rWarnings(r: RFit): string[] {
  // (the shared JSON writer turns an empty character vector into [""])
  return (typeof r.warnings === "string" ? [r.warnings] : r.warnings).filter((w) => w !== "");
}

afterAll(() => {
  console.log(`logisticRegression: ${fixtures.length} R fixtures; worst relative errors:`);
  for (const [k, v] of Object.entries(worst)) console.log(`  ${k}: ${v.err.toExponential(2)} (${v.label})`);
});

describe("logisticRegression vs R glm", () => {
  for (const fx of fixtures) {
    it(fx.label, () => {
      const profile = fx.exactConfInt !== undefined;
      const got = logisticRegression(fx.X, fx.y, { intercept: fx.intercept, confLevel: fx.confLevel, confIntMethod: profile ? "profile" : "wald" });
      const inputs = fx.y.length <= 20 ? ` X=${JSON.stringify(fx.X)} y=${JSON.stringify(fx.y)}` : "";
      const label = `[${fx.label}] n=${fx.y.length}${inputs}`;
      expect(got.iterations, `${label} iterations`).toBe(fx.r.iterations);
      expect(got.converged, `${label} converged`).toBe(fx.r.converged);
      const rw = rWarnings(fx.r);
      if (rw.some((w) => w.includes("numerically 0 or 1"))) expect(got.warnings.join("; "), label).toMatch(/numerically 0 or 1/);
      if (rw.some((w) => w.includes("did not converge"))) expect(got.warnings.join("; "), label).toMatch(/did not converge/);
      if (fx.separated) {
        expect(got.warnings.join("; "), `${label} warnings`).toMatch(/separation/);
        // R's answer under separation is its last iterate; ours is the same iteration. Once X'WX is
        // near singular the iterates amplify rounding, so those cases get 1e-5.
        got.coefficients.forEach((c, j) => {
          expect(Number.isFinite(c.estimate) && Number.isFinite(c.stdError), `${label} coef ${j} finite`).toBe(true);
        });
        const tol = STABLE_SEPARATED.has(fx.label) ? 1e-6 : 1e-5;
        got.coefficients.forEach((c, j) => close("estimate (separated, vs R's iterate)", c.estimate, fx.r.estimate[j]!, tol, `${label} coef ${j}`));
        expect(got.deviance).toBeLessThan(fx.tight.deviance + 1e-6 + 1e-3 * fx.r.deviance + 1);
        return;
      }
      expect(got.warnings.filter((w) => !w.startsWith("near-separation")), `${label} warnings`).toEqual([]);
      const names = fx.intercept ? ["(Intercept)", ...fx.X[0]!.map((_, j) => `x${j + 1}`)] : fx.X[0]!.map((_, j) => `x${j + 1}`);
      expect(got.coefficients.map((c) => c.name)).toEqual(names);
      got.coefficients.forEach((c, j) => {
        const l = `${label} ${c.name}`;
        // Against R's default fit (the contract, 1e-6) and the fully converged fit (much tighter).
        // Relative, with one standard error as the scale for estimates near zero (z as scale 1).
        const se = fx.tight.stdError[j]!;
        close("estimate vs R", c.estimate, fx.r.estimate[j]!, 1e-6, l, se);
        close("estimate vs MLE", c.estimate, fx.tight.estimate[j]!, 1e-9, l, se);
        // Standard errors at the converged estimate (the contract). R's default summary() uses the
        // weights of glm's penultimate iterate, which are off by up to ~1e-4 relative; checked loosely.
        close("stdError vs SE at MLE", c.stdError, fx.tight.stdError[j]!, 1e-9, l);
        close("statistic vs SE at MLE", c.statistic, fx.tight.statistic[j]!, 1e-9, l, 1);
        close("pValue vs SE at MLE", c.pValue, fx.tight.pValue[j]!, 1e-9, l);
        close("stdError vs R default (penultimate weights)", c.stdError, fx.r.stdError[j]!, 1e-3, l);
        close("statistic vs R default (penultimate weights)", c.statistic, fx.r.statistic[j]!, 1e-3, l, 1);
        track("pValue vs R default (penultimate weights; info)", c.pValue, fx.r.pValue[j]!, l);
        expectClose(c.oddsRatio, Math.exp(c.estimate), 1e-15, `${l} oddsRatio`);
        if (profile) {
          const ex = fx.exactConfInt![j]!;
          const ms = fx.massConfInt![j]!;
          for (const s of [0, 1] as const) {
            const want = ex[s];
            if (Number.isNaN(want)) continue;
            close("profile confInt vs exact root", c.confInt[s], want, 1e-9, `${l} confInt[${s}]`, se);
            const m = ms[s];
            if (!Number.isNaN(m)) {
              track("profile confInt vs MASS spline (info)", c.confInt[s], m, l);
              expectClose(c.confInt[s], m, 2e-3 * (1 + Math.abs(m)), `${l} confInt[${s}] vs MASS`, "abs");
            }
            expectClose(c.oddsRatioConfInt[s], Math.exp(c.confInt[s]), 1e-15, `${l} oddsRatioConfInt[${s}]`);
          }
        } else {
          close("wald confInt vs SE at MLE", c.confInt[0], fx.tight.waldConfInt[j]![0], 1e-9, l);
          close("wald confInt vs SE at MLE", c.confInt[1], fx.tight.waldConfInt[j]![1], 1e-9, l);
        }
      });
      close("deviance", got.deviance, fx.r.deviance, 1e-6, label);
      close("deviance vs tight", got.deviance, fx.tight.deviance, 1e-12, label);
      close("nullDeviance", got.nullDeviance, fx.r.nullDeviance, 1e-12, label);
      close("aic", got.aic ?? NaN, fx.r.aic, 1e-6, label);
      close("logLik", got.logLik ?? NaN, fx.r.logLik, 1e-6, label);
    });
  }
  it("Wald intervals match confint.default on every non-separated fixture", () => {
    for (const fx of nonEmpty(fixtures.filter((f) => !f.separated), "non-separated fixtures")) {
      const got = logisticRegression(fx.X, fx.y, { intercept: fx.intercept, confLevel: fx.confLevel, confIntMethod: "wald" });
      got.coefficients.forEach((c, j) => {
        close("wald confInt vs SE at MLE", c.confInt[0], fx.tight.waldConfInt[j]![0], 1e-9, `[${fx.label}] ${c.name} lower`);
        close("wald confInt vs SE at MLE", c.confInt[1], fx.tight.waldConfInt[j]![1], 1e-9, `[${fx.label}] ${c.name} upper`);
        track("wald confInt vs R confint.default (penultimate weights; info)", c.confInt[0], fx.r.waldConfInt[j]![0], `[${fx.label}] ${c.name} lower`);
        track("wald confInt vs R confint.default (penultimate weights; info)", c.confInt[1], fx.r.waldConfInt[j]![1], `[${fx.label}] ${c.name} upper`);
      });
    }
  });
});

describe("logisticRegression contract", () => {
  const X = [[1], [2], [3], [4], [5], [6], [7], [8]];
  const y = [0, 0, 1, 0, 1, 0, 1, 1];
  // R 4.2.2: glm(y ~ x, binomial) with x = 1:8 -> slope 0.59408436019857647, fit$iter 4
  it("matches the @example", () => {
    const fit = logisticRegression(X, y, { names: ["dose"] });
    expect(fit.coefficients[1]!.name).toBe("dose");
    expect(fit.coefficients[1]!.estimate.toFixed(4)).toBe("0.5941");
    expect(fit.iterations).toBe(4);
  });
  it("names columns x1, x2, ... by default, intercept first", () => {
    const fit = logisticRegression([[1, 0], [2, 1], [3, 0], [4, 1], [5, 1], [6, 0]], [0, 1, 0, 1, 1, 0], { confIntMethod: "wald" });
    expect(fit.coefficients.map((c) => c.name)).toEqual(["(Intercept)", "x1", "x2"]);
  });
  it("is plain JSON-serialisable data", () => {
    const fit: LogisticRegressionResult = logisticRegression(X, y);
    expect(JSON.parse(JSON.stringify(fit))).toEqual(fit);
  });
  it("does not mutate its inputs", () => {
    const Xc = structuredClone(X);
    const yc = [...y];
    const opts = { names: ["dose"], confLevel: 0.9 };
    const oc = structuredClone(opts);
    logisticRegression(Xc, yc, opts);
    expect(Xc).toEqual(X);
    expect(yc).toEqual(y);
    expect(opts).toEqual(oc);
  });
  it("reports divergence under complete separation", () => {
    const fit = logisticRegression([[1], [2], [3], [4], [5], [6]], [0, 0, 0, 1, 1, 1]);
    expect(fit.warnings.join("; ")).toMatch(/separation/);
    for (const c of fit.coefficients) {
      expect(Number.isFinite(c.estimate)).toBe(true);
      expect(Number.isNaN(c.confInt[0])).toBe(false);
    }
  });
  it("is equivariant: scaling a column by c divides its coefficient, interval and SE by c; row order is irrelevant", () => {
    const fx = fixtures.find((f) => f.label.startsWith("Table 2 shape"))!;
    const base = logisticRegression(fx.X, fx.y);
    const scaled = logisticRegression(fx.X.map((r) => r.map((v, j) => (j === 0 ? v * 365.25 : v))), fx.y);
    expectClose(scaled.coefficients[1]!.estimate * 365.25, base.coefficients[1]!.estimate, 1e-10, "scaled estimate");
    expectClose(scaled.coefficients[1]!.stdError * 365.25, base.coefficients[1]!.stdError, 1e-10, "scaled SE");
    expectClose(scaled.coefficients[1]!.confInt[0] * 365.25, base.coefficients[1]!.confInt[0], 1e-10, "scaled profile lower");
    expectClose(scaled.coefficients[1]!.confInt[1] * 365.25, base.coefficients[1]!.confInt[1], 1e-10, "scaled profile upper");
    const order = fx.y.map((_, i) => (i * 17) % fx.y.length);
    const perm = logisticRegression(order.map((i) => fx.X[i]!), order.map((i) => fx.y[i]!));
    perm.coefficients.forEach((c, j) => {
      expectClose(c.estimate, base.coefficients[j]!.estimate, 1e-10, `permuted estimate ${j}`);
      expectClose(c.confInt[1], base.coefficients[j]!.confInt[1], 1e-10, `permuted upper ${j}`);
    });
  });
  it("flags near-separation when the profile likelihood is far from quadratic", () => {
    const Xn = Array.from({ length: 20 }, (_, i) => [i + 1]);
    const yn = Xn.map(([v]) => (v! > 10 ? 1 : 0));
    yn[9] = 1;
    yn[10] = 0;
    const fit = logisticRegression(Xn, yn);
    expect(fit.warnings.join("; ")).toMatch(/near-separation: profile interval more than 3 times longer/);
    // R: glm(y ~ x, binomial) gives x = 1.31010861 (the MLE exists).
    expectClose(fit.coefficients[1]!.estimate, 1.31010861, 1e-8, "near-separated slope");
  });
  it("names the rule that detected separation", () => {
    const fit = logisticRegression([[1], [2], [3], [4], [5], [6]], [0, 0, 0, 1, 1, 1]);
    expect(fit.warnings.join("; ")).toMatch(/fitted probabilities numerically 0 or 1 occurred; separation: the likelihood has no finite maximum/);
  });
  it("flags quasi-separation that R fits silently", () => {
    const fx = fixtures.find((f) => f.label.startsWith("quasi-separation by a binary"))!;
    expect(rWarnings(fx.r)).toEqual([]);
    expect(logisticRegression(fx.X, fx.y, { confIntMethod: "wald" }).warnings.join("; ")).toMatch(/separation/);
  });
  it.each<[string, () => unknown, RegExp, ErrorConstructor]>([
    ["X not an array", () => logisticRegression(5 as unknown as number[][], y), /logisticRegression: X must be an array/, TypeError],
    ["X empty", () => logisticRegression([], []), /X must hold at least one row/, RangeError],
    ["X ragged", () => logisticRegression([[1, 2], [3], [4, 5], [5, 6]], [0, 1, 0, 1]), /X\[1\] must have 2 columns, as X\[0\] \(X must be rectangular\); got length 1/, RangeError],
    ["X NaN", () => logisticRegression([[1], [Number.NaN], [3]], [0, 1, 1]), /X\[1\]\[0\] must be finite; got NaN/, RangeError],
    ["X Infinity", () => logisticRegression([[1], [Infinity], [3]], [0, 1, 1]), /X\[1\]\[0\] must be finite/, RangeError],
    ["y not 0/1", () => logisticRegression(X, [0, 0, 1, 0, 2, 0, 1, 1]), /y\[4\] must be 0 or 1; got 2/, RangeError],
    ["y NaN", () => logisticRegression(X, [0, 0, 1, 0, Number.NaN, 0, 1, 1]), /y\[4\] must be 0 or 1; got NaN/, RangeError],
    ["y wrong length", () => logisticRegression(X, [0, 1]), /y must have one value per row/, RangeError],
    ["y constant", () => logisticRegression(X, [1, 1, 1, 1, 1, 1, 1, 1]), /y must contain both 0 and 1/, RangeError],
    ["fewer rows than coefficients", () => logisticRegression([[1, 2, 3], [2, 3, 1]], [0, 1]), /at least as many rows as coefficients/, RangeError],
    ["collinear columns", () => logisticRegression([[1, 2], [2, 4], [3, 6], [4, 8]], [0, 1, 0, 1]), /linearly independent/, RangeError],
    ["unknown option", () => logisticRegression(X, y, { confLvl: 0.9 } as never), /options\.confLvl is not a known option/, TypeError],
    ["bad confIntMethod", () => logisticRegression(X, y, { confIntMethod: "exact" as never }), /options\.confIntMethod must be "profile" or "wald"; got "exact"/, TypeError],
    ["bad confLevel", () => logisticRegression(X, y, { confLevel: 1 }), /options\.confLevel must be in \(0, 1\); got 1/, RangeError],
    ["names wrong length", () => logisticRegression(X, y, { names: ["a", "b"] }), /options\.names must name each of the 1 columns/, RangeError],
  ])("throws on %s", (_name, call, message, kind) => {
    expect(call).toThrow(kind);
    expect(call).toThrow(message);
  });
});
