import { readFileSync } from "node:fs";
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { expectClose } from "../../../tests/expectClose.js";
import { tableToCsv, tableToHtml, tableToMarkdown } from "../renderTable/index.js";
import { summaryTable, type SummaryTableOptions } from "./index.js";

interface Fixture {
  rows: Record<string, unknown>[];
  pAge: number;
  pCrp: number;
  pMale: number;
  maleTest: string;
  pExtent: number;
  extentTest: string;
  qBH: number[];
  pAgeKruskal3: number;
  pAgeWelch: number;
  ageMeanCiA: [number, number];
  ageMeanCiB: [number, number];
  ageMedianCiA: [number, number];
  ageMedianCiB: [number, number];
  ageMedianCiAll: [number, number];
  crpMedianCiA: [number, number];
  maleWilsonA: [number, number];
  maleWilsonB: [number, number];
  maleCpA: [number, number];
  ageDiff: number;
  ageDiffCi: [number, number];
  maleDiff: number;
  maleDiffCi: [number, number];
  smdAge: number;
  smdMale: number;
  smdExtent: number;
}
const F = JSON.parse(readFileSync(new URL("./fixtures.json", import.meta.url), "utf8")) as Fixture;
const rows = F.rows;
const variables: SummaryTableOptions["variables"] = [
  { key: "age", label: "Age, years", type: "continuous" },
  { key: "crp", label: "CRP, mg/L", type: "continuous" },
  { key: "male", label: "Male", type: "dichotomous" },
  { key: "extent", label: "Extent", type: "categorical" },
];
const pct = (v: number, d = 1): string => `${(100 * v).toFixed(d)}%`;

describe("summaryTable defaults (gtsummary's tbl_summary |> add_p) against R", () => {
  const t = summaryTable(rows, { by: "g", variables });
  it("continuous: median (Q1, Q3) with Wilcoxon; categorical by the expected-count rule; p-values as R", () => {
    const [age, crp, male, extent] = t.rows;
    expect(age!.statistic).toBe("median (Q1, Q3)");
    expect(age!.test).toBe("wilcoxonRankSum");
    expectClose(age!.pValue!, F.pAge, 1e-9, "age wilcox.test p");
    expectClose(crp!.pValue!, F.pCrp, 1e-9, "crp wilcox.test p");
    expect(male!.test).toBe(F.maleTest);
    expectClose(male!.pValue!, F.pMale, 1e-9, "male p");
    expect(extent!.test).toBe(F.extentTest);
    expectClose(extent!.pValue!, F.pExtent, 1e-9, "extent p");
  });
  it("footnote letters in order of first use, without gaps", () => {
    expect(t.rows.map((r) => r.letter)).toEqual(["a", "a", "b", "b"]);
    expect(t.footnotes.map((f) => `${f.letter} ${f.label}`)).toEqual(["a Wilcoxon rank sum test", "b Fisher's exact test"]);
  });
  it("digits by magnitude: whole ages with a fractional quartile get one decimal; CRP by its 5-95% spread", () => {
    expect(t.rows[0]!.digits).toBe(1); // 14 ages: type-7 quartiles fall between order statistics
    expect(t.rows[0]!.cells[0]).toMatch(/^\d+\.\d \(\d+\.\d, \d+\.\d\)$/);
    expect(t.rows[1]!.digits).toBe(0); // 5th-95th percentile spread of CRP is above 20 (gtsummary: 0 decimals)
  });
  it("three groups: Kruskal-Wallis as R", () => {
    const t3 = summaryTable(rows, { by: "g3", variables: [{ key: "age", type: "continuous" }] });
    expect(t3.rows[0]!.test).toBe("kruskalWallis");
    expectClose(t3.rows[0]!.pValue!, F.pAgeKruskal3, 1e-9, "kruskal.test p");
  });
  it("summary: mean gives mean (SD) and Welch's t-test as R", () => {
    const m = summaryTable(rows, { by: "g", continuousSummary: "mean", variables: [{ key: "age", type: "continuous" }] }).rows[0]!;
    expect([m.statistic, m.test]).toEqual(["mean (SD)", "welchT"]);
    expectClose(m.pValue!, F.pAgeWelch, 1e-9, "t.test p");
    expect(m.cells[0]).toMatch(/^\d+\.\d \(\d+\.\d\)$/);
  });
});

