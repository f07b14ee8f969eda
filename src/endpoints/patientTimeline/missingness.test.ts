/**
 * Property: missing means missing. Removing any optional input from a generated patient, course or visit
 * can turn a definite result (met / not-met) into not-evaluable, never into the other definite result;
 * and every not-evaluable result names what is missing.
 */
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDaysIso } from "../../_lib/dates.js";
import type { Patient } from "../../models/patient.js";
import type { TreatmentCourseInput } from "../../models/treatmentCourse.js";
import type { Visit } from "../../models/visit.js";
import { listMao2025Variants, PROFILES } from "../profiles/index.js";
import type { DefinitionProfile } from "../profiles/schema.js";
import { patientTimeline } from "./index.js";

const START = "2024-01-01";
const day = (n: number) => addDaysIso(START, n);
const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined, freq: 3 });
const i03 = fc.integer({ min: 0, max: 3 });

/** Drops undefined keys (exactOptionalPropertyTypes: absent, not undefined). */
function clean<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

const mayo = fc
  .record({ stoolFrequency: opt(i03), rectalBleeding: opt(i03), endoscopic: opt(i03), friability: opt(fc.boolean()), physicianGlobal: opt(i03) })
  .map(clean);
const hbi = fc.record({
  wellBeing: fc.integer({ min: 0, max: 4 }),
  abdominalPain: i03,
  liquidStools: fc.integer({ min: 0, max: 12 }),
  abdominalMass: i03,
  complications: fc.constant([] as never[]),
});
const segment = fc.record({ ulcerSize: i03, ulceratedSurface: i03, affectedSurface: i03, narrowing: fc.integer({ min: 0, max: 2 }) });
const sesCd = fc.record({ ileum: segment, rightColon: segment, transverseColon: segment });
const labs = fc
  .record({
    crp: opt(fc.record({ value: fc.double({ min: 0, max: 60, noNaN: true }), unit: fc.constant("mg/L" as const) })),
    fecalCalprotectin: opt(fc.record({ value: fc.double({ min: 0, max: 1200, noNaN: true }), unit: fc.constant("ug/g" as const) })),
  })
  .map(clean);

const visitAt = (d: number) =>
  fc
    .record({
      jitter: fc.integer({ min: -6, max: 0 }),
      mayo: opt(mayo),
      uceis: opt(fc.record({ vascularPattern: fc.integer({ min: 0, max: 2 }), bleeding: i03, erosionsUlcers: i03 })),
      hbi: opt(hbi),
      sesCd: opt(sesCd),
      rutgeerts: opt(fc.constantFrom("i0", "i1", "i2", "i3", "i4") as fc.Arbitrary<"i0" | "i1" | "i2" | "i3" | "i4">),
      pro2: opt(fc.record({ stoolFrequencyMean: fc.double({ min: 0, max: 8, noNaN: true }), abdominalPainMean: fc.double({ min: 0, max: 3, noNaN: true }) })),
      labs: opt(labs),
      onCorticosteroids: opt(fc.boolean()),
    })
    .map(({ jitter, ...v }): Visit => clean({ patientId: "P1", date: day(d + jitter), ...v }));

// One visit per time-point window (w0, induction, w26, w52), so removing a field never brings another visit in.
const scenario = fc.record({
  diagnosis: fc.constantFrom("UC" as const, "CD" as const, "IBD-U" as const),
  // Event days lie between windows, so a shifted assessment date inside a window never crosses them.
  surgeries: opt(fc.array(fc.record({ day: fc.constantFrom(-300, -100, 120, 270), type: fc.constantFrom("ileocolonicResection" as const, "stricturoplasty" as const, "perianalSurgery" as const) }), { maxLength: 2 })),
  steroidPeriods: fc.array(fc.record({ from: fc.integer({ min: -60, max: 300 }), len: opt(fc.integer({ min: 1, max: 200 })) }), { maxLength: 2 }),
  corticosteroidsRecorded: opt(fc.boolean()),
  discontinuation: opt(fc.record({ day: fc.constantFrom(130, 280), reason: fc.constantFrom("lackOfEfficacy" as const, "adverseEvent" as const, "other" as const) })),
  v0: visitAt(0),
  v1: visitAt(70),
  v2: visitAt(182),
  v3: visitAt(364),
});
type Scenario = typeof scenario extends fc.Arbitrary<infer S> ? S : never;

interface Inputs {
  patient: Patient;
  course: TreatmentCourseInput;
  visits: Visit[];
}

function build(s: Scenario): Inputs {
  const patient: Patient = clean({
    id: "P1",
    sex: "female" as const,
    birthDate: "1980-01-01",
    diagnosis: s.diagnosis,
    diagnosisDate: "2010-01-01",
    surgeries: s.surgeries?.map((x) => ({ date: day(x.day), type: x.type })),
  });
  const course: TreatmentCourseInput = clean({
    patientId: "P1",
    drug: "upadacitinib",
    startDate: START,
    dosePeriods: [{ doseMg: 45, startDate: START }],
    concomitantMedications: s.steroidPeriods.map((p) => clean({ agentClass: "corticosteroid" as const, startDate: day(p.from), endDate: p.len === undefined ? undefined : day(p.from + p.len) })),
    corticosteroidsRecorded: s.corticosteroidsRecorded,
    discontinuation: s.discontinuation === undefined ? undefined : { date: day(s.discontinuation.day), reason: s.discontinuation.reason },
  });
  return { patient, course, visits: [s.v0, s.v1, s.v2, s.v3] };
}

