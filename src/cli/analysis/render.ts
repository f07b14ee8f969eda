/**
 * Renders an {@link Analysis} as Markdown, HTML (with inline SVG figures) and standalone SVG files.
 * Deterministic: the same analysis gives the same bytes.
 */
import { formatCountPercent, labTrajectorySvg, outcomeRatesSvg, patientFlowSvg, tableToHtml, tableToMarkdown } from "../../cohort/index.js";
import type { DisplayTable } from "../../cohort/index.js";
import type { Analysis, RateTime, ReportEndpoint } from "./analyse.js";
import { REPORT_ENDPOINTS, TIME_TEXT } from "./analyse.js";

/** A simple table. */
export interface SimpleTable {
  readonly caption: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
  readonly notes?: readonly string[];
}

/** An extra section (e.g. the demo's comparison with the paper). */
export interface ReportSection {
  readonly title: string;
  readonly text?: readonly string[];
  readonly tables?: readonly (SimpleTable | DisplayTable)[];
  /** Figures shown in the section (also written to figures/). */
  readonly figures?: readonly { name: string; title: string; svg: string }[];
}

/** The rendered report. */
export interface RenderedReport {
  readonly markdown: string;
  readonly html: string;
  readonly figures: readonly { readonly name: string; readonly title: string; readonly svg: string }[];
}

export const ENDPOINT_TEXT: Record<ReportEndpoint, string> = {
  steroidFreeClinicalRemission: "Steroid-free clinical remission",
  clinicalResponse: "Clinical response",
  endoscopicRemission: "Endoscopic remission",
  endoscopicResponse: "Endoscopic response",
  crpNormalisation: "Normal CRP",
  fcNormalisation: "Normal FC",
};

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** A simple table as the cohort module's DisplayTable. */
export function toDisplayTable(t: SimpleTable): DisplayTable {
  return { caption: t.caption, columns: t.columns, rows: t.rows.map((cells) => ({ cells })), footnotes: t.notes ?? [] };
}
/** A table as GitHub Markdown (cohort `tableToMarkdown`). */
export function tableMarkdown(t: SimpleTable | DisplayTable): string {
  return tableToMarkdown("footnotes" in t ? t : toDisplayTable(t));
}
/** A table as HTML (cohort `tableToHtml`). */
export function tableHtml(t: SimpleTable | DisplayTable): string {
  return tableToHtml("footnotes" in t ? t : toDisplayTable(t));
}

const cp = (k: number, n: number, digits = 1) => (n === 0 ? "—" : formatCountPercent(k, n, { digits }));
const fmt = (x: number, d: number) => (Math.round(x * 10 ** d) / 10 ** d).toFixed(d);