describe("summaryTable added columns against R", () => {
  const t = summaryTable(rows, { by: "g", variables, overall: true, nColumn: true, ci: true, difference: true, smd: true, qValues: true, byLabel: "Group" });
  const [age, , male, extent] = t.rows;
  it("overall and N columns", () => {
    expect(t.table.columns).toEqual(["Characteristic", "N", "Overall\nN = 26", "95% CI", "A\nN = 14", "95% CI", "B\nN = 12", "95% CI", "Difference (95% CI)", "SMD", "p-value", "q-value"]);
    expect(male!.nTotal).toBe(25);
    expect(male!.overall).toBe(`${male!.counts![0]! + male!.counts![1]!} (${pct((male!.counts![0]! + male!.counts![1]!) / 25)})`);
    expect(t.table.spanners).toEqual([{ label: "Group", start: 4, span: 4 }]);
  });
  it("CIs: median by order statistics, percentages by Wilson, as R", () => {
    const d = age!.digits!;
    expect(age!.ci).toEqual([`${F.ageMedianCiA[0].toFixed(d)}, ${F.ageMedianCiA[1].toFixed(d)}`, `${F.ageMedianCiB[0].toFixed(d)}, ${F.ageMedianCiB[1].toFixed(d)}`]);
    expect(age!.overallCi).toBe(`${F.ageMedianCiAll[0].toFixed(d)}, ${F.ageMedianCiAll[1].toFixed(d)}`);
    expect(male!.ci).toEqual([`${pct(F.maleWilsonA[0])}, ${pct(F.maleWilsonA[1])}`, `${pct(F.maleWilsonB[0])}, ${pct(F.maleWilsonB[1])}`]);
    const cp = summaryTable(rows, { by: "g", variables: [{ key: "male", type: "dichotomous" }], ci: { proportion: "clopper-pearson" } }).rows[0]!;
    expect(cp.ci![0]).toBe(`${pct(F.maleCpA[0])}, ${pct(F.maleCpA[1])}`);
    const mean = summaryTable(rows, { by: "g", variables: [{ key: "age", type: "continuous", summary: "mean", digits: 3 }], ci: true }).rows[0]!;
    expect(mean.ci).toEqual([`${F.ageMeanCiA[0].toFixed(3)}, ${F.ageMeanCiA[1].toFixed(3)}`, `${F.ageMeanCiB[0].toFixed(3)}, ${F.ageMeanCiB[1].toFixed(3)}`]);
    const crp = summaryTable(rows, { by: "g", variables: [{ key: "crp", type: "continuous", digits: 2 }], ci: true }).rows[0]!;
    expect(crp.ci![0]).toBe(`${F.crpMedianCiA[0].toFixed(2)}, ${F.crpMedianCiA[1].toFixed(2)}`);
  });
  it("differences: Welch mean difference and prop.test difference in proportions, as R", () => {
    expectClose(age!.difference!.estimate, F.ageDiff, 1e-12, "mean difference");
    expectClose(age!.difference!.confInt[0], F.ageDiffCi[0], 1e-9, "mean difference lower");
    expectClose(age!.difference!.confInt[1], F.ageDiffCi[1], 1e-9, "mean difference upper");
    expectClose(male!.difference!.estimate, F.maleDiff, 1e-12, "difference in proportions");
    expectClose(male!.difference!.confInt[0], F.maleDiffCi[0], 1e-9, "prop.test lower");
    expectClose(male!.difference!.confInt[1], F.maleDiffCi[1], 1e-9, "prop.test upper");
    expect(male!.difference!.text).toBe(`${pct(F.maleDiff)} (${pct(F.maleDiffCi[0])}, ${pct(F.maleDiffCi[1])})`);
    expect(extent!.difference).toBeNull();
  });
  it("SMD: continuous, binary and Yang-Dalton categorical, as the formulas in R", () => {
    expectClose(age!.smd!, F.smdAge, 1e-12, "smd age");
    expectClose(male!.smd!, F.smdMale, 1e-12, "smd male");
    expectClose(extent!.smd!, F.smdExtent, 1e-9, "smd extent");
  });
  it("q-values: p.adjust(p, 'BH') over the p column", () => {
    t.rows.forEach((r, i) => expectClose(r.qValue!, F.qBH[i]!, 1e-12, `q ${r.variable}`));
    expect(t.table.footnotes.some((f) => f.startsWith("q-value: False discovery rate"))).toBe(true);
  });
  it("every body row has one cell per column; CSV has one header row and a constant field count", () => {
    for (const r of t.table.rows) expect(r.cells).toHaveLength(t.table.columns.length);
    const csv = tableToCsv(t.table).trimEnd().split("\r\n");
    expect(csv[0]).toBe("Characteristic,N,Overall (N = 26),95% CI,Group: A (N = 14),Group: 95% CI,Group: B (N = 12),Group: 95% CI,Difference (95% CI),SMD,p-value,p-value note,q-value");
  });
  it("renders spanners in HTML as a merged header cell", () => {
    expect(tableToHtml(t.table)).toContain('<th colspan="4" style="text-align:center"></th><th colspan="4" style="text-align:center">Group</th>');
  });
});

