import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { expectClose } from "../../../tests/expectClose.js";
import { PAPER_AE } from "../../cli/analysis/paperMao2025.js";
import { tableToCsv, tableToMarkdown } from "../renderTable/index.js";
import { adverseEventHierarchyTable, type CodedAdverseEvent } from "./index.js";

interface Rate {
  x: number;
  exposure: number;
  rate: number;
  ci: [number, number];
}
const R = JSON.parse(readFileSync(new URL("./fixtures.json", import.meta.url), "utf8")) as Record<string, Rate>;

const SOC = {
  acne: ["Skin and subcutaneous tissue disorders", "Acne"],
  infection: ["Infections and infestations", "Infection"],
  neutropenia: ["Blood and lymphatic system disorders", "Neutropenia"],
  anaemia: ["Blood and lymphatic system disorders", "Anaemia"],
  ck: ["Investigations", "Blood creatine phosphokinase increased"],
  lipids: ["Metabolism and nutrition disorders", "Dyslipidaemia"],
} as const;

// The paper's Table 4 cohort: CD 52, UC 28; one event per patient and category, plus a second acne event for c0.
function paperCohort() {
  const patients = [
    ...Array.from({ length: 52 }, (_, i) => ({ patientId: `c${i}`, group: "CD", exposureYears: 1 + (i % 5) / 4 })),
    ...Array.from({ length: 28 }, (_, i) => ({ patientId: `u${i}`, group: "UC", exposureYears: 0.75 + (i % 4) / 4 })),
  ];
  const events: CodedAdverseEvent[] = [];
  const give = (prefix: string, from: number, count: number, key: keyof typeof SOC, extra: Partial<CodedAdverseEvent> = {}) => {
    for (let i = from; i < from + count; i++) events.push({ patientId: `${prefix}${i}`, systemOrganClass: SOC[key][0], preferredTerm: SOC[key][1], serious: false, ledToDiscontinuation: false, ...extra });
  };
  give("c", 0, 5, "acne");
  give("c", 0, 1, "acne");
  give("c", 0, 2, "infection", { serious: true });
  give("c", 2, 2, "neutropenia");
  give("c", 4, 3, "anaemia");
  give("c", 7, 1, "ck", { ledToDiscontinuation: true });
  give("c", 0, 5, "lipids");
  give("u", 0, 2, "acne");
  give("u", 0, 1, "infection");
  give("u", 1, 1, "neutropenia");
  give("u", 2, 1, "anaemia");
  give("u", 0, 4, "lipids");
  return { patients, events };
}

