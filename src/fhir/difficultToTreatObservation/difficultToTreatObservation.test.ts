import { describe, expect, it } from "vitest";
import type { DifficultToTreatResult } from "../../eligibility/index.js";
import { difficultToTreatObservation } from "./index.js";

const base = {
  asOf: "2024-01-01",
  diagnosis: "CD",
  ageYears: 40,
  isChild: false,
  criteria: { advancedTherapyFailure: {}, postoperativeRecurrence: {}, chronicAntibioticRefractoryPouchitis: {}, complexPerianalDisease: {}, psychosocialComorbidity: {} },
};

describe("difficultToTreatObservation", () => {
  it("met: value met, one component per criterion", () => {
    const r = { ...base, status: "met", metCriteria: ["advancedTherapyFailure"], unknownCriteria: ["psychosocialComorbidity"] } as unknown as DifficultToTreatResult;
    const o = difficultToTreatObservation(r, "P001");
    expect(o.valueCodeableConcept?.coding?.[0]?.code).toBe("met");
    expect(o.effectiveDateTime).toBe("2024-01-01");
    const byId = Object.fromEntries(o.component!.map((c) => [c.code.text, c.valueCodeableConcept?.coding?.[0]?.code ?? `absent:${c.dataAbsentReason?.coding?.[0]?.code}`]));
    expect(byId).toEqual({ advancedTherapyFailure: "met", postoperativeRecurrence: "not-met", chronicAntibioticRefractoryPouchitis: "not-met", complexPerianalDisease: "not-met", psychosocialComorbidity: "absent:unknown" });
  });

  it("unknown: no value, a dataAbsentReason naming what is not recorded (matches the @example)", () => {
    const r = { ...base, status: "unknown", metCriteria: [], unknownCriteria: ["psychosocialComorbidity"] } as unknown as DifficultToTreatResult;
    const o = difficultToTreatObservation(r, "P001");
    expect(o.valueCodeableConcept).toBeUndefined();
    expect(o.dataAbsentReason?.coding?.[0]?.code).toBe("unknown");
    expect(o.dataAbsentReason?.text).toBe("not recorded: psychosocialComorbidity");
  });

  it("names bad input", () => {
    expect(() => difficultToTreatObservation({} as never, "P1")).toThrow(/difficultToTreatObservation: result must be/);
    expect(() => difficultToTreatObservation({ ...base, status: "met", metCriteria: [], unknownCriteria: [] } as never, "")).toThrow(/patientId/);
  });
});
