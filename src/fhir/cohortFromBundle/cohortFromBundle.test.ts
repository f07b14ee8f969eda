import type { Bundle, BundleEntry, FhirResource } from "fhir/r4.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { convertLab } from "../../models/index.js";
import { AE_CATEGORY_SYSTEM, DIAGNOSIS_SYSTEM, LED_TO_DISCONTINUATION_URL, MONTREAL_SYSTEM, SURGERY_SYSTEM, cohortFromBundle } from "./index.js";

const SCT = "http://snomed.info/sct";
const LOINC = "http://loinc.org";
const UCUM = "http://unitsofmeasure.org";
const bundle = (resources: readonly unknown[]): Bundle => ({ resourceType: "Bundle", type: "collection", entry: resources.map((resource) => ({ resource }) as BundleEntry) });
const patient = (id: string, extra: Record<string, unknown> = {}) => ({ resourceType: "Patient", id, gender: "female", birthDate: "1980-05-01", ...extra });
const condition = (id: string, pid: string, code: string, extra: Record<string, unknown> = {}) => ({
  resourceType: "Condition", id, subject: { reference: `Patient/${pid}` }, code: { coding: [{ system: SCT, code }] }, onsetDateTime: "2015-03-10", ...extra,
});
const montreal = (...codes: string[]) => ({ stage: [{ summary: { coding: codes.map((code) => ({ system: MONTREAL_SYSTEM, code })) } }] });
const obs = (id: string, pid: string, loinc: string, value: number, unit: string, date = "2024-01-15", extra: Record<string, unknown> = {}) => ({
  resourceType: "Observation", id, status: "final", subject: { reference: `Patient/${pid}` }, code: { coding: [{ system: LOINC, code: loinc }] },
  effectiveDateTime: date, valueQuantity: { value, unit, system: UCUM, code: unit }, ...extra,
});
const dosage = (mg: number, start: string, end?: string, bounds = false) => {
  const period = end === undefined ? { start } : { start, end };
  return {
    doseAndRate: [{ doseQuantity: { value: mg, unit: "mg", system: UCUM, code: "mg" } }],
    timing: { repeat: { frequency: 1, period: 1, periodUnit: "d", ...(bounds ? { boundsPeriod: period } : {}) } },
  };
};
const statement = (id: string, pid: string, drug: string, mg: number, start: string, end?: string) => ({
  resourceType: "MedicationStatement", id, status: "completed", subject: { reference: `Patient/${pid}` }, medicationCodeableConcept: { text: drug },
  effectivePeriod: end === undefined ? { start } : { start, end }, dosage: [dosage(mg, start, end)],
});
const request = (id: string, pid: string, drug: string, mg: number, start: string, end?: string) => ({
  resourceType: "MedicationRequest", id, status: "active", intent: "order", subject: { reference: `Patient/${pid}` },
  medicationCodeableConcept: { coding: [{ display: drug }] }, dosageInstruction: [dosage(mg, start, end, true)],
});
const qr = (id: string, pid: string, score: string, answers: Record<string, Record<string, unknown>>, extra: Record<string, unknown> = {}) => ({
  resourceType: "QuestionnaireResponse", id, status: "completed", questionnaire: `urn:ibd-outcomes:questionnaire:${score}`, subject: { reference: `Patient/${pid}` },
  authored: "2024-01-15T10:00:00Z", item: Object.entries(answers).map(([linkId, a]) => ({ linkId, answer: [a] })), ...extra,
});
const ae = (id: string, pid: string, extra: Record<string, unknown> = {}) => ({
  resourceType: "AdverseEvent", id, actuality: "actual", subject: { reference: `Patient/${pid}` }, date: "2024-03-02",
  category: [{ coding: [{ system: AE_CATEGORY_SYSTEM, code: "infection" }] }], event: { text: "herpes zoster" },
  extension: [{ url: LED_TO_DISCONTINUATION_URL, valueBoolean: false }], ...extra,
});

