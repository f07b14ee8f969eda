/**
 * Bad, huge and hostile input across every public statistics function: unknown and prototype-named
 * option keys, array-likes and DataViews as samples, intermediates that overflow, sizes past the
 * exact limits. Reference values from R are quoted beside each case.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as S from "../index.js";

const PROTO_KEYS = ["constructor", "__proto__", "toString", "valueOf", "hasOwnProperty", "isPrototypeOf", "propertyIsEnumerable", "toLocaleString"];
const x10 = [2.1, 3.4, 1.9, 5.6, 4.4, 3.8, 2.7, 6.1, 3.3, 4.0];
const y10 = [1.2, 2.9, 2.2, 4.1, 3.1, 2.5, 1.8, 4.4, 2.0, 3.9];
const X20: number[][] = Array.from({ length: 20 }, (_, i) => [Math.sin(i + 1), Math.cos(1.7 * i), ((i * 7) % 5) - 2]);
const yBin = X20.map((r, i) => (r[0]! + 0.3 * Math.sin(5 * i) > 0 ? 1 : 0));
const yGauss = X20.map((r, i) => r[0]! - 0.5 * r[1]! + 0.2 * Math.sin(3 * i));

/** Every public statistics function that takes an options object, called with valid data and `options`. */
const WITH_OPTIONS: Record<string, (options: unknown) => unknown> = {
  welchTTest: (o) => S.welchTTest(x10, y10, o as never),
  studentTTest: (o) => S.studentTTest(x10, y10, o as never),
  pairedTTest: (o) => S.pairedTTest(x10, y10, o as never),
  welchTTestFromSummary: (o) => S.welchTTestFromSummary({ mean: 1, sd: 1, n: 5 }, { mean: 2, sd: 1, n: 6 }, o as never),
  chiSquareTest: (o) => S.chiSquareTest([[10, 5], [3, 12]], o as never),
  mcnemarTest: (o) => S.mcnemarTest([[10, 5], [3, 12]], o as never),
  binomialTest: (o) => S.binomialTest(7, 20, o as never),
  binomialConfInt: (o) => S.binomialConfInt(7, 20, o as never),
  wilcoxonRankSumTest: (o) => S.wilcoxonRankSumTest(x10, y10, o as never),
  wilcoxonSignedRankTest: (o) => S.wilcoxonSignedRankTest(x10, y10, o as never),
  fisherExactTest: (o) => S.fisherExactTest([[3, 1], [1, 3]], o as never),
  elasticNet: (o) => S.elasticNet(X20, yGauss, o as never),
  cvElasticNet: (o) => S.cvElasticNet(X20, yGauss, o as never),
  borutaSelection: (o) => S.borutaSelection(X20, yBin, o as never),
  logisticRegression: (o) => S.logisticRegression(X20, yBin, o as never),
  rocCurve: (o) => S.rocCurve(X20.map((r) => r[0]!), yBin, o as never),
  predictorPipeline: (o) => S.predictorPipeline({ a: X20.map((r) => r[0]!), b: X20.map((r) => r[1]!) }, yBin, o as never),
};

describe("options of every statistics function", () => {
  for (const [fn, call] of Object.entries(WITH_OPTIONS)) {
    it(`${fn}: a misspelt key is a TypeError naming ${fn} and the key`, () => {
      expect(() => call({ alterntive: "less" })).toThrow(TypeError);
      expect(() => call({ alterntive: "less" })).toThrow(new RegExp(`^${fn}: options\\.alterntive is not a known option`));
    });
    it(`${fn}: prototype-named keys are unknown keys, never Object members`, () => {
      fc.assert(
        fc.property(fc.constantFrom(...PROTO_KEYS), fc.oneof(fc.integer(), fc.string(), fc.boolean(), fc.constant(null), fc.constant({ p: 0.1 })), (key, value) => {
          // JSON.parse makes "__proto__" an own key, as data read from a file would.
          const options = JSON.parse(JSON.stringify({ [key]: value })) as unknown;
          expect(() => call(options)).toThrow(new RegExp(`^${fn}: options\\.${key} is not a known option`));
        }),
        { numRuns: 200 },
      );
    });
    it(`${fn}: options that are not a plain object are a TypeError`, () => {
      for (const bad of [null, 3, "less", [1], new Map([["alternative", "less"]]), new Float64Array(2)]) {
        expect(() => call(bad), String(bad)).toThrow(new RegExp(`^${fn}: options`));
      }
    });
  }
  it("options with a custom prototype are not plain objects (inherited keys are never read)", () => {
    const inherited = Object.create({ alternative: "less" }) as Record<string, unknown>;
    expect(() => S.welchTTest(x10, y10, inherited as never)).toThrow(/^welchTTest: options must be a plain object/);
    expect(S.welchTTest(x10, y10, Object.assign(Object.create(null) as object, { alternative: "less" }) as never).alternative).toBe("less");
  });
});

