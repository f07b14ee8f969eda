/** The score-level partial-Mayo response (`mayoPartialResponse`) and the same rule in a profile agree. */
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mayoPartialResponse } from "../../scores/index.js";
import { classic, classifyEndpoint, measuresFromVisit, type DefinitionProfile } from "../index.js";

const RULE = { kind: "drop", measure: "mayoPartial", op: ">=", threshold: 2 } as const;
const profile = { ...classic, rules: { ...classic.rules, UC: { ...classic.rules.UC, clinicalResponse: RULE } } } as unknown as DefinitionProfile;

describe("partial-Mayo response as a profile rule", () => {
  it("agrees with mayoPartialResponse on every pair of visits (property); an unrecorded item is not-evaluable", () => {
    const s = fc.integer({ min: 0, max: 3 });
    const items = fc.record({ stoolFrequency: s, rectalBleeding: s, physicianGlobal: s });
    fc.assert(
      fc.property(items, items, (b, c) => {
        const m = (x: typeof b) => measuresFromVisit({ patientId: "P", date: "2024-01-01", mayo: x });
        const r = classifyEndpoint("clinicalResponse", { disease: "UC", timepoint: "w8", baseline: m(b), followUp: m(c) }, profile);
        expect(r.status).toBe(mayoPartialResponse(b, c).isResponse ? "met" : "not-met");
      }),
    );
    const { physicianGlobal: _p, ...noPga } = { stoolFrequency: 1, rectalBleeding: 1, physicianGlobal: 1 };
    const r = classifyEndpoint(
      "clinicalResponse",
      { disease: "UC", timepoint: "w8", baseline: measuresFromVisit({ patientId: "P", date: "2024-01-01", mayo: { stoolFrequency: 3, rectalBleeding: 3, physicianGlobal: 3 } }), followUp: measuresFromVisit({ patientId: "P", date: "2024-03-01", mayo: noPga }) },
      profile,
    );
    expect(r.status).toBe("not-evaluable");
  });
});
