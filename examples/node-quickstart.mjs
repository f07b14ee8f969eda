// Node quickstart: score visits, classify them under the paper's definitions, follow one patient through
// the time points, and tabulate outcome rates for a cohort. Uses the built package (npm run build):
//   node examples/node-quickstart.mjs
import { readFileSync } from "node:fs";
import { harveyBradshawIndex, mayoAdapted, sesCd } from "ibd-outcomes/scores";
import { parseCohort } from "ibd-outcomes/models";
import { assessStudyEligibility } from "ibd-outcomes/eligibility";
import { classifyAssessment, patientTimeline, timelineRows, mao2025 } from "ibd-outcomes/endpoints";
import { outcomeRates, outcomeRowsFromTimeline, tableToMarkdown } from "ibd-outcomes/cohort";

// 1. Scores: plain functions, plain results ({ total, components, band }).
console.log("aMS", mayoAdapted({ stoolFrequency: 2, rectalBleeding: 1, endoscopic: 3 }, { endoscopicScoring: "standard" }));
console.log("HBI", harveyBradshawIndex({ wellBeing: 1, abdominalPain: 1, liquidStools: 3, abdominalMass: 0, complications: ["arthralgia"] }).total);
console.log("SES-CD", sesCd({ ileum: { ulcerSize: 2, ulceratedSurface: 2, affectedSurface: 2, narrowing: 1 }, rectum: null }).total);

// 2. One assessment under profile mao2025 (the paper's definitions, ambiguities at their defaults).
const a = classifyAssessment({ disease: "CD", timepoint: "w12", baseline: { hbi: 7, sesCd: 12 }, followUp: { hbi: 3, sesCd: 5, crpMgPerL: 4.2 }, steroids: { status: "never", daysOff: null, usedAtBaseline: false } });
console.log("CD week 12:", Object.fromEntries(Object.entries(a).map(([k, r]) => [k, r.status])));
console.log("why:", a.clinicalResponse.reason);

// 3. A cohort: validate, check eligibility, follow every included patient, tabulate a rate.
const { cohort, problems } = parseCohort(JSON.parse(readFileSync(new URL("./data/cohort.json", import.meta.url), "utf8")));
console.log(`cohort: ${cohort.patients.length} patients, ${cohort.visits.length} visits, ${problems.length} problems`);
const rows = [];
for (const p of cohort.patients) {
  const course = cohort.courses.find((c) => c.patientId === p.id);
  const visits = cohort.visits.filter((v) => v.patientId === p.id);
  const e = assessStudyEligibility(p, course, visits);
  // The two co-therapy patients the paper keeps (Table 3) fail only EXCL_CONCOMITANT_BIOLOGIC.
  const kept = e.failedCodes.length === 1 && e.failedCodes[0] === "EXCL_CONCOMITANT_BIOLOGIC";
  if (e.status !== "eligible" && !kept) continue;
  rows.push(...timelineRows(patientTimeline(p, course, visits, mao2025)));
}
const rem = outcomeRates(outcomeRowsFromTimeline(rows, { endpoint: "steroidFreeClinicalRemission", timepoints: { w8: "induction", w12: "induction" } }), {
  timepoints: ["induction", "w26", "w52"],
  groups: ["UC", "CD"],
  overall: "All",
  caption: "Steroid-free clinical remission",
});
console.log(tableToMarkdown(rem.table));
