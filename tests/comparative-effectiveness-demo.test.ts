import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { comparativeEffectivenessDemo } from "../examples/comparative-effectiveness.js";
import { COMPARISON_COHORT_FILE, generateComparisonCohort } from "../examples/data/generate-comparison-cohort.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

describe("examples/data/comparison-cohort.json (synthetic second treatment group)", () => {
  it("is reproduced byte for byte by its own generator", () => {
    const out = execFileSync(process.execPath, [join(root, "node_modules", "tsx", "dist", "cli.mjs"), join(root, "examples", "data", "generate-comparison-cohort.ts"), "--check"], { encoding: "utf8" });
    expect(out).toMatch(/up to date/);
    expect(readFileSync(COMPARISON_COHORT_FILE, "utf8")).toBe(`${JSON.stringify(generateComparisonCohort(), null, 1)}\n`);
  });
  it("holds 122 upadacitinib (43 UC) and 366 ustekinumab patients, every value recorded", () => {
    const c = generateComparisonCohort();
    const upa = c.patients.filter((p) => p.drug === "upadacitinib");
    expect(upa).toHaveLength(122);
    expect(upa.filter((p) => p.diagnosis === "UC")).toHaveLength(43);
    expect(c.patients.filter((p) => p.drug === "ustekinumab")).toHaveLength(366);
    for (const p of c.patients) for (const v of Object.values(p)) expect(v === null || v === undefined || Number.isNaN(v)).toBe(false);
    expect(c.description).toMatch(/SYNTHETIC/);
  });
});

describe("comparative-effectiveness demo", () => {
  const demo = comparativeEffectivenessDemo();
  it("matched comparison: balance improves on every covariate the model adjusts for", () => {
    const b = demo.matched.balance;
    expect(b.maxAbsSmd.after!).toBeLessThan(b.maxAbsSmd.before);
    expect(b.maxAbsSmd.before).toBeGreaterThan(0.5);
    expect(demo.matched.pairedOutcome).not.toBeNull();
  });
  it("weighted comparison (truncated ATT weights): every |SMD| below 0.1 after weighting", () => {
    expect(demo.weighted.balance.maxAbsSmd.after!).toBeLessThan(0.1);
    expect(demo.weighted.weighting!.truncation!.nTruncated).toBeGreaterThan(0);
  });
  it("reports balance tables, a weighted Table 1, the outcome table and three figures with the 0.1 line", () => {
    expect(demo.tables.map((t) => t.caption)).toEqual([
      expect.stringMatching(/^Balance before and after 1:1 matching/),
      expect.stringMatching(/^Balance before and after weighting/),
      expect.stringMatching(/^Weighted Table 1/),
      expect.stringMatching(/^Clinical remission at week 8/),
    ]);
    expect(demo.tables[3]!.rows).toHaveLength(3);
    expect(Object.keys(demo.figures)).toEqual(["ce-overlap.svg", "ce-love-matched.svg", "ce-love-weighted.svg"]);
    expect(demo.figures["ce-love-matched.svg"]).toContain('class="threshold"');
  });
});
