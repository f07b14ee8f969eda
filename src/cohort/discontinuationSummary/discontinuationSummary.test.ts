import { describe, expect, it } from "vitest";
import { discontinuationSummary } from "./index.js";
import { formatPValue } from "../formatPValue/index.js";

const rows = [
  ...Array.from({ length: 28 }, (_, i) => ({ patientId: `u${i}`, group: "UC", discontinued: i < 2, ...(i < 2 ? { reason: "lackOfEfficacy" } : {}) })),
  ...Array.from({ length: 52 }, (_, i) => ({ patientId: `c${i}`, group: "CD", discontinued: i < 11, ...(i < 11 ? { reason: i < 8 ? "surgery" : "lackOfEfficacy" } : {}) })),
];

describe("discontinuationSummary", () => {
  it("matches the @example (Table 1: 2 (7.1%) vs 11 (21.2%), Fisher 0.125)", () => {
    const ex = [
      ...Array.from({ length: 28 }, (_, i) => ({ patientId: `u${i}`, group: "UC", discontinued: i < 2 })),
      ...Array.from({ length: 52 }, (_, i) => ({ patientId: `c${i}`, group: "CD", discontinued: i < 11 })),
    ];
    const s = discontinuationSummary(ex);
    expect([s.discontinued, s.comparison?.test, formatPValue(s.comparison?.pValue ?? 1)]).toEqual([13, "fisherExact", "0.125"]);
  });

  it("prints counts, reasons and the test", () => {
    const s = discontinuationSummary(rows, { reasonLabels: { surgery: "Surgery", lackOfEfficacy: "Lack of efficacy" } });
    expect(s.table.rows[0]!.cells).toEqual(["Discontinued", "13 (16.3%)", "2 (7.1%)", "11 (21.2%)", { text: "0.125", sup: "d" }]);
    expect(s.reasons).toEqual([
      { reason: "surgery", overall: 8, counts: [0, 8] },
      { reason: "lackOfEfficacy", overall: 5, counts: [2, 3] },
    ]);
    expect(s.table.rows[1]!.cells[0]).toBe("Surgery");
    expect(s.comparison!.reason).toMatch(/smallest 4\.55/);
  });

  it("rejects bad rows", () => {
    expect(() => discontinuationSummary([{ patientId: "a", group: "A", discontinued: "yes" as unknown as boolean }])).toThrow(TypeError);
  });

  it("does not mutate its input", () => {
    const before = structuredClone(rows);
    discontinuationSummary(rows);
    expect(rows).toEqual(before);
  });
});
