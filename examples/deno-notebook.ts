// @ts-nocheck -- a Deno script over the built package (./dist, which does not exist before `npm run build`),
// so the repository's tsc skips it; Deno runs it (and `deno check` can type-check it after a build).
// A notebook in plain TypeScript for Deno: run the cells top to bottom, each shows a table.
//   npm run build && npx deno run --allow-read examples/deno-notebook.ts
// "ibd-outcomes" resolves to this repository's ./dist through package.json (in your own project:
// import from "npm:ibd-outcomes" instead).
import { parseCohort } from "ibd-outcomes/models";
import { harveyBradshawIndex, mayoAdapted, sesCd } from "ibd-outcomes/scores";
import { assessStudyEligibility, patientFlow, MAO2025_REPORTED_FLOW } from "ibd-outcomes/eligibility";
import { mao2025, patientTimeline, timelineRows } from "ibd-outcomes/endpoints";
import { adverseEventTable, outcomeRates, outcomeRowsFromTimeline, summaryTable } from "ibd-outcomes/cohort";

// Deno's global, typed here so the repository's tsc (Node types) checks this file too.
const { Deno } = globalThis as unknown as { Deno: { readTextFile(path: URL): Promise<string> } };

// %% Cell 1: load and validate the example cohort
const raw = JSON.parse(await Deno.readTextFile(new URL("./data/cohort.json", import.meta.url)));
const { cohort, counts, problems } = parseCohort(raw);
console.table(counts);
console.log(`${problems.length} problems`);

// %% Cell 2: scores of the first visits
console.table(
  cohort.visits.slice(0, 8).map((v) => ({
    visit: v.id,
    aMS: v.mayo ? mayoAdapted(v.mayo, { endoscopicScoring: "standard" }).total : "",
    HBI: v.hbi ? harveyBradshawIndex(v.hbi).total : "",
    "SES-CD": v.sesCd ? sesCd(v.sesCd).total : "",
    "CRP mg/L": v.labs?.crp?.value ?? "",
  })),
);

// %% Cell 3: eligibility and the patient flow (Figure 4)
const byPatient = <T extends { patientId: string }>(xs: readonly T[]) => {
  const m = new Map<string, T[]>();
  for (const x of xs) m.set(x.patientId, [...(m.get(x.patientId) ?? []), x]);
  return m;
};
const visits = byPatient(cohort.visits);
const courses = byPatient(cohort.courses);
const eligibility = cohort.patients.map((p) => assessStudyEligibility(p, courses.get(p.id)![0]!, visits.get(p.id) ?? []));
// The paper keeps its 2 biologic co-therapy patients (Table 3); without that, 122 - 44 = 78.
const entries = eligibility.map((e) =>
  e.failedCodes.length === 1 && e.failedCodes[0] === "EXCL_CONCOMITANT_BIOLOGIC" ? { ...e, status: "eligible" as const, failedCodes: [] } : e,
);
const flow = patientFlow(entries, { reported: MAO2025_REPORTED_FLOW });
console.table(flow.steps.map((s) => ({ step: s.label, excluded: s.excluded, remaining: s.remaining })));
console.table(flow.includedByDiagnosis);

// %% Cell 4: timelines under mao2025 and the rates of Figure 5
const included = cohort.patients.filter((p) => flow.patients.find((x) => x.patientId === p.id)?.countedUnder === null);
const rows = included.flatMap((p) => timelineRows(patientTimeline(p, courses.get(p.id)![0]!, visits.get(p.id) ?? [], mao2025)));
for (const endpoint of ["steroidFreeClinicalRemission", "clinicalResponse", "endoscopicRemission", "endoscopicResponse"] as const) {
  const r = outcomeRates(outcomeRowsFromTimeline(rows, { endpoint, timepoints: { w8: "induction", w12: "induction" } }), {
    timepoints: ["induction", "w26", "w52"],
    groups: ["UC", "CD"],
  });
  console.log(endpoint);
  console.table(r.rates.map((x) => ({ group: x.group, timepoint: x.timepoint, n: x.events, N: x.denominator, "%": x.percentText })));
}

// %% Cell 5: Table 1 (a few rows) and Table 4
const t1 = summaryTable(
  included.map((p) => ({ dx: p.diagnosis, male: p.sex === "male", surgery: (p.surgeries ?? []).length > 0 })),
  { by: "dx", groups: ["UC", "CD"], variables: [{ key: "male", type: "dichotomous" }, { key: "surgery", type: "dichotomous" }] },
);
console.table(t1.rows.map((r) => ({ variable: r.label, UC: r.cells[0], CD: r.cells[1], p: r.pText })));
const ae = adverseEventTable(
  included.map((p) => ({ patientId: p.id, group: p.diagnosis })),
  cohort.adverseEvents.filter((e) => included.some((p) => p.id === e.patientId)),
  {
    groups: ["CD", "UC"],
    overallLabel: "All",
    overallPercentDigits: 2,
    categories: [
      { category: "acneOrSkin", label: "Skin (acne)" },
      { category: "infection", label: "Infection" },
      { category: "neutropenia", label: "Neutropenia" },
      { category: "anemia", label: "Anaemia" },
      { category: "ckElevation", label: "Creatine kinase abnormalities" },
      { category: "dyslipidemia", label: "Dyslipidaemia" },
    ],
  },
);
console.table(ae.lines.map((l) => ({ event: l.label, all: l.overall, CD: l.counts[0], UC: l.counts[1] })));
