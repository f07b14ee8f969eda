import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { expectClose } from "../../../tests/expectClose.js";
import { pairedSummaryTable, type PairedSummaryTableOptions } from "./index.js";

const F = JSON.parse(readFileSync(new URL("./fixtures.json", import.meta.url), "utf8")) as {
  rows: Record<string, unknown>[];
  pMcnemar: number;
  pWilcoxon: number;
  pPairedT: number;
  pFriedman: number;
  pCochran: number;
  nComplete3: number;
  nCompleteBin3: number;
};

describe("pairedSummaryTable", () => {
  it("matches the @example (R: mcnemar.test on b = 0, c = 4: p = 0.1336)", () => {
    const rows = [1, 2, 3, 4, 5, 6].flatMap((p) => [{ id: p, wk: 0, rem: p > 5 }, { id: p, wk: 52, rem: p > 1 }]);
    const t = pairedSummaryTable(rows, { id: "id", time: "wk", times: [0, 52], variables: [{ key: "rem", type: "dichotomous" }] });
    expect([t.rows[0]!.cells, t.rows[0]!.test, t.rows[0]!.pValue?.toFixed(4)]).toEqual([["1 (16.7%)", "5 (83.3%)"], "mcnemar", "0.1336"]);
  });
  const two = pairedSummaryTable(F.rows, {
    id: "id",
    time: "week",
    times: [0, 8],
    variables: [
      { key: "rem", label: "Remission", type: "dichotomous" },
      { key: "crp", label: "CRP", type: "continuous" },
      { key: "crp", label: "CRP (mean)", type: "continuous", summary: "mean" },
    ],
  });
  it("two time points: McNemar, Wilcoxon signed rank and paired t as R, on complete pairs", () => {
    const [rem, crp, crpMean] = two.rows;
    expect(rem!.test).toBe("mcnemar");
    expectClose(rem!.pValue!, F.pMcnemar, 1e-9, "mcnemar.test p");
    expect(crp!.test).toBe("wilcoxonSignedRank");
    expectClose(crp!.pValue!, F.pWilcoxon, 1e-9, "wilcox.test paired p");
    expect(crp!.n).toEqual([F.nComplete3, F.nComplete3]);
    expect(crp!.missing).toEqual([1, 1]); // the patient without a week-8 CRP is left out: Unknown at both time points
    expect(crpMean!.test).toBe("pairedT");
    expectClose(crpMean!.pValue!, F.pPairedT, 1e-9, "t.test paired p");
    expect(two.footnotes.map((f) => f.letter)).toEqual(["a", "b", "c"]);
  });
  it("three time points: Cochran's Q and Friedman as R", () => {
    const t = pairedSummaryTable(F.rows, { id: "id", time: "week", times: [0, 8, 52], timeLabels: { 0: "Week 0", 8: "Week 8", 52: "Week 52" }, variables: [{ key: "rem", type: "dichotomous" }, { key: "crp", type: "continuous" }] });
    expect(t.groups.map((g) => g.label)).toEqual(["Week 0", "Week 8", "Week 52"]);
    expect(t.rows[0]!.test).toBe("cochranQ");
    expectClose(t.rows[0]!.pValue!, F.pCochran, 1e-9, "Cochran's Q p");
    expect(t.rows[0]!.n[0]).toBe(F.nCompleteBin3);
    expect(t.rows[1]!.test).toBe("friedman");
    expectClose(t.rows[1]!.pValue!, F.pFriedman, 1e-9, "friedman.test p");
  });
  it("rejects bad input", () => {
    const base: PairedSummaryTableOptions = { id: "id", time: "week", times: [0, 8], variables: [] };
    expect(() => pairedSummaryTable(F.rows, { ...base, times: [0] })).toThrow(/options\.times must list at least 2 time points/);
    expect(() => pairedSummaryTable(F.rows, { ...base, time: "wk" })).toThrow(/options\.time is not a field of any row; got "wk"/);
    expect(() => pairedSummaryTable(F.rows, { ...base, variables: [{ key: "crpp", type: "continuous" }] })).toThrow(/options\.variables\[0\]\.key is not a field of any row/);
    expect(() => pairedSummaryTable(F.rows, { ...base, pairs: true } as PairedSummaryTableOptions)).toThrow(/options\.pairs is not an option/);
    expect(() => pairedSummaryTable([...F.rows, { id: 1, week: 0, crp: 3 }], base)).toThrow(/repeats a patient at time 0/);
  });
});
