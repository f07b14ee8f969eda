import { describe, expect, it } from "vitest";
import type { Montreal } from "../../models/patient.js";
import { montrealClassification, safeMontrealClassification } from "./index.js";

const cd: Montreal = { type: "CD", location: "L3", upperGi: true, behavior: "B2", perianal: true };

describe("montrealClassification", () => {
  it("matches the @examples", () => {
    expect(montrealClassification(cd, { ageAtDiagnosisYears: 26 }).code).toBe("A2 L3+L4 B2p");
    expect(safeMontrealClassification({ type: "CD", location: "L4", upperGi: true, behavior: "B1", perianal: false }).success).toBe(false);
  });

  it("returns the validated CD classification with its code", () => {
    expect(montrealClassification({ type: "CD", age: "A1", location: "L1", upperGi: false, behavior: "B1", perianal: false })).toEqual({
      type: "CD", age: "A1", location: "L1", upperGi: false, behavior: "B1", perianal: false, code: "A1 L1 B1",
    });
    expect(montrealClassification(cd).code).toBe("L3+L4 B2p");
    expect(montrealClassification(cd).age).toBeNull();
  });

  it("L4 is a modifier unless l4Exclusive (paper Table 3: 12 + 11 + 27 + 2 = 52)", () => {
    const l4 = { type: "CD", location: "L4", upperGi: true, behavior: "B1", perianal: false } as const;
    expect(() => montrealClassification(l4)).toThrow(
      new RangeError('montrealClassification: items.location must be "L1", "L2" or "L3" (L4 is a modifier: set upperGi) unless options.l4Exclusive is true; got a string of length 2.'),
    );
    expect(montrealClassification(l4, { l4Exclusive: true }).code).toBe("L4 B1");
    expect(() => montrealClassification({ ...l4, upperGi: false }, { l4Exclusive: true })).toThrow(/items\.upperGi must be true when items\.location is "L4"/);
  });

  it("derives and checks the age class from ageAtDiagnosisYears", () => {
    expect(montrealClassification(cd, { ageAtDiagnosisYears: 16 }).age).toBe("A1");
    expect(montrealClassification({ ...cd, age: "A3" }, { ageAtDiagnosisYears: 41 }).age).toBe("A3");
    expect(() => montrealClassification({ ...cd, age: "A1" }, { ageAtDiagnosisYears: 17 })).toThrow(/items\.age must be "A2" for an age at diagnosis of 17 years/);
    expect(() => montrealClassification(cd, { ageAtDiagnosisYears: -2 })).toThrow(/options\.ageAtDiagnosisYears/);
  });

  it("validates UC extent and severity", () => {
    expect(montrealClassification({ type: "UC", extent: "E2", severity: "S1" })).toEqual({ type: "UC", extent: "E2", severity: "S1", code: "E2 S1" });
    expect(montrealClassification({ type: "UC", extent: "E3" })).toEqual({ type: "UC", extent: "E3", severity: null, code: "E3" });
    expect(() => montrealClassification({ type: "UC", extent: "E4" } as never)).toThrow(/items\.extent must be "E1", "E2" or "E3"/);
    expect(() => montrealClassification({ type: "UC", extent: "E1", severity: "S4" } as never)).toThrow(RangeError);
  });

  it("rejects bad CD fields, naming them", () => {
    expect(() => montrealClassification({ ...cd, behavior: "B4" } as never)).toThrow(/items\.behavior must be "B1", "B2" or "B3"/);
    expect(() => montrealClassification({ ...cd, perianal: "yes" } as never)).toThrow(new TypeError("montrealClassification: items.perianal must be a boolean; got a string of length 3."));
    expect(() => montrealClassification({ ...cd, age: "A4" } as never)).toThrow(/items\.age/);
    expect(() => montrealClassification({ ...cd, extent: "E1" } as never)).toThrow(TypeError);
    expect(() => montrealClassification(null as never)).toThrow(TypeError);
    expect(() => montrealClassification(cd, { l4: true } as never)).toThrow(/options\.l4 is not a recognised option/);
  });

  it("safe form lists every issue", () => {
    const r = safeMontrealClassification({ ...cd, behavior: "B9", location: "L7" });
    expect(r.success).toBe(false);
    if (!r.success) expect(r.issues.map((i) => i.path[0]).sort()).toEqual(["behavior", "location"]);
  });

  it("does not mutate its input", () => {
    const m = structuredClone(cd);
    montrealClassification(m, { ageAtDiagnosisYears: 30 });
    expect(m).toEqual(cd);
  });
});