/** Every optional input present, as a path, with a function removing it (on a deep copy). */
function removals(x: Inputs): { path: string; remove: (y: Inputs) => void }[] {
  const out: { path: string; remove: (y: Inputs) => void }[] = [];
  if (x.patient.surgeries !== undefined) out.push({ path: "patient.surgeries", remove: (y) => delete (y.patient as { surgeries?: unknown }).surgeries });
  if (x.course.corticosteroidsRecorded !== undefined) out.push({ path: "course.corticosteroidsRecorded", remove: (y) => delete (y.course as { corticosteroidsRecorded?: unknown }).corticosteroidsRecorded });
  x.visits.forEach((v, i) => {
    for (const k of ["mayo", "uceis", "hbi", "sesCd", "rutgeerts", "pro2", "labs", "onCorticosteroids"] as const) {
      if (v[k] !== undefined) out.push({ path: `visits[${i}].${k}`, remove: (y) => delete (y.visits[i] as Record<string, unknown>)[k] });
    }
    for (const k of ["stoolFrequency", "rectalBleeding", "endoscopic", "friability", "physicianGlobal"] as const) {
      if (v.mayo?.[k] !== undefined) out.push({ path: `visits[${i}].mayo.${k}`, remove: (y) => delete (y.visits[i]!.mayo as Record<string, unknown>)[k] });
    }
    for (const k of ["crp", "fecalCalprotectin"] as const) {
      if (v.labs?.[k] !== undefined) out.push({ path: `visits[${i}].labs.${k}`, remove: (y) => delete (y.visits[i]!.labs as Record<string, unknown>)[k] });
    }
  });
  return out;
}

const PROFILE_LIST: readonly DefinitionProfile[] = [...Object.values(PROFILES), ...listMao2025Variants()];

function statuses(x: Inputs, p: DefinitionProfile): Map<string, { status: string; code: string; missing: string | null }> {
  // Inputs are built valid (checked by the sanity test below), so schema validation is skipped for speed.
  const tl = patientTimeline(x.patient, x.course, x.visits, p, { missingData: "notEvaluable", validated: true });
  const out = new Map<string, { status: string; code: string; missing: string | null }>();
  for (const t of tl.timepoints) for (const [e, r] of Object.entries(t.outcomes)) out.set(`${t.timepoint}.${e}`, { status: r.status, code: r.code, missing: r.missing });
  return out;
}

const NEEDS_MISSING = new Set(["noFollowUp", "noBaseline", "noSteroidData", "noSurgeryData"]);

describe("missing means missing (property, 10,000 generated patients)", () => {
  it("removing any optional input never turns met into not-met or not-met into met", () => {
    fc.assert(
      fc.property(scenario, fc.nat(), fc.nat(), (s, pickProfile, pickRemoval) => {
        const x = build(s);
        const list = removals(x);
        if (list.length === 0) return true;
        const p = PROFILE_LIST[pickProfile % PROFILE_LIST.length]!;
        const r = list[pickRemoval % list.length]!;
        const y = structuredClone(x);
        r.remove(y);
        const before = statuses(x, p);
        const after = statuses(y, p);
        for (const [k, b] of before) {
          const a = after.get(k)!;
          if (b.status !== "not-evaluable" && a.status !== "not-evaluable" && a.status !== b.status) {
            throw new Error(`${p.id}: removing ${r.path} flipped ${k} from ${b.status} (${b.code}) to ${a.status} (${a.code})`);
          }
        }
        return true;
      }),
      { numRuns: 10_000 },
    );
  }, 120_000);

  it("every not-evaluable result for missing data names the missing input", () => {
    fc.assert(
      fc.property(scenario, fc.nat(), (s, pickProfile) => {
        const p = PROFILE_LIST[pickProfile % PROFILE_LIST.length]!;
        for (const [k, r] of statuses(build(s), p)) {
          if (r.status === "not-evaluable" && NEEDS_MISSING.has(r.code) && (r.missing === null || r.missing.length === 0)) {
            throw new Error(`${p.id} ${k}: ${r.code} without a missing path`);
          }
          if (r.status !== "not-evaluable" && r.missing !== null) throw new Error(`${p.id} ${k}: ${r.status} with missing ${r.missing}`);
        }
        return true;
      }),
      { numRuns: 2_000 },
    );
  }, 60_000);

  it("an unrecorded corticosteroid exposure is never steroid-free, induction included", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const x = build({ ...s, steroidPeriods: [], corticosteroidsRecorded: undefined, v0: { ...s.v0 }, v1: { ...s.v1 } });
        x.visits.forEach((v) => delete (v as { onCorticosteroids?: boolean }).onCorticosteroids);
        const tl = patientTimeline(x.patient, x.course, x.visits, PROFILES.mao2025, { missingData: "notEvaluable" });
        for (const t of tl.timepoints) {
          const r = t.outcomes.steroidFreeClinicalRemission;
          if (r !== undefined && r.status === "met") throw new Error(`${t.timepoint}: steroid-free met without any corticosteroid record`);
        }
        return true;
      }),
      { numRuns: 1_000 },
    );
  }, 60_000);
});

it("a generated scenario is valid input (generator sanity)", () => {
  const [s] = fc.sample(scenario, { numRuns: 1, seed: 1 });
  const x = build(s!);
  expect(() => patientTimeline(x.patient, x.course, x.visits)).not.toThrow();
  // every generated scenario passes the schemas (the property runs skip validation)
  fc.assert(
    fc.property(scenario, (sc) => {
      const y = build(sc);
      patientTimeline(y.patient, y.course, y.visits, PROFILES.mao2025);
      return true;
    }),
    { numRuns: 300 },
  );
});
