import { describe, expect, it } from "vitest";
import { outcomeRates } from "../outcomeRates/index.js";
import { figure5aRows } from "../_test/statusRows.js";
import { outcomeRatesSvg } from "./index.js";
import { checkXml } from "../_test/wellFormed.js";

const result = outcomeRates(figure5aRows(), { overall: "All" });

describe("outcomeRatesSvg", () => {
  it("matches the @example", () => {
    const r = outcomeRates([{ patientId: "1", group: "UC", timepoint: "w8", status: "met" }, { patientId: "2", group: "UC", timepoint: "w8", status: "not-met" }]);
    expect(outcomeRatesSvg(r, { title: "Clinical response" }).includes("50.0%")).toBe(true);
  });

  it("is well-formed SVG with the paper's percentages, p-values, legend and labels", () => {
    const svg = outcomeRatesSvg(result, { title: "Steroid-free clinical remission", timepointLabels: { induction: "Week 8/12" } });
    const x = checkXml(svg);
    expect(x.ok, x.error).toBe(true);
    expect(x.root).toBe("svg");
    for (const s of ["67.9%", "59.6%", "62.5%", "78.6%", "73.1%", "75.0%", "85.7%", "78.8%", "81.3%", "Week 8/12", "Week 26", "P = 0.468", "P = 0.588", "P = 0.453", "Patients (%)", "Steroid-free clinical remission"]) {
      expect(x.texts, s).toContain(s);
    }
    expect(x.texts.some((t) => t.startsWith("UC (N = 28, Cochran's Q P"))).toBe(true);
    expect(x.texts.some((t) => t.startsWith("All (N = 80"))).toBe(true);
    expect(x.elements.filter((e) => e === "rect").length).toBeGreaterThanOrEqual(9 + 3 + 1);
    expect(svg).not.toMatch(/NaN|undefined|Infinity/);
  });

  it("escapes labels", () => {
    const r = outcomeRates([{ patientId: "1", group: "<b>&\"x\"", timepoint: "t<1>", status: "met" }]);
    const svg = outcomeRatesSvg(r, { title: "A & B <c>" });
    const x = checkXml(svg);
    expect(x.ok, x.error).toBe(true);
    expect(x.texts).toContain("A & B <c>");
    expect(x.texts).toContain("t<1>");
  });

  it("can leave out values and p-values", () => {
    const x = checkXml(outcomeRatesSvg(result, { showValues: false, showPValues: false }));
    expect(x.ok).toBe(true);
    expect(x.texts).not.toContain("67.9%");
    expect(x.texts).not.toContain("P = 0.468");
  });

  it("rejects bad input", () => {
    expect(() => outcomeRatesSvg({} as never)).toThrow(TypeError);
    expect(() => outcomeRatesSvg(result, { width: 50 })).toThrow(RangeError);
  });

  it("does not mutate its input", () => {
    const before = structuredClone(result);
    outcomeRatesSvg(result);
    expect(result).toEqual(before);
  });
});
