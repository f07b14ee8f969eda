import { describe, expect, it } from "vitest";
import { adverseEventTable } from "./index.js";
import { tableToMarkdown } from "../renderTable/index.js";

// The paper's Table 4 counts, as patients: CD 52, UC 28.
function paperCohort() {
  const patients = [
    ...Array.from({ length: 52 }, (_, i) => ({ patientId: `c${i}`, group: "CD" })),
    ...Array.from({ length: 28 }, (_, i) => ({ patientId: `u${i}`, group: "UC" })),
  ];
  const events: { patientId: string; category: string }[] = [];
  const give = (prefix: string, from: number, count: number, category: string) => {
    for (let i = from; i < from + count; i++) events.push({ patientId: `${prefix}${i}`, category });
  };
  give("c", 0, 5, "acneOrSkin");
  give("c", 0, 2, "infection");
  give("c", 2, 2, "neutropenia");
  give("c", 4, 3, "anemia");
  give("c", 7, 1, "ckElevation");
  give("c", 0, 5, "dyslipidemia");
  give("u", 0, 2, "acneOrSkin");
  give("u", 0, 1, "infection");
  give("u", 1, 1, "neutropenia");
  give("u", 2, 1, "anemia");
  give("u", 0, 4, "dyslipidemia");
  return { patients, events };
}

const categories = [
  { category: "acneOrSkin", label: "Skin (acne)" },
  { category: "infection", label: "Infection" },
  { category: "neutropenia", label: "Neutropenia", section: "Hematological" },
  { category: "anemia", label: "Anemia", section: "Hematological" },
  { category: "ckElevation", label: "Creatine kinase abnormalities", section: "Musculoskeletal" },
  { category: "dyslipidemia", label: "Dyslipidemia" },
];

describe("adverseEventTable", () => {
  it("matches the @example", () => {
    const patients = [{ patientId: "1", group: "UC" }, { patientId: "2", group: "CD" }, { patientId: "3", group: "CD" }];
    const t = adverseEventTable(patients, [{ patientId: "2", category: "acne" }, { patientId: "2", category: "acne" }], { tests: false });
    expect([t.lines[1]!.label, t.lines[1]!.overall, t.lines[1]!.events, t.table.rows[1]!.cells]).toEqual(["acne", 1, 2, ["acne", "1 (33.3%)", "0 (0.0%)", "1 (50.0%)"]]);
  });

  it("reproduces the paper's Table 4 cells (overall /80 with two decimals)", () => {
    const { patients, events } = paperCohort();
    const t = adverseEventTable(patients, events, { categories, groups: ["CD", "UC"], overallLabel: "All", overallPercentDigits: 2, anyEvent: false });
    const md = tableToMarkdown(t.table);
    expect(md).toContain("| Skin (acne) | 7 (8.75%) | 5 (9.6%) | 2 (7.1%) |");
    expect(md).toContain("| Infection | 3 (3.75%) | 2 (3.8%) | 1 (3.6%) |");
    expect(md).toContain("| Hematological |  |  |  |  |");
    expect(md).toContain("| \u00a0\u00a0\u00a0\u00a0Anemia | 4 (5.00%) | 3 (5.8%) | 1 (3.6%) |");
    expect(md).toContain("| \u00a0\u00a0\u00a0\u00a0Creatine kinase abnormalities | 1 (1.25%) | 1 (1.9%) | 0 (0.0%) |");
    expect(md).toContain("| Dyslipidemia | 9 (11.25%) | 5 (9.6%) | 4 (14.3%) |");
    // every line has expected counts < 5 in UC: Fisher
    expect(t.lines.every((l) => l.comparison?.test === "fisherExact")).toBe(true);
  });

  it("any-event line counts patients, not events; the paper's 4/28 vs 12/52 gives Table 1's 0.348 (c)", () => {
    const patients = [
      ...Array.from({ length: 28 }, (_, i) => ({ patientId: `u${i}`, group: "UC" })),
      ...Array.from({ length: 52 }, (_, i) => ({ patientId: `c${i}`, group: "CD" })),
    ];
    const events = [
      ...Array.from({ length: 4 }, (_, i) => ({ patientId: `u${i}`, category: "acne" })),
      { patientId: "u0", category: "anemia" },
      ...Array.from({ length: 12 }, (_, i) => ({ patientId: `c${i}`, category: "acne" })),
    ];
    const t = adverseEventTable(patients, events);
    const any = t.lines[0]!;
    expect([any.label, any.overall, any.counts, any.events]).toEqual(["Any adverse event", 16, [4, 12], 17]);
    expect(any.comparison!.test).toBe("pearsonChiSquared");
    expect(any.comparison!.pValue!.toFixed(3)).toBe("0.348");
    expect(t.table.rows[0]!.cells.at(-1)).toEqual({ text: "0.348", sup: "c" });
  });

  it("rejects events of unknown patients and repeated patients", () => {
    expect(() => adverseEventTable([{ patientId: "1", group: "A" }], [{ patientId: "2", category: "x" }])).toThrow(/unknown id/);
    expect(() => adverseEventTable([{ patientId: "1", group: "A" }, { patientId: "1", group: "B" }], [])).toThrow(/unique/);
  });

  it("does not mutate its input", () => {
    const { patients, events } = paperCohort();
    const b1 = structuredClone(patients);
    const b2 = structuredClone(events);
    adverseEventTable(patients, events, { categories });
    expect(patients).toEqual(b1);
    expect(events).toEqual(b2);
  });
});
