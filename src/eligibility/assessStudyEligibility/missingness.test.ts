/**
 * Property: an eligibility verdict can become unknown when an optional input is removed, never flip
 * (pass <-> fail, eligible <-> ineligible, DTT met <-> not-met).
 */
import * as fc from "fast-check";
import { describe, it } from "vitest";
import { addDaysIso } from "../../_lib/dates.js";
import type { Patient } from "../../models/patient.js";
import type { TreatmentCourseInput } from "../../models/treatmentCourse.js";
import type { Visit } from "../../models/visit.js";
import { drugKindOf } from "../../models/therapies.js";
import { assessStudyEligibility } from "./index.js";

const START = "2024-01-01";
const day = (n: number) => addDaysIso(START, n);
const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined, freq: 3 });
function clean<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

const therapy = fc
  .record({
    drug: fc.constantFrom("infliximab", "adalimumab", "vedolizumab", "ustekinumab", "risankizumab", "tofacitinib", "ozanimod", "secukinumab"),
    startDay: opt(fc.integer({ min: -3000, max: 100 })),
    stopDay: opt(fc.integer({ min: -2000, max: 200 })),
    reasonStopped: opt(fc.constantFrom("primaryNonResponse" as const, "secondaryLossOfResponse" as const, "intolerance" as const, "other" as const)),
  })
  .map((t) => {
    const stop = t.stopDay !== undefined && t.startDay !== undefined && t.stopDay < t.startDay ? t.startDay : t.stopDay;
    return clean({ drug: t.drug, startDate: t.startDay === undefined ? undefined : day(t.startDay), stopDate: stop === undefined ? undefined : day(stop), reasonStopped: t.reasonStopped });
  });

const lab = (lo: number, hi: number) => fc.double({ min: lo, max: hi, noNaN: true });
const scenario = fc.record({
  diagnosis: fc.constantFrom("UC" as const, "CD" as const, "IBD-U" as const),
  sex: fc.constantFrom("male" as const, "female" as const),
  birthYear: fc.integer({ min: 1940, max: 2010 }),
  priorTherapies: opt(fc.array(therapy, { maxLength: 4 })),
  surgeries: opt(fc.array(fc.record({ day: fc.integer({ min: -3000, max: 300 }), type: fc.constantFrom("ileocolonicResection" as const, "totalColectomy" as const, "smallBowelResection" as const, "stricturoplasty" as const) }), { maxLength: 3 })),
  dttConditions: opt(fc.record({ chronicAntibioticRefractoryPouchitis: opt(fc.boolean()), complexPerianalDisease: opt(fc.boolean()), psychosocialComorbidity: opt(fc.boolean()) }).map(clean)),
  pregnantOrBreastfeeding: opt(fc.boolean()),
  malignancyHistory: opt(fc.boolean()),
  seriousInfectionHistory: opt(fc.boolean()),
  meds: opt(fc.array(fc.record({ agentClass: fc.constantFrom("biologic" as const, "other" as const, "5-ASA" as const), drug: opt(fc.constantFrom("infliximab", "vedolizumab", "tofacitinib", "mesalazine")), from: fc.integer({ min: -100, max: 200 }) }), { maxLength: 2 })),
  labs: opt(fc.record({ alt: opt(lab(5, 200)), ast: opt(lab(5, 200)), egfr: opt(lab(10, 120)) }).map(clean)),
  followUpDay: fc.integer({ min: 50, max: 95 }),
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
    sex: s.sex,
    birthDate: `${s.birthYear}-06-15`,
    diagnosis: s.diagnosis,
    diagnosisDate: `${Math.min(s.birthYear + 5, 2015)}-06-15`,
    priorTherapies: s.priorTherapies,
    surgeries: s.surgeries?.map((x) => ({ date: day(x.day), type: x.type })).filter((x) => x.date >= `${s.birthYear}-06-15`),
    dttConditions: s.dttConditions,
    pregnantOrBreastfeeding: s.pregnantOrBreastfeeding,
    malignancyHistory: s.malignancyHistory,
    seriousInfectionHistory: s.seriousInfectionHistory,
  });
  const course: TreatmentCourseInput = clean({
    patientId: "P1",
    drug: "upadacitinib",
    startDate: START,
    dosePeriods: [{ doseMg: 45, startDate: START }],
    concomitantMedications: s.meds?.map((m) => clean({ agentClass: m.agentClass, drug: m.drug, startDate: day(m.from) })),
  });
  const primary = (good: boolean) => (s.diagnosis === "CD" ? { hbi: { wellBeing: good ? 0 : 2, abdominalPain: 1, liquidStools: good ? 1 : 6, abdominalMass: 0, complications: [] } } : { mayo: { stoolFrequency: good ? 0 : 2, rectalBleeding: good ? 0 : 2, endoscopic: good ? 0 : 2 } });
  const labs =
    s.labs === undefined
      ? undefined
      : clean({
          alt: s.labs.alt === undefined ? undefined : { value: s.labs.alt, unit: "U/L" as const },
          ast: s.labs.ast === undefined ? undefined : { value: s.labs.ast, unit: "U/L" as const },
          egfr: s.labs.egfr === undefined ? undefined : { value: s.labs.egfr, unit: "mL/min/1.73m2" as const },
        });
  const visits: Visit[] = [clean({ patientId: "P1", date: day(-3), ...primary(false), labs }), { patientId: "P1", date: day(s.followUpDay), ...primary(true) }];
  return { patient, course, visits };
}