describe("summaryTable number formatting", () => {
  const two = (a: number[], b: number[]) => [...a.map((x) => ({ g: "A", x })), ...b.map((x) => ({ g: "B", x }))];
  it("a whole-number median of 1.5 prints 1.5, not 2", () => {
    const r = summaryTable(two([1, 2], [3, 4, 5]), { by: "g", variables: [{ key: "x", type: "continuous" }] }).rows[0]!;
    expect(r.cells).toEqual(["1.5 (1.3, 1.8)", "4.0 (3.5, 4.5)"]);
  });
  it("whole numbers with whole quartiles stay whole; explicit digits win", () => {
    const r = summaryTable(two([1, 2, 3, 4, 5], [3, 4, 5, 6, 7]), { by: "g", variables: [{ key: "x", type: "continuous" }] }).rows[0]!;
    expect(r.cells).toEqual(["3 (2, 4)", "5 (4, 6)"]);
    const d = summaryTable(two([1, 2, 3, 4, 5], [3, 4, 5, 6, 7]), { by: "g", variables: [{ key: "x", type: "continuous", digits: 2 }] }).rows[0]!;
    expect(d.cells[0]).toBe("3.00 (2.00, 4.00)");
  });
  it("decimals from the 5-95% spread: < 0.01 -> 4, < 0.1 -> 3, < 10 -> 2, < 20 -> 1, else 0", () => {
    const digitsFor = (scale: number) =>
      summaryTable(two([0.11, 0.52, 0.93, 0.34].map((v) => v * scale), [0.25, 0.66, 0.17, 0.48].map((v) => v * scale)), { by: "g", variables: [{ key: "x", type: "continuous" }] }).rows[0]!.digits;
    expect([digitsFor(0.01), digitsFor(0.1), digitsFor(1), digitsFor(20), digitsFor(123.7)]).toEqual([4, 3, 2, 1, 0]);
  });
  it("one percentage rule per table", () => {
    const t = summaryTable(rows, { by: "g", percentDigits: 0, variables: [{ key: "male", type: "dichotomous" }, { key: "extent", type: "categorical" }] });
    const cells = [...t.rows[0]!.cells, ...t.rows[1]!.levels!.flatMap((l) => l.cells)];
    for (const c of cells) expect(c).toMatch(/^\d+ \(\d+%\)$/);
  });
});

