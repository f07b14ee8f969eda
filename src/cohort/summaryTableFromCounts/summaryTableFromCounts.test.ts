import { describe, expect, it } from "vitest";
import { summaryTableFromCounts } from "./index.js";
import { PAPER_TABLE1_BINARY } from "./paperTable1.js";
import { tableToMarkdown } from "../renderTable/index.js";

const groups = [{ label: "UC", n: 28 }, { label: "CD", n: 52 }];

describe("summaryTableFromCounts", () => {
  it("matches the @example", () => {
    const t = summaryTableFromCounts({ groups, rows: [{ label: "Discontinued", events: [2, 11], publishedP: "0.125" }] });
    expect([t.rows[0]!.cells, t.rows[0]!.letter, t.rows[0]!.pText, t.rows[0]!.matchesPublished]).toEqual([["2 (7.1%)", "11 (21.2%)"], "a", "0.125", true]);
  });

  it("reproduces all 39 binary rows of the paper's Table 1: test letter by the rule, printed p exactly", () => {
    expect(PAPER_TABLE1_BINARY).toHaveLength(39);
    const t = summaryTableFromCounts({
      groups,
      rows: PAPER_TABLE1_BINARY.map(([label, uc, cd, p]) => ({ label, events: [uc, cd], publishedP: p })),
    }, { footnoteLetters: "fixed" });
    PAPER_TABLE1_BINARY.forEach(([label, uc, cd, p, letter], i) => {
      const row = t.rows[i]!;
      expect(row.label).toBe(label);
      expect(row.letter, `${label} letter (${row.reason})`).toBe(letter);
      expect(row.pText, `${label}: ${uc}/28 vs ${cd}/52, p ${row.pValue}`).toBe(p);
      expect(row.matchesPublished).toBe(true);
    });
    expect(t.footnotes.map((f) => f.letter)).toEqual(["c", "d"]);
  });

  it("prints the paper's percentages (one decimal, half-up)", () => {
    const t = summaryTableFromCounts({ groups, rows: PAPER_TABLE1_BINARY.map(([label, uc, cd]) => ({ label, events: [uc, cd] })) });
    const byLabel = new Map(t.rows.map((r) => [r.label, r.cells]));
    expect(byLabel.get("Male")).toEqual(["18 (64.3%)", "30 (57.7%)"]);
    expect(byLabel.get("JAK inhibitors")).toEqual(["6 (21.4%)", "3 (5.8%)"]);
    expect(byLabel.get("IL-17A inhibitors")).toEqual(["0 (0.0%)", "1 (1.9%)"]);
    expect(byLabel.get("Surgical history")).toEqual(["3 (10.7%)", "33 (63.5%)"]);
  });

  it("gives Welch's p for 'First upa time' from the rounded summaries: 0.107, beside the printed 0.108", () => {
    const t = summaryTableFromCounts({
      groups,
      rows: [{ kind: "meanSd", label: "First upa time", summaries: [{ mean: 14.9, sd: 5.6, n: 28 }, { mean: 12.9, sd: 4.3, n: 52 }], publishedP: "0.108" }],
    }, { footnoteLetters: "fixed" });
    const r = t.rows[0]!;
    expect(r.cells).toEqual(["14.9 ± 5.6", "12.9 ± 4.3"]);
    expect(r.letter).toBe("b");
    expect(r.pText).toBe("0.107");
    expect(r.publishedPText).toBe("0.108");
    expect(r.matchesPublished).toBe(false);
    expect(r.pValue!).toBeGreaterThan(0.1065);
    expect(r.pValue!).toBeLessThan(0.1075);
    const md = tableToMarkdown(t.table);
    expect(md).toContain("| First upa time | 14.9 ± 5.6 | 12.9 ± 4.3 | 0.107<sup>b</sup> | 0.108 |");
  });

  it("states the rule's numbers in each reason", () => {
    const t = summaryTableFromCounts({ groups, rows: [{ label: "Male", events: [18, 30] }, { label: "JAK", events: [6, 3] }] });
    expect(t.rows[0]!.reason).toMatch(/Every expected count of the 2 x 2 table is at least 5 \(smallest 11\.2\)/);
    expect(t.rows[1]!.reason).toMatch(/below 5 \(smallest 3\.15\): Fisher/);
  });

  it("uses known-value totals and shows the missing", () => {
    const t = summaryTableFromCounts({ groups, rows: [{ label: "EIM", events: [6, 13], totals: [27, 50] }] });
    expect(t.rows[0]!.n).toEqual([27, 50]);
    expect(t.rows[0]!.missing).toEqual([1, 2]);
    expect(t.rows[0]!.cells).toEqual(["6 (22.2%)", "13 (26.0%)"]);
    expect(t.table.rows[1]!.cells.slice(0, 3)).toEqual(["Unknown", "1", "2"]);
  });

  it("has no test when nobody has the characteristic", () => {
    const t = summaryTableFromCounts({ groups, rows: [{ label: "Malignancy", events: [0, 0] }] });
    expect(t.rows[0]!.test).toBeNull();
    expect(t.rows[0]!.pText).toBe("");
    expect(t.rows[0]!.reason).toMatch(/total .* is 0/);
  });

  it("letters by appearance by default (no gaps); unknown options are errors", () => {
    const d = summaryTableFromCounts({ groups, rows: [{ label: "JAK", events: [6, 3] }, { label: "Male", events: [18, 30] }] });
    expect(d.rows.map((r) => r.letter)).toEqual(["a", "b"]);
    expect(() => summaryTableFromCounts({ groups, rows: [] }, { percentDigit: 2 } as object)).toThrow(/summaryTableFromCounts: options\.percentDigit is not an option/);
  });

  it("letters by appearance on request", () => {
    const t = summaryTableFromCounts({ groups, rows: [{ label: "JAK", events: [6, 3] }, { label: "Male", events: [18, 30] }] }, { footnoteLetters: "appearance" });
    expect(t.rows.map((r) => r.letter)).toEqual(["a", "b"]);
    expect(t.table.footnotes.slice(1)).toEqual(["a Fisher's exact test", "b Pearson's Chi-squared test"]);
  });

  it("rejects bad input", () => {
    expect(() => summaryTableFromCounts({ groups, rows: [{ label: "x", events: [29, 1] }] })).toThrow(/events\[0\] must not exceed its total \(28\)/);
    expect(() => summaryTableFromCounts({ groups, rows: [{ label: "x", events: [1] }] })).toThrow(RangeError);
    expect(() => summaryTableFromCounts({ groups, rows: [{ label: "x", events: [1.5, 2] }] })).toThrow(/non-negative integer/);
    expect(() => summaryTableFromCounts({ groups: [groups[0]!], rows: [] })).toThrow(/at least 2 groups/);
  });

  it("does not mutate its input", () => {
    const input = { groups, rows: [{ label: "Male", events: [18, 30] }, { kind: "meanSd" as const, label: "t", summaries: [{ mean: 1, sd: 1, n: 5 }, { mean: 2, sd: 1, n: 5 }] }] };
    const before = structuredClone(input);
    summaryTableFromCounts(input);
    expect(input).toEqual(before);
  });
});