describe("samples must be arrays or typed arrays of numbers", () => {
  const dv = new DataView(new ArrayBuffer(16));
  const arrayLike = { length: 3, 0: 1, 1: 2, 2: 3 };
  const SAMPLE_FNS: Record<string, (s: unknown) => unknown> = {
    mean: (s) => S.mean(s as never),
    variance: (s) => S.variance(s as never),
    sd: (s) => S.sd(s as never),
    median: (s) => S.median(s as never),
    quantile: (s) => S.quantile(s as never, 0.5),
    iqr: (s) => S.iqr(s as never),
    summarizeNumeric: (s) => S.summarizeNumeric(s as never),
    shapiroWilkTest: (s) => S.shapiroWilkTest(s as never),
    welchTTest: (s) => S.welchTTest(s as never, y10),
    studentTTest: (s) => S.studentTTest(x10, s as never),
    pairedTTest: (s) => S.pairedTTest(s as never, y10),
    wilcoxonRankSumTest: (s) => S.wilcoxonRankSumTest(x10, s as never),
    wilcoxonSignedRankTest: (s) => S.wilcoxonSignedRankTest(s as never),
    kruskalWallisTest: (s) => S.kruskalWallisTest([x10, s as never]),
    rocCurve: (s) => S.rocCurve(s as never, yBin),
    elasticNet: (s) => S.elasticNet(X20, s as never),
  };
  for (const [fn, call] of Object.entries(SAMPLE_FNS)) {
    it(`${fn}: a DataView, a BigInt64Array or an array-like object is a TypeError naming ${fn}`, () => {
      for (const bad of [dv, new BigInt64Array(3), arrayLike, "123", new Set([1, 2, 3])]) {
        expect(() => call(bad)).toThrow(TypeError);
        expect(() => call(bad)).toThrow(new RegExp(`^${fn}: `));
      }
    });
  }
  it("typed arrays of numbers are samples", () => {
    expect(S.mean(new Float64Array([1, 2, 3]) as never)).toBe(2);
    expect(S.median(Int32Array.from([5, 1, 3]) as never)).toBe(3);
  });
  it("wilcoxonSignedRankTest(x, y) with an array-like or DataView y reads it as a sample, not as options", () => {
    expect(() => S.wilcoxonSignedRankTest(x10, { length: 10, 0: 1 } as never)).toThrow(/wilcoxonSignedRankTest: y must be an array of numbers/);
    expect(() => S.wilcoxonSignedRankTest(x10, dv as never)).toThrow(/wilcoxonSignedRankTest: y must be an array of numbers/);
    // A plain options object is still accepted in second position.
    expect(S.wilcoxonSignedRankTest(x10, { alternative: "greater" }).alternative).toBe("greater");
  });
  it("sparse arrays (holes) are rejected, not read as numbers", () => {
    const holes = [1, 2, 3];
    delete holes[1];
    expect(() => S.mean(holes)).toThrow(/mean: x\[1\] must be a number; got undefined/);
  });
});

