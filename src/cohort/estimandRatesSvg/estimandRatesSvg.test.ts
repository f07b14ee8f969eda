import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { getProfile, patientTimeline } from "../../endpoints/index.js";
import { parseCohort } from "../../models/index.js";
import { checkXml } from "../_test/wellFormed.js";
import { estimandRates } from "../estimandRates/index.js";
import { tableToCsv, tableToMarkdown } from "../renderTable/index.js";
import { estimandRatesSvg } from "./index.js";

const cohort = parseCohort(JSON.parse(readFileSync(new URL("../../../examples/data/cohort.json", import.meta.url), "utf8"))).cohort;
const timelines = cohort.patients.flatMap((p) => {
  const c = cohort.courses.find((x) => x.patientId === p.id && x.drug.toLowerCase() === "upadacitinib");
  return c === undefined ? [] : [patientTimeline(p, c, cohort.visits.filter((v) => v.patientId === p.id), getProfile("mao2025"), { missingData: "notEvaluable" })];
});
const r = estimandRates(timelines, {
  endpoint: "endoscopicResponse",
  timepoints: { w8: "induction", w12: "induction" },
  estimands: ["nri", "asObserved", "locf", "bocf", "worstCase", "bestCase", "multipleImputation"],
  multipleImputation: { m: 5, seed: 11 },
  timepointLabels: { induction: "Induction (UC wk 8 / CD wk 12)", w26: "Week 26", w52: "Week 52" },
});

describe("estimandRates table and figure", () => {
  it("the sensitivity table lists every estimand at every time point, primary first", () => {
    const md = tableToMarkdown(r.table);
    expect(md).toContain("Induction (UC wk 8 / CD wk 12)");
    expect(md.indexOf("Non-responder imputation")).toBeLessThan(md.indexOf("As observed"));
    expect(r.table.rows.length).toBe(r.timepoints.length * 7);
    expect(tableToCsv(r.table)).toContain("Multiple imputation");
  });
  it("draws a well-formed SVG with one series per estimand and labelled points", () => {
    for (const group of ["UC", "CD"]) {
      const svg = estimandRatesSvg(r, { group, title: "Endoscopic response", timepointLabels: { induction: "Induction", w26: "Week 26", w52: "Week 52" } });
      const x = checkXml(svg);
      expect(x.ok, x.error).toBe(true);
      expect(x.texts.join(" ")).toContain("Non-responder imputation (primary)");
      expect(x.texts.join(" ")).toContain("Multiple imputation");
      expect(x.texts.join(" ")).toContain(`${group}, N = `);
      expect(svg.match(/<circle /g)!.length).toBe(7 + 7 * r.timepoints.length); // legend + points
    }
  });
  it("rejects a group that is not in the result", () => {
    expect(() => estimandRatesSvg(r, { group: "IBD-U" })).toThrow(/estimandRatesSvg: options.group must be a group of the result/);
    expect(() => estimandRatesSvg({} as never)).toThrow(TypeError);
  });
});