/** The report's tables, in order. */
export function reportTables(a: Analysis): (SimpleTable | DisplayTable)[] {
  const nUc = a.included.UC.length;
  const nCd = a.included.CD.length;
  const n = nUc + nCd;
  const tables: (SimpleTable | DisplayTable)[] = [];

  // flow
  const f = a.flow;
  const rep = f.comparison;
  tables.push({
    caption: "Figure 4 Patient flow",
    columns: ["Step", "Excluded", "Remaining", ...(rep ? ["Paper"] : [])],
    rows: [
      ["Screened", "", String(f.screened), ...(rep ? [String(rep.reportedArithmetic.screened)] : [])],
      ...f.steps.map((s) => {
        const d = rep?.differences.find((x) => x.item === `steps.${s.code}`);
        const paper = rep ? (d ? String(d.reported) : rep.notCompared.includes(`steps.${s.code}`) ? "—" : String(s.excluded)) : undefined;
        return [`− ${s.label}`, String(s.excluded), String(s.remaining), ...(paper === undefined ? [] : [paper])];
      }),
      ["Included", "", `${f.included} (CD ${f.includedByDiagnosis.CD}, UC ${f.includedByDiagnosis.UC})`, ...(rep ? [String(rep.reportedArithmetic.statedIncluded)] : [])],
    ],
    notes: [
      ...(rep && !rep.reportedArithmetic.consistent
        ? [`The paper's counts do not add up: ${rep.reportedArithmetic.screened} − ${rep.reportedArithmetic.excluded} = ${rep.reportedArithmetic.impliedIncluded}, stated ${rep.reportedArithmetic.statedIncluded}.`]
        : []),
      ...a.kept.map((k) => `Kept by request although flagged (${k.overridden.join(", ")}): ${k.patientId}.`),
    ],
  });

  // Table 1 and the outcome rates: the cohort module's tables
  tables.push(a.library.table1.table, ...REPORT_ENDPOINTS.map((e) => a.library.rates[e].table));

  // Table 3
  const t3 = a.table3;
  const t3row = (id: string, label: string) => [label, cp((t3[id]?.UC ?? 0) + (t3[id]?.CD ?? 0), n), cp(t3[id]?.CD ?? 0, nCd), cp(t3[id]?.UC ?? 0, nUc)];
  tables.push({
    caption: "Table 3 Baseline characteristics",
    columns: ["Variable", `All (N = ${n})`, `CD (N = ${nCd})`, `UC (N = ${nUc})`],
    rows: [
      ...["A1", "A2", "A3", "L1", "L2", "L3", "L4", "B1", "B2", "B3", "p", "E1", "E2", "E3"].map((k) => t3row(`montreal.${k}`, `Montreal ${k}`)),
      t3row("eim", "EIM"),
      t3row("eim.eye", "EIM: eye"),
      t3row("eim.skin", "EIM: skin"),
      t3row("eim.joint", "EIM: arthritis"),
      t3row("eim.other", "EIM: other organs"),
      t3row("een", "Prior exclusive enteral nutrition"),
      t3row("co.thalidomide", "With upadacitinib: thalidomide"),
      t3row("co.mesalazine", "With upadacitinib: mesalazine"),
      t3row("co.infliximab", "With upadacitinib: infliximab"),
      t3row("co.vedolizumab", "With upadacitinib: vedolizumab"),
    ],
  });

  // AE (cohort adverseEventTable) and lab trajectories (cohort labTrajectorySummary)
  tables.push(a.library.ae.table, ...Object.values(a.library.labs).map((l) => l.table));

  // means
  const meanText: Record<string, string> = {
    "ams.w0": "Adapted Mayo, UC, week 0",
    "ams.w52": "Adapted Mayo, UC, week 52",
    "hbi.w0": "HBI, CD, week 0",
    "hbi.w52": "HBI, CD, week 52",
    "sescd.w0": "SES-CD, CD, week 0",
    ucAge: "Age, UC (years)",
  };
  const lab: Record<string, string> = { fc: "FC (µg/g)", crp: "CRP (mg/L)", esr: "ESR (mm/h)", alb: "Albumin (g/L)", vitd: "25(OH)D (nmol/L)" };
  const label = (id: string) => {
    if (meanText[id] !== undefined) return meanText[id]!;
    const [k, t] = id.split(".") as [string, RateTime];
    return `${lab[k] ?? k}, all, ${TIME_TEXT[t] ?? t}`;
  };
  tables.push({
    caption: "Means (± SD)",
    columns: ["Measure", "Mean ± SD", "n"],
    rows: Object.entries(a.means).map(([id, m]) => [label(id), `${fmt(m.mean, 2)} ± ${fmt(m.sd, 2)}`, String(m.n)]),
  });
  return tables;
}