const FULL = bundle([
  patient("P1"),
  condition("C1", "P1", "34000006", montreal("A2", "L3", "L4-modifier", "B2", "p")),
  patient("P2", { gender: "male", birthDate: "1975-02-11" }),
  condition("C2", "P2", "64766004", montreal("E3", "S2")),
  statement("M1", "P1", "Upadacitinib", 45, "2024-01-01", "2024-03-24"),
  statement("M2", "P1", "Upadacitinib", 30, "2024-03-25"),
  request("M3", "P2", "upadacitinib", 45, "2024-02-01", "2024-03-27"),
  { resourceType: "Procedure", id: "S1", status: "completed", subject: { reference: "Patient/P1" }, code: { coding: [{ system: SURGERY_SYSTEM, code: "ileocolonicResection" }] }, performedDateTime: "2018-06-01" },
  obs("O1", "P1", "1988-5", 1.2, "mg/dL"),
  obs("O2", "P1", "38445-3", 250, "ug/g"),
  obs("O3", "P1", "4537-7", 22, "mm/h"),
  obs("O4", "P1", "1751-7", 3.8, "g/dL"),
  obs("O5", "P1", "718-7", 11.5, "g/dL"),
  obs("O6", "P1", "6690-2", 7800, "/uL"),
  obs("O7", "P1", "777-3", 310, "10*3/uL"),
  obs("O8", "P1", "1742-6", 0.5, "ukat/L"),
  obs("O9", "P1", "1920-8", 28, "U/L"),
  obs("O10", "P1", "62238-1", 95, "mL/min/{1.73_m2}"),
  obs("O11", "P1", "62292-8", 20, "ng/mL"),
  obs("O12", "P1", "2093-3", 200, "mg/dL"),
  obs("O13", "P1", "2085-9", 1.3, "mmol/L"),
  obs("O14", "P1", "13457-7", 116, "mg/dL"),
  obs("O15", "P2", "718-7", 8, "mmol/L", "2024-02-01"),
  obs("O16", "P2", "6690-2", 5.1, "10*9/L", "2024-02-01"),
  qr("Q1", "P1", "pro2Cd", { stoolFrequencyMean: { valueDecimal: 3.5 }, abdominalPainMean: { valueDecimal: 1.2 } }),
  qr("Q2", "P2", "uceis", { vascularPattern: { valueInteger: 1 }, bleeding: { valueInteger: 2 }, erosionsUlcers: { valueInteger: 0 } }, { authored: "2024-02-01" }),
  qr("Q3", "P2", "pucai", { abdominalPain: { valueInteger: 1 }, rectalBleeding: { valueInteger: 2 }, stoolConsistency: { valueInteger: 1 }, stoolsPer24h: { valueInteger: 6 }, nocturnalStools: { valueBoolean: true }, activityLevel: { valueInteger: 1 } }),
  ae("A1", "P1"),
]);

