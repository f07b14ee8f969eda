import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  AdverseEventSchema,
  DRUG_MECHANISMS,
  IsoDateSchema,
  LabPanelSchema,
  PatientSchema,
  TreatmentCourseSchema,
  VisitSchema,
  convertLab,
  flagLab,
  isSerious,
  seriousnessOf,
  labPanelToCanonical,
  mechanismOf,
  parseAdverseEvent,
  parseCohort,
  parseLabPanel,
  parsePatient,
  parseTreatmentCourse,
  parseVisit,
  type AdverseEvent,
} from "./index.js";
import { drugKindOf } from "./index.js";
import { addDaysIso, daysBetween } from "../_lib/dates.js";

const patient = {
  id: "P1",
  sex: "female",
  birthDate: "1980-05-01",
  diagnosis: "CD",
  diagnosisDate: "2015-03-10",
  montreal: { type: "CD", age: "A2", location: "L3", upperGi: false, behavior: "B2", perianal: true },
  priorTherapies: [
    { drug: "infliximab", startDate: "2016-01-01", stopDate: "2018-01-01", reasonStopped: "secondaryLossOfResponse" },
    { drug: "ustekinumab", startDate: "2018-02-01", stopDate: "2022-06-01", reasonStopped: "primaryNonResponse" },
  ],
  surgeries: [{ date: "2019-04-01", type: "ileocolonicResection" }],
  dttConditions: { complexPerianalDisease: true },
} as const;

const course = {
  patientId: "P1",
  drug: "upadacitinib",
  startDate: "2024-01-01",
  dosePeriods: [
    { doseMg: 45, startDate: "2024-01-01", endDate: "2024-03-24", phase: "induction" },
    { doseMg: 15, startDate: "2024-03-24", phase: "maintenance" },
  ],
  concomitantMedications: [{ agentClass: "corticosteroid", drug: "prednisone", startDate: "2023-12-01", endDate: "2024-02-01" }],
} as const;

const visit = {
  patientId: "P1",
  date: "2024-03-25",
  hbi: { wellBeing: 1, abdominalPain: 1, liquidStools: 2, abdominalMass: 0, complications: ["arthralgia"] },
  sesCd: { ileum: { ulcerSize: 1, ulceratedSurface: 1, affectedSurface: 1, narrowing: 0 }, rectum: null },
  labs: { crp: { value: 0.5, unit: "mg/dL" }, fecalCalprotectin: { value: 120, unit: "ug/g" } },
} as const;

const ae: AdverseEvent = { patientId: "P1", onsetDate: "2024-04-02", term: "acne", category: "acneOrSkin", ledToDiscontinuation: false };

describe("IsoDateSchema", () => {
  it.each(["2024-02-29", "2023-12-31", "2000-01-01"])("accepts %s", (d) => expect(IsoDateSchema.safeParse(d).success).toBe(true));
  it.each(["2023-02-29", "2023-02-30", "2023-13-01", "2023-00-10", "2023-1-01", "20230101", "2023-01-01T00:00:00Z", ""])(
    "rejects %s",
    (d) => expect(IsoDateSchema.safeParse(d).success).toBe(false),
  );
});

