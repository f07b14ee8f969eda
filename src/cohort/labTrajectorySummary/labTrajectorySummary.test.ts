import { describe, expect, it } from "vitest";
import { labTrajectorySummary, type LabValueRow } from "./index.js";

describe("labTrajectorySummary", () => {
  it("matches the @example (all 5 differences negative: exact V = 0, p = 2/32)", () => {
    const rows = [1, 2, 3, 4, 5].flatMap((v, i) => [
      { patientId: `p${i}`, timepoint: "w0", value: 10 * v },
      { patientId: `p${i}`, timepoint: "w8", value: 10 * v - 5 - i },
    ]);
    const s = labTrajectorySummary(rows);
    expect([s.points[1]!.mean, s.points[1]!.nPaired, s.points[1]!.pValue]).toEqual([23, 5, 0.0625]);
    expect(s.points[1]!.result!.statistic).toBe(0);
  });

  const rows: LabValueRow[] = [
    { patientId: "a", timepoint: "w0", value: 10, group: "UC" },
    { patientId: "a", timepoint: "w8", value: 6, group: "UC" },
    { patientId: "b", timepoint: "w0", value: 12, group: "UC" },
    { patientId: "b", timepoint: "w8", value: 9, group: "UC" },
    { patientId: "c", timepoint: "w0", value: 8, group: "UC" },
    { patientId: "c", timepoint: "w8", value: null, group: "UC" },
    { patientId: "d", timepoint: "w0", value: null, group: "CD" },
    { patientId: "d", timepoint: "w8", value: 4, group: "CD" },
  ];

  it("summaries use every value; the paired test only patients with both (paired t hand-checked)", () => {
    const s = labTrajectorySummary(rows, { test: "pairedT" });
    const w0 = s.points[0]!;
    expect([w0.n, w0.missing, w0.mean]).toEqual([3, 1, 10]);
    expect(w0.sd).toBeCloseTo(2, 12);
    const w8 = s.points[1]!;
    expect([w8.n, w8.nPaired]).toEqual([3, 2]);
    // differences -4, -3: mean -3.5, sd 0.7071, t = -7, df 1, p = 2 * pt(-7, 1) = 1 - 2 atan(7)/pi
    expect(w8.result!.statistic).toBeCloseTo(-7, 10);
    expect(w8.pValue).toBeCloseTo(1 - (2 * Math.atan(7)) / Math.PI, 10);
    expect(w8.reason).toMatch(/2 patients with both values/);
  });

  it("splits by group and explains an undefined test", () => {
    const s = labTrajectorySummary(rows, { byGroup: true, summary: "median" });
    expect(s.groups).toEqual(["UC", "CD"]);
    const cd = s.points.find((p) => p.group === "CD" && p.timepoint === "w8")!;
    expect(cd.pValue).toBeNull();
    expect(cd.reason).toMatch(/undefined \(0 patients with both values\)/);
    expect(s.table.columns).toEqual(["Time point", "UC: median (Q1, Q3)", "UC: p vs w0", "CD: median (Q1, Q3)", "CD: p vs w0"]);
  });

  it("rejects bad rows", () => {
    expect(() => labTrajectorySummary([rows[0]!, rows[0]!])).toThrow(/repeats a patient/);
    expect(() => labTrajectorySummary([{ patientId: "a", timepoint: "w0", value: Number.NaN }])).toThrow(/finite/);
    expect(() => labTrajectorySummary(rows, { baseline: "w99" })).toThrow(/baseline/);
    expect(() => labTrajectorySummary(rows, { test: "t" as "pairedT" })).toThrow(TypeError);
  });

  it("does not mutate its input", () => {
    const before = structuredClone(rows);
    labTrajectorySummary(rows, { byGroup: true });
    expect(rows).toEqual(before);
  });
});
