import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Diagnosis } from "../../models/common.js";
import { ELIGIBILITY_REASON_CODES, type EligibilityReasonCode } from "../assessStudyEligibility/index.js";
import { MAO2025_FLOW_STEPS, MAO2025_REPORTED_FLOW, patientFlow, type FlowEntry } from "./index.js";

function entry(patientId: string, diagnosis: Diagnosis, failedCodes: EligibilityReasonCode[] = [], unknownCodes: EligibilityReasonCode[] = []): FlowEntry {
  const status = failedCodes.length > 0 ? "ineligible" : unknownCodes.length > 0 ? "undetermined" : "eligible";
  return { patientId, diagnosis, status, failedCodes, unknownCodes };
}

/** A synthetic cohort with the paper's Figure 4 counts: 8, 1, 23, 2, 10 excluded; 52 CD + 28 UC included (124 screened). */
function paperLikeCohort(): FlowEntry[] {
  const out: FlowEntry[] = [];
  let k = 0;
  const add = (n: number, dx: Diagnosis, failed: EligibilityReasonCode[]) => {
    for (let i = 0; i < n; i++) out.push(entry(`P${++k}`, dx, failed));
  };
  add(8, "CD", ["INCL_DTT"]);
  add(1, "UC", ["INCL_AGE", "EXCL_INSUFFICIENT_DATA"]); // two reasons, counted once, under age
  add(23, "UC", ["EXCL_INSUFFICIENT_DATA"]);
  add(2, "CD", ["EXCL_CONCOMITANT_BIOLOGIC"]);
  add(10, "CD", ["EXCL_LIVER"]);
  add(52, "CD", []);
  add(28, "UC", []);
  return out;
}