describe("PatientSchema", () => {
  it("parses a complete patient", () => {
    const r = parsePatient(patient);
    expect(r.success).toBe(true);
  });
  it("does not mutate its input", () => {
    const before = structuredClone(patient);
    parsePatient(patient);
    expect(patient).toEqual(before);
  });
  it("names the field of a bad value", () => {
    const r = parsePatient({ ...patient, sex: "x" });
    expect(r.success).toBe(false);
    if (!r.success) expect(r.issues[0]?.path).toEqual(["sex"]);
  });
  it("rejects a diagnosis before birth", () => {
    const r = parsePatient({ ...patient, diagnosisDate: "1970-01-01" });
    expect(r.success).toBe(false);
    if (!r.success) expect(r.issues.map((i) => i.path.join("."))).toContain("diagnosisDate");
  });
  it("rejects a Montreal form that does not match the diagnosis", () => {
    const r = parsePatient({ ...patient, montreal: { type: "UC", extent: "E2" } });
    expect(r.success).toBe(false);
    if (!r.success) expect(r.issues[0]?.path).toEqual(["montreal", "type"]);
  });
  it("requires a mechanism for a drug not in the catalogue, and accepts it when given", () => {
    const bad = parsePatient({ ...patient, priorTherapies: [{ drug: "newmab" }] });
    expect(bad.success).toBe(false);
    if (!bad.success) expect(bad.issues[0]?.path).toEqual(["priorTherapies", 0, "mechanism"]);
    expect(parsePatient({ ...patient, priorTherapies: [{ drug: "newmab", mechanism: "other" }] }).success).toBe(true);
  });
  it("rejects unknown keys (typos are caught, not dropped)", () => {
    const r = parsePatient({ ...patient, birthdate: "1980-05-01" });
    expect(r.success).toBe(false);
    if (!r.success) expect(r.issues[0]?.code).toBe("unrecognized_keys");
  });
  it("rejects a therapy stopped before it started", () => {
    const r = parsePatient({ ...patient, priorTherapies: [{ drug: "adalimumab", startDate: "2020-01-01", stopDate: "2019-01-01" }] });
    expect(r.success).toBe(false);
  });
  it("matches its @example", () => {
    expect(PatientSchema.parse({ id: "P1", sex: "female", birthDate: "1980-05-01", diagnosis: "UC", diagnosisDate: "2015-03-10" }).diagnosis).toBe("UC");
  });
});

describe("mechanismOf / DRUG_MECHANISMS", () => {
  it("looks drugs up case-insensitively", () => expect(mechanismOf(" Adalimumab ")).toBe("antiTNF"));
  it("lets an explicit class win", () => expect(mechanismOf("adalimumab", "other")).toBe("other"));
  it("returns undefined for unknown drugs", () => expect(mechanismOf("newmab")).toBeUndefined());
  it("is frozen", () => expect(Object.isFrozen(DRUG_MECHANISMS)).toBe(true));
  it("classes the spec's drugs", () => {
    expect(mechanismOf("vedolizumab")).toBe("antiIntegrin");
    expect(mechanismOf("ustekinumab")).toBe("antiIL12_23");
    expect(mechanismOf("risankizumab")).toBe("antiIL23p19");
    expect(mechanismOf("tofacitinib")).toBe("JAK");
    expect(mechanismOf("ozanimod")).toBe("S1P");
    expect(mechanismOf("secukinumab")).toBe("antiIL17A");
  });
});

describe("TreatmentCourseSchema", () => {
  it("fills the medication default (none listed) but never a drug: a course without its drug is invalid and named", () => {
    const r = TreatmentCourseSchema.parse({ patientId: "P1", drug: "upadacitinib", startDate: "2024-01-01", dosePeriods: [{ doseMg: 45, startDate: "2024-01-01", endDate: "2024-02-25" }] });
    expect(r.drug).toBe("upadacitinib");
    expect(r.concomitantMedications).toEqual([]);
    const bad = parseTreatmentCourse({ patientId: "P1", startDate: "2024-01-01", dosePeriods: [{ doseMg: 45, startDate: "2024-01-01" }] });
    expect(bad.success).toBe(false);
    if (!bad.success) expect(bad.issues.map((i) => i.path.join("."))).toEqual(["drug"]);
  });
  it("accepts periods that touch", () => expect(parseTreatmentCourse(course).success).toBe(true));
  it("rejects overlapping dose periods", () => {
    const r = parseTreatmentCourse({
      ...course,
      dosePeriods: [
        { doseMg: 45, startDate: "2024-01-01", endDate: "2024-03-24" },
        { doseMg: 15, startDate: "2024-03-01" },
      ],
    });
    expect(r.success).toBe(false);
    if (!r.success) expect(r.issues[0]?.path).toEqual(["dosePeriods", 1, "startDate"]);
  });
  it("rejects an open-ended period followed by another", () => {
    const r = parseTreatmentCourse({
      ...course,
      dosePeriods: [
        { doseMg: 15, startDate: "2024-03-24" },
        { doseMg: 45, startDate: "2024-01-01" },
      ],
    });
    expect(r.success).toBe(false);
  });
  it("rejects a dose period before the course starts and an empty dose list", () => {
    expect(parseTreatmentCourse({ ...course, dosePeriods: [{ doseMg: 45, startDate: "2023-12-31" }] }).success).toBe(false);
    expect(parseTreatmentCourse({ ...course, dosePeriods: [] }).success).toBe(false);
  });
  it("rejects a discontinuation before start", () => {
    expect(parseTreatmentCourse({ ...course, discontinuation: { date: "2023-01-01", reason: "lackOfEfficacy" } }).success).toBe(false);
  });
});

