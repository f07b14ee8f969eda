/**
 * Validation throughput of the models: one visit per task iteration, and a 10,000-patient cohort
 * (10,000 patients, 10,000 courses, 60,000 visits) through parseCohort per iteration.
 */
import type { Bench } from "tinybench";
import { parseCohort, parseVisit } from "../src/models/index.js";

function visitFor(patientId: string, i: number) {
  return {
    patientId,
    date: `2024-${String((i % 12) + 1).padStart(2, "0")}-15`,
    mayo: { stoolFrequency: i % 4, rectalBleeding: (i + 1) % 4, endoscopic: (i + 2) % 4, physicianGlobal: i % 3 },
    hbi: { wellBeing: i % 5, abdominalPain: i % 4, liquidStools: i % 7, abdominalMass: 0, complications: i % 3 === 0 ? ["arthralgia"] : [] },
    labs: { crp: { value: (i % 50) / 3, unit: "mg/L" }, fecalCalprotectin: { value: 40 + (i % 900), unit: "ug/g" } },
  };
}

export default function (bench: Bench): void {
  const one = visitFor("P1", 7);
  bench.add("parseVisit (1 visit with Mayo, HBI, labs)", () => {
    parseVisit(one);
  });

  const patients = Array.from({ length: 10_000 }, (_, i) => ({
    id: `P${i}`,
    sex: i % 2 === 0 ? "male" : "female",
    birthDate: "1980-05-01",
    diagnosis: i % 3 === 0 ? "UC" : "CD",
    diagnosisDate: "2015-03-10",
    priorTherapies: [{ drug: "infliximab", reasonStopped: "secondaryLossOfResponse" }, { drug: "vedolizumab", reasonStopped: "primaryNonResponse" }],
  }));
  const courses = patients.map((p) => ({ patientId: p.id, startDate: "2024-01-01", dosePeriods: [{ doseMg: 45, startDate: "2024-01-01", endDate: "2024-03-01" }, { doseMg: 15, startDate: "2024-03-01" }] }));
  const visits = patients.flatMap((p, i) => Array.from({ length: 6 }, (_, k) => visitFor(p.id, i + k)));
  const cohort = { patients, courses, visits, adverseEvents: [] };
  bench.add("parseCohort (10,000 patients, 60,000 visits)", () => {
    parseCohort(cohort);
  });
}
