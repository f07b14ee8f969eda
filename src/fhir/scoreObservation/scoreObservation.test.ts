import { describe, expect, it } from "vitest";
import { cdai, pucai, sccai } from "../../scores/index.js";
import { scoreObservation } from "./index.js";

const ctx = { patientId: "P001", effective: "2024-01-15" };

describe("scoreObservation", () => {
  it("matches the @example", () => {
    expect(scoreObservation("pro2Uc", { total: 1, components: { stoolFrequency: 1, rectalBleeding: 0 }, band: "remission" }, ctx).valueQuantity?.value).toBe(1);
  });

  it("total, one component per item, band as interpretation; project code for new scores", () => {
    const r = pucai({ abdominalPain: 1, rectalBleeding: 2, stoolConsistency: 1, stoolsPer24h: 6, nocturnalStools: true, activityLevel: 1 });
    const o = scoreObservation("pucai", r, { ...ctx, id: "obs-1" });
    expect(o).toMatchObject({ resourceType: "Observation", id: "obs-1", status: "final", subject: { reference: "Patient/P001" }, effectiveDateTime: "2024-01-15" });
    expect(o.code.coding).toEqual([{ system: "urn:ibd-outcomes:score", code: "pucai", display: "Paediatric Ulcerative Colitis Activity Index" }]);
    expect(o.component?.map((c) => [c.code.coding?.[0]?.code, c.valueQuantity?.value])).toEqual(Object.entries(r.components).map(([k, v]) => [`pucai.${k}`, v]));
    expect(o.interpretation?.[0]?.coding?.[0]?.code).toBe("pucai.band.moderate");
  });

  it("reuses SCORE_CODES (standard code first) for existing scores", () => {
    const r = cdai({ liquidStoolsWeek: 20, abdominalPainWeek: 7, wellBeingWeek: 7, complications: ["fever"], antidiarrheal: false, abdominalMass: 0, hematocritPct: 42, weightKg: 56, standardWeightKg: 70, sex: "male" });
    const o = scoreObservation("cdai", r, ctx);
    expect(o.code.coding?.map((c) => c.code)).toEqual(["273364009", "cdai"]);
  });

  it("a null band adds no interpretation (missing stays missing)", () => {
    const r = sccai({ bowelFrequencyDay: 1, bowelFrequencyNight: 0, urgency: 0, bloodInStool: 0, generalWellBeing: 0, extracolonic: [] });
    expect(scoreObservation("sccai", r, ctx).interpretation).toBeUndefined();
  });

  it("names bad input", () => {
    const r = { total: 1, components: { a: 1 }, band: null };
    expect(() => scoreObservation("nope" as never, r, ctx)).toThrow(/scoreCodings: score must be a supported score name/);
    expect(() => scoreObservation("pucai", { ...r, total: Number.NaN }, ctx)).toThrow(new RangeError("scoreObservation: result.total must be a finite number; got NaN."));
    expect(() => scoreObservation("pucai", r, { patientId: "", effective: "2024-01-01" })).toThrow(/context.patientId/);
    expect(() => scoreObservation("pucai", r, { patientId: "P1", effective: "15/01/2024" })).toThrow(/context.effective/);
    expect(() => scoreObservation("pucai", { ...r, components: { a: Number.POSITIVE_INFINITY } }, ctx)).toThrow(/result.components.a must be a finite number/);
  });
});