describe("VisitSchema", () => {
  it("parses a visit with scores and labs", () => expect(parseVisit(visit).success).toBe(true));
  it("rejects an out-of-range item and names it", () => {
    const r = parseVisit({ ...visit, mayo: { stoolFrequency: 4 } });
    expect(r.success).toBe(false);
    if (!r.success) expect(r.issues[0]?.path).toEqual(["mayo", "stoolFrequency"]);
  });
  it("rejects a fractional subscore", () => {
    const r = parseVisit({ ...visit, mayo: { rectalBleeding: 1.5 } });
    expect(r.success).toBe(false);
  });
  it("rejects an unknown SES-CD segment", () => {
    const r = parseVisit({ ...visit, sesCd: { jejunum: { ulcerSize: 0, ulceratedSurface: 0, affectedSurface: 0, narrowing: 0 } } });
    expect(r.success).toBe(false);
    if (!r.success) expect(r.issues[0]?.path).toEqual(["sesCd"]);
  });
  it("rejects two non-passable narrowings", () => {
    const seg = { ulcerSize: 0, ulceratedSurface: 0, affectedSurface: 1, narrowing: 3 };
    const r = parseVisit({ ...visit, sesCd: { ileum: seg, rectum: seg } });
    expect(r.success).toBe(false);
    if (!r.success) expect(r.issues[0]?.path).toEqual(["sesCd", "rectum", "narrowing"]);
  });
  it("rejects a duplicated HBI complication and a negative stool count", () => {
    expect(parseVisit({ ...visit, hbi: { ...visit.hbi, complications: ["uveitis", "uveitis"] } }).success).toBe(false);
    expect(parseVisit({ ...visit, hbi: { ...visit.hbi, liquidStools: -1 } }).success).toBe(false);
  });
  it("matches its @example", () => {
    expect(VisitSchema.parse({ patientId: "P1", date: "2024-03-01", mayo: { stoolFrequency: 1, rectalBleeding: 0, endoscopic: 1 } }).mayo?.endoscopic).toBe(1);
  });
});

