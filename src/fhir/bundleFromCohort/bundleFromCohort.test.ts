import type { Bundle, BundleEntry, FhirResource, MedicationStatement, Observation } from "fhir/r4.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { HbiComplicationSchema, parseCohort } from "../../models/index.js";
import type { Cohort } from "../../models/index.js";
import { MEDICATION_ROLE_SYSTEM, RECORD_ID_SYSTEM, THERAPY_CLASS_SYSTEM, VISIT_ITEM_SYSTEM } from "../codes/index.js";
import { cohortFromBundle } from "../cohortFromBundle/index.js";
import { bundleFromCohort } from "./index.js";

const P1 = { id: "P1", sex: "female", birthDate: "1980-05-01", diagnosis: "CD", diagnosisDate: "2015-03-10" } as const;
const cohort = (c: Partial<Record<keyof Cohort, unknown[]>>): Cohort => ({ patients: [], courses: [], visits: [], adverseEvents: [], ...c }) as unknown as Cohort;
const resources = (b: Bundle): FhirResource[] => (b.entry ?? []).map((e) => e.resource!);
const roundTrip = (c: Cohort) => cohortFromBundle(JSON.parse(JSON.stringify(bundleFromCohort(c))) as Bundle);

const FULL = cohort({
  patients: [
    {
      ...P1, montreal: { type: "CD", age: "A2", location: "L3", upperGi: true, behavior: "B3", perianal: true },
      priorTherapies: [{ drug: "infliximab", startDate: "2016-01-01", stopDate: "2017-01-01", reasonStopped: "secondaryLossOfResponse" }, { drug: "briakinumab", mechanism: "antiIL12_23" }],
      priorConventionalTherapies: [{ agent: "thiopurine", startDate: "2015-04-01" }], surgeries: [], extraintestinalManifestations: ["skin", "eye"],
      dttConditions: { complexPerianalDisease: true, psychosocialComorbidity: null }, pregnantOrBreastfeeding: false, heightCm: 171.5, site: "centre A",
    },
    { id: "patient 2 / ü", sex: "male", birthDate: "1990-01-01", diagnosis: "IBD-U", diagnosisDate: "2020-01-01", montreal: { type: "UC", extent: "E2" } },
  ],
  courses: [
    {
      id: "C1", patientId: "P1", drug: "upadacitinib", startDate: "2024-01-01", corticosteroidsRecorded: true, discontinuation: { date: "2024-09-01", reason: "adverseEvent" },
      dosePeriods: [{ doseMg: 45, startDate: "2024-01-01", endDate: "2024-03-25", phase: "induction" }, { doseMg: 15, startDate: "2024-03-25", endDate: "2024-06-01", phase: "maintenance" }, { doseMg: 30, startDate: "2024-06-01", endDate: "2024-09-01" }],
      concomitantMedications: [{ agentClass: "corticosteroid", drug: "prednisolone", startDate: "2023-12-01", endDate: "2024-02-01" }, { agentClass: "other", startDate: "2024-01-05" }],
    },
    { patientId: "patient 2 / ü", drug: "tofacitinib", startDate: "2024-02-01", dosePeriods: [{ doseMg: 20, startDate: "2024-02-01" }] },
  ],
  visits: [
    {
      id: "V1", patientId: "P1", date: "2024-01-01", onCorticosteroids: true, rutgeerts: "i2b",
      hbi: { wellBeing: 2, abdominalPain: 1, liquidStools: 5, abdominalMass: 0, complications: ["uveitis", "arthralgia"] },
      sesCd: { ileum: { ulcerSize: 2, ulceratedSurface: 2, affectedSurface: 2, narrowing: 0 }, rightColon: null, rectum: { ulcerSize: 0, ulceratedSurface: 0, affectedSurface: 0, narrowing: 0 } },
      cdai: { liquidStoolsWeek: 20, abdominalPainWeek: 7, wellBeingWeek: 10, complications: [], antidiarrheal: false, abdominalMass: 2, hematocritPct: 40.5, weightKg: 70, standardWeightKg: 72.5, sex: "female" },
      pro2: { stoolFrequencyMean: 3.5, abdominalPainMean: 1.25 },
      labs: { date: "2024-01-01", crp: { value: 1.2, unit: "mg/dL" }, wbc: { value: 6.1, unit: "10^9/L" } },
    },
    { patientId: "P1", date: "2024-03-25", labs: { crp: { value: 3, unit: "mg/L" } } },
    { patientId: "patient 2 / ü", date: "2024-02-01", mayo: { stoolFrequency: 2, rectalBleeding: 1, endoscopic: 2, friability: true }, uceis: { vascularPattern: 1, bleeding: 1, erosionsUlcers: 2 } },
  ],
  adverseEvents: [
    { id: "A1", patientId: "P1", onsetDate: "2024-08-20", term: "herpes zoster", category: "infection", infectionType: "herpesZoster", ledToDiscontinuation: true, resolvedDate: "2024-09-10", seriousness: { hospitalization: false, death: false } },
    { patientId: "patient 2 / ü", onsetDate: "2024-03-01", term: "acne", category: "acneOrSkin", ledToDiscontinuation: false },
  ],
});