describe("summaryTable errors", () => {
  const base = { by: "g", variables: [{ key: "age", type: "continuous" as const }] };
  it("names an unknown option, an unknown variable option, a misspelled key", () => {
    expect(() => summaryTable(rows, { ...base, overal: true } as SummaryTableOptions)).toThrow(/summaryTable: options\.overal is not an option/);
    expect(() => summaryTable(rows, { by: "g", variables: [{ key: "age", type: "continuous", digit: 1 } as never] })).toThrow(/options\.variables\[0\]\.digit is not an option/);
    expect(() => summaryTable(rows, { by: "g", variables: [{ key: "agee", type: "continuous" }] })).toThrow(/options\.variables\[0\]\.key is not a field of any row; got "agee"/);
    expect(() => summaryTable(rows, { by: "grp", variables: [] })).toThrow(/options\.by is not a field of any row; got "grp"/);
    expect(() => summaryTable(rows, { by: "g", variables: [{ key: "constructor", type: "continuous" }] })).toThrow(/key is not a field of any row/);
  });
  it("wrong types and misplaced options are errors", () => {
    expect(() => summaryTable(rows, { ...base, overall: "middle" as "first" })).toThrow(TypeError);
    expect(() => summaryTable(rows, { ...base, nColumn: 1 as unknown as boolean })).toThrow(/options\.nColumn must be a boolean/);
    expect(() => summaryTable(rows, { ...base, qValues: "sidak" as "BH" })).toThrow(/options\.qValues must be/);
    expect(() => summaryTable(rows, { ...base, ci: { level: 0.9 } as object })).toThrow(/options\.ci\.level is not an option/);
    expect(() => summaryTable(rows, { ...base, ci: { confLevel: 95 } })).toThrow(/options\.ci\.confLevel must be strictly between 0 and 1/);
    expect(() => summaryTable(rows, { ...base, continuousSummary: "mode" as "mean" })).toThrow(/options\.continuousSummary must be/);
    expect(() => summaryTable(rows, { by: "g", variables: [{ key: "male", type: "dichotomous", digits: 1 }] })).toThrow(/digits applies only to continuous/);
    expect(() => summaryTable(rows, { by: "g", variables: [{ key: "age", type: "continuous", test: "fisherExact" }] })).toThrow(TypeError);
    expect(() => summaryTable(rows, { by: "g3", difference: true, variables: [{ key: "age", type: "continuous" }] })).toThrow(/options\.difference needs exactly 2 groups; got 3/);
    expect(() => summaryTable(rows, { ...base, percentDigits: 1.5 })).toThrow(/percentDigits must be an integer/);
  });
  it("forced tests are run and the reason says so", () => {
    const r = summaryTable(rows, { by: "g", variables: [{ key: "age", type: "continuous", test: "welchT" }] }).rows[0]!;
    expect(r.test).toBe("welchT");
    expect(r.reason).toMatch(/requested/);
    expectClose(r.pValue!, F.pAgeWelch, 1e-9, "forced t.test p");
  });
  it("pValues: false drops the p column and every letter", () => {
    const t = summaryTable(rows, { ...base, pValues: false });
    expect(t.table.columns).toEqual(["Characteristic", "A\nN = 14", "B\nN = 12"]);
    expect(t.rows[0]!.letter).toBeNull();
  });
});

describe("summaryTable properties", () => {
  it("letters are a, b, c... without gaps for any order of variables", () => {
    const vars = [
      { key: "age", type: "continuous" as const },
      { key: "age", type: "continuous" as const, summary: "mean" as const },
      { key: "male", type: "dichotomous" as const },
      { key: "extent", type: "categorical" as const },
    ];
    fc.assert(
      fc.property(fc.shuffledSubarray(vars, { minLength: 1 }), (vs) => {
        const t = summaryTable(rows, { by: "g", variables: vs });
        const letters = t.footnotes.map((f) => f.letter);
        expect(letters).toEqual(letters.map((_, i) => String.fromCharCode(97 + i)));
      }),
      { numRuns: 30 },
    );
  });
  it("golden Markdown of a small table", () => {
    const small = summaryTable(rows.slice(0, 6).concat(rows.slice(14, 20)), {
      by: "g",
      caption: "Table 1",
      variables: [{ key: "age", label: "Age", type: "continuous" }, { key: "male", label: "Male", type: "dichotomous" }],
      overall: "last",
    });
    expect(tableToMarkdown(small.table)).toMatchSnapshot();
    expect(tableToCsv(small.table)).toMatchSnapshot();
    expect(tableToHtml(small.table)).toMatchSnapshot();
  });
});
