import { describe, expect, it } from "vitest";
import { logisticRegression, type LogisticRegressionResult } from "../../stats/index.js";
import { regressionTable } from "./index.js";
import { tableToMarkdown } from "../renderTable/index.js";

const X = [...Array<number[]>(10).fill([0]), ...Array<number[]>(10).fill([1])];
const y = [1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0];

describe("regressionTable", () => {
  it("matches the @example (hand-checked: OR = (7/3)/(3/7) = 49/9, Wald SE = sqrt(1/7+1/3+1/3+1/7))", () => {
    const fit = logisticRegression(X, y, { names: ["treated"], confIntMethod: "wald" });
    const t = regressionTable(fit, { data: { X, y, names: ["treated"] } });
    expect(t.table.rows.map((r) => r.cells.join(" | "))).toEqual(["treated |  |  |  |  | ", "0 | 10 | 3 | — | — | ", "1 | 10 | 7 | 5.44 | 0.80, 36.87 | 0.082"]);
    const se = Math.sqrt(2 / 7 + 2 / 3);
    expect(t.rows[2]!.oddsRatio).toBeCloseTo(49 / 9, 8);
    expect(t.rows[2]!.confInt![0]).toBeCloseTo(Math.exp(Math.log(49 / 9) - 1.959963984540054 * se), 8);
  });

  it("prints the paper's Table 2 shape from its reported estimates and counts", () => {
    const coef = (name: string, or: number, lo: number, hi: number, p: number) => ({
      name, estimate: Math.log(or), stdError: 1, statistic: 0, pValue: p, confInt: [Math.log(lo), Math.log(hi)] as [number, number], oddsRatio: or, oddsRatioConfInt: [lo, hi] as [number, number],
    });
    const fit = {
      coefficients: [
        coef("(Intercept)", 1, 0.5, 2, 0.5),
        coef("age", 0.87, 0.79, 0.95, 0.004),
        coef("antiIntegrin", 0.04, 0.001, 0.49, 0.011),
        coef("il23", 8.77, 1.12, 68.96, 0.039),
        coef("surgery", 5.0, 0.61, 41.35, 0.135),
      ],
    } as unknown as LogisticRegressionResult;
    const t = regressionTable(fit, {
      terms: [
        { name: "age", label: "Confirmed age", counts: { label: "", n: 56, events: 37 } },
        { name: "antiIntegrin", label: "Anti-integrin", counts: [{ label: "0", n: 34, events: 30 }, { label: "1", n: 22, events: 7 }] },
        { name: "il23", label: "IL-12/23 and IL-23 inhibitors", counts: [{ label: "0", n: 21, events: 8 }, { label: "1", n: 35, events: 29 }] },
        { name: "surgery", label: "History of surgery", counts: [{ label: "0", n: 30, events: 14 }, { label: "1", n: 26, events: 23 }] },
      ],
      caption: "Table 2 Multivariate Logistic Regression for Training Cohort",
    });
    const md = tableToMarkdown(t.table);
    expect(md).toContain("| Confirmed age | 56 | 37 | 0.87 | 0.79, 0.95 | 0.004 |");
    expect(md).toContain("| \u00a0\u00a0\u00a0\u00a01 | 22 | 7 | 0.04 | 0.00, 0.49 | 0.011 |");
    expect(md).toContain("| \u00a0\u00a0\u00a0\u00a00 | 34 | 30 | — | — |  |");
    expect(md).toContain("| \u00a0\u00a0\u00a0\u00a01 | 35 | 29 | 8.77 | 1.12, 68.96 | 0.039 |");
    expect(md).toContain("| \u00a0\u00a0\u00a0\u00a01 | 26 | 23 | 5.00 | 0.61, 41.35 | 0.135 |");
  });

  it("rejects unknown terms and bad counts", () => {
    const fit = logisticRegression(X, y, { names: ["treated"], confIntMethod: "wald" });
    expect(() => regressionTable(fit, { terms: [{ name: "nope" }] })).toThrow(/must name a coefficient/);
    expect(() => regressionTable(fit, { terms: [{ name: "treated", counts: { label: "", n: 3, events: 4 } }] })).toThrow(/events <= n/);
    expect(() => regressionTable({} as LogisticRegressionResult)).toThrow(TypeError);
  });

  it("does not mutate its input", () => {
    const fit = logisticRegression(X, y, { names: ["treated"], confIntMethod: "wald" });
    const before = structuredClone(fit);
    const data = { X, y, names: ["treated"] };
    const dBefore = structuredClone(data);
    regressionTable(fit, { data, intercept: true });
    expect(fit).toEqual(before);
    expect(data).toEqual(dBefore);
  });
});
