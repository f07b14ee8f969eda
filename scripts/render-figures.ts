/**
 * Renders every cohort figure from the paper's numbers to SVG, then to PNG with headless Chromium, so a
 * reviewer can look at them.
 *
 *   npx tsx scripts/render-figures.ts [outDir]      (default: $TMPDIR/ibd-outcomes-figures)
 *
 * Needs `chromium` on PATH for the PNGs (Debian: apt-get install -y chromium); without it only SVGs are
 * written. Nothing here runs in tests or ships in the package.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import * as cohort from "../src/cohort/index.js";
import { persistenceSection } from "../src/cli/analysis/persistence.js";
import { analysePaperCohort } from "../examples/reproduce-paper.js";
import { PAPER_TABLE1_BINARY } from "../src/cohort/summaryTableFromCounts/paperTable1.js";
import { logisticRegression, rocCurve } from "../src/stats/index.js";
import { patientFlow, type EligibilityReasonCode, type FlowEntry } from "../src/eligibility/index.js";

const outDir = resolve(process.argv[2] ?? join(tmpdir(), "ibd-outcomes-figures"));
mkdirSync(outDir, { recursive: true });

type Status = cohort.OutcomeStatusRow["status"];

/** Patients whose statuses give exact counts per time point (met patients stay met). */
function rows(group: string, n: number, met: Record<string, number>, prefix: string): cohort.OutcomeStatusRow[] {
  return Object.entries(met).flatMap(([t, k]) =>
    Array.from({ length: n }, (_, i) => ({ patientId: `${prefix}${i}`, group, timepoint: t, status: (i < k ? "met" : "not-met") as Status })),
  );
}

