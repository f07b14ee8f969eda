import { describe, expect, it } from "vitest";
import type { EndpointResult } from "../../endpoints/index.js";
import { endpointObservation } from "./index.js";

const met: EndpointResult = { endpoint: "clinicalRemission", status: "met", code: "rule", reason: "hbi 3 < 5", values: { hbi: 3, "baseline.hbi": 9 }, thresholds: [], rule: "hbi < 5", profile: { id: "mao2025", version: "1.0.0" }, disease: "CD", timepoint: "w12", imputation: null, missing: null };
const ctx = { patientId: "P001", effective: "2024-03-01" };

describe("endpointObservation", () => {
  it("carries the profile id and version, the status as value, each value read as a component", () => {
    const o = endpointObservation(met, { ...ctx, id: "e1" });
    expect(o.method?.coding?.[0]).toEqual({ system: "urn:ibd-outcomes:profile", code: "mao2025", version: "1.0.0" });
    expect(o.valueCodeableConcept?.coding?.[0]?.code).toBe("met");
    expect(o.code.coding?.[0]?.code).toBe("clinicalRemission");
    expect(o.id).toBe("e1");
    expect(o.component?.map((c) => [c.code.text, c.valueQuantity?.value ?? c.valueString])).toEqual([["timepoint", "w12"], ["hbi", 3], ["baseline.hbi", 9]]);
    expect(o.note?.[0]?.text).toBe("hbi 3 < 5");
  });

  it("not-evaluable has no value, a dataAbsentReason with the reason; a null value is absent, not 0", () => {
    const o = endpointObservation({ ...met, status: "not-evaluable", code: "missing" as never, reason: "hbi not recorded", values: { hbi: null } }, ctx);
    expect(o.valueCodeableConcept).toBeUndefined();
    expect(o.dataAbsentReason).toEqual({ coding: [{ system: "http://terminology.hl7.org/CodeSystem/data-absent-reason", code: "unknown" }], text: "hbi not recorded" });
    const hbi = o.component?.find((c) => c.code.text === "hbi");
    expect(hbi?.valueQuantity).toBeUndefined();
    expect(hbi?.dataAbsentReason?.coding?.[0]?.code).toBe("unknown");
  });

  it("names bad input", () => {
    expect(() => endpointObservation(null as never, ctx)).toThrow(new TypeError("endpointObservation: result must be an endpoint result; got null."));
    expect(() => endpointObservation(met, { patientId: "", effective: "2024-01-01" })).toThrow(/context.patientId/);
    expect(() => endpointObservation(met, { patientId: "P", effective: "yesterday" })).toThrow(RangeError);
  });
});
