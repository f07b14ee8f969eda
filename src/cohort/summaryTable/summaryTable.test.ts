import { describe, expect, it } from "vitest";
import { summaryTable } from "./index.js";
import { tableToCsv, tableToMarkdown } from "../renderTable/index.js";
import { PAPER_TABLE1_BINARY } from "../summaryTableFromCounts/paperTable1.js";

// A hand-checked cohort of 10: UC ages 30..70 (no ties), CD ages 20, 25, 35, 45 and one missing.
const rows = [
  { dx: "UC", age: 30, male: true, extent: "E1" },
  { dx: "UC", age: 40, male: true, extent: "E2" },
  { dx: "UC", age: 50, male: false, extent: "E3" },
  { dx: "UC", age: 60, male: false, extent: "E3" },
  { dx: "UC", age: 70, male: null, extent: "E2" },
  { dx: "CD", age: 20, male: true, extent: "E1" },
  { dx: "CD", age: 25, male: true, extent: "E1" },
  { dx: "CD", age: 35, male: true },
  { dx: "CD", age: null, male: false, extent: "E1" },
  { dx: "CD", age: 45, male: true, extent: "E2" },
  { dx: null, age: 99, male: true },
];

describe("summaryTable", () => {
  it("matches the @example", () => {
    const ex = [{ dx: "UC", male: true }, { dx: "UC", male: false }, { dx: "CD", male: true }, { dx: "CD", male: null }];
    const t = summaryTable(ex, { by: "dx", groups: ["UC", "CD"], variables: [{ key: "male", type: "dichotomous" }] });
    expect([t.rows[0]!.cells, t.rows[0]!.n, t.rows[0]!.missing]).toEqual([["1 (50.0%)", "1 (100.0%)"], [2, 1], [0, 1]]);
  });

  const t = summaryTable(rows, {
    by: "dx",
    groups: ["UC", "CD"],
    variables: [
      { key: "age", label: "Age, years", type: "continuous", summary: "median" },
      { key: "male", label: "Male", type: "dichotomous" },
      { key: "extent", label: "Extent", type: "categorical" },
    ],
  });

  it("counts groups, header N and rows without a group", () => {
    expect(t.groups).toEqual([{ key: "UC", label: "UC", n: 5 }, { key: "CD", label: "CD", n: 5 }]);
    expect(t.excludedNoGroup).toBe(1);
  });

  it("continuous: median (Q1, Q3) by R type 7, exact Wilcoxon W = 17, p = 2 x 7/126", () => {
    const age = t.rows[0]!;
    expect(age.cells).toEqual(["50.0 (40.0, 60.0)", "30.0 (23.8, 37.5)"]); // CD: 20,25,35,45 -> Q1 23.75, median 30, Q3 37.5: not whole, so one decimal
    expect(age.n).toEqual([5, 4]);
    expect(age.missing).toEqual([0, 1]);
    expect(age.test).toBe("wilcoxonRankSum");
    expect(age.letter).toBe("a");
    expect(age.result!.statistic).toBe(17);
    expect(age.pValue).toBeCloseTo(14 / 126, 12);
    expect(age.pText).toBe("0.111");
  });

  it("dichotomous: percentages of the known values; Fisher by the rule, hand-computed p = 66/126", () => {
    const male = t.rows[1]!;
    expect(male.cells).toEqual(["2 (50.0%)", "4 (80.0%)"]);
    expect(male.n).toEqual([4, 5]);
    expect(male.missing).toEqual([1, 0]);
    expect(male.test).toBe("fisherExact");
    expect(male.reason).toMatch(/smallest 1\.33/);
    expect(male.pValue).toBeCloseTo(66 / 126, 12);
  });

  it("categorical: every level, r x c test on the complete rows", () => {
    const ext = t.rows[2]!;
    expect(ext.levels!.map((l) => [l.level, ...l.cells])).toEqual([
      ["E1", "1 (20.0%)", "3 (75.0%)"],
      ["E2", "2 (40.0%)", "1 (25.0%)"],
      ["E3", "2 (40.0%)", "0 (0.0%)"],
    ]);
    expect(ext.n).toEqual([5, 4]);
    expect(ext.missing).toEqual([0, 1]);
  });

  it("displays Unknown lines and the denominator rule", () => {
    const md = tableToMarkdown(t.table);
    expect(md).toContain("| Age, years | 50.0 (40.0, 60.0) | 30.0 (23.8, 37.5) | 0.111<sup>a</sup> |");
    expect(md).toMatch(/\| \u00a0+Unknown \| 0 \| 1 \|/);
    expect(md).toContain("Unknown = missing, not in the denominator");
    expect(t.table.columns).toEqual(["Characteristic", "UC\nN = 5", "CD\nN = 5", "p-value"]);
    const csv = tableToCsv(t.table);
    expect(csv.split("\r\n")[0]).toBe("Characteristic,UC (N = 5),CD (N = 5),p-value,p-value note");
    expect(csv.split("\r\n")[1]).toBe('"Age, years","50.0 (40.0, 60.0)","30.0 (23.8, 37.5)",0.111,a');
  });

  it("Pearson's chi-squared without correction when every expected count is >= 5 (hand-computed)", () => {
    const big = [
      ...Array.from({ length: 20 }, (_, i) => ({ g: "A", y: i < 10 })),
      ...Array.from({ length: 20 }, (_, i) => ({ g: "B", y: i < 15 })),
    ];
    const r = summaryTable(big, { by: "g", variables: [{ key: "y", type: "dichotomous" }] }).rows[0]!;
    expect(r.test).toBe("pearsonChiSquared");
    expect(r.result!.statistic).toBeCloseTo(8 / 3, 12); // E = 12.5/7.5: 2 x (0.5 + 0.8333)
    expect(r.pValue).toBeCloseTo(0.1024704, 6); // 2 * pnorm(-sqrt(8/3))
  });

  it("mean (SD) with Welch on request; Shapiro-Wilk decides only under auto and says so", () => {
    const d = [
      ...[4.1, 5.2, 6.3, 5.5, 4.8, 5.9, 6.1, 5.0].map((x) => ({ g: "A", x })),
      ...[3.9, 4.4, 5.1, 4.7, 4.2, 5.3, 4.9, 4.0].map((x) => ({ g: "B", x })),
    ];
    const mean = summaryTable(d, { by: "g", variables: [{ key: "x", type: "continuous", summary: "mean", digits: 2 }] }).rows[0]!;
    expect(mean.test).toBe("welchT");
    expect(mean.letter).toBe("a");
    expect(mean.statistic).toBe("mean (SD)");
    expect(mean.cells[0]).toBe("5.36 (0.74)"); // mean 42.9/8, SS 3.79875, sd sqrt(3.79875/7)
    const pm = summaryTable(d, { by: "g", meanStyle: "plusMinus", variables: [{ key: "x", type: "continuous", summary: "mean", digits: 2 }] }).rows[0]!;
    expect([pm.statistic, pm.cells[0]]).toEqual(["mean ± SD", "5.36 ± 0.74"]);
    const dflt = summaryTable(d, { by: "g", variables: [{ key: "x", type: "continuous" }] }).rows[0]!;
    expect([dflt.test, dflt.statistic]).toEqual(["wilcoxonRankSum", "median (Q1, Q3)"]);
    const auto = summaryTable(d, { by: "g", variables: [{ key: "x", type: "continuous", summary: "auto" }] }).rows[0]!;
    expect(auto.reason).toMatch(/Shapiro-Wilk p >= 0\.05 in every group/);
    expect(auto.test).toBe("welchT");
    const skew = [...[1, 1, 1, 2, 1, 1, 40, 1].map((x) => ({ g: "A", x })), ...[2, 3, 2, 4, 3, 2, 3, 5].map((x) => ({ g: "B", x }))];
    const s = summaryTable(skew, { by: "g", continuousSummary: "auto", variables: [{ key: "x", type: "continuous" }] }).rows[0]!;
    expect(s.test).toBe("wilcoxonRankSum");
    expect(s.reason).toMatch(/Shapiro-Wilk p < 0\.05 in a group/);
  });

  it("three groups: Kruskal-Wallis and an r x c table", () => {
    const d = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((x, i) => ({ g: ["A", "B", "C"][i % 3]!, x, y: i % 2 === 0 }));
    const t3 = summaryTable(d, { by: "g", variables: [{ key: "x", type: "continuous", summary: "median" }, { key: "y", type: "dichotomous" }] });
    expect(t3.rows[0]!.test).toBe("kruskalWallis");
    expect(t3.rows[0]!.letter).toBe("a");
    expect(t3.rows[1]!.letter).toBe("b");
    expect(t3.rows[1]!.test).toBe("fisherExact");
  });

  it("from patient rows built to the paper's counts, reproduces all 39 binary p-values of Table 1", () => {
    const patients = [
      ...Array.from({ length: 28 }, (_, i) => ({ i, dx: "UC" })),
      ...Array.from({ length: 52 }, (_, i) => ({ i, dx: "CD" })),
    ].map(({ i, dx }) => {
      const row: Record<string, unknown> = { diagnosis: dx };
      PAPER_TABLE1_BINARY.forEach(([, uc, cd], v) => (row[`v${v}`] = i < (dx === "UC" ? uc : cd)));
      return row;
    });
    const t = summaryTable(patients, {
      by: "diagnosis",
      groups: ["UC", "CD"],
      variables: PAPER_TABLE1_BINARY.map(([label], v) => ({ key: `v${v}`, label, type: "dichotomous" as const })),
      footnoteLetters: "fixed",
    });
    expect(t.rows.map((r) => `${r.pText} ${r.letter}`)).toEqual(PAPER_TABLE1_BINARY.map(([, , , p, letter]) => `${p} ${letter}`));
  });

  it("rejects bad input", () => {
    expect(() => summaryTable(rows, { by: "dx", variables: [{ key: "age", type: "wide" as "continuous" }] })).toThrow(/type must be/);
    expect(() => summaryTable([{ dx: "UC", a: 1 }], { by: "dx", variables: [] })).toThrow(/at least 2 groups/);
    expect(() => summaryTable([{ g: "A", x: "1" }, { g: "B", x: 2 }], { by: "g", variables: [{ key: "x", type: "continuous" }] })).toThrow(TypeError);
    expect(() => summaryTable(rows, { by: "dx", groups: ["UC", "IBD-U"], variables: [] })).toThrow(/has no rows/);
  });

  it("does not mutate its input", () => {
    const copy = structuredClone(rows);
    summaryTable(rows, { by: "dx", variables: [{ key: "age", type: "continuous" }, { key: "extent", type: "categorical" }] });
    expect(rows).toEqual(copy);
  });
});