describe("LabPanel", () => {
  it("converts to the paper's canonical units", () => {
    const c = labPanelToCanonical(
      LabPanelSchema.parse({
        crp: { value: 0.5, unit: "mg/dL" },
        albumin: { value: 4.1, unit: "g/dL" },
        hemoglobin: { value: 13, unit: "g/dL" },
        vitaminD: { value: 20, unit: "ng/mL" },
        totalCholesterol: { value: 193.35, unit: "mg/dL" },
        platelets: { value: 250000, unit: "/uL" },
        alt: { value: 1, unit: "ukat/L" },
        creatinine: { value: 1, unit: "mg/dL" },
      }),
    );
    expect(c.crp).toBe(5);
    expect(c.albumin).toBe(41);
    expect(c.hemoglobin).toBe(130);
    expect(c.vitaminD).toBeCloseTo(49.92, 12);
    expect(c.totalCholesterol).toBeCloseTo(5.0, 12);
    expect(c.platelets).toBe(250);
    expect(c.alt).toBe(60);
    expect(c.creatinine).toBeCloseTo(88.42, 12);
  });
  it("matches the @examples", () => {
    expect(convertLab("crp", 0.5, "mg/dL")).toBe(5);
    expect(labPanelToCanonical({ albumin: { value: 4.1, unit: "g/dL" } })).toEqual({ albumin: 41 });
    expect(flagLab("crp", 8)).toBe("normal");
    expect(LabPanelSchema.parse({ crp: { value: 0.5, unit: "mg/dL" } }).crp?.unit).toBe("mg/dL");
  });
  it("rejects a unit that does not belong to the analyte", () => {
    const r = parseLabPanel({ crp: { value: 1, unit: "g/L" } });
    expect(r.success).toBe(false);
    if (!r.success) expect(r.issues[0]?.path).toEqual(["crp", "unit"]);
    expect(() => convertLab("crp", 1, "g/L" as "mg/L")).toThrow(TypeError);
    expect(() => convertLab("crp", -1, "mg/L")).toThrow(/convertLab: value/);
  });
  it("flags at the paper's boundaries", () => {
    expect(flagLab("crp", 8)).toBe("normal");
    expect(flagLab("crp", 8.01)).toBe("high");
    expect(flagLab("fecalCalprotectin", 50)).toBe("normal");
    expect(flagLab("fecalCalprotectin", 51)).toBe("high");
    expect(flagLab("albumin", 39.9)).toBe("low");
    expect(flagLab("albumin", 40)).toBe("normal");
    expect(flagLab("hdlC", 1.04)).toBe("low");
    expect(flagLab("hdlC", 1.05)).toBe("normal");
    expect(flagLab("ldlC", 3.37)).toBe("high");
    expect(flagLab("ldlC", 3.36)).toBe("normal");
    expect(flagLab("alt", 6)).toBe("low");
  });
  it("requires a range where the paper has none, and uses one when given", () => {
    expect(() => flagLab("egfr", 80)).toThrow(/ranges\.egfr is required/);
    expect(flagLab("egfr", 80, { egfr: { low: { value: 90, inclusive: true } } })).toBe("low");
    expect(() => flagLab("crp", Number.NaN)).toThrow(RangeError);
  });
});

