import { describe, expect, it } from "vitest";
import { tableToHtml, type DisplayTable } from "../renderTable/index.js";
import { summaryTable } from "../summaryTable/index.js";
import { mergeTables, stackTables, stratifiedSummaryTable } from "./index.js";

const a: DisplayTable = { columns: ["Characteristic", "OR"], rows: [{ cells: ["Age", "1.1"] }], footnotes: [] };
const b: DisplayTable = { columns: ["Characteristic", "OR"], rows: [{ cells: ["Age", "1.2"] }, { cells: ["Sex", "0.9"] }], footnotes: [] };

describe("mergeTables", () => {
  it("matches the @example", () => {
    expect(mergeTables([a, b], { spanners: ["Unadjusted", "Adjusted"] }).rows.map((r) => r.cells)).toEqual([["Age", "1.1", "1.2"], ["Sex", "", "0.9"]]);
  });
  it("keeps level rows of different variables apart and puts spanners over each table", () => {
    const x: DisplayTable = { columns: ["C", "n"], rows: [{ cells: ["Extent", ""] }, { cells: ["E1", "3"], indent: 1 }, { cells: ["Site", ""] }, { cells: ["E1", "9"], indent: 1 }], footnotes: ["a note"] };
    const m = mergeTables([x, x], { spanners: ["T1", "T2"] });
    expect(m.rows.map((r) => r.cells)).toEqual([["Extent", "", ""], ["E1", "3", "3"], ["Site", "", ""], ["E1", "9", "9"]]);
    expect(m.rows[1]!.indent).toBe(1);
    expect(m.spanners).toEqual([{ label: "T1", start: 1, span: 1 }, { label: "T2", start: 2, span: 1 }]);
    expect(m.footnotes).toEqual(["T1: a note", "T2: a note"]);
    expect(tableToHtml(m)).toContain('<th colspan="1" style="text-align:center">T1</th>');
  });
  it("rejects bad input", () => {
    expect(() => mergeTables([])).toThrow(/mergeTables: tables must be a non-empty array/);
    expect(() => mergeTables([a, b], { spanners: ["x"] })).toThrow(/options\.spanners must hold one string per table \(2\)/);
    expect(() => mergeTables([a], { span: [] } as object)).toThrow(/options\.span is not an option/);
  });
});

describe("stackTables", () => {
  it("matches the @example", () => {
    const t: DisplayTable = { columns: ["x", "n"], rows: [{ cells: ["a", "1"] }], footnotes: [] };
    expect(stackTables([t, t], { headings: ["CD", "UC"] }).rows.map((r) => r.cells[0])).toEqual(["CD", "a", "UC", "a"]);
  });
  it("needs equal column counts", () => {
    const wide: DisplayTable = { columns: ["x", "n", "m"], rows: [], footnotes: [] };
    expect(() => stackTables([a, wide])).toThrow(/stackTables: tables\[1\] must have 2 columns like tables\[0\]; got 3/);
  });
});

describe("stratifiedSummaryTable", () => {
  const rows = [
    ...Array.from({ length: 12 }, (_, i) => ({ sex: i % 2 === 0 ? "F" : "M", g: i < 6 ? "A" : "B", age: 20 + i * 3, y: i % 3 === 0 })),
    { sex: null, g: "A", age: 50, y: true },
  ];
  it("matches the @example", () => {
    const r = [{ s: "F", g: "A", y: true }, { s: "F", g: "B", y: false }, { s: "M", g: "A", y: true }, { s: "M", g: "B", y: true }];
    expect(stratifiedSummaryTable(r, { strata: "s", by: "g", pValues: false, variables: [{ key: "y", type: "dichotomous" }] }).table.spanners).toEqual([
      { label: "s = F, N = 2", start: 1, span: 2 },
      { label: "s = M, N = 2", start: 3, span: 2 },
    ]);
  });
  it("each stratum is its own summaryTable; the display merges them", () => {
    const s = stratifiedSummaryTable(rows, { strata: "sex", by: "g", variables: [{ key: "age", type: "continuous" }] });
    expect(s.excludedNoStratum).toBe(1);
    expect(s.strata.map((x) => x.value)).toEqual(["F", "M"]);
    const females = rows.filter((r) => r.sex === "F");
    expect(s.strata[0]!.result.rows[0]!.pValue).toBe(summaryTable(females, { by: "g", variables: [{ key: "age", type: "continuous" }] }).rows[0]!.pValue);
    expect(s.table.columns).toHaveLength(1 + 2 * 3);
    expect(s.table.rows[0]!.cells[1]).toBe(s.strata[0]!.result.table.rows[0]!.cells[1]);
  });
  it("rejects a misspelled stratum field", () => {
    expect(() => stratifiedSummaryTable(rows, { strata: "gender", by: "g", variables: [] })).toThrow(/options\.strata is not a field of any row; got "gender"/);
  });
});
