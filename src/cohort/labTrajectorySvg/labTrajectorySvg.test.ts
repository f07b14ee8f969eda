import { describe, expect, it } from "vitest";
import { labTrajectorySummary, type LabValueRow } from "../labTrajectorySummary/index.js";
import { labTrajectorySvg } from "./index.js";
import { checkXml } from "../_test/wellFormed.js";

const rows: LabValueRow[] = [1, 2, 3, 4, 5, 6].flatMap((v, i) => [
  { patientId: `p${i}`, timepoint: "w0", value: 800 + 10 * v, group: i < 3 ? "UC" : "CD" },
  { patientId: `p${i}`, timepoint: "w8", value: 200 + 7 * v, group: i < 3 ? "UC" : "CD" },
  { patientId: `p${i}`, timepoint: "w78", value: i === 0 ? null : 180 + 3 * v, group: i < 3 ? "UC" : "CD" },
]);

describe("labTrajectorySvg", () => {
  it("matches the @example", () => {
    const s = labTrajectorySummary([{ patientId: "a", timepoint: "w0", value: 10 }, { patientId: "a", timepoint: "w8", value: 4 }, { patientId: "b", timepoint: "w0", value: 12 }, { patientId: "b", timepoint: "w8", value: 5 }]);
    expect(labTrajectorySvg(s, { yLabel: "CRP (mg/L)" }).includes("CRP (mg/L)")).toBe(true);
  });

  it("is well-formed, with labels, p-values against baseline and one circle per point", () => {
    const s = labTrajectorySummary(rows);
    const svg = labTrajectorySvg(s, { title: "Faecal calprotectin", yLabel: "FC (µg/g)", timepointLabels: { w0: "Baseline" } });
    const x = checkXml(svg);
    expect(x.ok, x.error).toBe(true);
    // p in the tables' default style (paper, gtsummary 3 digits), n under each time point
    for (const t of ["Faecal calprotectin", "FC (µg/g)", "Baseline", "w8", "w78", "P = 0.031", "P = 0.063", "n = 6", "n = 5"]) expect(x.texts, t).toContain(t);
    expect(x.elements.filter((e) => e === "circle")).toHaveLength(3);
    expect(svg).not.toMatch(/NaN|undefined/);
  });

  it("draws one line per group with a legend and group-prefixed p-values", () => {
    const s = labTrajectorySummary(rows, { byGroup: true, summary: "median" });
    const x = checkXml(labTrajectorySvg(s));
    expect(x.ok, x.error).toBe(true);
    expect(x.texts).toContain("UC");
    expect(x.texts).toContain("CD");
    expect(x.texts.some((t) => t.startsWith("UC P = "))).toBe(true);
    expect(x.elements.filter((e) => e === "circle")).toHaveLength(6);
    // n per group under each time point (p0, a UC patient, has no value at w78)
    expect(x.texts).toContain("n: UC 3 · CD 3");
    expect(x.texts).toContain("n: UC 2 · CD 3");
  });

  it("keeps another p-value style on request and leaves n out with showN: false", () => {
    const x = checkXml(labTrajectorySvg(labTrajectorySummary(rows), { pValueStyle: "graphpad", showN: false }));
    expect(x.texts).toContain("P=0.0313");
    expect(x.texts.some((t) => t.startsWith("n = "))).toBe(false);
  });

  it("cuts SD bars of non-negative skewed values at 0 and says so", () => {
    const skew: LabValueRow[] = [0.5, 0.8, 1, 1.2, 30].flatMap((v, i) => [
      { patientId: `s${i}`, timepoint: "w0", value: v * 2 },
      { patientId: `s${i}`, timepoint: "w8", value: v },
    ]);
    const x = checkXml(labTrajectorySvg(labTrajectorySummary(skew)));
    expect(x.ok, x.error).toBe(true);
    expect(x.texts.some((t) => t.includes("Mean ± SD (bars cut at 0)"))).toBe(true);
    expect(x.texts.some((t) => /^-\d/.test(t))).toBe(false);
  });

  it("rejects bad input and does not mutate", () => {
    expect(() => labTrajectorySvg({} as never)).toThrow(TypeError);
    const s = labTrajectorySummary(rows);
    const before = structuredClone(s);
    labTrajectorySvg(s);
    expect(s).toEqual(before);
  });
});