describe("AdverseEvent", () => {
  it("parses and checks infectionType against category", () => {
    expect(parseAdverseEvent(ae).success).toBe(true);
    expect(parseAdverseEvent({ ...ae, infectionType: "herpesZoster" }).success).toBe(false);
    expect(AdverseEventSchema.parse({ ...ae, category: "infection", infectionType: "herpesZoster" }).infectionType).toBe("herpesZoster");
  });
  it("applies the paper's seriousness rule", () => {
    const no = { hospitalization: false, death: false };
    expect(isSerious({ ...ae, seriousness: no })).toBe(false);
    expect(isSerious({ ...ae, category: "intestinalPerforation" })).toBe(true);
    expect(isSerious({ ...ae, category: "mace" })).toBe(true);
    expect(isSerious({ ...ae, category: "hospitalization" })).toBe(true);
    expect(isSerious({ ...ae, category: "death" })).toBe(true);
    expect(isSerious({ ...ae, seriousness: { hospitalization: true } })).toBe(true);
    expect(isSerious({ ...ae, category: "malignancy", seriousness: no })).toBe(false);
    expect(isSerious({ ...ae, category: "leukopenia", seriousness: no })).toBe(false);
  });
  it("unrecorded seriousness is unknown, never 'not serious'", () => {
    expect(seriousnessOf(ae)).toEqual({ status: "unknown", missing: ["seriousness.hospitalization", "seriousness.death"] });
    expect(() => isSerious(ae)).toThrow(/^isSerious: event\.seriousness\.hospitalization is required/);
    expect(seriousnessOf({ ...ae, seriousness: { hospitalization: false } })).toEqual({ status: "unknown", missing: ["seriousness.death"] });
    expect(seriousnessOf({ ...ae, seriousness: { lifeThreatening: false } }, { rule: "regulatory" }).missing).toHaveLength(5);
  });
  it("applies the regulatory rule", () => {
    const none = { death: false, lifeThreatening: false, hospitalization: false, disability: false, congenitalAnomaly: false, importantMedicalEvent: false };
    expect(isSerious({ ...ae, category: "mace", seriousness: none }, { rule: "regulatory" })).toBe(false);
    expect(isSerious({ ...ae, seriousness: { lifeThreatening: true } }, { rule: "regulatory" })).toBe(true);
    expect(isSerious({ ...ae, seriousness: { importantMedicalEvent: true } }, { rule: "regulatory" })).toBe(true);
    expect(() => isSerious(ae, { rule: "x" as "paper" })).toThrow(/options\.rule/);
  });
  it("validates its input and options, naming itself", () => {
    expect(() => isSerious({ ...ae, category: "constructor" } as never)).toThrow(/^isSerious: event\.category/);
    expect(() => isSerious(null as never)).toThrow(/^isSerious: event/);
    expect(() => isSerious(ae, { constructor: "paper" } as never)).toThrow(/^isSerious: options\.constructor is not an option/);
    expect(() => seriousnessOf(ae, { rule: "toString" as never })).toThrow(/^seriousnessOf: options\.rule/);
  });
});

describe("parseCohort", () => {
  it("keeps valid records and reports every problem", () => {
    const r = parseCohort({
      patients: [patient, { ...patient, id: "P2", sex: "x" }, { ...patient }],
      courses: [course, { ...course, patientId: "P9" }, { ...course, startDate: "2010-01-01", dosePeriods: [{ doseMg: 45, startDate: "2010-01-01" }] }],
      visits: [visit, { ...visit, patientId: "P2" }, { ...visit, date: "2014-01-01" }, { ...visit, date: "2024-02-30" }],
      adverseEvents: [ae, { ...ae, onsetDate: "1970-01-01" }],
    });
    expect(r.cohort.patients.map((p) => p.id)).toEqual(["P1"]);
    expect(r.cohort.courses).toHaveLength(1);
    expect(r.cohort.visits).toHaveLength(1);
    expect(r.cohort.adverseEvents).toHaveLength(1);
    const where = r.problems.map((p) => `${p.collection}[${p.index}]:${p.issues[0]?.path.join(".")}`);
    expect(where).toEqual([
      "patients[1]:sex",
      "patients[2]:id",
      "courses[1]:patientId",
      "courses[2]:startDate",
      "visits[1]:patientId",
      "visits[2]:date",
      "visits[3]:date",
      "adverseEvents[1]:onsetDate",
    ]);
    expect(r.counts.visits).toEqual({ total: 4, valid: 1, invalid: 3 });
    const valid = r.counts.patients.valid + r.counts.courses.valid + r.counts.visits.valid + r.counts.adverseEvents.valid;
    expect(valid + r.problems.length).toBe(3 + 3 + 4 + 2);
  });
  it("flags duplicate record ids", () => {
    const r = parseCohort({ patients: [patient], visits: [{ ...visit, id: "V1" }, { ...visit, id: "V1" }] });
    expect(r.cohort.visits).toHaveLength(1);
    expect(r.problems[0]?.issues[0]?.message).toMatch(/duplicates/);
  });
  it("reports a malformed cohort instead of throwing", () => {
    expect(parseCohort(null).problems[0]?.collection).toBe("cohort");
    const r = parseCohort({ patients: "x", extra: [] });
    expect(r.problems.map((p) => p.issues[0]?.path[0])).toEqual(["patients", "extra"]);
  });
  it("does not mutate its input", () => {
    const input = { patients: [patient], courses: [course], visits: [visit], adverseEvents: [ae] };
    const before = structuredClone(input);
    parseCohort(input);
    expect(input).toEqual(before);
  });
  it("matches its @example", () => {
    const r = parseCohort({
      patients: [{ id: "P1", sex: "male", birthDate: "1990-01-01", diagnosis: "CD", diagnosisDate: "2015-01-01" }],
      visits: [{ patientId: "P2", date: "2024-01-01" }],
    });
    expect([r.cohort.patients.length, r.problems.length]).toEqual([1, 1]);
  });
});