describe("bundleFromCohort", () => {
  it("matches the @example", () => {
    const b = bundleFromCohort(cohort({ patients: [{ id: "P1", sex: "female", birthDate: "1980-05-01", diagnosis: "UC", diagnosisDate: "2015-03-10" }] }));
    expect(b.entry?.map((e) => e.resource?.resourceType)).toEqual(["Patient", "Condition"]);
  });

  it("round-trips every model field (escalation, discontinuation, nulls, empty arrays, ids that are not FHIR ids, records without ids)", () => {
    const r = roundTrip(FULL);
    expect(r.unmapped).toEqual([]);
    expect(r.problems).toEqual([]);
    const want = parseCohort(FULL).cohort;
    // complications come back in the schema's order, lab values in the canonical unit (1.2 mg/dL CRP = 12 mg/L)
    const v1 = want.visits[0]!;
    const wantVisits = [{ ...v1, hbi: { ...v1.hbi!, complications: ["arthralgia", "uveitis"] }, labs: { ...v1.labs!, crp: { value: 12, unit: "mg/L" } } }, ...want.visits.slice(1)];
    expect(r.cohort.patients).toEqual([...want.patients].sort((a, b) => (a.id < b.id ? -1 : 1)));
    expect(r.cohort.courses).toEqual(want.courses);
    expect(r.cohort.visits).toEqual(wantVisits);
    expect(r.cohort.adverseEvents).toEqual(want.adverseEvents);
    expect(r.cohort.visits[1]).not.toHaveProperty("id");
    expect(r.cohort.courses[1]).not.toHaveProperty("id");
    expect(r.cohort.visits[0]?.sesCd?.rightColon).toBeNull();
    expect(r.cohort.patients[0]?.dttConditions).toEqual({ complexPerianalDisease: true, psychosocialComorbidity: null });
    expect(r.cohort.patients[0]?.surgeries).toEqual([]);
    expect(r.cohort.courses[0]?.dosePeriods.map((d) => d.doseMg)).toEqual([45, 15, 30]);
  });

  it("missing means missing: an absent field writes no element", () => {
    const b = bundleFromCohort(cohort({
      patients: [P1],
      courses: [{ patientId: "P1", drug: "upadacitinib", startDate: "2024-01-01", dosePeriods: [{ doseMg: 45, startDate: "2024-01-01" }] }],
      visits: [{ patientId: "P1", date: "2024-01-01" }],
    }));
    const rs = resources(b);
    expect(rs.map((r) => r.resourceType)).toEqual(["Patient", "Condition", "MedicationStatement", "Encounter"]);
    const [pt, dx, ms] = rs as [Record<string, unknown>, Record<string, unknown>, MedicationStatement];
    expect(Object.keys(pt).sort()).toEqual(["birthDate", "gender", "id", "identifier", "resourceType"]);
    expect(dx).not.toHaveProperty("stage");
    expect(dx).not.toHaveProperty("verificationStatus");
    expect(ms).not.toHaveProperty("statusReason");
    expect(ms).not.toHaveProperty("extension");
    expect(ms).not.toHaveProperty("identifier");
    expect(ms.effectivePeriod).toEqual({ start: "2024-01-01" });
    expect(ms.dosage?.[0]).not.toHaveProperty("extension");
    expect(ms.dosage?.[0]?.timing?.repeat?.boundsPeriod).toEqual({ start: "2024-01-01" });
    const back = cohortFromBundle(b);
    expect(back.cohort.patients[0]).toEqual(parseCohort(cohort({ patients: [P1] })).cohort.patients[0]);
    expect(back.cohort.courses[0]).not.toHaveProperty("corticosteroidsRecorded");
    expect(back.cohort.courses[0]).not.toHaveProperty("discontinuation");
    expect(back.cohort.visits).toEqual([{ patientId: "P1", date: "2024-01-01" }]);
  });

  it("codes: project codes where FHIR has none; the record id in an identifier", () => {
    const b = bundleFromCohort(FULL);
    const rs = resources(b);
    const p2 = rs.find((r) => r.resourceType === "Patient" && r.identifier?.[0]?.value === "patient 2 / ü")!;
    expect(p2.id).toMatch(/^h[0-9a-z]+$/);
    expect((p2 as { identifier?: unknown }).identifier).toEqual([{ system: RECORD_ID_SYSTEM, value: "patient 2 / ü" }]);
    const hbi = rs.find((r): r is Observation => r.resourceType === "Observation" && r.code.coding?.[0]?.code === "hbi")!;
    expect(hbi.code.coding?.[0]?.system).toBe(VISIT_ITEM_SYSTEM);
    expect(hbi.component?.find((c) => c.code.coding?.[0]?.code === "hbi.complications.uveitis")?.valueBoolean).toBe(true);
    expect(hbi.component?.find((c) => c.code.coding?.[0]?.code === "hbi.complications.abscess")?.valueBoolean).toBe(false);
    const crp = rs.find((r): r is Observation => r.resourceType === "Observation" && r.code.coding?.[0]?.code === "1988-5")!;
    expect(crp.valueQuantity).toEqual({ value: 1.2, unit: "mg/dL", system: "http://unitsofmeasure.org", code: "mg/dL" });
    const cm = rs.filter((r): r is MedicationStatement => r.resourceType === "MedicationStatement" && r.category?.coding?.[0]?.code === "concomitant");
    expect(cm.map((m) => [m.category?.coding?.[0]?.system, m.medicationCodeableConcept?.coding?.[0], m.partOf?.[0]?.reference])).toEqual([
      [MEDICATION_ROLE_SYSTEM, { system: THERAPY_CLASS_SYSTEM, code: "class:corticosteroid" }, "MedicationStatement/C1"],
      [MEDICATION_ROLE_SYSTEM, { system: THERAPY_CLASS_SYSTEM, code: "class:other" }, "MedicationStatement/C1"],
    ]);
    const wbc = rs.find((r): r is Observation => r.resourceType === "Observation" && r.code.coding?.[0]?.code === "6690-2")!;
    expect(wbc.valueQuantity?.code).toBe("10*9/L");
  });

  it("is deterministic, sorts patients by id, and does not modify its input", () => {
    const copy = structuredClone(FULL);
    const a = JSON.stringify(bundleFromCohort(FULL));
    expect(JSON.stringify(bundleFromCohort(FULL))).toBe(a);
    expect(FULL).toEqual(copy);
    const reversed = cohort({ ...FULL, patients: [...FULL.patients].reverse() } as never);
    expect(JSON.stringify(bundleFromCohort(reversed))).toBe(a);
    const ids = (JSON.parse(a) as Bundle).entry!.map((e: BundleEntry) => `${e.resource!.resourceType}/${e.resource!.id ?? e.fullUrl}`);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("bad input: errors name the field; unknown options are errors", () => {
    expect(() => bundleFromCohort(null as never)).toThrow(/^bundleFromCohort: cohort must be an object/);
    expect(() => bundleFromCohort(cohort({ patients: [{ ...P1, sex: "x" }] }))).toThrow(RangeError);
    expect(() => bundleFromCohort(cohort({ patients: [{ ...P1, sex: "x" }] }))).toThrow(/cohort\.patients\[0\]\.sex/);
    expect(() => bundleFromCohort(cohort({ patients: [P1], visits: [{ patientId: "P9", date: "2024-01-01" }] }))).toThrow(/cohort\.visits\[0\]\.patientId/);
    expect(() => bundleFromCohort(cohort({}), { pretty: true } as never)).toThrow(/^bundleFromCohort: options.pretty is not an option/);
    expect(() => bundleFromCohort(cohort({}), { id: 3 } as never)).toThrow(/options.id must be a string/);
    expect(bundleFromCohort(cohort({}), { id: "b1", timestamp: "2026-01-01T00:00:00Z" })).toEqual({ resourceType: "Bundle", type: "collection", entry: [], id: "b1", timestamp: "2026-01-01T00:00:00Z" });
  });

  it("refuses two records that map to one FHIR resource id", () => {
    const c = cohort({
      patients: [{ ...P1, priorTherapies: [{ drug: "infliximab" }] }],
      courses: [{ id: "P1.prior.0", patientId: "P1", drug: "upadacitinib", startDate: "2024-01-01", dosePeriods: [{ doseMg: 45, startDate: "2024-01-01" }] }],
    });
    expect(() => bundleFromCohort(c)).toThrow(/two records map to the FHIR resource MedicationStatement\/P1\.prior\.0/);
  });
});

describe("cohortFromBundle reads what bundleFromCohort writes, and lists what it cannot", () => {
  const base = (): FhirResource[] => resources(bundleFromCohort(cohort({ patients: [P1], courses: [{ id: "C1", patientId: "P1", drug: "upadacitinib", startDate: "2024-01-01", dosePeriods: [{ doseMg: 45, startDate: "2024-01-01" }] }] })));
  const run = (rs: readonly unknown[]) => cohortFromBundle({ resourceType: "Bundle", type: "collection", entry: rs.map((resource) => ({ resource }) as BundleEntry) });

  it("a non-daily dosing (an infusion every 8 weeks) is listed in unmapped with the reason", () => {
    const q8w = {
      resourceType: "MedicationStatement", id: "IFX", status: "active", category: { coding: [{ system: MEDICATION_ROLE_SYSTEM, code: "treatmentCourse" }] },
      medicationCodeableConcept: { text: "infliximab" }, subject: { reference: "Patient/P1" }, effectivePeriod: { start: "2024-01-01" },
      dosage: [{ timing: { repeat: { boundsPeriod: { start: "2024-01-01" }, frequency: 1, period: 8, periodUnit: "wk" } }, doseAndRate: [{ doseQuantity: { value: 400, unit: "mg", system: "http://unitsofmeasure.org", code: "mg" } }] }],
    };
    const r = run([...base().filter((x) => x.resourceType !== "MedicationStatement"), q8w]);
    expect(r.cohort.courses).toEqual([]);
    expect(r.unmapped).toEqual([{ resourceType: "MedicationStatement", id: "IFX", reason: expect.stringMatching(/^dosage\[0\]\.timing\.repeat must give frequency and period in days \(periodUnit "d"\) to make a daily dose; got 1 per 8 wk: the model holds daily doses only/) }]);
    const legacy = { ...q8w, id: "IFX2", category: undefined, effectivePeriod: { start: "2024-01-01" } };
    expect(run([...base().filter((x) => x.resourceType !== "MedicationStatement"), legacy]).unmapped[0]?.reason).toMatch(/got 1 per 8 wk/);
  });

  it("a stopped course without a coded reason keeps no discontinuation and says so", () => {
    const rs = base().map((x) => (x.resourceType === "MedicationStatement" ? { ...x, status: "stopped", statusReason: [{ text: "felt better" }], effectivePeriod: { start: "2024-01-01", end: "2024-05-01" } } : x));
    const r = run(rs);
    expect(r.cohort.courses[0]).not.toHaveProperty("discontinuation");
    expect(r.unmapped).toEqual([{ resourceType: "MedicationStatement", id: "C1", reason: expect.stringMatching(/^statusReason is not mapped: a discontinuation needs status "stopped", one reason/) }]);
  });

  it("references to Encounters, courses and List items that are not in the Bundle are listed", () => {
    const obs = { resourceType: "Observation", id: "O1", status: "final", subject: { reference: "Patient/P1" }, encounter: { reference: "Encounter/nope" }, code: { coding: [{ system: VISIT_ITEM_SYSTEM, code: "onCorticosteroids" }] }, valueBoolean: true };
    const cm = { resourceType: "MedicationStatement", id: "M1", status: "active", category: { coding: [{ system: MEDICATION_ROLE_SYSTEM, code: "concomitant" }] }, partOf: [{ reference: "MedicationStatement/none" }], medicationCodeableConcept: { coding: [{ system: THERAPY_CLASS_SYSTEM, code: "class:5-ASA" }] }, subject: { reference: "Patient/P1" }, effectivePeriod: { start: "2024-01-01" } };
    const list = { resourceType: "List", id: "L1", status: "current", mode: "snapshot", code: { coding: [{ system: "urn:ibd-outcomes:record-list", code: "surgeries" }] }, subject: { reference: "Patient/P1" }, entry: [{ item: { reference: "Procedure/gone" } }] };
    const r = run([...base(), obs, cm, list]);
    const why = new Map(r.unmapped.map((u) => [u.id, u.reason]));
    expect(why.get("O1")).toMatch(/encounter.reference "Encounter\/nope" is not an Encounter/);
    expect(why.get("M1")).toMatch(/partOf "MedicationStatement\/none" is not a treatment course of patient P1/);
    expect(why.get("L1")).toMatch(/entry "Procedure\/gone" is not a mapped surgeries item/);
    expect(r.unmapped).toHaveLength(3);
    expect(r.cohort.patients[0]?.surgeries).toEqual([]);
    expect(r.cohort.courses[0]?.concomitantMedications).toEqual([]);
  });

  it("a visit-item Observation with a foreign component is not used, and says why", () => {
    const obs = { resourceType: "Observation", id: "O2", status: "final", subject: { reference: "Patient/P1" }, effectiveDateTime: "2024-01-01", code: { coding: [{ system: VISIT_ITEM_SYSTEM, code: "mayo" }] }, component: [{ code: { coding: [{ system: VISIT_ITEM_SYSTEM, code: "hbi.wellBeing" }] }, valueInteger: 1 }] };
    const r = run([...base(), obs]);
    expect(r.unmapped).toEqual([{ resourceType: "Observation", id: "O2", reason: expect.stringMatching(/a component is not an item of mayo \(hbi.wellBeing\)/) }]);
    expect(r.cohort.visits).toEqual([]);
  });
});

describe("bundleFromCohort -> cohortFromBundle on generated cohorts (property)", () => {
  /** Drops undefined values (an optional field the generator left out). */
  const clean = (o: Record<string, unknown>): Record<string, unknown> => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
  const day = (n: number) => new Date(Date.UTC(2024, 0, 1) + n * 86400000).toISOString().slice(0, 10);
  const int = (lo: number, hi: number) => fc.integer({ min: lo, max: hi });
  const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
  const segment = fc.record({ ulcerSize: int(0, 3), ulceratedSurface: int(0, 3), affectedSurface: int(0, 3), narrowing: int(0, 2) });
  const visit = fc.record({
    id: opt(fc.constantFrom("a", "b b", "c/ü")),
    offset: int(0, 400),
    mayo: opt(fc.record({ stoolFrequency: opt(int(0, 3)), rectalBleeding: opt(int(0, 3)), endoscopic: opt(int(0, 3)), friability: opt(fc.boolean()), physicianGlobal: opt(int(0, 3)) })),
    hbi: opt(fc.record({ wellBeing: int(0, 4), abdominalPain: int(0, 3), liquidStools: int(0, 30), abdominalMass: int(0, 3), complications: fc.subarray([...HbiComplicationSchema.options]) })),
    sesCd: opt(fc.record({ ileum: opt(fc.option(segment, { nil: null })), rightColon: opt(fc.option(segment, { nil: null })), rectum: opt(segment) })),
    rutgeerts: opt(fc.constantFrom("i0", "i1", "i2a", "i4")),
    onCorticosteroids: opt(fc.boolean()),
    pro2: opt(fc.record({ stoolFrequencyMean: fc.double({ min: 0, max: 100, noNaN: true }), abdominalPainMean: fc.double({ min: 0, max: 3, noNaN: true }) })),
    labs: opt(fc.record({ crp: opt(fc.double({ min: 0, max: 500, noNaN: true })), hemoglobin: opt(int(50, 200)), ldlC: opt(fc.double({ min: 0, max: 20, noNaN: true })) })),
  });
  const arb = fc.record({
    diagnosis: fc.constantFrom("UC", "CD", "IBD-U"),
    doses: fc.array(fc.record({ mg: fc.double({ min: 0.25, max: 1000, noNaN: true }), days: int(1, 200), phase: opt(fc.constantFrom("induction", "maintenance", "reinduction")) }), { minLength: 1, maxLength: 4 }),
    open: fc.boolean(),
    stop: opt(fc.record({ reason: fc.constantFrom("lackOfEfficacy", "adverseEvent", "other"), after: int(0, 300) })),
    visits: fc.array(visit, { maxLength: 5 }),
    surgeries: opt(fc.array(fc.record({ offset: int(-2000, 400), type: fc.constantFrom("ileocolonicResection", "stoma", "other") }), { maxLength: 3 })),
    aes: fc.array(fc.record({ offset: int(0, 400), category: fc.constantFrom("infection", "acneOrSkin"), led: fc.boolean(), resolvedAfter: opt(int(0, 60)), hosp: opt(fc.boolean()) }), { maxLength: 2 }),
  });
  it("reads back the cohort it was given", () => {
    fc.assert(
      fc.property(arb, (g) => {
        let d = 0;
        const dosePeriods = g.doses.map((x, i) => {
          const start = day(d);
          d += x.days;
          return clean({ doseMg: x.mg, startDate: start, endDate: i === g.doses.length - 1 && g.open ? undefined : day(d), phase: x.phase });
        });
        const visitIds = new Set<string>();
        const c = cohort({
          patients: [clean({ ...P1, diagnosis: g.diagnosis, surgeries: g.surgeries?.map((s) => ({ date: day(s.offset), type: s.type })) })],
          courses: [clean({ patientId: "P1", drug: "upadacitinib", startDate: day(0), dosePeriods, discontinuation: g.stop === undefined ? undefined : { date: day(g.stop.after), reason: g.stop.reason } })],
          visits: g.visits.map((v) => {
            const id = v.id !== undefined && !visitIds.has(v.id) ? (visitIds.add(v.id), v.id) : undefined;
            // a lab panel with no analyte (only its date) has no FHIR element: the generator gives each panel a value
            const labs = v.labs === undefined || Object.values(v.labs).every((x) => x === undefined) ? undefined : clean({ date: day(v.offset), crp: v.labs.crp === undefined ? undefined : { value: v.labs.crp, unit: "mg/L" }, hemoglobin: v.labs.hemoglobin === undefined ? undefined : { value: v.labs.hemoglobin, unit: "g/L" }, ldlC: v.labs.ldlC === undefined ? undefined : { value: v.labs.ldlC, unit: "mmol/L" } });
            const sesCd = v.sesCd === undefined ? undefined : Object.fromEntries(Object.entries(v.sesCd).filter(([, x]) => x !== undefined));
            return clean({ id, patientId: "P1", date: day(v.offset), mayo: v.mayo === undefined ? undefined : clean(v.mayo), hbi: v.hbi, sesCd, rutgeerts: v.rutgeerts, onCorticosteroids: v.onCorticosteroids, pro2: v.pro2, labs });
          }),
          adverseEvents: g.aes.map((e, i) => clean({ id: i === 0 ? undefined : `ae${i}`, patientId: "P1", onsetDate: day(e.offset), term: "t", category: e.category, ledToDiscontinuation: e.led, resolvedDate: e.resolvedAfter === undefined ? undefined : day(e.offset + e.resolvedAfter), seriousness: e.hosp === undefined ? undefined : { hospitalization: e.hosp } })),
        });
        const parsed = parseCohort(c);
        expect(parsed.problems).toEqual([]);
        const r = roundTrip(c);
        expect(r.unmapped).toEqual([]);
        expect(r.problems).toEqual([]);
        expect(r.cohort).toEqual(parsed.cohort);
      }),
      { numRuns: 150 },
    );
  });
});
