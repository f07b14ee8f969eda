import { describe, expect, it } from "vitest";
import type { Diagnosis } from "../../models/common.js";
import type { EligibilityReasonCode } from "../assessStudyEligibility/index.js";
import { MAO2025_REPORTED_FLOW, patientFlow, type FlowEntry } from "../patientFlow/index.js";
import { formatPatientFlow } from "./index.js";

function cohort(): FlowEntry[] {
  const out: FlowEntry[] = [];
  const add = (n: number, diagnosis: Diagnosis, failedCodes: EligibilityReasonCode[]) => {
    for (let i = 0; i < n; i++) {
      out.push({ patientId: `P${out.length}`, diagnosis, status: failedCodes.length > 0 ? "ineligible" : "eligible", failedCodes, unknownCodes: [] });
    }
  };
  add(8, "CD", ["INCL_DTT"]);
  add(1, "UC", ["INCL_AGE"]);
  add(23, "UC", ["EXCL_INSUFFICIENT_DATA"]);
  add(2, "CD", ["EXCL_CONCOMITANT_BIOLOGIC"]);
  add(8, "CD", ["EXCL_MALIGNANCY"]);
  add(50, "CD", []);
  add(28, "UC", []);
  return out;
}

describe("formatPatientFlow", () => {
  it("matches the @example", () => {
    const flow = patientFlow([
      { patientId: "A", diagnosis: "CD", status: "eligible", failedCodes: [], unknownCodes: [] },
      { patientId: "B", diagnosis: "UC", status: "ineligible", failedCodes: ["INCL_DTT"], unknownCodes: [] },
    ]);
    expect(formatPatientFlow(flow, { format: "text" }).split("\n").slice(0, 2)).toEqual([
      "Screened: 2 (CD 1, UC 1)",
      "  -1 Not refractory (difficult-to-treat) IBD [INCL_DTT] -> 1 remaining",
    ]);
  });

  it("renders text with the reported comparison", () => {
    const text = formatPatientFlow(patientFlow(cohort(), { reported: MAO2025_REPORTED_FLOW }), { format: "text" });
    expect(text).toBe(
      [
        "Screened: 120 (CD 68, UC 52)",
        "  -8 Not refractory (difficult-to-treat) IBD [INCL_DTT] -> 112 remaining",
        "  -1 Age < 18 years [INCL_AGE] -> 111 remaining",
        "  -23 Incomplete baseline or follow-up data [EXCL_INSUFFICIENT_DATA] -> 88 remaining",
        "  -2 Concomitant biologic agents [EXCL_CONCOMITANT_BIOLOGIC] -> 86 remaining",
        "  -8 Other reasons [OTHER] -> 78 remaining",
        "  -0 Eligibility undetermined (data not recorded) [UNDETERMINED] -> 78 remaining",
        "Included: 78 (CD 50, UC 28)",
        "",
        "Compared with the reported flow: does not match.",
        "  screened: reported 122, computed 120 (-2)",
        "  steps.OTHER: reported 10, computed 8 (-2)",
        "  included: reported 80, computed 78 (-2)",
        "  includedByDiagnosis.CD: reported 52, computed 50 (-2)",
        "  Not reported: steps.UNDETERMINED",
        "Reported arithmetic: 122 - 44 = 78, but 80 stated (difference +2).",
      ].join("\n"),
    );
  });

  it("renders a Markdown table by default", () => {
    const md = formatPatientFlow(patientFlow(cohort()));
    const lines = md.split("\n");
    expect(lines.slice(0, 4)).toEqual([
      "| Step | Code | Excluded | Remaining |",
      "|---|---|---:|---:|",
      "| Screened (CD 68, UC 52) |  |  | 120 |",
      "| Not refractory (difficult-to-treat) IBD | INCL_DTT | 8 | 112 |",
    ]);
    expect(lines.at(-1)).toBe("| **Included** (CD 50, UC 28) |  |  | **78** |");
    expect(md).not.toMatch(/Compared/);
  });

  it("Markdown comparison lists differences and the arithmetic; a consistent report says so", () => {
    const md = formatPatientFlow(patientFlow(cohort(), { reported: MAO2025_REPORTED_FLOW }), { format: "markdown" });
    expect(md).toContain("| screened | 122 | 120 | -2 |");
    expect(md).toContain("Reported arithmetic: 122 - 44 = 78, but 80 stated (difference +2).");
    const ok = patientFlow(cohort(), {
      reported: { screened: 120, steps: { INCL_DTT: 8, INCL_AGE: 1, EXCL_INSUFFICIENT_DATA: 23, EXCL_CONCOMITANT_BIOLOGIC: 2, OTHER: 8, UNDETERMINED: 0 }, included: 78 },
    });
    const okMd = formatPatientFlow(ok);
    expect(okMd).toContain("**Compared with the reported flow:** matches.");
    expect(okMd).toContain("Reported arithmetic: 120 - 42 = 78, as stated.");
  });

  it("escapes Markdown table characters in labels and shows IBD-U only when present", () => {
    const flow = patientFlow(
      [{ patientId: "A", diagnosis: "IBD-U", status: "ineligible", failedCodes: ["INCL_DTT"], unknownCodes: [] }],
      {
        steps: [
          { code: "A", label: "DTT | refractory", reasonCodes: ["INCL_DTT"] },
          {
            code: "B",
            label: "rest",
            reasonCodes: ["INCL_AGE", "INCL_EXPOSURE", "INCL_STUDY_WINDOW", "EXCL_PREGNANCY", "EXCL_SERIOUS_INFECTION", "EXCL_MALIGNANCY", "EXCL_LIVER", "EXCL_RENAL", "EXCL_TOTAL_COLECTOMY", "EXCL_INSUFFICIENT_DATA", "EXCL_CONCOMITANT_BIOLOGIC"],
          },
        ],
      },
    );
    const md = formatPatientFlow(flow);
    expect(md).toContain("| DTT \\| refractory | A | 1 | 0 |");
    expect(md).toContain("| Screened (CD 0, UC 0, IBD-U 1) |");
  });

  it("refuses a flow that does not add up", () => {
    const flow = patientFlow(cohort());
    expect(() => formatPatientFlow({ ...flow, included: 80 })).toThrow(/flow\.included must equal screened minus every excluded step \(78\); got 80\./);
    const steps = flow.steps.map((s, i) => (i === 0 ? { ...s, remaining: 114 } : s));
    expect(() => formatPatientFlow({ ...flow, steps })).toThrow(RangeError);
  });

  it("rejects bad input", () => {
    expect(() => formatPatientFlow(patientFlow([]), { format: "svg" as never })).toThrow(/formatPatientFlow: options\.format must be "markdown" or "text"; got "svg"\./);
    expect(() => formatPatientFlow({} as never)).toThrow(TypeError);
  });

  it("does not mutate its inputs", () => {
    const flow = patientFlow(cohort(), { reported: MAO2025_REPORTED_FLOW });
    const opts = { format: "text" as const };
    const before = structuredClone([flow, opts]);
    formatPatientFlow(flow, opts);
    expect([flow, opts]).toEqual(before);
  });
});
