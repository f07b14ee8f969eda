import { describe, expect, it } from "vitest";
import { patientFlow, type FlowEntry, type PatientFlow } from "../../eligibility/index.js";
import { patientFlowSvg, type PatientFlowDiagramInput } from "./index.js";
import { checkXml } from "../_test/wellFormed.js";

describe("patientFlowSvg", () => {
  it("matches the @example", () => {
    expect(patientFlowSvg({ screened: 10, steps: [{ label: "Age < 18", excluded: 1, remaining: 9 }], included: 9, includedByDiagnosis: { CD: 5, UC: 4 } }).includes("Excluded (n = 1)")).toBe(true);
  });

  it("draws the eligibility domain's flow: boxes, side exclusions, remaining counts, split by diagnosis", () => {
    const entries: FlowEntry[] = [
      ...Array.from({ length: 3 }, (_, i) => ({ patientId: `x${i}`, diagnosis: "CD" as const, status: "ineligible" as const, failedCodes: ["INCL_DTT" as const], unknownCodes: [] })),
      { patientId: "y", diagnosis: "UC", status: "ineligible", failedCodes: ["EXCL_INSUFFICIENT_DATA"], unknownCodes: [] },
      ...Array.from({ length: 5 }, (_, i) => ({ patientId: `c${i}`, diagnosis: "CD" as const, status: "eligible" as const, failedCodes: [], unknownCodes: [] })),
      ...Array.from({ length: 2 }, (_, i) => ({ patientId: `u${i}`, diagnosis: "UC" as const, status: "eligible" as const, failedCodes: [], unknownCodes: [] })),
    ];
    const flow: PatientFlow = patientFlow(entries);
    const input: PatientFlowDiagramInput = flow; // the eligibility type fits
    const svg = patientFlowSvg(input, { title: "Figure 4", splitLabels: { CD: "Crohn's disease", UC: "Ulcerative colitis" } });
    const x = checkXml(svg);
    expect(x.ok, x.error).toBe(true);
    for (const t of ["Figure 4", "Patients screened", "(n = 11)", "Excluded (n = 3)", "Excluded (n = 1)", "n = 8", "n = 7", "Included", "(n = 7)", "Crohn's disease", "(n = 5)", "Ulcerative colitis", "(n = 2)"]) {
      expect(x.texts, t).toContain(t);
    }
    // steps that exclude nobody are left out
    expect(x.texts.filter((t) => t.startsWith("Excluded"))).toHaveLength(2);
    expect(svg).toContain('marker-end="url(#arrow)"');
  });

  it("wraps long labels inside their boxes and escapes them", () => {
    const x = checkXml(patientFlowSvg({ screened: 5, steps: [{ label: "A very long exclusion reason that must wrap onto several lines <& more>", excluded: 2, remaining: 3 }], included: 3 }, { width: 500 }));
    expect(x.ok, x.error).toBe(true);
    expect(x.texts.filter((t) => t !== "" && "A very long exclusion reason that must wrap onto several lines <& more>".includes(t)).length).toBeGreaterThan(1);
  });

  it("rejects bad input and does not mutate", () => {
    expect(() => patientFlowSvg({ screened: -1, steps: [], included: 0 })).toThrow(RangeError);
    expect(() => patientFlowSvg({} as never)).toThrow(TypeError);
    const f = { screened: 3, steps: [{ label: "x", excluded: 1, remaining: 2 }], included: 2, includedByDiagnosis: { CD: 2 } };
    const before = structuredClone(f);
    patientFlowSvg(f);
    expect(f).toEqual(before);
  });
});
