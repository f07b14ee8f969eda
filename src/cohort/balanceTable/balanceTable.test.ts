import { describe, expect, it } from "vitest";
import { covariateBalance } from "../../stats/covariateBalance/index.js";
import { lovePlotSvg } from "../lovePlotSvg/index.js";
import { propensityOverlapSvg } from "../propensityOverlapSvg/index.js";
import { tableToMarkdown } from "../renderTable/index.js";
import { weightedSummaryTable } from "../weightedSummaryTable/index.js";
import { balanceTable } from "./index.js";

const cov = { age: [50, 60, 40, 45, 52, 38], male: [1, 0, 0, 0, 1, 1], site: ["a", "b", "a", "c", "b", "a"] };
const t = [1, 1, 0, 0, 1, 0];
const w = [1, 1, 2, 0.5, 1, 1.5];

describe("balanceTable", () => {
  it("matches the @example", () => {
    const b = covariateBalance({ age: [50, 60, 40, 45] }, [1, 1, 0, 0], { weights: [1, 1, 1, 1] });
    expect(balanceTable(b).columns.length).toBe(9);
  });
  it("rows per covariate, level rows for categorical, SMD marks above the threshold", () => {
    const b = covariateBalance(cov, t, { weights: w });
    const tab = balanceTable(b, { afterLabel: "weighting", labels: { age: "Age, years" } });
    expect(tab.rows.map((r) => r.cells[0])).toEqual(["Age, years, mean", "male, %", "site, %", "a", "b", "c"]);
    expect(tab.rows[0]!.cells[3]).toEqual({ text: b.rows[0]!.before.smd.toFixed(3), sup: "a" });
    expect(tab.rows[3]!.indent).toBe(1);
    expect(tab.footnotes.join(" ")).toMatch(/effective sample sizes/);
    expect(tableToMarkdown(tab)).toContain("SMD after");
  });
  it("without weights: before columns only", () => {
    expect(balanceTable(covariateBalance(cov, t)).columns).toHaveLength(5);
  });
  it("rejects bad input", () => {
    expect(() => balanceTable({} as never)).toThrow(/balance must be a covariateBalance result/);
    expect(() => balanceTable(covariateBalance(cov, t), { digits: 9 })).toThrow(/options\.digits/);
  });
});

describe("lovePlotSvg", () => {
  const b = covariateBalance(cov, t, { weights: w });
  it("draws the 0.1 threshold line and one before/after pair per covariate", () => {
    const svg = lovePlotSvg(b, { title: "Balance" });
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg.match(/class="threshold"/g)).toHaveLength(1);
    expect(svg.match(/<circle /g)!.length).toBe(2 + 2 * 3); // legend + 3 covariates x 2
    expect(svg).toContain("threshold 0.1");
    expect(lovePlotSvg(b, { signed: true }).match(/class="threshold"/g)).toHaveLength(2);
  });
  it("an infinite SMD is drawn as an arrow, never NaN", () => {
    const sep = covariateBalance({ x: [1, 1, 0, 0] }, [1, 1, 0, 0]);
    const svg = lovePlotSvg(sep);
    expect(svg).not.toContain("NaN");
    expect(svg).toContain("infinite");
  });
  it("rejects unknown options", () => expect(() => lovePlotSvg(b, { colour: "red" } as object)).toThrow(/options\.colour is not a known option/));
});

describe("weightedSummaryTable", () => {
  it("matches the @example", () => {
    const tab = weightedSummaryTable({ age: [50, 60, 40, 45] }, [1, 1, 0, 0], { weights: [1, 1, 2, 2] });
    expect(tab.rows[0]!.cells).toEqual(["Age, mean (SD)", "55.0 (7.1)", "42.5 (3.5)", "2.236"]);
  });
  it("weighted counts and percentages; weighted N and ESS in the header", () => {
    const tab = weightedSummaryTable(cov, t, { weights: w });
    // control male: weights of units 3 (0.5, male 0), 2 (2, male 0), 5 (1.5, male 1): 1.5 of 4 = 37.5%
    expect(tab.rows[1]!.cells[2]).toBe("1.5 (37.5%)");
    expect(tab.columns[2]).toBe("Control, weighted N = 4.0 (ESS 2.5)");
    expect(() => weightedSummaryTable(cov, t, {} as never)).toThrow(/options\.weights is required/);
    expect(() => weightedSummaryTable({ age: [1, NaN, 3, 4, 5, 6] }, t, { weights: w })).toThrow(/weightedSummaryTable: covariates\.age\[1\] is missing/);
  });
});

describe("propensityOverlapSvg", () => {
  it("matches the @example and counts per bin", () => {
    expect(propensityOverlapSvg([0.2, 0.6, 0.4, 0.3], [1, 1, 0, 0]).includes("Treated")).toBe(true);
    const svg = propensityOverlapSvg([0.05, 0.15, 0.95, 0.5], [1, 1, 0, 0], { bins: 10 });
    expect(svg).toContain("Treated counts 1, 1, 0, 0, 0, 0, 0, 0, 0, 0");
    expect(svg).toContain("Control counts 0, 0, 0, 0, 0, 1, 0, 0, 0, 1");
  });
  it("rejects scores outside [0, 1]", () => expect(() => propensityOverlapSvg([1.2, 0.5], [1, 0])).toThrow(/score\[0\] must be a probability/));
});
