import { describe, expect, it } from "vitest";
import { compareContinuous, compareCounts, selectCategoricalTest, selectContinuousTest, TEST_FOOTNOTES } from "./index.js";

describe("selectCategoricalTest", () => {
  it("matches the @example", () => expect(selectCategoricalTest([[2, 26], [11, 41]]).test).toBe("fisherExact"));

  it("switches exactly at an expected count of 5", () => {
    // margins 10/10 x 10/10: every expected count 5 -> Pearson
    expect(selectCategoricalTest([[5, 5], [5, 5]]).test).toBe("pearsonChiSquared");
    // rows 9/11, cols 10/10: smallest expected 4.5 -> Fisher
    const c = selectCategoricalTest([[4, 5], [6, 5]]);
    expect(c.test).toBe("fisherExact");
    expect(c.minExpected).toBeCloseTo(4.5, 12);
    expect(c.expected).toEqual([[4.5, 4.5], [5.5, 5.5]]);
    expect(selectCategoricalTest([[4, 5], [6, 5]], { minExpected: 4 }).test).toBe("pearsonChiSquared");
  });

  it("has no test with a zero margin", () => {
    const c = selectCategoricalTest([[0, 28], [0, 52]]);
    expect(c.test).toBeNull();
    expect(c.expected).toEqual([]);
  });

  it("rejects bad tables", () => {
    expect(() => selectCategoricalTest([[1, 2]])).toThrow(/at least 2 rows/);
    expect(() => selectCategoricalTest([[1, 2], [3]])).toThrow(/rectangular/);
    expect(() => selectCategoricalTest([[1, -2], [3, 4]])).toThrow(/table\[0\]\[1\] must be a non-negative integer/);
    expect(() => selectCategoricalTest([[1, 2], [3, 4]], { minExpected: 0 })).toThrow(/minExpected/);
  });
});

describe("selectContinuousTest", () => {
  it("matches the @example", () => expect(selectContinuousTest([[1, 2, 3, 4, 50], [2, 3, 4, 5, 6]], { summary: "median" }).test).toBe("wilcoxonRankSum"));

  it("auto: too few values for Shapiro-Wilk means median and Wilcoxon, with the reason", () => {
    const c = selectContinuousTest([[1, 2], [3, 4, 5]]);
    expect(c.test).toBe("wilcoxonRankSum");
    expect(c.summary).toBe("median");
    expect(c.reason).toMatch(/not possible in every group/);
    expect(c.normality).toEqual([{ n: 2, pValue: null }, expect.objectContaining({ n: 3 })]);
  });

  it("three groups use Kruskal-Wallis whatever the summary", () => {
    expect(selectContinuousTest([[1], [2], [3]], { summary: "mean" })).toMatchObject({ test: "kruskalWallis", summary: "mean" });
  });

  it("rejects bad input", () => {
    expect(() => selectContinuousTest([[1, 2]])).toThrow(/at least 2 groups/);
    expect(() => selectContinuousTest([[1, Number.NaN], [2]])).toThrow(/groups\[0\]\[1\] must be finite/);
    expect(() => selectContinuousTest([[1], [2]], { summary: "mode" as "mean" })).toThrow(TypeError);
    expect(() => selectContinuousTest([[1], [2]], { normalityAlpha: 1 })).toThrow(RangeError);
  });
});

describe("compareCounts / compareContinuous", () => {
  it("match the @examples", () => {
    expect(compareCounts([[18, 10], [30, 22]]).pValue?.toFixed(3)).toBe("0.566");
    expect(compareContinuous([[1, 2, 3], [4, 5, 6]], { summary: "median" }).pValue).toBe(0.1);
  });

  it("forcing a test says what the rule would have chosen", () => {
    const r = compareCounts([[18, 10], [30, 22]], { test: "fisherExact" });
    expect(r.test).toBe("fisherExact");
    expect(r.reason).toMatch(/requested \(the rule would choose Pearson's Chi-squared test\)/);
  });

  it("reports an undefined test instead of throwing", () => {
    const r = compareContinuous([[2, 2, 2], [2, 2, 2]], { summary: "median" });
    expect(r.pValue).toBeNull();
    expect(r.test).toBeNull();
    expect(r.reason).toMatch(/undefined for these data/);
  });

  it("letters match the paper's notes", () => {
    expect(Object.values(TEST_FOOTNOTES).map((f) => `${f.letter} ${f.label}`)).toEqual([
      "a Wilcoxon rank sum test",
      "b Welch Two Sample t-test",
      "c Pearson's Chi-squared test",
      "d Fisher's exact test",
      "e Kruskal-Wallis rank sum test",
      "f McNemar's Chi-squared test with continuity correction",
      "g Wilcoxon signed rank test",
      "h Paired t-test",
      "i Cochran's Q test",
      "j Friedman rank sum test",
    ]);
  });

  it("does not mutate its input", () => {
    const t = [[18, 10], [30, 22]];
    const g = [[3, 1, 2], [6, 4, 5]];
    compareCounts(t);
    compareContinuous(g, { summary: "median" });
    expect(t).toEqual([[18, 10], [30, 22]]);
    expect(g).toEqual([[3, 1, 2], [6, 4, 5]]);
  });
});