describe("cohortFromBundle", () => {
  it("matches the @example", () => {
    const r = cohortFromBundle(bundle([patient("P1"), condition("C1", "P1", "64766004")]));
    expect(r.cohort.patients[0]?.diagnosis).toBe("UC");
  });

  it("maps every resource type of a hand-built Bundle, with nothing unmapped or rejected", () => {
    const r = cohortFromBundle(FULL);
    expect(r.unmapped).toEqual([]);
    expect(r.problems).toEqual([]);
    expect(r.cohort.patients).toEqual([
      { id: "P1", sex: "female", birthDate: "1980-05-01", diagnosis: "CD", diagnosisDate: "2015-03-10", montreal: { type: "CD", age: "A2", location: "L3", upperGi: true, behavior: "B2", perianal: true }, surgeries: [{ date: "2018-06-01", type: "ileocolonicResection" }] },
      { id: "P2", sex: "male", birthDate: "1975-02-11", diagnosis: "UC", diagnosisDate: "2015-03-10", montreal: { type: "UC", extent: "E3", severity: "S2" } },
    ]);
    expect(r.cohort.courses).toEqual([
      { id: "M1", patientId: "P1", drug: "upadacitinib", startDate: "2024-01-01", dosePeriods: [{ doseMg: 45, startDate: "2024-01-01", endDate: "2024-03-24" }, { doseMg: 30, startDate: "2024-03-25" }], concomitantMedications: [] },
      { id: "M3", patientId: "P2", drug: "upadacitinib", startDate: "2024-02-01", dosePeriods: [{ doseMg: 45, startDate: "2024-02-01", endDate: "2024-03-27" }], concomitantMedications: [] },
    ]);
    expect(r.cohort.adverseEvents).toEqual([{ id: "A1", patientId: "P1", onsetDate: "2024-03-02", term: "herpes zoster", category: "infection", ledToDiscontinuation: false }]);
    const v1 = r.cohort.visits.find((v) => v.patientId === "P1");
    expect(v1?.pro2).toEqual({ stoolFrequencyMean: 3.5, abdominalPainMean: 1.2 });
    const v2 = r.cohort.visits.find((v) => v.patientId === "P2" && v.date === "2024-02-01");
    expect(v2?.uceis).toEqual({ vascularPattern: 1, bleeding: 2, erosionsUlcers: 0 });
    expect(r.scoreResponses.map((s) => [s.id, s.score, s.patientId, s.date])).toEqual([["Q1", "pro2Cd", "P1", "2024-01-15"], ["Q2", "uceis", "P2", "2024-02-01"], ["Q3", "pucai", "P2", "2024-01-15"]]);
    expect(r.scoreResponses[2]?.items).toEqual({ abdominalPain: 1, rectalBleeding: 2, stoolConsistency: 1, stoolsPer24h: 6, nocturnalStools: true, activityLevel: 1 });
  });

  it("converts each UCUM unit to the canonical unit through the lab unit table", () => {
    const r = cohortFromBundle(FULL);
    const l1 = r.cohort.visits.find((v) => v.patientId === "P1")?.labs;
    const vals = Object.fromEntries(Object.entries(l1 ?? {}).filter(([k]) => k !== "date").map(([k, m]) => [k, [(m as { value: number }).value, (m as { unit: string }).unit]]));
    expect(vals.crp).toEqual([12, "mg/L"]);
    expect(vals.fecalCalprotectin).toEqual([250, "ug/g"]);
    expect(vals.esr).toEqual([22, "mm/h"]);
    expect(vals.albumin).toEqual([38, "g/L"]);
    expect(vals.hemoglobin).toEqual([115, "g/L"]);
    expect(vals.wbc?.[0]).toBeCloseTo(7.8, 12);
    expect(vals.platelets).toEqual([310, "10^9/L"]);
    expect(vals.alt).toEqual([30, "U/L"]);
    expect(vals.ast).toEqual([28, "U/L"]);
    expect(vals.egfr).toEqual([95, "mL/min/1.73m2"]);
    expect(vals.vitaminD?.[0]).toBeCloseTo(49.92, 12);
    expect(vals.totalCholesterol?.[0]).toBeCloseTo(200 / 38.67, 12);
    expect(vals.hdlC).toEqual([1.3, "mmol/L"]);
    expect(vals.ldlC?.[0]).toBeCloseTo(3.0, 2);
    const l2 = r.cohort.visits.find((v) => v.patientId === "P2" && v.date === "2024-02-01")?.labs;
    expect(l2?.hemoglobin?.value).toBeCloseTo(8 * 16.1145, 10);
    expect(l2?.wbc?.value).toBe(5.1);
  });

  it("any supported lab value round-trips through convertLab (property)", () => {
    fc.assert(fc.property(fc.double({ min: 0, max: 1e5, noNaN: true }), (x) => {
      const r = cohortFromBundle(bundle([patient("P1"), condition("C1", "P1", "64766004"), obs("O", "P1", "1988-5", x, "mg/dL")]));
      expect(r.cohort.visits[0]?.labs?.crp?.value).toBe(convertLab("crp", x, "mg/dL"));
    }), { numRuns: 200 });
  });

  it("nothing dropped silently: every Observation is a lab value or listed in unmapped (property)", () => {
    const codes = ["1988-5", "38445-3", "4537-7", "62292-8", "1751-7", "6690-2", "718-7", "777-3", "1742-6", "1920-8", "2085-9", "2093-3", "13457-7", "2160-0", "62238-1", "2157-6", "0000-0"];
    const units = ["mg/L", "mg/dL", "ug/g", "mm/h", "ng/mL", "nmol/L", "g/L", "g/dL", "10*9/L", "/uL", "U/L", "ukat/L", "mmol/L", "umol/L", "mL/min/{1.73_m2}", "kg"];
    const arb = fc.array(fc.record({ code: fc.constantFrom(...codes), unit: fc.constantFrom(...units), value: fc.double({ min: -1, max: 1e4, noNaN: true }), day: fc.integer({ min: 1, max: 3 }) }), { maxLength: 40 });
    fc.assert(fc.property(arb, (rows) => {
      const r = cohortFromBundle(bundle([patient("P1"), condition("C1", "P1", "64766004"), ...rows.map((o, i) => obs(`O${i}`, "P1", o.code, o.value, o.unit, `2024-01-0${o.day}`))]));
      const values = r.cohort.visits.reduce((n, v) => n + Object.keys(v.labs ?? {}).filter((k) => k !== "date").length, 0);
      expect(values + r.unmapped.length).toBe(rows.length);
      expect(r.problems).toEqual([]);
      for (const v of r.cohort.visits) for (const [k, m] of Object.entries(v.labs ?? {})) if (k !== "date") expect(Number.isFinite((m as { value: number }).value)).toBe(true);
    }), { numRuns: 300 });
  });

  it("lists unknown codes, units and resource types in unmapped, with the reason", () => {
    const r = cohortFromBundle(bundle([
      patient("P1"), condition("C1", "P1", "64766004"),
      condition("C9", "P1", "38341003"),
      obs("O1", "P1", "9999-9", 1, "mg/L"),
      obs("O2", "P1", "1988-5", 1, "mmol/L"),
      obs("O3", "P1", "1988-5", 5, "mg/L", "2024-01-15", { valueQuantity: { value: 5, comparator: "<", system: UCUM, code: "mg/L" } }),
      obs("O4", "P1", "1988-5", 5, "mg/L", "2024-01-15", { valueQuantity: undefined, dataAbsentReason: { text: "not done" } }),
      obs("O5", "P1", "1988-5", 5, "mg/L", "2024-01-15", { status: "preliminary" }),
      { resourceType: "Device", id: "E1" },
      { resourceType: "Procedure", id: "S1", status: "completed", subject: { reference: "Patient/P1" }, code: { coding: [{ system: SCT, code: "80146002" }] }, performedDateTime: "2020-01-01" },
      qr("Q1", "P1", "notAScore", {}),
      ae("A1", "P1", { extension: [] }),
      statement("M1", "P1", "prednisolone", 40, "2024-01-01"),
      { ...statement("M2", "P1", "adalimumab", 40, "2024-01-01"), dosage: [{ ...dosage(40, "2024-01-01"), timing: { repeat: { frequency: 1, period: 2, periodUnit: "wk" } } }] },
      obs("O6", "P9", "1988-5", 5, "mg/L"),
      statement("M3", "P1", "Aspirin", 75, "2024-01-01"),
    ]));
    const reasons = new Map(r.unmapped.map((u) => [u.id, `${u.resourceType}: ${u.reason}`]));
    expect(reasons.get("C9")).toMatch(/^Condition: code is not an IBD diagnosis.*38341003/);
    expect(reasons.get("O1")).toMatch(/no supported LOINC code.*9999-9/);
    expect(reasons.get("O2")).toMatch(/"mmol\/L" is not a unit accepted for crp/);
    expect(reasons.get("O3")).toMatch(/comparator "<"/);
    expect(reasons.get("O4")).toMatch(/valueQuantity.value is missing \(dataAbsentReason given\)/);
    expect(reasons.get("O5")).toMatch(/status is "preliminary"/);
    expect(reasons.get("E1")).toMatch(/^Device: resource type Device is not mapped/);
    expect(reasons.get("S1")).toMatch(/exactly one surgery type/);
    expect(reasons.get("Q1")).toMatch(/not one of the library's score questionnaires/);
    expect(reasons.get("A1")).toMatch(/led to discontinuation is not recorded/);
    expect(reasons.get("M2")).toMatch(/periodUnit "d"/);
    expect(reasons.get("O6")).toMatch(/"Patient\/P9" is not a Patient in the Bundle/);
    expect(reasons.get("M1")).toMatch(/concomitant prednisolone needs exactly one treatment course of patient P1 to attach to; found 0/);
    expect(reasons.get("M3")).toMatch(/drug "aspirin" is neither an advanced therapy/);
    expect(r.unmapped).toHaveLength(14);
    expect(r.cohort.courses).toEqual([]);
    expect(r.cohort.visits).toEqual([]);
  });

  it("missing means missing: an absent element never becomes a value", () => {
    const r = cohortFromBundle(bundle([
      patient("P1", { gender: undefined }), condition("C1", "P1", "34000006", { onsetDateTime: undefined }),
      patient("P2", { gender: "unknown" }),
      patient("P3", { birthDate: "1980" }), condition("C3", "P3", "64766004"),
    ]));
    expect(r.cohort.patients).toEqual([]);
    const byId = new Map(r.problems.map((p) => [p.id, p.issues.map((i) => i.path.join("."))]));
    expect(byId.get("P1")).toEqual(expect.arrayContaining(["sex", "diagnosisDate"]));
    expect(byId.get("P2")).toEqual(expect.arrayContaining(["sex", "diagnosis", "diagnosisDate"]));
    expect(byId.get("P3")).toEqual(["birthDate"]);
    expect(r.unmapped.map((u) => u.id)).toEqual(["P2", "C1"]);
  });

  it("Montreal: modifiers only from their codes; conflicting or unknown codes are listed", () => {
    const one = (...codes: string[]) => cohortFromBundle(bundle([patient("P1"), condition("C1", "P1", "34000006", montreal(...codes))]));
    expect(one("L1", "B1").cohort.patients[0]?.montreal).toEqual({ type: "CD", location: "L1", behavior: "B1", upperGi: false, perianal: false });
    const bad = one("L1", "L2", "B1");
    expect(bad.cohort.patients[0]?.montreal).toBeUndefined();
    expect(bad.unmapped[0]?.reason).toMatch(/more than one Montreal location/);
    expect(one("L1").unmapped[0]?.reason).toMatch(/needs a location.*and a behaviour/);
    expect(one("L1", "B1", "X9").unmapped[0]?.reason).toMatch(/unknown Montreal codes \(X9\)/);
    const uc = cohortFromBundle(bundle([patient("P1"), condition("C1", "P1", "64766004", montreal("E1"))]));
    expect(uc.cohort.patients[0]?.montreal).toEqual({ type: "UC", extent: "E1" });
    const ibdu = cohortFromBundle(bundle([patient("P1"), { ...condition("C1", "P1", "x"), code: { coding: [{ system: DIAGNOSIS_SYSTEM, code: "IBD-U" }] } }]));
    expect(ibdu.cohort.patients[0]?.diagnosis).toBe("IBD-U");
    const icd = (system: string, code: string) => cohortFromBundle(bundle([patient("P1"), { ...condition("C1", "P1", "x"), code: { coding: [{ system, code }] } }]));
    expect(icd("http://hl7.org/fhir/sid/icd-10", "K50.1").cohort.patients[0]?.diagnosis).toBe("CD");
    expect(icd("http://hl7.org/fhir/sid/icd-10-cm", "K51.90").cohort.patients[0]?.diagnosis).toBe("UC");
    expect(icd("http://hl7.org/fhir/sid/icd-10", "K52.9").unmapped[0]?.reason).toMatch(/not an IBD diagnosis/);
    expect(icd("http://hl7.org/fhir/sid/icd-10", "K500").cohort.patients[0]?.diagnosis).toBe("CD");
  });

  it("concomitant agents attach to the patient's only course; the AdverseEvent seriousness summary is listed", () => {
    const r = cohortFromBundle(bundle([
      patient("P1"), condition("C1", "P1", "64766004"),
      statement("M1", "P1", "upadacitinib", 45, "2024-01-01", "2024-02-29"),
      { ...statement("M2", "P1", "Prednisolone", 40, "2023-12-20", "2024-02-10"), dosage: undefined },
      statement("M3", "P1", "mesalazine", 2400, "2024-01-05"),
      { ...statement("M4", "P1", "upadacitinib", 15, "2024-03-01"), status: "stopped", statusReason: [{ text: "lack of efficacy" }] },
      ae("A1", "P1", { seriousness: { coding: [{ code: "non-serious" }] } }),
    ]));
    expect(r.cohort.courses[0]?.concomitantMedications).toEqual([
      { agentClass: "corticosteroid", drug: "prednisolone", startDate: "2023-12-20", endDate: "2024-02-10" },
      { agentClass: "5-ASA", drug: "mesalazine", startDate: "2024-01-05" },
    ]);
    expect(r.cohort.courses[0]?.corticosteroidsRecorded).toBeUndefined();
    expect(r.cohort.adverseEvents[0]?.seriousness).toBeUndefined();
    expect(r.cohort.courses[0]?.dosePeriods.map((d) => d.doseMg)).toEqual([45, 15]);
    expect(r.problems).toEqual([]);
    expect(r.unmapped).toEqual([
      { resourceType: "MedicationStatement", id: "M4", reason: expect.stringMatching(/^statusReason is not mapped/) },
      { resourceType: "AdverseEvent", id: "A1", reason: expect.stringMatching(/^seriousness .* is not mapped/) },
    ]);
  });

  it("a second diagnosis, a duplicate lab on a day, and an invalid dose period are reported, not merged", () => {
    const r = cohortFromBundle(bundle([
      patient("P1"), condition("C1", "P1", "64766004"), condition("C2", "P1", "34000006"),
      obs("O1", "P1", "1988-5", 3, "mg/L"), obs("O2", "P1", "1988-5", 4, "mg/L"),
      statement("M1", "P1", "upadacitinib", 45, "2024-01-01"), statement("M2", "P1", "upadacitinib", 30, "2024-02-01"),
    ]));
    expect(r.unmapped.map((u) => u.id)).toEqual(["C2", "O2"]);
    expect(r.cohort.visits[0]?.labs?.crp?.value).toBe(3);
    expect(r.cohort.courses).toEqual([]);
    expect(r.problems[0]).toMatchObject({ collection: "courses", id: "M1" });
    expect(r.problems[0]?.issues[0]?.message).toMatch(/overlaps/);
  });

  it("QuestionnaireResponse: every item needed, in range, of the right type", () => {
    const base = { vascularPattern: { valueInteger: 1 }, bleeding: { valueInteger: 2 }, erosionsUlcers: { valueInteger: 0 } };
    const run = (answers: Record<string, Record<string, unknown>>, extra: Record<string, unknown> = {}) =>
      cohortFromBundle(bundle([patient("P1"), condition("C1", "P1", "64766004"), qr("Q", "P1", "uceis", answers, extra)]));
    expect(run({ ...base, bleeding: { valueInteger: 4 } }).unmapped[0]?.reason).toMatch(/"bleeding" answer must be a integer in 0-3/);
    expect(run({ vascularPattern: { valueInteger: 1 }, bleeding: { valueInteger: 2 } }).unmapped[0]?.reason).toMatch(/"erosionsUlcers" has no answers/);
    expect(run({ ...base, bleeding: { valueString: "2" } }).unmapped[0]?.reason).toMatch(/"bleeding" answer must be a integer/);
    expect(run({ ...base, extra: { valueInteger: 1 } }).unmapped[0]?.reason).toMatch(/"extra" is not an item of uceis/);
    expect(run(base, { status: "in-progress" }).unmapped[0]?.reason).toMatch(/status is "in-progress"/);
    expect(run(base).scoreResponses).toHaveLength(1);
  });

  it("prototype-named ids are ordinary ids", () => {
    const r = cohortFromBundle(bundle([
      patient("__proto__"), condition("constructor", "__proto__", "64766004"),
      patient("constructor"), condition("toString", "constructor", "34000006"),
      obs("__proto__", "__proto__", "1988-5", 2, "mg/L"),
      obs("hasOwnProperty", "toString", "1988-5", 2, "mg/L"),
    ]));
    expect(r.cohort.patients.map((p) => [p.id, p.diagnosis])).toEqual([["__proto__", "UC"], ["constructor", "CD"]]);
    expect(r.cohort.visits.map((v) => v.patientId)).toEqual(["__proto__"]);
    expect(r.unmapped).toEqual([{ resourceType: "Observation", id: "hasOwnProperty", reason: 'subject.reference "Patient/toString" is not a Patient in the Bundle' }]);
    expect(Object.getPrototypeOf(r.cohort.patients[0])).toBe(Object.prototype);
  });

  it("resolves subject references by entry fullUrl", () => {
    const b: Bundle = { resourceType: "Bundle", type: "transaction", entry: [
      { fullUrl: "urn:uuid:1b2c", resource: patient("P1") as FhirResource },
      { resource: { ...condition("C1", "P1", "64766004"), subject: { reference: "urn:uuid:1b2c" } } as FhirResource },
    ] };
    expect(cohortFromBundle(b).cohort.patients[0]?.diagnosis).toBe("UC");
  });

  it("does not modify its input", () => {
    const copy = structuredClone(FULL);
    cohortFromBundle(FULL);
    expect(FULL).toEqual(copy);
  });

  it("options: ignoreResourceTypes lists what it skips; unknown keys are errors", () => {
    const r = cohortFromBundle(FULL, { ignoreResourceTypes: ["Observation"] });
    expect(r.unmapped.filter((u) => u.reason === "ignored by options.ignoreResourceTypes")).toHaveLength(16);
    expect(() => cohortFromBundle(FULL, { strict: true } as never)).toThrow(/^cohortFromBundle: options.strict is not an option/);
    expect(() => cohortFromBundle(FULL, { ignoreResourceTypes: "Observation" } as never)).toThrow(/options.ignoreResourceTypes must be an array/);
  });

  it("bad input: errors name the function and the field", () => {
    expect(() => cohortFromBundle(null as never)).toThrow(/^cohortFromBundle: bundle must be a FHIR Bundle/);
    expect(() => cohortFromBundle({ resourceType: "Patient" } as never)).toThrow(/bundle must be a FHIR Bundle \(resourceType "Bundle"\); got resourceType "Patient"/);
    expect(() => cohortFromBundle({ resourceType: "Bundle", type: "collection", entry: {} } as never)).toThrow(/^cohortFromBundle: bundle.entry must be an array/);
    expect(() => cohortFromBundle(bundle([{ id: "x" }]))).toThrow(/^cohortFromBundle: bundle.entry\[0\].resource.resourceType must be a string/);
    const r = cohortFromBundle({ resourceType: "Bundle", type: "collection", entry: [{}] } as Bundle);
    expect(r.unmapped).toEqual([{ resourceType: "unknown", id: "entry[0]", reason: "bundle.entry[0].resource is missing" }]);
    expect(cohortFromBundle({ resourceType: "Bundle", type: "collection" }).cohort.patients).toEqual([]);
  });
});
