import { describe, expect, it } from "vitest";
import type { Patient } from "../../models/patient.js";
import { assessDifficultToTreat } from "./index.js";

const base: Patient = {
  id: "P1",
  sex: "female",
  birthDate: "1990-01-01",
  diagnosis: "CD",
  diagnosisDate: "2015-01-01",
  priorTherapies: [],
  surgeries: [],
  dttConditions: { chronicAntibioticRefractoryPouchitis: false, complexPerianalDisease: false, psychosocialComorbidity: false },
};
const asOf = "2023-01-01";
const fail = (drug: string, stopDate: string, reasonStopped: Patient["priorTherapies"] extends (infer T)[] | undefined ? T extends { reasonStopped?: infer R } ? R : never : never = "primaryNonResponse") => ({
  drug,
  stopDate,
  reasonStopped,
});
const mechanisms = (p: Patient, o: Parameters<typeof assessDifficultToTreat>[1] = { asOf }) =>
  assessDifficultToTreat(p, o).criteria.advancedTherapyFailure.evidence.failedMechanisms.map((m) => m.mechanism);

describe("assessDifficultToTreat", () => {
  it("matches the @example", () => {
    const r = assessDifficultToTreat(
      {
        id: "P1",
        sex: "female",
        birthDate: "1990-01-01",
        diagnosis: "CD",
        diagnosisDate: "2015-01-01",
        priorTherapies: [
          { drug: "infliximab", stopDate: "2019-01-01", reasonStopped: "secondaryLossOfResponse" },
          { drug: "adalimumab", stopDate: "2020-01-01", reasonStopped: "primaryNonResponse" },
          { drug: "ustekinumab", stopDate: "2022-06-01", reasonStopped: "intolerance" },
        ],
      },
      { asOf: "2023-01-01" },
    );
    expect([r.status, r.criteria.advancedTherapyFailure.evidence.failedMechanisms.map((m) => m.mechanism)]).toEqual([
      "met",
      ["antiTNF", "antiIL12_23"],
    ]);
  });

  it("is not-met when every criterion is recorded and absent", () => {
    const r = assessDifficultToTreat(base, { asOf });
    expect(r.status).toBe("not-met");
    expect(r.metCriteria).toEqual([]);
    expect(r.unknownCriteria).toEqual([]);
  });

  describe("criterion 1: mechanisms, not drugs", () => {
    it("counts the same mechanism failed twice once", () => {
      const p = { ...base, priorTherapies: [fail("infliximab", "2019-01-01"), fail("adalimumab", "2020-01-01")] };
      const r = assessDifficultToTreat(p, { asOf });
      expect(r.criteria.advancedTherapyFailure.status).toBe("not-met");
      expect(r.criteria.advancedTherapyFailure.evidence.failedMechanisms).toEqual([{ mechanism: "antiTNF", drugs: ["infliximab", "adalimumab"] }]);
      expect(r.status).toBe("not-met");
    });
    it("is met with two different mechanisms", () => {
      const p = { ...base, priorTherapies: [fail("infliximab", "2019-01-01"), fail("vedolizumab", "2020-01-01")] };
      expect(assessDifficultToTreat(p, { asOf }).criteria.advancedTherapyFailure.status).toBe("met");
      expect(mechanisms(p)).toEqual(["antiTNF", "antiIntegrin"]);
    });
    it("does not count anti-IL-17A or stops for other reasons", () => {
      const p = {
        ...base,
        priorTherapies: [fail("infliximab", "2019-01-01"), fail("secukinumab", "2020-01-01"), fail("vedolizumab", "2021-01-01", "other")],
      };
      const c = assessDifficultToTreat(p, { asOf }).criteria.advancedTherapyFailure;
      expect(c.status).toBe("not-met");
      expect(c.evidence.therapies.map((t) => t.note)).toEqual(["failed", "notAdvanced", "stoppedForOtherReason"]);
    });
    it("intolerance counts by default and can be excluded", () => {
      const p = { ...base, priorTherapies: [fail("infliximab", "2019-01-01"), fail("tofacitinib", "2020-01-01", "intolerance")] };
      expect(assessDifficultToTreat(p, { asOf }).criteria.advancedTherapyFailure.status).toBe("met");
      const strict = assessDifficultToTreat(p, { asOf, failureReasons: ["primaryNonResponse", "secondaryLossOfResponse"] });
      expect(strict.criteria.advancedTherapyFailure.status).toBe("not-met");
      expect(strict.criteria.advancedTherapyFailure.evidence.therapies[1]?.note).toBe("reasonNotCountedAsFailure");
    });
    it("mergeIl23Pathway counts ustekinumab and risankizumab once", () => {
      const p = { ...base, priorTherapies: [fail("ustekinumab", "2019-01-01"), fail("risankizumab", "2020-01-01")] };
      expect(assessDifficultToTreat(p, { asOf }).criteria.advancedTherapyFailure.status).toBe("met");
      const merged = assessDifficultToTreat(p, { asOf, mergeIl23Pathway: true });
      expect(merged.criteria.advancedTherapyFailure.status).toBe("not-met");
      expect(mechanisms(p, { asOf, mergeIl23Pathway: true })).toEqual(["antiIL23pathway"]);
    });
    it("uses an explicit mechanism for a drug outside the catalogue", () => {
      const p = { ...base, priorTherapies: [fail("infliximab", "2019-01-01"), { drug: "obefazimod", mechanism: "other" as const, stopDate: "2020-01-01", reasonStopped: "primaryNonResponse" as const }] };
      expect(assessDifficultToTreat(p, { asOf }).criteria.advancedTherapyFailure.status).toBe("not-met");
      const q = { ...base, priorTherapies: [fail("infliximab", "2019-01-01"), { drug: "etrasimod-x", mechanism: "S1P" as const, stopDate: "2020-01-01", reasonStopped: "primaryNonResponse" as const }] };
      expect(assessDifficultToTreat(q, { asOf }).criteria.advancedTherapyFailure.status).toBe("met");
    });
  });

  describe("criterion 1: as-of date and unknowns", () => {
    const p = { ...base, priorTherapies: [fail("infliximab", "2019-01-01"), fail("vedolizumab", "2023-01-02")] };
    it("a therapy stopped after as-of does not count; stopped on as-of does", () => {
      const r = assessDifficultToTreat(p, { asOf: "2023-01-01" });
      expect(r.criteria.advancedTherapyFailure.status).toBe("not-met");
      expect(r.criteria.advancedTherapyFailure.evidence.therapies[1]?.note).toBe("stoppedAfterAsOf");
      expect(assessDifficultToTreat(p, { asOf: "2023-01-02" }).criteria.advancedTherapyFailure.status).toBe("met");
    });
    it("a therapy started after as-of does not count", () => {
      const q = { ...base, priorTherapies: [fail("infliximab", "2019-01-01"), { drug: "vedolizumab", startDate: "2023-02-01" }] };
      expect(assessDifficultToTreat(q, { asOf }).criteria.advancedTherapyFailure.evidence.therapies[1]?.note).toBe("startedAfterAsOf");
    });
    it("a therapy with no stop date is ongoing, not a failure yet", () => {
      const q = { ...base, priorTherapies: [fail("infliximab", "2019-01-01"), { drug: "vedolizumab", startDate: "2022-01-01" }] };
      const c = assessDifficultToTreat(q, { asOf }).criteria.advancedTherapyFailure;
      expect(c.status).toBe("not-met");
      expect(c.evidence.therapies[1]?.note).toBe("ongoing");
    });
    it("missing reasonStopped makes criterion 1 unknown when it could decide it", () => {
      const q = { ...base, priorTherapies: [fail("infliximab", "2019-01-01"), { drug: "vedolizumab", stopDate: "2020-01-01" }] };
      const r = assessDifficultToTreat(q, { asOf });
      expect(r.criteria.advancedTherapyFailure.status).toBe("unknown");
      expect(r.criteria.advancedTherapyFailure.evidence.possibleMechanisms).toEqual([{ mechanism: "antiIntegrin", drugs: ["vedolizumab"] }]);
      expect(r.status).toBe("unknown");
      expect(r.unknownCriteria).toEqual(["advancedTherapyFailure"]);
    });
    it("missing reasonStopped leaves not-met when it cannot reach two mechanisms", () => {
      const q = { ...base, priorTherapies: [fail("infliximab", "2019-01-01"), { drug: "adalimumab", stopDate: "2020-01-01" }] };
      expect(assessDifficultToTreat(q, { asOf }).criteria.advancedTherapyFailure.status).toBe("not-met");
    });
    it("missing reasonStopped does not undo a met criterion", () => {
      const q = { ...base, priorTherapies: [fail("infliximab", "2019-01-01"), fail("vedolizumab", "2020-01-01"), { drug: "ustekinumab", stopDate: "2021-01-01" }] };
      expect(assessDifficultToTreat(q, { asOf }).criteria.advancedTherapyFailure.status).toBe("met");
    });
    it("a stop reason without stop date is unknown by default, a failure with undatedStop beforeAsOf", () => {
      const q = { ...base, priorTherapies: [fail("infliximab", "2019-01-01"), { drug: "vedolizumab", reasonStopped: "primaryNonResponse" as const }] };
      const r = assessDifficultToTreat(q, { asOf });
      expect(r.criteria.advancedTherapyFailure.status).toBe("unknown");
      expect(r.criteria.advancedTherapyFailure.evidence.therapies[1]?.note).toBe("stopDateMissing");
      expect(assessDifficultToTreat(q, { asOf, undatedStop: "beforeAsOf" }).criteria.advancedTherapyFailure.status).toBe("met");
    });
    it("unrecorded prior therapies are unknown; an empty list is none", () => {
      const { priorTherapies: _omit, ...q } = base;
      expect(assessDifficultToTreat(q, { asOf }).criteria.advancedTherapyFailure.status).toBe("unknown");
      expect(assessDifficultToTreat(base, { asOf }).criteria.advancedTherapyFailure.status).toBe("not-met");
    });
  });

  describe("criterion 2: resections, adults and children", () => {
    const oneResection = { ...base, surgeries: [{ date: "2020-05-01", type: "ileocolonicResection" as const }] };
    const twoResections = {
      ...base,
      surgeries: [
        { date: "2018-05-01", type: "ileocolonicResection" as const },
        { date: "2021-05-01", type: "smallBowelResection" as const },
        { date: "2021-06-01", type: "perianalSurgery" as const },
      ],
    };
    it("adult (18 at as-of): one resection is not enough, two are", () => {
      const adult = { ...oneResection, birthDate: "2005-01-01" };
      const r = assessDifficultToTreat(adult, { asOf: "2023-01-01" });
      expect([r.ageYears, r.isChild]).toEqual([18, false]);
      expect(r.criteria.postoperativeRecurrence.status).toBe("not-met");
      expect(assessDifficultToTreat({ ...twoResections, birthDate: "2005-01-01" }, { asOf }).criteria.postoperativeRecurrence.status).toBe("met");
    });
    it("child (17 at as-of): one resection suffices", () => {
      const child = { ...oneResection, birthDate: "2005-01-02" };
      const r = assessDifficultToTreat(child, { asOf: "2023-01-01" });
      expect([r.ageYears, r.isChild]).toEqual([17, true]);
      expect(r.criteria.postoperativeRecurrence.status).toBe("met");
      expect(r.criteria.postoperativeRecurrence.evidence.requiredResections).toBe(1);
      expect(r.status).toBe("met");
    });
    it("the child age cut-off is configurable", () => {
      const p = { ...oneResection, birthDate: "2003-06-01" };
      expect(assessDifficultToTreat(p, { asOf }).criteria.postoperativeRecurrence.status).toBe("not-met");
      expect(assessDifficultToTreat(p, { asOf, adultAgeYears: 21 }).criteria.postoperativeRecurrence.status).toBe("met");
    });
    it("non-resection surgery does not count", () => {
      const r = assessDifficultToTreat(twoResections, { asOf });
      expect(r.criteria.postoperativeRecurrence.evidence.resections.map((s) => s.index)).toEqual([0, 1]);
    });
    it("a resection after as-of does not count", () => {
      const r = assessDifficultToTreat(twoResections, { asOf: "2021-04-30" });
      expect(r.criteria.postoperativeRecurrence.status).toBe("not-met");
      expect(r.criteria.postoperativeRecurrence.evidence.afterAsOf).toEqual([{ index: 1, date: "2021-05-01", type: "smallBowelResection" }]);
      expect(assessDifficultToTreat(twoResections, { asOf: "2021-05-01" }).criteria.postoperativeRecurrence.status).toBe("met");
    });
    it("applies to Crohn's disease only", () => {
      const uc = { ...twoResections, diagnosis: "UC" as const };
      const c = assessDifficultToTreat(uc, { asOf }).criteria.postoperativeRecurrence;
      expect([c.status, c.evidence.applies]).toEqual(["not-met", false]);
    });
    it("unrecorded surgeries are unknown in CD", () => {
      const { surgeries: _omit, ...q } = base;
      expect(assessDifficultToTreat(q, { asOf }).criteria.postoperativeRecurrence.status).toBe("unknown");
    });
  });

  describe("criteria 3-5: caller-supplied", () => {
    it.each([
      ["chronicAntibioticRefractoryPouchitis"],
      ["complexPerianalDisease"],
      ["psychosocialComorbidity"],
    ] as const)("%s alone qualifies; null or absent is unknown", (key) => {
      const yes = assessDifficultToTreat({ ...base, dttConditions: { ...base.dttConditions, [key]: true } }, { asOf });
      expect([yes.status, yes.metCriteria]).toEqual(["met", [key]]);
      const nul = assessDifficultToTreat({ ...base, dttConditions: { ...base.dttConditions, [key]: null } }, { asOf });
      expect([nul.status, nul.criteria[key].status, nul.criteria[key].evidence.recorded]).toEqual(["unknown", "unknown", null]);
      const { [key]: _omit, ...rest } = base.dttConditions ?? {};
      const abs = assessDifficultToTreat({ ...base, dttConditions: rest }, { asOf });
      expect(abs.criteria[key].status).toBe("unknown");
    });
    it("met beats unknown; unknown beats not-met", () => {
      const { dttConditions: _omit, ...q } = base;
      expect(assessDifficultToTreat(q, { asOf }).status).toBe("unknown");
      expect(assessDifficultToTreat({ ...q, dttConditions: { complexPerianalDisease: true } }, { asOf }).status).toBe("met");
    });
  });

  it("does not mutate its inputs", () => {
    const p: Patient = { ...base, priorTherapies: [fail("Infliximab", "2019-01-01"), { drug: "vedolizumab", stopDate: "2020-01-01" }], surgeries: [{ date: "2020-01-01", type: "ileocolonicResection" }] };
    const o = { asOf, failureReasons: ["primaryNonResponse" as const] };
    const before = structuredClone([p, o]);
    assessDifficultToTreat(p, o);
    expect([p, o]).toEqual(before);
  });

  it("returns plain JSON-serialisable data", () => {
    const r = assessDifficultToTreat({ ...base, priorTherapies: [fail("infliximab", "2019-01-01")] }, { asOf });
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });

  describe("bad input", () => {
    it("requires asOf", () => {
      expect(() => assessDifficultToTreat(base, {} as never)).toThrow(TypeError);
      expect(() => assessDifficultToTreat(base, {} as never)).toThrow(/assessDifficultToTreat: options\.asOf/);
      expect(() => assessDifficultToTreat(base, undefined as never)).toThrow(TypeError);
    });
    it("rejects a bad date and an as-of before birth", () => {
      expect(() => assessDifficultToTreat(base, { asOf: "2023-02-30" })).toThrow(RangeError);
      expect(() => assessDifficultToTreat(base, { asOf: "1980-01-01" })).toThrow(/options\.asOf must not be before patient\.birthDate/);
    });
    it("rejects a bad patient, naming the field without echoing it", () => {
      expect(() => assessDifficultToTreat({ ...base, sex: "x" } as never, { asOf })).toThrow(/assessDifficultToTreat: patient\.sex .*; got a string of length 1\./);
      expect(() => assessDifficultToTreat({ ...base, priorTherapies: [{ drug: "madeupumab", stopDate: "2020-01-01" }] }, { asOf })).toThrow(
        /patient\.priorTherapies\[0\]\.mechanism/,
      );
    });
    it("rejects unknown option values", () => {
      expect(() => assessDifficultToTreat(base, { asOf, failureReasons: ["other" as never] })).toThrow(/options\.failureReasons\[0\]/);
      expect(() => assessDifficultToTreat(base, { asOf, adultAgeYears: 0 })).toThrow(RangeError);
      expect(() => assessDifficultToTreat(base, { asOf, adultAgeYears: 17.5 })).toThrow(/options\.adultAgeYears/);
    });
  });
});
