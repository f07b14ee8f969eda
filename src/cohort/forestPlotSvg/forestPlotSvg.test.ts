import { describe, expect, it } from "vitest";
import { logisticRegression } from "../../stats/index.js";
import { regressionTable } from "../regressionTable/index.js";
import { forestPlotSvg, type ForestPlotRow } from "./index.js";
import { checkXml } from "../_test/wellFormed.js";

const table2: ForestPlotRow[] = [
  { label: "Confirmed age", oddsRatio: 0.87, confInt: [0.79, 0.95], pValue: 0.004 },
  { label: "Anti-integrin", oddsRatio: 0.04, confInt: [0.003, 0.49], pValue: 0.011 },
  { label: "IL-12/23 and IL-23 inhibitors", oddsRatio: 8.77, confInt: [1.12, 68.96], pValue: 0.039 },
  { label: "History of surgery", oddsRatio: 5.0, confInt: [0.61, 41.35], pValue: 0.135 },
];

describe("forestPlotSvg", () => {
  it("matches the @example", () => {
    expect(forestPlotSvg([{ label: "Age", oddsRatio: 0.87, confInt: [0.79, 0.95], pValue: 0.004 }]).includes("0.87 (0.79, 0.95)")).toBe(true);
  });

  it("is well-formed with the paper's Table 2 estimates on a log axis", () => {
    const x = checkXml(forestPlotSvg(table2, { title: "Table 2" }));
    expect(x.ok, x.error).toBe(true);
    for (const t of ["Confirmed age", "0.87 (0.79, 0.95)", "0.04 (0.00, 0.49)", "8.77 (1.12, 68.96)", "5.00 (0.61, 41.35)", "0.004", "0.011", "0.039", "0.135", "0.001", "1", "100", "Odds ratio (log scale)"]) {
      expect(x.texts, t).toContain(t);
    }
  });

  it("takes a regression table (level rows labelled 'term (1 vs 0)') and draws infinite ends as arrows", () => {
    const X = [[0], [0], [0], [0], [1], [1], [1], [1]];
    const y = [0, 0, 0, 1, 1, 1, 1, 1];
    const fit = logisticRegression(X, y, { names: ["x"], confIntMethod: "wald" });
    const t = regressionTable(fit, { data: { X, y, names: ["x"] }, terms: [{ name: "x", label: "Exposed" }] });
    const x = checkXml(forestPlotSvg(t));
    expect(x.ok, x.error).toBe(true);
    expect(x.texts).toContain("Exposed (1 vs 0)");
    const inf = checkXml(forestPlotSvg([{ label: "Separated", oddsRatio: 20, confInt: [2, Infinity] }]));
    expect(inf.ok).toBe(true);
    expect(inf.texts).toContain("20.00 (2.00, ∞)");
  });

  it("widens rather than clipping a long label", () => {
    const label = "A very long characteristic name that would not fit in a narrow figure at all";
    const svg = forestPlotSvg([{ label, oddsRatio: 2, confInt: [1, 4], pValue: 0.05 }], { width: 300 });
    const width = Number(/width="(\d+(?:\.\d+)?)"/.exec(svg)![1]);
    expect(width).toBeGreaterThan(300 + 160);
    expect(checkXml(svg).texts).toContain(label);
  });

  it("rejects bad input and does not mutate", () => {
    expect(() => forestPlotSvg([{ label: "x", oddsRatio: 0, confInt: [0, 1] }])).toThrow(RangeError);
    expect(() => forestPlotSvg(42 as never)).toThrow(TypeError);
    const before = structuredClone(table2);
    forestPlotSvg(table2);
    expect(table2).toEqual(before);
  });
});