describe("overflowing intermediates give the answer or a RangeError, never NaN", () => {
  it("mean, sd, median and summarizeNumeric of values near the largest double", () => {
    expect(S.mean([1.5e308, 1.5e308, 1.5e308])).toBe(1.5e308);
    expect(S.mean([1.7e308, -1.7e308, 1.7e308]) / (1.7e308 / 3)).toBeCloseTo(1, 14);
    expect(S.sd([1e-200, -1e-200]) / 1e-200).toBeCloseTo(Math.SQRT2, 14);
    // sd(c(1, -1, 1)) = 1.1547005383792515 in R; the data are that times 1e308.
    expect(S.sd([1e308, -1e308, 1e308]) / 1e308).toBeCloseTo(1.1547005383792515, 14);
    expect(S.median([1.5e308, 1.7e308])).toBe(1.6e308);
    const s = S.summarizeNumeric([1e308, -1e308, 1e308, 5e307]);
    for (const v of Object.values(s)) expect(Number.isFinite(v)).toBe(true);
  });
  it("variance that is not representable is a RangeError naming variance", () => {
    expect(() => S.variance([1e308, -1e308])).toThrow(/^variance: the variance of x exceeds the largest double/);
    expect(S.variance([1e154, -1e154, 0]) / 1e308).toBeCloseTo(1, 12);
  });
  it("the mean and sd of data scaled up to 2^1020 times are the scaled mean and sd", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1, max: 1, noNaN: true }).map((v) => (Math.abs(v) < 1e-200 ? 0 : v)), { minLength: 2, maxLength: 30 }), (xs) => {
        const big = xs.map((v) => v * 2 ** 1020);
        const scale = Math.max(...xs.map(Math.abs));
        expect(Math.abs(S.mean(big) / 2 ** 1020 - S.mean(xs))).toBeLessThanOrEqual(1e-15 * scale);
        expect(Math.abs(S.sd(big) / 2 ** 1020 - S.sd(xs))).toBeLessThanOrEqual(1e-15 * scale);
      }),
      { numRuns: 2000 },
    );
  });
  it("shapiroWilkTest with values near +-1e308 equals the test on the data / 1e300 (R, scale-free)", () => {
    // R 4.2.2: shapiro.test(c(1e308, -1e308, 0, 5e307, 3) / 1e300) -> W 0.95562714721185271, p 0.77725340228489059
    const r = S.shapiroWilkTest([1e308, -1e308, 0, 5e307, 3]);
    expect(r.statistic).toBeCloseTo(0.95562714721185271, 12);
    expect(r.pValue).toBeCloseTo(0.77725340228489059, 11);
  });
  it("shapiroWilkTest tests samples whose values differ by less than 1e-10 (R rescales them)", () => {
    // R 4.2.2: shapiro.test(c(0, 1e-12, 3e-12, 4e-12, 9e-12, 1.3e-11)) -> W 0.90739072684487143, p 0.41945409595693373
    const a = S.shapiroWilkTest([0, 1e-12, 3e-12, 4e-12, 9e-12, 1.3e-11]);
    expect(a.statistic).toBeCloseTo(0.90739072684487143, 12);
    expect(a.pValue).toBeCloseTo(0.41945409595693373, 11);
    // R 4.2.2: shapiro.test(1 + c(0, 1, 5, 6, 13, 20, 21, 64) * 2^-40) -> W 0.75631352930619011, p 0.0095902052514157572
    const b = S.shapiroWilkTest([0, 1, 5, 6, 13, 20, 21, 64].map((k) => 1 + k * 2 ** -40));
    expect(b.statistic).toBeCloseTo(0.75631352930619011, 12);
    expect(b.pValue / 0.0095902052514157572).toBeCloseTo(1, 9);
    expect(() => S.shapiroWilkTest([2, 2, 2])).toThrow(/shapiroWilkTest: x must not have all values identical/);
  });
  it("welchTTestFromSummary with sd near 1e308 equals the test on summaries / 1e300", () => {
    const big = S.welchTTestFromSummary({ mean: 1e307, sd: 1e308, n: 10 }, { mean: -2e307, sd: 2e307, n: 12 });
    const small = S.welchTTestFromSummary({ mean: 1e7, sd: 1e8, n: 10 }, { mean: -2e7, sd: 2e7, n: 12 });
    expect(big.statistic).toBeCloseTo(small.statistic, 12);
    expect(big.df).toBeCloseTo(small.df!, 10);
    expect(big.pValue).toBeCloseTo(small.pValue, 12);
    expect(big.confInt![0] / 1e300).toBeCloseTo(small.confInt![0], 4);
  });
  it("t tests whose estimate cannot be represented are RangeErrors, not NaN", () => {
    expect(() => S.welchTTest([1.7e308, 1.6e308], [-1.7e308, -1.6e308])).toThrow(/^welchTTest: the estimate or its confidence interval exceeds/);
    expect(() => S.pairedTTest([1.7e308, 1.6e308, 1.5e308], [-1e307, -2e307, 0])).toThrow(/^pairedTTest: the estimate or its confidence interval exceeds/);
    // Differences that overflow but whose mean and interval are representable.
    const px = Array.from({ length: 100 }, (_, i) => (i % 2 === 0 ? 1.7e308 : -1.7e308) + i * 1e300);
    const p = S.pairedTTest(px, px.map((v) => -v / 3));
    expect(Number.isFinite(p.statistic) && Number.isFinite(p.confInt![1])).toBe(true);
  });
  it("chiSquareTest with counts near 1e308 is the statistic of the table / 2^k times 2^k (no correction)", () => {
    const t = [[10, 5], [6, 12]];
    // R 4.2.2: chisq.test(matrix(c(10, 6, 5, 12), 2), correct = FALSE)$statistic -> 3.6397058823529407
    const big = S.chiSquareTest(t.map((r) => r.map((v) => v * 1e307)), { correct: false });
    expect(big.statistic / 1e307 / 3.6397058823529407).toBeCloseTo(1, 12);
    expect(big.pValue).toBe(0);
    expect(Number.isFinite(S.chiSquareTest([[1e308, 5e307], [6e307, 1.2e308]]).statistic)).toBe(true);
  });
  it("fisherExactTest refuses totals above 2^53 - 1 instead of returning NaN", () => {
    expect(() => S.fisherExactTest([[1e308, 1e308], [1e308, 1e308]])).toThrow(/^fisherExactTest: table total must be at most 2\^53 - 1/);
    expect(() => S.fisherExactTest([[1e15, 1e15], [1e15, 1e15]])).toThrow(/^fisherExactTest: a 2 x 2 table this large needs more than/);
  });
  it("cvElasticNet with a +-1e308 column equals the fit on that column / 1e308 (standardized)", () => {
    const base = X20.map((r) => [r[0]!, r[1]!]);
    const big = base.map((r) => [r[0]! * 1e308, r[1]!]);
    const a = S.cvElasticNet(base, yGauss, { seed: 3 });
    const b = S.cvElasticNet(big, yGauss, { seed: 3 });
    expect(b.lambdaMin).toBeCloseTo(a.lambdaMin, 12);
    const ca = a.coefficients(a.lambdaMin);
    const cb = b.coefficients(b.lambdaMin);
    expect(cb.beta[0]! * 1e308).toBeCloseTo(ca.beta[0]!, 10);
    expect(cb.intercept).toBeCloseTo(ca.intercept, 10);
    expect(() => S.elasticNet(big, yGauss, { standardize: false })).toThrow(/^elasticNet: X column 0 holds values too large for standardize: false/);
  });
});