function removals(x: Inputs): { path: string; remove: (y: Inputs) => void }[] {
  const out: { path: string; remove: (y: Inputs) => void }[] = [];
  const p = x.patient as Record<string, unknown>;
  for (const k of ["priorTherapies", "surgeries", "dttConditions", "pregnantOrBreastfeeding", "malignancyHistory", "seriousInfectionHistory"]) {
    if (p[k] !== undefined) out.push({ path: `patient.${k}`, remove: (y) => delete (y.patient as Record<string, unknown>)[k] });
  }
  for (const k of ["chronicAntibioticRefractoryPouchitis", "complexPerianalDisease", "psychosocialComorbidity"] as const) {
    if (x.patient.dttConditions?.[k] !== undefined) out.push({ path: `patient.dttConditions.${k}`, remove: (y) => delete (y.patient.dttConditions as Record<string, unknown>)[k] });
  }
  x.patient.priorTherapies?.forEach((t, i) => {
    for (const k of ["startDate", "stopDate", "reasonStopped"] as const) {
      if (t[k] !== undefined) out.push({ path: `patient.priorTherapies[${i}].${k}`, remove: (y) => delete (y.patient.priorTherapies![i] as Record<string, unknown>)[k] });
    }
  });
  if (x.course.concomitantMedications !== undefined) out.push({ path: "course.concomitantMedications", remove: (y) => delete (y.course as Record<string, unknown>).concomitantMedications });
  x.course.concomitantMedications?.forEach((m, i) => {
    // The drug overrides a contradicting class label (infliximab labelled "other" is a biologic): removing
    // the drug then lets the label decide. That is the documented precedence, not a missing value, so only
    // drugs that agree with their label are removed here.
    const agrees = m.drug !== undefined && (drugKindOf(m.drug) === "biologic") === (m.agentClass === "biologic");
    if (m.drug !== undefined && agrees) out.push({ path: `course.concomitantMedications[${i}].drug`, remove: (y) => delete (y.course.concomitantMedications![i] as Record<string, unknown>).drug });
  });
  const labs = x.visits[0]!.labs;
  if (labs !== undefined) {
    out.push({ path: "visits[0].labs", remove: (y) => delete (y.visits[0] as Record<string, unknown>).labs });
    for (const k of ["alt", "ast", "egfr"] as const) if (labs[k] !== undefined) out.push({ path: `visits[0].labs.${k}`, remove: (y) => delete (y.visits[0]!.labs as Record<string, unknown>)[k] });
  }
  return out;
}

describe("eligibility: missing means unknown (property, 10,000 generated patients)", () => {
  it("removing any optional input can make a rule unknown, never flip pass and fail", () => {
    fc.assert(
      fc.property(scenario, fc.nat(), (s, pick) => {
        const x = build(s);
        const list = removals(x);
        if (list.length === 0) return true;
        const r = list[pick % list.length]!;
        const y = structuredClone(x);
        r.remove(y);
        const before = assessStudyEligibility(x.patient, x.course, x.visits);
        const after = assessStudyEligibility(y.patient, y.course, y.visits);
        const flip = (a: string, b: string, definite: readonly string[]) => definite.includes(a) && definite.includes(b) && a !== b;
        if (flip(before.status, after.status, ["eligible", "ineligible"])) throw new Error(`removing ${r.path} flipped ${before.status} to ${after.status}`);
        if (flip(before.dtt.status, after.dtt.status, ["met", "not-met"])) throw new Error(`removing ${r.path} flipped DTT ${before.dtt.status} to ${after.dtt.status}`);
        before.rules.forEach((b, i) => {
          const a = after.rules[i]!;
          if (flip(b.status, a.status, ["pass", "fail"])) throw new Error(`removing ${r.path} flipped ${b.code} ${b.status} to ${a.status}`);
        });
        for (const [id, c] of Object.entries(before.dtt.criteria)) {
          const a = (after.dtt.criteria as Record<string, { status: string }>)[id]!;
          if (flip(c.status, a.status, ["met", "not-met"])) throw new Error(`removing ${r.path} flipped DTT ${id} ${c.status} to ${a.status}`);
        }
        return true;
      }),
      { numRuns: 10_000 },
    );
  }, 120_000);
});
