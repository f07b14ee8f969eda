import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { analysePaperCohort, comparePaper, COHORT_FILE } from "../examples/reproduce-paper.js";
import { PAPER_CONTRADICTIONS, PAPER_RATES, PAPER_TABLE1_BINARY } from "../src/cli/analysis/paperMao2025.js";
import { parseCohort } from "../src/models/index.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const { analysis, keep } = analysePaperCohort();
const rows = comparePaper(analysis);

describe("examples/data/cohort.json", () => {
  it("is valid: every record passes parseCohort, nothing rejected", () => {
    const r = parseCohort(JSON.parse(readFileSync(COHORT_FILE, "utf8")));
    expect(r.problems).toEqual([]);
    expect(r.counts.patients).toEqual({ total: 122, valid: 122, invalid: 0 });
  });

  it("is reproduced byte for byte by the generator", () => {
    const out = execFileSync(process.execPath, [join(root, "node_modules", "tsx", "dist", "cli.mjs"), join(root, "examples", "data", "generate-cohort.ts"), "--check"], {
      encoding: "utf8",
    });
    expect(out).toMatch(/up to date/);
  });
});

describe("reproducing Mao et al. 2025 from the example cohort", () => {
  it("keeps exactly the 2 biologic co-therapy patients of Table 3 (the paper's flow contradiction)", () => {
    expect(keep).toHaveLength(2);
    expect(analysis.kept.map((k) => k.overridden)).toEqual([["EXCL_CONCOMITANT_BIOLOGIC"], ["EXCL_CONCOMITANT_BIOLOGIC"]]);
    expect(analysis.flow.comparison?.reportedArithmetic).toMatchObject({ impliedIncluded: 78, statedIncluded: 80, consistent: false });
  });

  it("includes 80 patients: 52 CD, 28 UC", () => {
    expect(analysis.flow.includedByDiagnosis).toMatchObject({ CD: 52, UC: 28 });
  });

  it("compares every reference figure (rates, Table 1, Table 3, Table 4, flow, means)", () => {
    for (const r of PAPER_RATES) expect(rows.some((x) => x.id === `rate.${r.id}`)).toBe(true);
    for (const r of PAPER_TABLE1_BINARY) expect(rows.some((x) => x.id === `t1.${r.id}.p`)).toBe(true);
    expect(rows.length).toBeGreaterThan(230);
  });

  it.each(rows.filter((r) => r.match !== null).map((r) => [r.id, r] as const))("%s matches the paper", (_id, r) => {
    expect(r.reproduced).toBe(r.paper);
    expect(r.match).toBe(true);
  });

  it("leaves unasserted only what is approximate or a paper contradiction, each with a note", () => {
    const open = rows.filter((r) => r.match === null);
    for (const r of open) expect(r.note ?? "").not.toBe("");
    expect(open.map((r) => r.id).filter((id) => !id.startsWith("mean.") && id !== "flow.concomitantBiologics" && id !== "t1.durationYears.p")).toEqual([]);
  });

  it("lists the paper's contradictions for the report", () => {
    expect(PAPER_CONTRADICTIONS.map((c) => c.topic)).toContain("Patient flow");
  });

  it("rates come from the library's timelines, with every patient evaluable at every time point", () => {
    for (const r of analysis.rates) expect(r.notEvaluable).toBe(0);
    expect(Object.keys(analysis.timelines)).toHaveLength(80);
  });
});