describe("exact distributions at large sizes", () => {
  const seq = (n: number, f: (i: number) => number): number[] => Array.from({ length: n }, (_, i) => f(i + 1));
  it("wilcoxonRankSumTest exact at 1,000 a side is a RangeError naming the limit (was p = -1.9e12)", () => {
    expect(() => S.wilcoxonRankSumTest(seq(1000, Math.sin), seq(1000, (i) => Math.cos(i) + 0.01), { exact: true })).toThrow(
      /^wilcoxonRankSumTest: options\.exact is true but the exact distribution is computed for samples where the smaller has at most 300 values/,
    );
    expect(() => S.wilcoxonRankSumTest(seq(20, Math.sin), seq(600_000, Math.cos), { exact: true })).toThrow(/nx \* ny <= 10000000/);
  });
  it("wilcoxonSignedRankTest exact beyond 2000 differences is a RangeError naming the limit", () => {
    expect(() => S.wilcoxonSignedRankTest(seq(2001, (i) => Math.sin(i) + 0.01), { exact: true })).toThrow(/at most 2000 non-zero differences/);
  });
  it("exact p-values are probabilities at every size up to the limits", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 1, max: 300 }), fc.double({ min: -2, max: 2, noNaN: true }), (m, n, shift) => {
        const r = S.wilcoxonRankSumTest(seq(m, (i) => Math.sin(i * 1.1)), seq(n, (i) => Math.cos(i * 0.7) + shift + 1e-9 * i), { exact: true });
        expect(r.pValue).toBeGreaterThanOrEqual(0);
        expect(r.pValue).toBeLessThanOrEqual(1);
      }),
      { numRuns: 40 },
    );
  });
});

describe("errors name the function the user called", () => {
  it("predictorPipeline reports a step's rejection under its own name", () => {
    const a = X20.map((r) => r[0]!);
    const b = X20.map((r) => r[1]!);
    expect(() => S.predictorPipeline({ a, b }, yBin, { seed: "x" as never })).toThrow(/^predictorPipeline: elastic-net step \(cvElasticNet\) rejected its input: options\.seed/);
  });
  it("predictorPipeline does not find prototype members as columns", () => {
    const a = X20.map((r) => r[0]!);
    for (const key of PROTO_KEYS.filter((k) => k !== "__proto__")) {
      expect(() => S.predictorPipeline({ a, b: a }, yBin, { predictors: ["a", key] })).toThrow(new RegExp(`^predictorPipeline: columns\\.${key} is missing`));
    }
  });
});
