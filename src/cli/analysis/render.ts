/**
 * Renders an {@link Analysis} as Markdown, HTML (with inline SVG figures) and standalone SVG files.
 * Deterministic: the same analysis gives the same bytes.
 */
import { estimandRatesSvg, formatCountPercent, labTrajectorySvg, outcomeRatesSvg, patientFlowSvg, tableToHtml, tableToMarkdown } from "../../cohort/index.js";
import type { DisplayTable } from "../../cohort/index.js";
import type { Analysis, Group, RateTime } from "./analyse.js";

/** Where a reader finds every definition the report applies (the package's documentation). */
export const DEFINITIONS_URL = "https://github.com/ibd-outcomes/ibd-outcomes/blob/main/docs/definitions.md";

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

/** The one p-value style of every table and figure of the report. */
const P_STYLE = "paper" as const;
const cp = (k: number, n: number, digits = 1) => (n === 0 ? "—" : formatCountPercent(k, n, { digits }));
const fmt = (x: number, d: number) => (Math.round(x * 10 ** d) / 10 ** d).toFixed(d);

/** The report's tables, in order. */
export function reportTables(a: Analysis): (SimpleTable | DisplayTable)[] {
  const paper = a.compare === "mao2025";
  const nUc = a.included.UC.length;
  const nCd = a.included.CD.length;
  const n = nUc + nCd;
  const tables: (SimpleTable | DisplayTable)[] = [];

  // flow
  const f = a.flow;
  const rep = f.comparison;
  tables.push({
    caption: paper ? "Figure 4 Patient flow" : "Patient flow",
    columns: ["Step", "Excluded", "Remaining", ...(rep ? ["Paper"] : [])],
    rows: [
      ["Screened", "", String(f.screened), ...(rep ? [String(rep.reportedArithmetic.screened)] : [])],
      ...f.steps.map((s) => {
        const d = rep?.differences.find((x) => x.item === `steps.${s.code}`);
        const reported = rep ? (d ? String(d.reported) : rep.notCompared.includes(`steps.${s.code}`) ? "—" : String(s.excluded)) : undefined;
        return [`− ${s.label}`, String(s.excluded), String(s.remaining), ...(reported === undefined ? [] : [reported])];
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
  tables.push(a.library.table1Display);
  for (const e of a.endpoints) {
    const r = a.library.rates[e.id];
    if (r !== undefined) tables.push({ ...r.table, footnotes: [`Definition (${a.profile.id}): ${e.definition}.`, ...r.table.footnotes] });
  }

  // Table 3: disease classification, extraintestinal manifestations, co-therapy ("—": the row does not apply to the group)
  const t3 = a.table3;
  const groupsShown: Group[] = (["UC", "CD"] as const).filter((g) => a.included[g].length > 0);
  const both = groupsShown.length > 1;
  const size: Record<Group, number> = { UC: nUc, CD: nCd };
  const t3row = (id: string, label: string, applies: readonly Group[]) => {
    const c = t3[id] ?? { UC: 0, CD: 0 };
    const all = applies.length === groupsShown.length ? cp(applies.reduce((s, g) => s + c[g], 0), n) : "—";
    return [label, ...(both ? [all] : []), ...groupsShown.map((g) => (applies.includes(g) ? cp(c[g], size[g]) : "—"))];
  };
  tables.push({
    caption: paper ? "Table 3 Baseline characteristics" : "Disease classification, extraintestinal manifestations and co-therapy",
    columns: ["Variable", ...(both ? [`All (N = ${n})`] : []), ...groupsShown.map((g) => `${g} (N = ${size[g]})`)],
    rows: a.table3Rows.map((r) => t3row(r.id, r.label, r.groups)),
    notes: ["n (%) of the group; — the row does not apply to the group (Montreal classes are disease-specific)."],
  });

  // AE (cohort adverseEventTable) and lab trajectories (cohort labTrajectorySummary)
  tables.push(a.library.ae.table, a.library.aeHierarchy.table, ...Object.values(a.library.labs).map((l) => l.table));

  // means
  const tt = new Map(a.times.map((t) => [t.key as string, t.label]));
  const meanText = (id: string): string | undefined => {
    const [k, t] = id.split(".") as [string, string | undefined];
    const when = t === undefined ? "" : `, ${tt.get(t) ?? t}`;
    const base: Record<string, string> = { ams: "Adapted Mayo score, UC", hbi: "HBI, CD", sescd: "SES-CD, CD", ucAge: "Age, UC (years)" };
    return base[k] === undefined ? undefined : `${base[k]}${when}`;
  };
  const lab: Record<string, string> = { fc: "FC (µg/g)", crp: "CRP (mg/L)", esr: "ESR (mm/h)", alb: "Albumin (g/L)", vitd: "25(OH)D (nmol/L)" };
  const label = (id: string) => {
    const m = meanText(id);
    if (m !== undefined) return m;
    const [k, t] = id.split(".") as [string, RateTime];
    return `${lab[k] ?? k}, all patients, ${tt.get(t) ?? t}`;
  };
  tables.push({
    caption: "Means (± SD)",
    columns: ["Measure", "Mean ± SD", "n"],
    rows: Object.entries(a.means).map(([id, m]) => [label(id), `${fmt(m.mean, 2)} ± ${fmt(m.sd, 2)}`, String(m.n)]),
  });

  // sensitivity analyses (cohort estimandRates): the primary analysis (non-responder imputation) beside the others
  for (const e of a.endpoints) {
    const r = a.library.sensitivity[e.id];
    if (r !== undefined) tables.push({ ...r.table, caption: `Sensitivity analysis: ${r.table.caption ?? e.caption}` });
  }
  return tables;
}

/** The report's figures (cohort module SVGs): patient flow, outcome rates per endpoint, lab trajectories. */
export function reportFigures(a: Analysis): { name: string; title: string; svg: string }[] {
  const paper = a.compare === "mao2025";
  const out: { name: string; title: string; svg: string }[] = [];
  const f = a.flow;
  const flowTitle = paper ? "Figure 4 Patient flow" : "Patient flow";
  out.push({
    name: paper ? "figure4-flow" : "flow",
    title: flowTitle,
    svg: patientFlowSvg(
      { screened: f.screened, steps: f.steps.map((s) => ({ label: s.label, excluded: s.excluded, remaining: s.remaining })), included: f.included, includedByDiagnosis: { CD: f.includedByDiagnosis.CD, UC: f.includedByDiagnosis.UC } },
      { title: flowTitle, splitLabels: { CD: "Crohn's disease", UC: "Ulcerative colitis" } },
    ),
  });
  const tl = Object.fromEntries(a.times.map((t) => [t.key, t.label]));
  a.endpoints.forEach((e, i) => {
    const r = a.library.rates[e.id];
    if (r === undefined) return;
    const title = paper ? `Figure 5${"ABCDEF"[i]} ${e.name}` : e.caption;
    out.push({ name: paper ? `figure5${"abcdef"[i]}-${e.id}` : `rates-${e.id}`, title, svg: outcomeRatesSvg(r, { title, timepointLabels: tl, pValueStyle: P_STYLE }) });
  });
  const names: Record<string, [string, string]> = { fc: ["6A", "FC"], crp: ["6B", "CRP"], esr: ["6C", "ESR"], vitd: ["6D", "25(OH)D"], alb: ["6E", "Albumin"] };
  const units: Record<string, string> = { fc: "FC (µg/g)", crp: "CRP (mg/L)", esr: "ESR (mm/h)", vitd: "25(OH)D (nmol/L)", alb: "Albumin (g/L)" };
  for (const [k, res] of Object.entries(a.library.labs)) {
    const [num, name] = names[k] ?? ["", k];
    const split = res.groups.length > 1 ? " by diagnosis" : "";
    const title = paper ? `Figure ${num} ${name}` : `${name}${split}`;
    out.push({ name: paper ? `figure6-${k}` : `lab-${k}`, title, svg: labTrajectorySvg(res, { title, yLabel: units[k] ?? k, timepointLabels: tl, pValueStyle: P_STYLE }) });
  }
  // Sensitivity: the first endpoint with a sensitivity analysis, rate per estimand over time, per group.
  const first = a.endpoints.find((e) => a.library.sensitivity[e.id] !== undefined);
  if (first !== undefined) {
    const r = a.library.sensitivity[first.id]!;
    for (const g of r.groups) {
      const title = `${first.name}, ${g.group}: rate under each estimand`;
      out.push({ name: `sensitivity-${first.id}-${g.group}`, title, svg: estimandRatesSvg(r, { group: g.group, title, timepointLabels: tl }) });
    }
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
    `Profile: ${a.profile.id} ${a.profile.version} (${a.profile.title}). Treatment followed: ${a.drug}. Included: ${a.included.UC.length + a.included.CD.length} patients (UC ${a.included.UC.length}, CD ${a.included.CD.length}).`,
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
  const defs: ReportSection = {
    title: "Definitions",
    text: [
      `Time points: ${a.times.map((t) => t.label).join(", ")}. Every rate uses all included patients of the group as its denominator (not evaluable counts as not met).`,
      ...a.endpoints.map((e) => `${e.name}: ${e.definition}.`),
      ...a.notes,
      `Every score, threshold and reading is explained in ${DEFINITIONS_URL}.`,
    ],
  };
  for (const s of [defs]) {
    md.push(`## ${s.title}`, "", ...(s.text ?? []).flatMap((t) => [t, ""]));
    html.push(`<h2>${esc(s.title)}</h2>`, ...(s.text ?? []).map((t) => `<p>${esc(t)}</p>`));
  }
  md.push("## Tables", "");
  html.push("<h2>Tables</h2>");
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