/** A deterministic pseudo-random stream (no Math.random in the library; fine to keep it explicit here too). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const figures: Record<string, { svg: string; width: number; height: number }> = {};

// Figure 5A: steroid-free clinical remission, paper counts
{
  const r = cohort.outcomeRates(
    [...rows("UC", 28, { induction: 19, w26: 22, w52: 24 }, "u"), ...rows("CD", 52, { induction: 31, w26: 38, w52: 41 }, "c")],
    { overall: "All" },
  );
  figures["fig5a-outcome-rates"] = {
    svg: cohort.outcomeRatesSvg(r, { title: "Steroid-free clinical remission", timepointLabels: { induction: "Week 8 (UC) / 12 (CD)", w26: "Week 26", w52: "Week 52" } }),
    width: 760,
    height: 460,
  };
  // Figure 5E-like: CRP normalisation, 5 time points, 2 groups
  const r2 = cohort.outcomeRates(
    [...rows("UC", 28, { w0: 8, induction: 13, w26: 17, w52: 19, w78: 22 }, "u"), ...rows("CD", 52, { w0: 21, induction: 30, w26: 31, w52: 36, w78: 41 }, "c")],
  );
  figures["fig5e-crp-normal"] = { svg: cohort.outcomeRatesSvg(r2, { title: "CRP normalisation (CRP < 8 mg/L)" }), width: 760, height: 460 };
}

// Figure 6A-like: faecal calprotectin, one group, mean ± SD, Wilcoxon signed-rank vs baseline
{
  const rnd = lcg(7);
  const means: Record<string, number> = { w0: 834.6, induction: 233.9, w26: 210, w52: 195, w78: 187.1 };
  const labRows: cohort.LabValueRow[] = [];
  for (let i = 0; i < 80; i++) {
    const frailty = 0.5 + rnd();
    for (const [t, m] of Object.entries(means)) {
      const missing = t !== "w0" && rnd() < 0.08;
      labRows.push({ patientId: `p${i}`, timepoint: t, value: missing ? null : Math.round(m * frailty * (0.6 + 0.8 * rnd())), group: i < 28 ? "UC" : "CD" });
    }
  }
  const labels = { w0: "Baseline", induction: "Induction", w26: "Week 26", w52: "Week 52", w78: "Week 78" };
  const s = cohort.labTrajectorySummary(labRows);
  figures["fig6a-fc-trajectory"] = { svg: cohort.labTrajectorySvg(s, { title: "Faecal calprotectin", yLabel: "FC (µg/g)", timepointLabels: labels }), width: 640, height: 420 };
  const crpRows: cohort.LabValueRow[] = [];
  for (let i = 0; i < 80; i++) {
    for (const [t, m] of Object.entries({ w0: 5.3, induction: 1.1, w78: 3.0 })) crpRows.push({ patientId: `p${i}`, timepoint: t, value: Number((m * Math.exp(1.4 * (rnd() - 0.5) * 2)).toFixed(1)) });
  }
  figures["fig6b-crp-skewed"] = { svg: cohort.labTrajectorySvg(cohort.labTrajectorySummary(crpRows), { title: "C-reactive protein", yLabel: "CRP (mg/L)", timepointLabels: labels }), width: 640, height: 420 };
  const s2 = cohort.labTrajectorySummary(labRows, { byGroup: true, summary: "median" });
  figures["fig6a-fc-by-group"] = { svg: cohort.labTrajectorySvg(s2, { title: "Faecal calprotectin by diagnosis", yLabel: "FC (µg/g), median (Q1-Q3)", timepointLabels: labels }), width: 640, height: 420 };
}

// Figure 3: ROC of a logistic model on a synthetic training cohort of 56 (37 events)
{
  const rnd = lcg(11);
  const X: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < 56; i++) {
    const age = 20 + Math.round(45 * rnd());
    const integrin = rnd() < 0.39 ? 1 : 0;
    const il23 = rnd() < 0.62 ? 1 : 0;
    const surgery = rnd() < 0.46 ? 1 : 0;
    const eta = 6 - 0.13 * age - 2.5 * integrin + 1.8 * il23 + 1.2 * surgery;
    X.push([age, integrin, il23, surgery]);
    y.push(rnd() < 1 / (1 + Math.exp(-eta)) ? 1 : 0);
  }
  const names = ["age", "antiIntegrin", "il23", "surgery"];
  const fit = logisticRegression(X, y, { names });
  const eta = X.map((row) => fit.coefficients[0]!.estimate + row.reduce((a, v, j) => a + v * fit.coefficients[j + 1]!.estimate, 0));
  figures["fig3-roc"] = { svg: cohort.rocCurveSvg(rocCurve(eta, y), { title: "ROC curve of the multivariable model" }), width: 562, height: 596 };
  const t = cohort.regressionTable(fit, {
    data: { X, y, names },
    terms: [{ name: "age", label: "Confirmed age" }, { name: "antiIntegrin", label: "Anti-integrin" }, { name: "il23", label: "IL-12/23 and IL-23 inhibitors" }, { name: "surgery", label: "History of surgery" }],
  });
  figures["forest-synthetic-fit"] = { svg: cohort.forestPlotSvg(t, { title: "Synthetic training cohort: odds ratios" }), width: 820, height: 0 };
}

// Table 2 as printed: forest plot of the paper's odds ratios (0.00 lower bound printed as 0.00)
figures["fig-forest-table2"] = {
  svg: cohort.forestPlotSvg(
    [
      { label: "Confirmed age", oddsRatio: 0.87, confInt: [0.79, 0.95], pValue: 0.004 },
      { label: "Anti-integrin (1 vs 0)", oddsRatio: 0.04, confInt: [0.003, 0.49], pValue: 0.011 },
      { label: "IL-12/23 and IL-23 inhibitors (1 vs 0)", oddsRatio: 8.77, confInt: [1.12, 68.96], pValue: 0.039 },
      { label: "History of surgery (1 vs 0)", oddsRatio: 5.0, confInt: [0.61, 41.35], pValue: 0.135 },
    ],
    { title: "Multivariable logistic regression (paper, Table 2)" },
  ),
  width: 820,
  height: 0,
};

// Figure 4: the flow from eligibility results that add up (122 screened, 80 included)
{
  const entries: FlowEntry[] = [];
  const add = (n: number, code: EligibilityReasonCode | null, dx: (i: number) => "UC" | "CD") => {
    for (let i = 0; i < n; i++) {
      entries.push({ patientId: `s${entries.length}`, diagnosis: dx(i), status: code === null ? "eligible" : "ineligible", failedCodes: code === null ? [] : [code], unknownCodes: [] });
    }
  };
  add(8, "INCL_DTT", (i) => (i % 2 ? "UC" : "CD"));
  add(1, "INCL_AGE", () => "CD");
  add(23, "EXCL_INSUFFICIENT_DATA", (i) => (i % 3 ? "CD" : "UC"));
  add(2, "EXCL_CONCOMITANT_BIOLOGIC", () => "CD");
  add(8, "EXCL_SERIOUS_INFECTION", (i) => (i % 2 ? "UC" : "CD"));
  add(52, null, () => "CD");
  add(28, null, () => "UC");
  const flow = patientFlow(entries);
  figures["fig4-patient-flow"] = {
    svg: cohort.patientFlowSvg(flow, {
      title: "Patient selection",
      screenedLabel: "Patients with UC or CD treated with upadacitinib at 3 centres, Jan 2023 – Mar 2025",
      includedLabel: "Eligible patients",
      splitLabels: { CD: "Crohn's disease", UC: "Ulcerative colitis" },
    }),
    width: 760,
    height: 0,
  };
}

// Table 1 from the paper's counts, as HTML (rendered to PNG below like the figures)
{
  const t = cohort.summaryTableFromCounts(
    {
      groups: [{ label: "UC", n: 28 }, { label: "CD", n: 52 }],
      rows: [
        { kind: "meanSd", label: "First upa time", summaries: [{ mean: 14.9, sd: 5.6, n: 28 }, { mean: 12.9, sd: 4.3, n: 52 }], publishedP: "0.108" },
        ...PAPER_TABLE1_BINARY.map(([label, uc, cd, p]) => ({ label, events: [uc, cd], publishedP: p })),
      ],
    },
    { caption: "Table 1 (recomputed from the paper's counts)" },
  );
  const html = `<!doctype html><meta charset="utf-8"><style>body{font:13px Helvetica,Arial,sans-serif;margin:16px}table{border-collapse:collapse}td,th{padding:2px 10px;border-bottom:1px solid #ddd}caption{font-weight:bold;text-align:left;padding-bottom:6px}</style>${cohort.tableToHtml(t.table)}`;
  figures["table1-from-counts"] = { svg: html, width: 760, height: 1200 };
}

// time to event: R's lung data by sex (from the logRankTest fixtures) and the example cohort's persistence
{
  const lung = (JSON.parse(readFileSync(new URL("../src/stats/logRankTest/fixtures.json", import.meta.url), "utf8")) as { label: string; time: number[]; status: number[]; group: number[] }[]).find((f) => f.label === "lung by sex")!;
  const data = { time: lung.time, status: lung.status, group: lung.group };
  figures["km-lung-by-sex"] = { svg: cohort.kaplanMeierSvg(data, { title: "Survival by sex (R lung data)", xLabel: "Days", breaks: [0, 200, 400, 600, 800, 1000], medianLines: true, groupLabels: { "1": "Male", "2": "Female" } }), width: 0, height: 0 };
  const input = JSON.parse(readFileSync(new URL("../examples/data/cohort.json", import.meta.url), "utf8")) as unknown;
  const { analysis } = analysePaperCohort();
  for (const f of persistenceSection(input, analysis).section.figures ?? []) figures[f.name] = { svg: f.svg, width: 0, height: 0 };
}

for (const [name, f] of Object.entries(figures)) {
  const svgPath = join(outDir, f.svg.startsWith("<!doctype html>") ? `${name}.html` : `${name}.svg`);
  const size = f.svg.startsWith("<svg") ? /width="(\d+)" height="(\d+)"/.exec(f.svg) : null;
  const width = Number(size?.[1] ?? f.width);
  const height = Number(size?.[2] ?? f.height);
  writeFileSync(svgPath, f.svg);
  try {
    const profile = mkdtempSync(join(tmpdir(), "chromium-profile-"));
    execFileSync(
      "chromium",
      ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", `--user-data-dir=${profile}`, "--hide-scrollbars", `--screenshot=${join(outDir, `${name}.png`)}`, `--window-size=${width},${height}`, svgPath],
      { stdio: "ignore", timeout: 60_000 },
    );
    console.log(`${name}: ${svgPath} + .png`);
  } catch {
    console.log(`${name}: ${svgPath} (no PNG: chromium not available)`);
  }
}
