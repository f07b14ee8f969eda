import { describe, expect, it } from "vitest";
import type { ParisCd } from "../../models/instrumentInputs.js";
import { parisClassification, safeParisClassification } from "./index.js";

const cd: ParisCd = { type: "CD", ageAtDiagnosisYears: 12, location: "L3", l4a: true, l4b: false, behavior: "B2", perianal: true, growth: "G1" };

describe("parisClassification", () => {
  it("matches the @examples", () => {
    expect(parisClassification(cd).code).toBe("A1b L3 L4a B2p G1");
    expect(safeParisClassification({ type: "UC", extent: "E4", everSevere: true })).toEqual({ success: true, data: { type: "UC", extent: "E4", severity: "S1", code: "E4 S1" } });
  });

  it("age classes at their edges (10 and 17 years start a class; 40 is still A2)", () => {
    const age = (a: number) => (parisClassification({ ...cd, ageAtDiagnosisYears: a }) as { age: string }).age;
    expect([0, 9.99, 10, 16.99, 17, 40, 40.01].map(age)).toEqual(["A1a", "A1a", "A1b", "A1b", "A2", "A2", "A3"]);
  });

  it("upper disease: L4a, L4b, both (L4ab), or alone without L1-L3", () => {
    expect(parisClassification({ ...cd, l4a: true, l4b: true }).code).toBe("A1b L3 L4ab B2p G1");
    expect(parisClassification({ ...cd, location: null, l4a: false, l4b: true, perianal: false, behavior: "B2B3", growth: "G0" }).code).toBe("A1b L4b B2B3 G0");
    expect(parisClassification({ type: "UC", extent: "E1", everSevere: false }).code).toBe("E1 S0");
  });

  it("names the bad item", () => {
    expect(() => parisClassification({ ...cd, location: null, l4a: false })).toThrow(new RangeError("parisClassification: items.location must be L1, L2 or L3 unless there is upper disease (l4a or l4b); got null."));
    expect(() => parisClassification({ ...cd, behavior: "B4" } as never)).toThrow(/parisClassification: items.behavior must be/);
    expect(() => parisClassification({ type: "UC", extent: "E3" } as never)).toThrow(new TypeError("parisClassification: items.everSevere is required; got undefined."));
    expect(safeParisClassification({ type: "IBDU" }).success).toBe(false);
  });

  it("does not mutate its input", () => {
    const v = structuredClone(cd);
    parisClassification(v);
    expect(v).toEqual(cd);
  });
});