// ---------------------------------------------------------------------------------------------
// Property tests: generated valid records parse; a single mutation makes them fail with an issue
// at the mutated path.
const isoDate = fc
  .date({ min: new Date(Date.UTC(1930, 0, 1)), max: new Date(Date.UTC(2029, 11, 31)), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const sub = (max: number) => fc.integer({ min: 0, max });
const segment = fc.record({ ulcerSize: sub(3), ulceratedSurface: sub(3), affectedSurface: sub(3), narrowing: sub(2) });
const visitArb = fc.record(
  {
    patientId: fc.string({ minLength: 1, maxLength: 20 }),
    date: isoDate,
    mayo: fc.record({ stoolFrequency: sub(3), rectalBleeding: sub(3), endoscopic: sub(3), friability: fc.boolean(), physicianGlobal: sub(3) }),
    hbi: fc.record({
      wellBeing: sub(4),
      abdominalPain: sub(3),
      liquidStools: fc.integer({ min: 0, max: 40 }),
      abdominalMass: sub(3),
      complications: fc.uniqueArray(fc.constantFrom("arthralgia", "uveitis", "erythemaNodosum", "aphthousUlcers", "pyodermaGangrenosum", "analFissure", "newFistula", "abscess")),
    }),
    sesCd: fc.record({ ileum: segment, rightColon: fc.option(segment), rectum: segment }, { requiredKeys: ["ileum"] }),
    rutgeerts: fc.constantFrom("i0", "i1", "i2", "i2a", "i2b", "i3", "i4"),
    uceis: fc.record({ vascularPattern: sub(2), bleeding: sub(3), erosionsUlcers: sub(3) }),
    onCorticosteroids: fc.boolean(),
    labs: fc.record({ crp: fc.record({ value: fc.double({ min: 0, max: 300, noNaN: true }), unit: fc.constantFrom("mg/L", "mg/dL") }) }),
  },
  { requiredKeys: ["patientId", "date"] },
);

describe("properties", () => {
  it("generated valid visits parse", () => {
    fc.assert(fc.property(visitArb, (v) => parseVisit(v).success), { numRuns: 300 });
  });

  it("an out-of-range Mayo subscore fails with the issue at its path", () => {
    const bad = fc.oneof(fc.integer({ min: 4, max: 1000 }), fc.integer({ min: -1000, max: -1 }), fc.double({ min: 0.1, max: 2.9, noInteger: true }), fc.constant(Number.NaN));
    fc.assert(
      fc.property(visitArb, fc.constantFrom("stoolFrequency", "rectalBleeding", "endoscopic", "physicianGlobal"), bad, (v, key, value) => {
        const mutated = { ...v, mayo: { ...(v.mayo ?? {}), [key]: value } };
        const r = parseVisit(mutated);
        return !r.success && r.issues.some((i) => i.path.join(".") === `mayo.${key}`);
      }),
      { numRuns: 300 },
    );
  });

  it("a broken date fails with the issue at its path", () => {
    fc.assert(
      fc.property(visitArb, fc.constantFrom("2023-02-29", "2023-13-01", "2023-1-1", "yesterday", ""), (v, d) => {
        const r = parseVisit({ ...v, date: d });
        return !r.success && r.issues.some((i) => i.path.join(".") === "date");
      }),
      { numRuns: 100 },
    );
  });

  it("a dropped required field fails naming that field", () => {
    fc.assert(
      fc.property(visitArb, fc.constantFrom("patientId", "date"), (v, key) => {
        const copy: Record<string, unknown> = { ...v };
        delete copy[key];
        const r = parseVisit(copy);
        return !r.success && r.issues.some((i) => i.path.join(".") === key);
      }),
      { numRuns: 100 },
    );
  });

  it("generated patients parse, and a bad sex or diagnosis fails at its path", () => {
    const patientArb = fc
      .record({ id: fc.string({ minLength: 1, maxLength: 30 }), sex: fc.constantFrom("male", "female"), birthDate: isoDate, diagnosis: fc.constantFrom("UC", "CD", "IBD-U"), gapDays: fc.integer({ min: 0, max: 20000 }) })
      .map(({ gapDays, ...p }) => {
        const dx = new Date(Date.parse(`${p.birthDate}T00:00:00Z`) + gapDays * 86400000).toISOString().slice(0, 10);
        return { ...p, diagnosisDate: dx };
      });
    fc.assert(fc.property(patientArb, (p) => parsePatient(p).success), { numRuns: 300 });
    fc.assert(
      fc.property(patientArb, fc.constantFrom("sex", "diagnosis"), fc.string({ maxLength: 5 }), (p, key, value) => {
        fc.pre(!["male", "female", "UC", "CD", "IBD-U"].includes(value));
        const r = parsePatient({ ...p, [key]: value });
        return !r.success && r.issues.some((i) => i.path.join(".") === key);
      }),
      { numRuns: 200 },
    );
  });
});

describe("ISO dates: years 0000-0099 are themselves", () => {
  it("0000 is a leap year; 0100 and 1900 are not", () => {
    expect(IsoDateSchema.safeParse("0000-02-29").success).toBe(true);
    expect(IsoDateSchema.safeParse("0004-02-29").success).toBe(true);
    expect(IsoDateSchema.safeParse("0100-02-29").success).toBe(false);
    expect(IsoDateSchema.safeParse("1900-02-29").success).toBe(false);
    expect(IsoDateSchema.safeParse("2000-02-29").success).toBe(true);
  });
  it("date arithmetic does not shift 00xx to 19xx", () => {
    expect(addDaysIso("0000-02-28", 1)).toBe("0000-02-29");
    expect(addDaysIso("0099-12-31", 1)).toBe("0100-01-01");
    expect(addDaysIso("0050-03-01", -1)).toBe("0050-02-28");
    expect(daysBetween("0000-01-01", "0001-01-01")).toBe(366);
    expect(daysBetween("0099-01-01", "1999-01-01")).toBe(693_960);
  });
  it("agrees with a day-count oracle on random dates (property)", () => {
    // Days from 0000-03-01 by the civil-from-days algorithm, computed independently.
    const dayNumber = (y: number, m: number, d: number) => {
      const yy = m <= 2 ? y - 1 : y;
      const era = Math.floor(yy / 400);
      const yoe = yy - era * 400;
      const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
      return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
    };
    const iso = (y: number, m: number, d: number) => `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
    const date = fc.record({ y: fc.integer({ min: 0, max: 2400 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }) });
    fc.assert(
      fc.property(date, date, (a, b) => daysBetween(iso(a.y, a.m, a.d), iso(b.y, b.m, b.d)) === dayNumber(b.y, b.m, b.d) - dayNumber(a.y, a.m, a.d)),
      { numRuns: 2000 },
    );
  });
});

describe("parseCohort with array holes", () => {
  it("reports a problem for every hole", () => {
    const p = { id: "P1", sex: "male", birthDate: "1990-01-01", diagnosis: "CD", diagnosisDate: "2015-01-01" };
    // eslint-disable-next-line no-sparse-arrays
    const r = parseCohort({ patients: [p, , ,], visits: [, { patientId: "P1", date: "2024-01-01" }] });
    expect(r.counts.patients).toEqual({ total: 3, valid: 1, invalid: 2 });
    expect(r.counts.visits).toEqual({ total: 2, valid: 1, invalid: 1 });
    expect(r.problems.map((x) => [x.collection, x.index])).toEqual([["patients", 1], ["patients", 2], ["visits", 0]]);
    expect(r.problems[0]!.issues[0]!.message).toMatch(/hole/);
    const invalid = Object.values(r.counts).reduce((s, c) => s + c.invalid, 0);
    expect(r.problems.filter((x) => x.index !== null)).toHaveLength(invalid);
  });
});

describe("lookups see only their own keys (prototype-named keys are not found)", () => {
  const NAMES = ["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf", "prototype", "isPrototypeOf"];
  it("drug catalogue, mechanismOf, drugKindOf", () => {
    for (const n of NAMES) {
      expect(mechanismOf(n)).toBeUndefined();
      expect(drugKindOf(n)).toBeUndefined();
      expect(Object.prototype.hasOwnProperty.call(DRUG_MECHANISMS, n)).toBe(false);
      expect((DRUG_MECHANISMS as Record<string, unknown>)[n]).toBeUndefined();
      expect(parsePatient({ id: "P1", sex: "male", birthDate: "1990-01-01", diagnosis: "CD", diagnosisDate: "2015-01-01", priorTherapies: [{ drug: n }] }).success).toBe(false);
    }
    expect(() => mechanismOf(3 as never)).toThrow(/^mechanismOf: drug must be a drug name/);
    expect(() => mechanismOf("x", "constructor" as never)).toThrow(/^mechanismOf: explicit/);
  });
  it("lab units and ranges", () => {
    for (const n of NAMES) {
      expect(() => convertLab(n as never, 1, "mg/L" as never)).toThrow(/^convertLab: analyte must be one of/);
      expect(() => convertLab("crp", 1, n as never)).toThrow(/^convertLab: unit must be one of/);
      expect(() => flagLab(n as never, 1)).toThrow(/^flagLab: analyte/);
      expect(() => labPanelToCanonical({ crp: { value: 1, unit: n } } as never)).toThrow(/^labPanelToCanonical: panel\.crp\.unit/);
      expect(() => flagLab("crp", 1, JSON.parse(`{"${n}": {}}`) as never)).toThrow(/^flagLab: ranges\./);
    }
  });
  it("prototype-named values in record fields are rejected, not found (property)", () => {
    const name = fc.constantFrom(...NAMES);
    fc.assert(
      fc.property(name, fc.constantFrom("sex", "diagnosis"), (n, field) => {
        const p: Record<string, unknown> = { id: "P1", sex: "male", birthDate: "1990-01-01", diagnosis: "CD", diagnosisDate: "2015-01-01" };
        p[field] = n;
        return !parsePatient(p).success;
      }),
    );
    fc.assert(fc.property(name, (n) => !parseVisit({ patientId: "P1", date: "2024-01-01", rutgeerts: n }).success));
    fc.assert(fc.property(name, (n) => !parseTreatmentCourse({ patientId: "P1", startDate: "2024-01-01", dosePeriods: [{ doseMg: 45, startDate: "2024-01-01" }], concomitantMedications: [{ agentClass: n, startDate: "2024-01-01" }] }).success));
    // a prototype-named identifier is just an identifier
    fc.assert(fc.property(name, (n) => parsePatient({ id: n, sex: "male", birthDate: "1990-01-01", diagnosis: "CD", diagnosisDate: "2015-01-01" }).success));
    fc.assert(fc.property(name, (n) => parseCohort(JSON.parse(`{"patients": [{"id": "${n}", "sex": "male", "birthDate": "1990-01-01", "diagnosis": "CD", "diagnosisDate": "2015-01-01"}], "visits": [{"patientId": "${n}", "date": "2024-01-01"}]}`)).cohort.visits.length === 1));
  });
});