describe("adverseEventHierarchyTable", () => {
  const { patients, events } = paperCohort();
  const t = adverseEventHierarchyTable(patients, events, { groups: ["CD", "UC"], rates: true });
  const find = (label: string) => t.lines.find((l) => l.label === label)!;

  it("matches the @example", () => {
    const ex = adverseEventHierarchyTable([{ patientId: "1", group: "UC" }, { patientId: "2", group: "CD" }], [{ patientId: "2", systemOrganClass: "Skin", preferredTerm: "Acne", serious: false }]);
    expect(ex.lines.map((l) => `${l.label}: ${l.overall?.patients}`)).toEqual([
      "Any adverse event: 1",
      "Serious adverse events: 0",
      "Adverse events leading to discontinuation: 0",
      "Skin: 1",
      "Acne: 1",
    ]);
  });

  it("reproduces the patient counts of the paper's Table 4 (overall, CD, UC)", () => {
    const want: Record<string, string> = { acneOrSkin: "Acne", infection: "Infection", neutropenia: "Neutropenia", anemia: "Anaemia", ckElevation: "Blood creatine phosphokinase increased", dyslipidemia: "Dyslipidaemia" };
    for (const row of PAPER_AE.filter((r) => r.category in want)) {
      const l = find(want[row.category]!);
      expect([l.overall!.patients, l.cells[0]!.patients, l.cells[1]!.patients], row.label).toEqual([row.all, row.cd, row.uc]);
    }
  });

  it("nests terms under classes, each level sorted by frequency (patients, then events, then name)", () => {
    const order = t.lines.filter((l) => l.level !== "summary").map((l) => `${l.level === "preferredTerm" ? "  " : ""}${l.label} ${l.overall!.patients}`);
    expect(order).toEqual([
      "Metabolism and nutrition disorders 9",
      "  Dyslipidaemia 9",
      "Skin and subcutaneous tissue disorders 7", // ties on patients: more events first (8 vs 7)
      "  Acne 7",
      "Blood and lymphatic system disorders 7",
      "  Anaemia 4",
      "  Neutropenia 3",
      "Infections and infestations 3",
      "  Infection 3",
      "Investigations 1",
      "  Blood creatine phosphokinase increased 1",
    ]);
  });

  it("counts patients once and events as they are; serious and discontinuation lines", () => {
    expect([find("Acne").cells[0]!.patients, find("Acne").cells[0]!.events]).toEqual([5, 6]);
    expect(find("Serious adverse events").overall).toMatchObject({ patients: 2, events: 2 });
    expect(find("Adverse events leading to discontinuation").cells.map((c) => c.patients)).toEqual([1, 0]);
    expect(t.notRecorded).toEqual({ serious: 0, ledToDiscontinuation: 0 });
  });

  it("exposure-adjusted event rates per 100 PY with exact Poisson CIs, as R poisson.test", () => {
    const check = (got: { ratePer100PatientYears?: number; rateConfInt?: [number, number] }, want: Rate, label: string) => {
      expectClose(got.ratePer100PatientYears!, want.rate, 1e-12, `${label} rate`);
      expect(got.rateConfInt![0]).toBeCloseTo(want.ci[0], 10);
      expectClose(got.rateConfInt![1], want.ci[1], 1e-9, `${label} upper`);
    };
    expect(t.groups).toEqual([{ group: "CD", n: 52, exposureYears: R.anyCD!.exposure }, { group: "UC", n: 28, exposureYears: R.anyUC!.exposure }]);
    check(find("Any adverse event").cells[0]!, R.anyCD!, "any CD");
    check(find("Any adverse event").cells[1]!, R.anyUC!, "any UC");
    check(find("Any adverse event").overall!, R.anyAll!, "any overall");
    check(find("Acne").cells[0]!, R.acneCD!, "acne CD");
    check(find("Blood creatine phosphokinase increased").cells[1]!, R.ckUC!, "CK UC (0 events)");
    const p = adverseEventHierarchyTable(patients, events, { groups: ["CD", "UC"], rates: true, rateBasis: "patients" });
    check(p.lines[0]!.cells[0]!, R.anyPatientsCD!, "any CD, patients");
  });

  it("display: spanners over each column's n (%), events and rate; golden Markdown and CSV", () => {
    expect(t.table.spanners!.map((s) => s.label)).toEqual(["Overall (N = 80; 108.8 PY)", "CD (N = 52; 77.3 PY)", "UC (N = 28; 31.5 PY)"]);
    expect(t.table.rows[0]!.cells.slice(0, 4)).toEqual(["Any adverse event", "12 (15.0%)", "28", "25.7 (17.1, 37.2)"]);
    expect(tableToMarkdown(t.table)).toMatchSnapshot();
    expect(tableToCsv(t.table)).toMatchSnapshot();
  });

  it("missing means missing: unrecorded seriousness is reported, not read as non-serious; missing exposure throws", () => {
    const u = adverseEventHierarchyTable(patients, [{ patientId: "c1", systemOrganClass: "S", preferredTerm: "T" }]);
    expect(u.notRecorded).toEqual({ serious: 1, ledToDiscontinuation: 1 });
    expect(u.lines[1]!.overall!.events).toBe(0);
    expect(u.table.footnotes.join("\n")).toMatch(/Seriousness not recorded for 1 event/);
    const noExposure = [{ patientId: "a", group: "X" }];
    expect(() => adverseEventHierarchyTable(noExposure, [], { rates: true })).toThrow(/adverseEventHierarchyTable: patients\[0\]\.exposureYears is missing/);
  });

  it("rejects bad input", () => {
    expect(() => adverseEventHierarchyTable(patients, events, { rate: true } as object)).toThrow(/options\.rate is not an option/);
    expect(() => adverseEventHierarchyTable(patients, [{ patientId: "zz", systemOrganClass: "S", preferredTerm: "T" }])).toThrow(/events\[0\]\.patientId must be one of the patients/);
    expect(() => adverseEventHierarchyTable(patients, [{ patientId: "c1", systemOrganClass: "S" } as CodedAdverseEvent])).toThrow(/events\[0\]\.preferredTerm must be a string/);
    expect(() => adverseEventHierarchyTable(patients, events, { groups: ["IBD-U"] })).toThrow(/options\.groups\[0\] has no patients/);
    expect(() => adverseEventHierarchyTable([{ patientId: "a", group: "X", exposureYears: -1 }], [], { rates: true })).toThrow(/exposureYears must be a finite number >= 0/);
  });

  it("does not mutate its inputs", () => {
    const before = structuredClone({ patients, events });
    adverseEventHierarchyTable(patients, events, { rates: true });
    expect({ patients, events }).toEqual(before);
  });
});
