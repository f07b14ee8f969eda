/**
 * Comparative-effectiveness demo: upadacitinib vs ustekinumab in the SYNTHETIC comparison cohort
 * (examples/data/comparison-cohort.json), with a propensity-score matched and a weighted comparison
 * and covariate balance before and after. Uses only the public API.
 *
 *   npx tsx examples/comparative-effectiveness.ts [--out dir]   (also a section of `npm run demo`)
 */
import { readFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { balanceTable, lovePlotSvg, propensityOverlapSvg, weightedSummaryTable, type DisplayTable } from "ibd-outcomes/cohort";
import { coxRegression, kaplanMeier, logisticRegression, propensityPipeline, weightedRiskComparison, type PropensityPipelineResult } from "ibd-outcomes/stats";
import { COMPARISON_COHORT_FILE, type ComparisonPatient } from "./data/generate-comparison-cohort.js";

/** A plain table for the report (string cells). */
export interface DemoTable {
  readonly caption: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
  readonly notes?: readonly string[];
}

/** What the demo computed: report text, tables, figures, and the raw results. */
export interface ComparativeEffectivenessDemo {
  readonly title: string;
  readonly text: string[];
  readonly tables: DemoTable[];
  /** SVG figures by file name. */
  readonly figures: Record<string, string>;
  readonly matched: PropensityPipelineResult;
  readonly weighted: PropensityPipelineResult;
}

function plain(t: DisplayTable): DemoTable {
  const cell = (c: DisplayTable["columns"][number]): string => (typeof c === "string" ? c : `${c.text}${c.sup !== undefined ? ` ${c.sup}` : ""}`);
  return {
    caption: t.caption ?? "",
    columns: t.columns.map(cell),
    rows: t.rows.map((r) => r.cells.map((c, j) => (j === 0 && (r.indent ?? 0) > 0 ? `  ${cell(c)}` : cell(c)))),
    notes: [...t.footnotes],
  };
}

const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;
const ci = (a: [number, number], f: (x: number) => string): string => `${f(a[0])} to ${f(a[1])}`;

/** Runs the demo on the comparison cohort. */
export function comparativeEffectivenessDemo(file = COMPARISON_COHORT_FILE): ComparativeEffectivenessDemo {
  const cohort = JSON.parse(readFileSync(file, "utf8")) as { patients: ComparisonPatient[] };
  const ps = cohort.patients;
  const treatment = ps.map((p) => (p.drug === "upadacitinib" ? 1 : 0));
  const data = {
    ageYears: ps.map((p) => p.ageYears),
    female: ps.map((p) => p.female),
    ulcerativeColitis: ps.map((p) => (p.diagnosis === "UC" ? 1 : 0)),
    diseaseDurationYears: ps.map((p) => p.diseaseDurationYears),
    priorAdvancedTherapies: ps.map((p) => p.priorAdvancedTherapies),
    logCrp: ps.map((p) => Math.log(p.crpMgPerL)),
    crpMgPerL: ps.map((p) => p.crpMgPerL),
    steroidAtBaseline: ps.map((p) => p.steroidAtBaseline),
    remission: ps.map((p) => p.clinicalRemissionWeek8),
  };
  const covariates = ["ageYears", "female", "ulcerativeColitis", "diseaseDurationYears", "priorAdvancedTherapies", "logCrp", "steroidAtBaseline"];
  const balanceOn = ["ageYears", "female", "ulcerativeColitis", "diseaseDurationYears", "priorAdvancedTherapies", "logCrp", "steroidAtBaseline"];
  const labels = {
    ageYears: "Age, years",
    female: "Female",
    ulcerativeColitis: "Ulcerative colitis",
    diseaseDurationYears: "Disease duration, years",
    priorAdvancedTherapies: "Prior advanced therapies",
    logCrp: "CRP, log mg/L",
    steroidAtBaseline: "Corticosteroid at baseline",
  };
  const matched = propensityPipeline(data, treatment, { covariates, method: "match", matching: { caliper: 0.2 }, balanceOn, outcome: "remission" });
  // ATT weights truncated at their 99th percentile: without truncation four ustekinumab patients who
  // look like upadacitinib patients carry weights up to 45 and balance fails (see `untruncated`).
  const weighted = propensityPipeline(data, treatment, { covariates, method: "weight", weighting: { estimand: "ATT", truncate: { upper: 0.99 } }, balanceOn, outcome: "remission" });
  const untruncated = propensityPipeline(data, treatment, { covariates, method: "weight", weighting: { estimand: "ATT" }, balanceOn });
  const crude = weightedRiskComparison(data.remission, treatment);
  // Odds ratios from logistic regression of the outcome on treatment: weighted with HC0, matched with the pair as cluster.
  const X = treatment.map((t) => [t]);
  const pairOf = new Array<number>(ps.length).fill(-1);
  matched.matching!.pairs.forEach((p, k) => {
    pairOf[p.treated] = k;
    for (const c of p.controls) pairOf[c] = k;
  });
  const mIdx = pairOf.map((k, i) => (k >= 0 ? i : -1)).filter((i) => i >= 0);
  const orMatched = logisticRegression(mIdx.map((i) => X[i]!), mIdx.map((i) => data.remission[i]!), { names: ["upadacitinib"], cluster: mIdx.map((i) => pairOf[i]!) }).coefficients[1]!;
  const orWeighted = logisticRegression(X, data.remission, { names: ["upadacitinib"], weights: weighted.weights, robust: true }).coefficients[1]!;
  const orCrude = logisticRegression(X, data.remission, { names: ["upadacitinib"], confIntMethod: "wald" }).coefficients[1]!;
  const f2 = (x: number): string => x.toFixed(2);
  // Time to loss of response: weighted Kaplan-Meier per group (26-week survival) and Cox models with
  // robust variance (matched: weights 1, cluster = pair; weighted: ATT weights, HC-type sandwich).
  const time = ps.map((p) => p.weeksToLossOfResponse);
  const status = ps.map((p) => p.lossOfResponse);
  const sel = (idx: number[]) => ({ X: idx.map((i) => [treatment[i]!]), time: idx.map((i) => time[i]!), status: idx.map((i) => status[i]!) });
  const all = ps.map((_, i) => i);
  const coxCrude = coxRegression(sel(all).X, time, status, { names: ["upadacitinib"] }).coefficients[0]!;
  const m = sel(mIdx);
  const coxMatched = coxRegression(m.X, m.time, m.status, { names: ["upadacitinib"], cluster: mIdx.map((i) => pairOf[i]!) }).coefficients[0]!;
  const wPos = all.filter((i) => weighted.weights[i]! > 0);
  const ws = sel(wPos);
  const coxWeighted = coxRegression(ws.X, ws.time, ws.status, { names: ["upadacitinib"], weights: wPos.map((i) => weighted.weights[i]!), robust: true }).coefficients[0]!;
  const km26 = (idx: number[], w: number[] | null, g: 0 | 1): string => {
    const ix = idx.filter((i) => treatment[i] === g);
    const k = kaplanMeier(ix.map((i) => time[i]!), ix.map((i) => status[i]!), { times: [26], ...(w !== null ? { weights: ix.map((i) => w[i]!) } : {}) });
    const a = k.atTimes![0]!;
    return `${pct(a.surv)} (${a.lower == null ? "NA" : pct(a.lower)} to ${a.upper == null ? "NA" : pct(a.upper)})`;
  };
  const coxRow = (label: string, idx: number[], w: number[] | null, c: typeof coxCrude, variance: string): string[] => [
    label,
    km26(idx, w, 1),
    km26(idx, w, 0),
    `${f2(c.hazardRatio)} (${ci(c.hazardRatioConfInt, f2)})`,
    c.pValue.toPrecision(2),
    variance,
  ];
  const outcomeRow = (label: string, r: typeof crude, or: typeof orCrude, variance: string): string[] => [
    label,
    `${pct(r.treated.risk)} (${ci(r.treated.confInt, pct)})`,
    `${pct(r.control.risk)} (${ci(r.control.confInt, pct)})`,
    `${(100 * r.riskDifference.estimate).toFixed(1)} (${ci(r.riskDifference.confInt, (x) => (100 * x).toFixed(1))})`,
    `${f2(or.oddsRatio)} (${ci(or.oddsRatioConfInt, f2)})`,
    variance,
  ];
  const tables: DemoTable[] = [
    plain(balanceTable(matched.balance, { caption: "Balance before and after 1:1 matching (caliper 0.2 SD of the logit)", groupLabels: ["Upadacitinib", "Ustekinumab"], labels, afterLabel: "matching" })),
    plain(balanceTable(weighted.balance, { caption: "Balance before and after weighting (ATT weights, stabilised, truncated at the 99th percentile)", groupLabels: ["Upadacitinib", "Ustekinumab"], labels, afterLabel: "weighting" })),
    plain(
      weightedSummaryTable(
        Object.fromEntries(balanceOn.map((k) => [k, data[k as keyof typeof data]])),
        treatment,
        { weights: weighted.weights, labels, groupLabels: ["Upadacitinib", "Ustekinumab"], caption: "Weighted Table 1 (ATT weights, truncated at the 99th percentile)" },
      ),
    ),
    {
      caption: "Clinical remission at week 8: crude, matched and weighted",
      columns: ["Analysis", "Upadacitinib (95% CI)", "Ustekinumab (95% CI)", "Risk difference, points (95% CI)", "Odds ratio (95% CI)", "Variance"],
      rows: [
        outcomeRow(`Crude (${crude.treated.n} vs ${crude.control.n})`, crude, orCrude, "model-based / HC0"),
        outcomeRow(`Matched 1:1 (${matched.matching!.nMatched.treated} pairs)`, matched.outcome!, orMatched, "cluster-robust on the pair"),
        outcomeRow(`Weighted, ATT (ESS ${weighted.weighting!.ess.control.toFixed(0)} controls)`, weighted.outcome!, orWeighted, "robust (HC0)"),
      ],
      notes: [
        "Synthetic data: the true conditional log odds ratio of upadacitinib is 0.5 (odds ratio 1.65); the crude comparison is confounded by indication (upadacitinib patients are more refractory).",
        `Paired analysis of the matched sample: McNemar p = ${matched.pairedOutcome!.test.pValue.toPrecision(3)}, conditional odds ratio ${f2(matched.pairedOutcome!.conditionalOddsRatio.estimate)} (${ci(matched.pairedOutcome!.conditionalOddsRatio.confInt, f2)}).`,
      ],
    },
    {
      caption: "Loss of response: free of loss of response at 26 weeks (Kaplan-Meier) and Cox hazard ratio",
      columns: ["Analysis", "Upadacitinib at 26 weeks (95% CI)", "Ustekinumab at 26 weeks (95% CI)", "Hazard ratio (95% CI)", "p", "Variance"],
      rows: [
        coxRow("Crude", all, null, coxCrude, "model-based"),
        coxRow("Matched 1:1", mIdx, null, coxMatched, "cluster-robust on the pair"),
        coxRow("Weighted, ATT", wPos, weighted.weights, coxWeighted, "robust (sandwich)"),
      ],
      notes: ["Synthetic data: the true hazard ratio of upadacitinib is exp(-0.4) = 0.67. Weighted Kaplan-Meier with the ATT weights (robust standard errors, as survfit with non-integer weights)."],
    },
  ];
  const text = [
    "A second treatment group (ustekinumab, 366 synthetic patients) beside the 122 upadacitinib patients, from examples/data/comparison-cohort.json (synthetic, seeded; see its generator). Propensity score: logistic regression of upadacitinib on age, sex, diagnosis, disease duration, prior advanced therapies, log CRP and baseline steroids.",
    "Matched comparison:",
    ...matched.steps,
    "Weighted comparison (ATT weights, stabilised, truncated at the 99th percentile of the control weights):",
    ...weighted.steps,
    `Without truncation the largest control weight is ${untruncated.weighting!.maxWeight.control.toFixed(1)}, the control effective sample size ${untruncated.weighting!.ess.control.toFixed(1)} of ${untruncated.n.control}, and the largest |SMD| after weighting ${untruncated.balance.maxAbsSmd.after!.toFixed(3)}: extreme weights undo the balance, which is why weights and balance are checked together.`,
  ];
  const figures = {
    "ce-overlap.svg": propensityOverlapSvg(matched.propensity.score, treatment, { title: "Propensity score overlap", groupLabels: ["Upadacitinib", "Ustekinumab"] }),
    "ce-love-matched.svg": lovePlotSvg(matched.balance, { title: "Balance: 1:1 matching", labels, afterLabel: "After matching" }),
    "ce-love-weighted.svg": lovePlotSvg(weighted.balance, { title: "Balance: ATT weighting", labels, afterLabel: "After weighting" }),
  };
  return { title: "Comparative effectiveness (synthetic second group): upadacitinib vs ustekinumab", text, tables, figures, matched, weighted };
}

/** The section as Markdown (text, tables with their notes, figure links). */
export function comparativeEffectivenessMarkdown(demo: ComparativeEffectivenessDemo): string {
  const esc = (x: string): string => x.replace(/\|/g, "\\|");
  const out = [`# ${demo.title}`, "", ...demo.text.map((l) => `${l}  `), ""];
  for (const t of demo.tables) {
    out.push(`## ${t.caption}`, "", `| ${t.columns.map(esc).join(" | ")} |`, `|${t.columns.map(() => "---").join("|")}|`);
    for (const r of t.rows) out.push(`| ${r.map(esc).join(" | ")} |`);
    out.push("", ...(t.notes ?? []).map((n) => `${n}  `), "");
  }
  for (const f of Object.keys(demo.figures)) out.push(`![${f}](${f})`, "");
  return `${out.join("\n")}\n`;
}

/** Writes the figures and `comparative-effectiveness.md` to `outDir` and prints the section. */
export async function printComparativeEffectiveness(outDir: string, demo = comparativeEffectivenessDemo()): Promise<void> {
  await mkdir(outDir, { recursive: true });
  for (const [name, svg] of Object.entries(demo.figures)) await writeFile(join(outDir, name), svg);
  await writeFile(join(outDir, "comparative-effectiveness.md"), comparativeEffectivenessMarkdown(demo));
  console.log(`\n== ${demo.title}`);
  for (const line of demo.text) console.log(line);
  for (const t of demo.tables) {
    console.log(`\n${t.caption}`);
    console.log(t.columns.join(" | "));
    for (const r of t.rows) console.log(r.join(" | "));
    for (const n of t.notes ?? []) console.log(`  ${n}`);
  }
  console.log(`Figures: ${Object.keys(demo.figures).map((f) => join(outDir, f)).join(", ")}; section: ${join(outDir, "comparative-effectiveness.md")}`);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const outIdx = process.argv.indexOf("--out");
  await printComparativeEffectiveness(outIdx > 0 ? process.argv[outIdx + 1]! : "report");
}
