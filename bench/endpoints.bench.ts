/**
 * Endpoint classification throughput (registries classify large volumes): 100,000 CD and UC
 * assessments per iteration through `classifyEndpoint` under mao2025, all eight endpoints for one
 * assessment (`classifyAssessment`), and whole-patient timelines on the embedded example cohort.
 */
import { readFileSync } from "node:fs";
import type { Bench } from "tinybench";
import { classifyAssessment, classifyEndpoint, mao2025, patientTimeline, type ClassifierInput, type SteroidExposure } from "../src/endpoints/index.js";
import { parseCohort } from "../src/models/index.js";

export default function (bench: Bench): void {
  const n = 100_000;
  // off corticosteroids for 120 days in two of three assessments, on them in the third
  const steroids = (i: number): SteroidExposure =>
    i % 3 !== 0 ? { status: "off", daysOff: 120, usedAtBaseline: true } : { status: "on", daysOff: 0, usedAtBaseline: true };
  const inputs: ClassifierInput[] = Array.from({ length: n }, (_, i): ClassifierInput =>
    i % 2 === 0
      ? { disease: "CD", timepoint: "w26", baseline: { hbi: 5 + (i % 6) }, followUp: { hbi: i % 9, sesCd: i % 12 }, steroids: steroids(i) }
      : {
          disease: "UC",
          timepoint: "w8",
          baseline: { mayoAdapted: 6 + (i % 4), mayoRectalBleeding: 2, mayoEndoscopic: 2 },
          followUp: { mayoAdapted: i % 7, mayoStoolFrequency: i % 3, mayoRectalBleeding: i % 2, mayoEndoscopic: i % 3 },
          steroids: steroids(i),
        },
  );
  bench.add(`classifyEndpoint clinicalResponse x ${n.toLocaleString("en-US")} (report x${n} per op)`, () => {
    for (let i = 0; i < n; i++) classifyEndpoint("clinicalResponse", inputs[i]!, mao2025);
  });
  bench.add("classifyAssessment (all 8 endpoints, 1 assessment)", () => {
    classifyAssessment(inputs[1]!, mao2025);
  });

  const raw = JSON.parse(readFileSync(new URL("../examples/data/cohort.json", import.meta.url), "utf8")) as unknown;
  const { cohort } = parseCohort(raw);
  const visitsBy = new Map<string, typeof cohort.visits[number][]>();
  for (const v of cohort.visits) visitsBy.set(v.patientId, [...(visitsBy.get(v.patientId) ?? []), v]);
  const courseBy = new Map(cohort.courses.map((c) => [c.patientId, c]));
  const pairs = cohort.patients.flatMap((p) => {
    const c = courseBy.get(p.id);
    return c === undefined ? [] : [{ p, c, v: visitsBy.get(p.id) ?? [] }];
  });
  bench.add(`patientTimeline, whole example cohort (${pairs.length} patients)`, () => {
    for (const { p, c, v } of pairs) patientTimeline(p, c, v, mao2025, { validated: true });
  });
}