describe("patientFlow", () => {
  it("matches the @example", () => {
    const flow = patientFlow([
      { patientId: "A", diagnosis: "CD", status: "eligible", failedCodes: [], unknownCodes: [] },
      { patientId: "B", diagnosis: "UC", status: "ineligible", failedCodes: ["INCL_AGE", "INCL_DTT"], unknownCodes: [] },
      { patientId: "C", diagnosis: "UC", status: "ineligible", failedCodes: ["EXCL_RENAL"], unknownCodes: [] },
    ]);
    expect(flow.steps.map((s) => [s.code, s.excluded, s.remaining])).toEqual([
      ["INCL_DTT", 1, 2],
      ["INCL_AGE", 0, 2],
      ["EXCL_INSUFFICIENT_DATA", 0, 2],
      ["EXCL_CONCOMITANT_BIOLOGIC", 0, 2],
      ["OTHER", 1, 1],
      ["UNDETERMINED", 0, 1],
    ]);
  });

  it("counts each patient under the first failed step but keeps every reason", () => {
    const flow = patientFlow(paperLikeCohort());
    expect(flow.screened).toBe(124);
    expect(flow.steps.map((s) => s.excluded)).toEqual([8, 1, 23, 2, 10, 0]);
    expect(flow.steps.map((s) => s.remaining)).toEqual([116, 115, 92, 90, 80, 80]);
    expect([flow.included, flow.includedByDiagnosis]).toEqual([80, { CD: 52, UC: 28, "IBD-U": 0 }]);
    expect(flow.reasonCounts.EXCL_INSUFFICIENT_DATA).toBe(24);
    expect(flow.reasonCounts.INCL_AGE).toBe(1);
    const two = flow.patients.find((p) => p.failedCodes.length === 2);
    expect([two?.countedUnder, two?.failedCodes]).toEqual(["INCL_AGE", ["INCL_AGE", "EXCL_INSUFFICIENT_DATA"]]);
    expect(flow.steps[2]?.excludedByDiagnosis).toEqual({ CD: 0, UC: 23, "IBD-U": 0 });
  });

  it("compares with the paper's reported flow and exposes its arithmetic (78, not 80)", () => {
    const flow = patientFlow(paperLikeCohort(), { reported: MAO2025_REPORTED_FLOW });
    const c = flow.comparison!;
    expect(c.matches).toBe(false);
    expect(c.differences).toEqual([{ item: "screened", reported: 122, computed: 124, difference: 2 }]);
    expect(c.reportedArithmetic).toEqual({ screened: 122, excluded: 44, impliedIncluded: 78, statedIncluded: 80, difference: 2, consistent: false });
    expect(c.notCompared).toEqual(["steps.UNDETERMINED"]);
  });

  it("a cohort with 122 screened and the reported step counts gives 78 included, and says so", () => {
    // The reported exclusions (44) and 122 screened leave 78, whatever is stated.
    const cohort = paperLikeCohort().filter((e, i) => !(e.failedCodes.length === 0 && e.diagnosis === "CD" && i >= 44 + 50));
    const flow = patientFlow(cohort, { reported: MAO2025_REPORTED_FLOW });
    expect([flow.screened, flow.excluded, flow.included]).toEqual([122, 44, 78]);
    expect(flow.comparison?.differences).toEqual([
      { item: "included", reported: 80, computed: 78, difference: -2 },
      { item: "includedByDiagnosis.CD", reported: 52, computed: 50, difference: -2 },
    ]);
    expect(flow.comparison?.reportedArithmetic.consistent).toBe(false);
  });

  it("a consistent report matches", () => {
    const flow = patientFlow(paperLikeCohort(), {
      reported: { screened: 124, steps: { INCL_DTT: 8, INCL_AGE: 1, EXCL_INSUFFICIENT_DATA: 23, EXCL_CONCOMITANT_BIOLOGIC: 2, OTHER: 10, UNDETERMINED: 0 }, included: 80 },
    });
    expect(flow.comparison).toMatchObject({ matches: true, differences: [], notCompared: [] });
  });

  it("undetermined patients are counted in their own step, never hidden", () => {
    const flow = patientFlow([entry("A", "CD", [], ["EXCL_LIVER"]), entry("B", "UC", ["EXCL_RENAL"], ["INCL_DTT"]), entry("C", "IBD-U")]);
    expect(flow.steps.at(-1)).toMatchObject({ code: "UNDETERMINED", excluded: 1, remaining: 1 });
    expect(flow.patients.map((p) => p.countedUnder)).toEqual(["UNDETERMINED", "OTHER", null]);
    expect(flow.unknownReasonCounts).toMatchObject({ EXCL_LIVER: 1, INCL_DTT: 1 });
    expect(flow.includedByDiagnosis).toEqual({ CD: 0, UC: 0, "IBD-U": 1 });
  });

  it("custom step order changes where a patient is counted", () => {
    const steps = [
      { code: "DATA", label: "Incomplete data", reasonCodes: ["EXCL_INSUFFICIENT_DATA" as const] },
      { code: "REST", label: "Everything else", reasonCodes: ELIGIBILITY_REASON_CODES.filter((c) => c !== "EXCL_INSUFFICIENT_DATA") },
    ];
    const flow = patientFlow([entry("A", "UC", ["INCL_AGE", "EXCL_INSUFFICIENT_DATA"])], { steps });
    expect(flow.patients[0]?.countedUnder).toBe("DATA");
    expect(flow.steps.map((s) => s.code)).toEqual(["DATA", "REST", "UNDETERMINED"]);
  });

  it("an empty cohort gives zeros", () => {
    const flow = patientFlow([]);
    expect([flow.screened, flow.included, flow.excluded]).toEqual([0, 0, 0]);
    expect(flow.steps.every((s) => s.excluded === 0 && s.remaining === 0)).toBe(true);
  });

  it("property: screened = Σ excluded + included, remaining falls step by step, every patient placed once", () => {
    const codes = fc.subarray([...ELIGIBILITY_REASON_CODES]);
    const arbEntry = fc.record({ diagnosis: fc.constantFrom<Diagnosis>("CD", "UC", "IBD-U"), failed: codes, unknown: codes, shuffle: fc.boolean() });
    fc.assert(
      fc.property(fc.array(arbEntry, { maxLength: 60 }), fc.boolean(), (rows, reverseSteps) => {
        const screened = rows.map((r, i) => entry(`P${i}`, r.diagnosis, r.shuffle ? [...r.failed].reverse() : r.failed, r.unknown));
        const steps = reverseSteps ? [...MAO2025_FLOW_STEPS].reverse() : MAO2025_FLOW_STEPS;
        const flow = patientFlow(screened, { steps });
        const sum = flow.steps.reduce((a, s) => a + s.excluded, 0);
        expect(flow.screened).toBe(rows.length);
        expect(sum + flow.included).toBe(flow.screened);
        expect(flow.excluded).toBe(sum);
        let remaining = flow.screened;
        for (const s of flow.steps) {
          remaining -= s.excluded;
          expect(s.remaining).toBe(remaining);
          expect(s.excludedByDiagnosis.CD + s.excludedByDiagnosis.UC + s.excludedByDiagnosis["IBD-U"]).toBe(s.excluded);
        }
        expect(remaining).toBe(flow.included);
        expect(flow.includedByDiagnosis.CD + flow.includedByDiagnosis.UC + flow.includedByDiagnosis["IBD-U"]).toBe(flow.included);
        expect(flow.included).toBe(rows.filter((r) => r.failed.length === 0 && r.unknown.length === 0).length);
        // Each patient is counted under the earliest step holding one of its failed codes.
        for (const p of flow.patients) {
          if (p.failedCodes.length === 0) continue;
          const idx = flow.steps.findIndex((s) => s.code === p.countedUnder);
          expect(p.failedCodes.some((c) => flow.steps[idx]!.reasonCodes.includes(c))).toBe(true);
          expect(flow.steps.slice(0, idx).some((s) => p.failedCodes.some((c) => s.reasonCodes.includes(c)))).toBe(false);
        }
      }),
      { numRuns: 300, seed: 20251124 },
    );
  });

  it("does not mutate its inputs", () => {
    const cohort = paperLikeCohort();
    const steps = [...MAO2025_FLOW_STEPS].reverse();
    const reported = structuredClone(MAO2025_REPORTED_FLOW);
    const before = structuredClone([cohort, steps, reported]);
    patientFlow(cohort, { steps, reported });
    expect([cohort, steps, reported]).toEqual(before);
    expect(Object.isFrozen(MAO2025_FLOW_STEPS) && Object.isFrozen(MAO2025_REPORTED_FLOW)).toBe(true);
  });

  it("returns plain JSON-serialisable data", () => {
    const flow = patientFlow(paperLikeCohort(), { reported: MAO2025_REPORTED_FLOW });
    expect(JSON.parse(JSON.stringify(flow))).toEqual(flow);
  });

  describe("bad input", () => {
    it("rejects non-arrays and malformed entries", () => {
      expect(() => patientFlow("x" as never)).toThrow(TypeError);
      expect(() => patientFlow([{ ...entry("A", "CD"), failedCodes: ["NOPE" as never], status: "ineligible" }])).toThrow(/patientFlow: screened\[0\]\.failedCodes\[0\]/);
      expect(() => patientFlow([{ ...entry("A", "CD", ["INCL_DTT"]), status: "eligible" }])).toThrow(/screened\[0\]\.status must be "ineligible"/);
    });
    it("rejects repeated patient ids without echoing them", () => {
      expect(() => patientFlow([entry("A", "CD"), entry("A", "UC")])).toThrow(/screened\[1\]\.patientId must be unique; got a repeated id\./);
    });
    it("rejects steps that miss or repeat a reason code", () => {
      expect(() => patientFlow([], { steps: MAO2025_FLOW_STEPS.slice(0, 4) })).toThrow(/options\.steps must cover every reason code; got none for INCL_EXPOSURE/);
      expect(() => patientFlow([], { steps: [...MAO2025_FLOW_STEPS, { code: "X", label: "x", reasonCodes: ["INCL_DTT"] }] })).toThrow(/must appear in one step only/);
      expect(() => patientFlow([], { steps: [...MAO2025_FLOW_STEPS, { code: "UNDETERMINED", label: "x", reasonCodes: [] }] })).toThrow(RangeError);
    });
    it("rejects a reported flow with unknown steps or bad counts", () => {
      expect(() => patientFlow([], { reported: { ...MAO2025_REPORTED_FLOW, steps: { NOPE: 1 } } })).toThrow(/options\.reported\.steps must use the flow's step codes/);
      expect(() => patientFlow([], { reported: { ...MAO2025_REPORTED_FLOW, screened: -1 } })).toThrow(/options\.reported\.screened/);
    });
  });
});
