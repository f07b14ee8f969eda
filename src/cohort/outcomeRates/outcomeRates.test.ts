import { describe, expect, it } from "vitest";
import { outcomeRates, type OutcomeStatusRow } from "./index.js";
import { tableToMarkdown } from "../renderTable/index.js";
import { figure5aRows, statusRows } from "../_test/statusRows.js";

function wilson(x: number, n: number): [number, number] {
  const z = 1.959963984540054;
  const p = x / n;
  const c = p + (z * z) / (2 * n);
  const h = z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
  const d = 1 + (z * z) / n;
  return [(c - h) / d, (c + h) / d];
}


describe("outcomeRates", () => {
  it("matches the @example", () => {
    const rows: OutcomeStatusRow[] = [
      { patientId: "1", group: "UC", timepoint: "w8", status: "met" },
      { patientId: "2", group: "UC", timepoint: "w8", status: "not-evaluable" },
    ];
    const r = outcomeRates(rows).rates[0]!;
    expect([r.events, r.denominator, r.percentText]).toEqual([1, 2, "50.0"]);
  });

  it("reproduces Figure 5A (steroid-free clinical remission) with the paper's denominators and Table 1's p-values", () => {
    const r = outcomeRates(figure5aRows(), { overall: "All" });
    const get = (g: string, t: string) => r.rates.find((x) => x.group === g && x.timepoint === t)!;
    expect([get("UC", "induction").events, get("UC", "induction").denominator, get("UC", "induction").percentText]).toEqual([19, 28, "67.9"]);
    expect(get("CD", "w52").percentText).toBe("78.8");
    expect([get("All", "induction").percentText, get("All", "w26").percentText, get("All", "w52").percentText]).toEqual(["62.5", "75.0", "81.3"]);
    expect(get("All", "w52").denominator).toBe(80);
    // Wilson interval
    const [lo, hi] = get("UC", "induction").confInt;
    const [wlo, whi] = wilson(19, 28);
    expect(lo).toBeCloseTo(wlo, 12);
    expect(hi).toBeCloseTo(whi, 12);
    // between groups as Table 1: 0.468 c, 0.588 c, 0.453 c
    expect(r.betweenGroups.map((b) => [b.test, b.pValue!.toFixed(3)])).toEqual([
      ["pearsonChiSquared", "0.468"],
      ["pearsonChiSquared", "0.588"],
      ["pearsonChiSquared", "0.453"],
    ]);
    expect(r.acrossTime.map((a) => a.group)).toEqual(["UC", "CD", "All"]);
    expect(r.acrossTime[0]!.n).toBe(28);
    // nested improvement: UC Cochran's Q = (k-1)(k ΣC² - N²)/(kN - ΣR²), hand-computed
    const C = [19, 22, 24];
    const R = [...Array(19).fill(3), ...Array(3).fill(2), ...Array(2).fill(1), ...Array(4).fill(0)] as number[];
    const N = 65;
    const q = (2 * (3 * C.reduce((a, c) => a + c * c, 0) - N * N)) / (3 * N - R.reduce((a, x) => a + x * x, 0));
    expect(r.acrossTime[0]!.result!.statistic).toBeCloseTo(q, 10);
    expect(r.acrossTime[0]!.pValue).toBeCloseTo(Math.exp(-q / 2), 12);
  });

  it("Cochran's Q on a hand-checked 4 x 3 matrix: Q = 3, p = exp(-1.5)", () => {
    const m: Record<string, number[]> = { a: [0, 1, 1], b: [0, 0, 1], c: [1, 1, 1], d: [0, 0, 0] };
    const rows: OutcomeStatusRow[] = Object.entries(m).flatMap(([p, v]) => v.map((s, j) => ({ patientId: p, group: "G", timepoint: `t${j}`, status: s === 1 ? ("met" as const) : ("not-met" as const) })));
    const r = outcomeRates(rows);
    expect(r.acrossTime[0]!.result!.statistic).toBeCloseTo(3, 12);
    expect(r.acrossTime[0]!.pValue).toBeCloseTo(Math.exp(-1.5), 12);
    expect(r.betweenGroups[0]!.test).toBeNull(); // one group: nothing to compare
  });

  it("observed-case denominators leave the not evaluable out, and Cochran's Q uses the complete patients", () => {
    const rows: OutcomeStatusRow[] = [
      { patientId: "a", group: "G", timepoint: "t1", status: "met" },
      { patientId: "a", group: "G", timepoint: "t2", status: "met" },
      { patientId: "b", group: "G", timepoint: "t1", status: "not-met" },
      { patientId: "b", group: "G", timepoint: "t2", status: "met" },
      { patientId: "c", group: "G", timepoint: "t1", status: "not-evaluable" },
      { patientId: "c", group: "G", timepoint: "t2", status: "met" },
    ];
    const obs = outcomeRates(rows, { denominator: "evaluable" });
    expect(obs.rates.map((r) => `${r.events}/${r.denominator}`)).toEqual(["1/2", "3/3"]);
    expect(obs.acrossTime[0]!.n).toBe(2);
    const nri = outcomeRates(rows);
    expect(nri.rates.map((r) => `${r.events}/${r.denominator}`)).toEqual(["1/3", "3/3"]);
    expect(nri.rates[0]!.notEvaluable).toBe(1);
    expect(nri.acrossTime[0]!.n).toBe(3);
  });

  it("group sizes count patients without rows as not met; Clopper-Pearson on request", () => {
    const rows: OutcomeStatusRow[] = [{ patientId: "a", group: "G", timepoint: "t", status: "met" }];
    const r = outcomeRates(rows, { groupSizes: { G: 4 }, ciMethod: "clopper-pearson" });
    expect(r.rates[0]!.denominator).toBe(4);
    expect(r.rates[0]!.percentText).toBe("25.0");
    // binom.test(1, 4)$conf.int lower = 1 - 0.975^(1/4)
    expect(r.rates[0]!.confInt[0]).toBeCloseTo(1 - 0.975 ** 0.25, 10);
    expect(r.rates[0]!.confInt[1]).toBeCloseTo(0.8058796, 6); // R: binom.test(1, 4)$conf.int[2]
  });

  it("renders a table with n/N, percent, CI and p", () => {
    const rows = [...statusRows("UC", 28, { w8: 19 }, "u"), ...statusRows("CD", 52, { w8: 31 }, "c")];
    const md = tableToMarkdown(outcomeRates(rows, { timepointLabels: { w8: "Week 8" } }).table);
    expect(md).toContain("| Week 8 | 19/28 (67.9%)<br>");
    expect(md).toContain("19/28 (67.9%)<br>");
    expect(md).toContain("0.468<sup>c</sup>");
  });

  it("rejects bad rows", () => {
    const ok: OutcomeStatusRow = { patientId: "a", group: "G", timepoint: "t", status: "met" };
    expect(() => outcomeRates([ok, ok])).toThrow(/repeats a patient/);
    expect(() => outcomeRates([ok, { ...ok, timepoint: "u", group: "H" }])).toThrow(/one group/);
    expect(() => outcomeRates([{ ...ok, status: "yes" as "met" }])).toThrow(TypeError);
    expect(() => outcomeRates([ok], { timepoints: ["w99"] })).toThrow(/does not occur/);
    expect(() => outcomeRates([ok], { groupSizes: { G: 0 } })).toThrow(/groupSizes\.G/);
  });

  it("does not mutate its input", () => {
    const rows = statusRows("UC", 5, { a: 2, b: 3 }, "u");
    const before = structuredClone(rows);
    outcomeRates(rows, { overall: "All" });
    expect(rows).toEqual(before);
  });
});
