import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { summaryTable } from "../summaryTable/index.js";
import { inlineText, type InlineTextOptions } from "./index.js";

const F = JSON.parse(readFileSync(new URL("../summaryTable/fixtures.json", import.meta.url), "utf8")) as {
  rows: Record<string, unknown>[];
  maleWilsonA: [number, number];
  maleCpA: [number, number];
};

describe("inlineText", () => {
  it("matches the @example (R: prop.test(1, 2, correct = FALSE)$conf.int = 0.0945, 0.9055)", () => {
    const rows = [{ g: "A", y: true }, { g: "A", y: false }, { g: "B", y: true }, { g: "B", y: true }];
    expect(inlineText(summaryTable(rows, { by: "g", variables: [{ key: "y", type: "dichotomous" }] }), "y", { group: "A" })).toBe("1/2 (50.0%; 95% CI 9.5-90.5)");
  });
  const t = summaryTable(F.rows, {
    by: "g",
    variables: [
      { key: "age", type: "continuous" },
      { key: "crp", type: "continuous", summary: "mean", digits: 1 },
      { key: "male", type: "dichotomous" },
      { key: "extent", type: "categorical" },
    ],
  });
  const male = t.rows[2]!;
  it("one group of a yes/no variable: n/N (%; 95% CI) with R's Wilson or Clopper-Pearson interval", () => {
    const k = male.counts![0]!;
    const n = male.n[0]!;
    const p = (v: number) => (100 * v).toFixed(1);
    expect(inlineText(t, "male", { group: "A" })).toBe(`${k}/${n} (${male.cells[0]!.slice(male.cells[0]!.indexOf("(") + 1, -2)}%; 95% CI ${p(F.maleWilsonA[0])}-${p(F.maleWilsonA[1])})`);
    expect(inlineText(t, "male", { group: "A", ciMethod: "clopper-pearson" })).toContain(`95% CI ${p(F.maleCpA[0])}-${p(F.maleCpA[1])}`);
    expect(inlineText(t, "male", { group: "A", ci: false })).toBe(`${k}/${n} (50.0%)`);
  });
  it("all groups with the table's p-value", () => {
    expect(inlineText(t, "male")).toBe(`7/14 (50.0%) vs 3/11 (27.3%), p = ${male.pText}`);
    const age = t.rows[0]!;
    const s = age.summaries!;
    const d = age.digits!;
    const f = (v: number) => v.toFixed(d);
    expect(inlineText(t, "age")).toBe(`median ${f(s[0]!.median)} (Q1-Q3 ${f(s[0]!.q1)}-${f(s[0]!.q3)}) vs ${f(s[1]!.median)} (${f(s[1]!.q1)}-${f(s[1]!.q3)}), p = ${age.pText}`);
    expect(inlineText(t, "crp", { group: "B" })).toMatch(/^mean \d+\.\d \(SD \d+\.\d\)$/);
    expect(inlineText(t, "extent", { level: "E3" })).toMatch(/^\d+\/14 \(\d+\.\d%\) vs \d+\/12 \(\d+\.\d%\), p = 0\.017$/);
  });
  it("writes p < 0.001 with spaces", () => {
    const rows = [...Array.from({ length: 30 }, (_, i) => ({ g: "A", x: i })), ...Array.from({ length: 30 }, (_, i) => ({ g: "B", x: i + 100 }))];
    expect(inlineText(summaryTable(rows, { by: "g", variables: [{ key: "x", type: "continuous" }] }), "x")).toMatch(/, p < 0\.001$/);
  });
  it("rejects unknown variables, groups, levels and options", () => {
    expect(() => inlineText(t, "agee")).toThrow(/inlineText: variable is not a row of the table; got "agee"/);
    expect(() => inlineText(t, "male", { group: "C" })).toThrow(/options\.group is not a group/);
    expect(() => inlineText(t, "extent")).toThrow(/options\.level is required/);
    expect(() => inlineText(t, "extent", { level: "E9" })).toThrow(/options\.level is not a level/);
    expect(() => inlineText(t, "male", { groups: "A" } as InlineTextOptions)).toThrow(/options\.groups is not an option/);
  });
});