/** The report's figures (cohort module SVGs): Figure 4 (flow), Figure 5 A-F (rates), Figure 6 (labs). */
export function reportFigures(a: Analysis): { name: string; title: string; svg: string }[] {
  const out: { name: string; title: string; svg: string }[] = [];
  const f = a.flow;
  out.push({
    name: "figure4-flow",
    title: "Figure 4 Patient flow",
    svg: patientFlowSvg(
      { screened: f.screened, steps: f.steps.map((s) => ({ label: s.label, excluded: s.excluded, remaining: s.remaining })), included: f.included, includedByDiagnosis: { CD: f.includedByDiagnosis.CD, UC: f.includedByDiagnosis.UC } },
      { title: "Figure 4 Patient flow", splitLabels: { CD: "Crohn's disease", UC: "Ulcerative colitis" } },
    ),
  });
  const tl = { w0: "Week 0", ind: "Week 8/12", w26: "Week 26", w52: "Week 52", w78: "Week 78" };
  REPORT_ENDPOINTS.forEach((e, i) => {
    const title = `Figure 5${"ABCDEF"[i]} ${ENDPOINT_TEXT[e]}`;
    out.push({ name: `figure5${"abcdef"[i]}-${e}`, title, svg: outcomeRatesSvg(a.library.rates[e], { title, timepointLabels: tl }) });
  });
  const labTitles: Record<string, string> = { fc: "Figure 6A FC", crp: "Figure 6B CRP", esr: "Figure 6C ESR", vitd: "Figure 6D 25(OH)D", alb: "Figure 6E Albumin" };
  const units: Record<string, string> = { fc: "FC (µg/g)", crp: "CRP (mg/L)", esr: "ESR (mm/h)", vitd: "25(OH)D (nmol/L)", alb: "Albumin (g/L)" };
  for (const [k, res] of Object.entries(a.library.labs)) {
    out.push({ name: `figure6-${k}`, title: labTitles[k] ?? k, svg: labTrajectorySvg(res, { title: labTitles[k] ?? k, yLabel: units[k] ?? k, timepointLabels: tl }) });
  }
  return out;
}

/** Renders the whole report. */
export function renderReport(a: Analysis, options: { title?: string; sections?: readonly ReportSection[] } = {}): RenderedReport {
  const title = options.title ?? "IBD outcomes report";
  const tables = reportTables(a);
  const figures = reportFigures(a);
  const counts = a.validation.counts;
  const intro = [
    `Profile: ${a.profile.id} ${a.profile.version}.`,
    `Records: ${counts.patients.valid}/${counts.patients.total} patients, ${counts.courses.valid}/${counts.courses.total} courses, ${counts.visits.valid}/${counts.visits.total} visits, ${counts.adverseEvents.valid}/${counts.adverseEvents.total} adverse events valid (${a.validation.problems.length} problems).`,
  ];
  const md: string[] = [`# ${title}`, "", ...intro, ""];
  const html: string[] = [
    "<!doctype html>",
    '<html lang="en"><head><meta charset="utf-8">',
    `<title>${esc(title)}</title>`,
    "<style>body{font-family:Helvetica,Arial,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}table{border-collapse:collapse;margin:1rem 0}caption{font-weight:bold;text-align:left;padding:.3rem 0}td,th{border-bottom:1px solid #ddd;padding:.2rem .6rem;text-align:center}td.l{text-align:left}.note{font-size:.85rem;color:#555}figure{display:inline-block;margin:.5rem}</style>",
    "</head><body>",
    `<h1>${esc(title)}</h1>`,
    ...intro.map((t) => `<p>${esc(t)}</p>`),
  ];
  for (const t of tables) {
    md.push(tableMarkdown(t), "");
    html.push(tableHtml(t));
  }
  md.push("## Figures", "");
  html.push("<h2>Figures</h2>");
  for (const f of figures) {
    md.push(`![${f.title}](figures/${f.name}.svg)`, "");
    html.push(`<figure>${f.svg}</figure>`);
  }
  for (const s of options.sections ?? []) {
    md.push(`## ${s.title}`, "", ...(s.text ?? []).flatMap((t) => [t, ""]));
    html.push(`<h2>${esc(s.title)}</h2>`, ...(s.text ?? []).map((t) => `<p>${esc(t)}</p>`));
    for (const t of s.tables ?? []) {
      md.push(tableMarkdown(t), "");
      html.push(tableHtml(t));
    }
    for (const f of s.figures ?? []) {
      md.push(`![${f.title}](figures/${f.name}.svg)`, "");
      html.push(`<figure>${f.svg}</figure>`);
      figures.push(f);
    }
  }
  html.push("</body></html>");
  return { markdown: `${md.join("\n")}\n`, html: `${html.join("\n")}\n`, figures };
}
