import { describe, expect, it } from "vitest";
import { coxRegression, proportionalHazardsTest } from "../../stats/index.js";
import { coxRegressionTable } from "../coxRegressionTable/index.js";
import { cumulativeIncidenceSvg } from "../cumulativeIncidenceSvg/index.js";
import { forestPlotSvg } from "../forestPlotSvg/index.js";
import { kaplanMeierSvg } from "../kaplanMeierSvg/index.js";
import { survivalTable } from "./index.js";

// R: survfit(Surv(time, status) ~ group); summary(fit, times = 10); survdiff(...)
const data = { time: [5, 8, 12, 20, 3, 9, 15, 30], status: [1, 0, 1, 1, 1, 1, 0, 0], group: ["UC", "UC", "UC", "UC", "CD", "CD", "CD", "CD"] };

describe("survivalTable", () => {
  it("the @example columns, groups in order, worked values", () => {
    const t = survivalTable(data, { times: [10] });
    expect(t.table.columns).toEqual(["Group", "N", "Events", "Median (95% CI)", "Day 10: % (95% CI)", "Day 10: at risk", "p-value"]);
    expect(t.rows.map((r) => r.label)).toEqual(["CD", "UC"]);
    // CD: events at 3 and 9 of 4 at risk: S(10) = 3/4 * 2/3 = 0.5; UC: 5 (4 at risk), 8 censored: S(10) = 0.75
    expect(t.rows[0]!.atTimes[0]!.surv).toBeCloseTo(0.5, 14);
    expect(t.rows[1]!.atTimes[0]!.surv).toBeCloseTo(0.75, 14);
    expect(t.rows.map((r) => r.atTimes[0]!.nRisk)).toEqual([2, 2]);
    expect(t.rows[1]!.median).toBe(12);
    expect(t.logRank?.df).toBe(1);
    expect(t.table.rows[0]!.cells[5]).toBe("2");
  });
  it("after the last observed time survival is not carried forward", () => {
    const t = survivalTable(data, { times: [25] });
    expect(t.rows[1]!.atTimes[0]!.surv).toBeNull();
    expect(t.table.rows[1]!.cells[4]).toBe("—");
  });
  it("a median never reached prints NR", () => {
    const t = survivalTable({ time: [1, 2, 3, 4], status: [1, 0, 0, 0] });
    // the lower limit curve (log CI) drops below 0.5 at t = 1: R quantile(fit) gives lower 1, upper NA
    expect(t.table.rows[0]!.cells[3]).toBe("NR (1, NR)");
    expect(t.logRank).toBeNull();
  });
  it("bad input names the argument", () => {
    expect(() => survivalTable({ time: [1, 2], status: [1] })).toThrow(/survivalTable: data\.status must have one value per subject/);
    expect(() => survivalTable(data, { times: [-1] })).toThrow(/options\.times\[0\] must be a finite number >= 0/);
  });
});

describe("coxRegressionTable and the forest plot", () => {
  const X = [[0], [1], [0], [1], [1], [0], [1], [0]];
  const time = [5, 2, 7, 3, 4, 6, 8, 1];
  const status = [1, 1, 0, 1, 0, 1, 1, 1];
  const fit = coxRegression(X, time, status, { names: ["treated"] });
  it("binary layout with counts and the PH column", () => {
    const t = coxRegressionTable(fit, { data: { X, status, names: ["treated"] }, phTest: proportionalHazardsTest(X, time, status, { names: ["treated"] }) });
    expect(t.table.columns).toEqual(["Characteristic", "N", "Event N", "HR", "95% CI", "p-value", "PH test p"]);
    expect(t.rows.map((r) => [r.kind, r.n, r.events])).toEqual([["heading", null, null], ["reference", 4, 3], ["level", 4, 3]]);
    expect(t.rows[2]!.hazardRatio).toBe(fit.coefficients[0]!.hazardRatio);
    expect(t.rows[0]!.phPValue).not.toBeNull();
    const svg = forestPlotSvg(t.forest, { estimateLabel: "HR" });
    expect(svg).toContain("HR (95% CI)");
    expect(svg).not.toContain("OR (95% CI)");
  });
  it("throws on a term that names no coefficient", () => {
    expect(() => coxRegressionTable(fit, { terms: [{ name: "age" }] })).toThrow(/options\.terms\[0\]\.name must name a coefficient/);
  });
});

describe("survival figures", () => {
  it("Kaplan–Meier: one curve per group, numbers at risk under the ticks, log-rank p, median lines", () => {
    const svg = kaplanMeierSvg(data, { breaks: [0, 10, 20, 30], medianLines: true });
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg).toContain("Number at risk");
    expect(svg).toMatch(/Log-rank p = 0\.\d{3}/);
    expect(svg).toContain("median 12");
    // at-risk counts at t = 10 (CD: 15, 30; UC: 12, 20)
    expect((svg.match(/>2<\/text>/g) ?? []).length).toBeGreaterThanOrEqual(2);
  });
  it("cumulative incidence: labels the causes", () => {
    const svg = cumulativeIncidenceSvg({ time: [2, 4, 5, 7, 9], status: [1, 2, 0, 1, 0] }, { causeLabels: { "1": "Failure", "2": "Surgery" } });
    expect(svg).toContain("Failure");
    expect(svg).toContain("Surgery");
  });
  it("figures reject bad data", () => {
    expect(() => kaplanMeierSvg({ time: [1, 2], status: [2, 0] })).toThrow(/status\[0\] must be 0 \(censored\) or 1/);
    expect(() => kaplanMeierSvg(data, { width: 100 })).toThrow(/options\.width must be at least 360/);
  });
});
