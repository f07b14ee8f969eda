/**
 * `npm run demo`: reproduces Mao et al., Drug Des Devel Ther 2025, from the synthetic patient-level
 * cohort in examples/data/cohort.json with the library's own validation, eligibility and flow, scores,
 * mao2025 timelines, tables and figures. Writes ./report (Markdown, HTML with SVG figures, analysis.json,
 * comparison.json) and prints every reproduced figure next to the paper's.
 *
 *   npm run demo            # or: npx tsx examples/reproduce-paper.ts [--out dir]
 */
import { readFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { formatPValue, tableToMarkdown } from "../src/cohort/index.js";
import { analyseCohort, type Analysis, type RateTime, type ReportEndpoint } from "../src/cli/analysis/analyse.js";
import { persistenceSection } from "../src/cli/analysis/persistence.js";
import { renderReport, type SimpleTable } from "../src/cli/analysis/render.js";
import { writeReport } from "../src/cli/report.js";
import { parseJsonSafe } from "../src/cli/safeJson.js";
import {
  PAPER_AE,
  PAPER_CONTRADICTIONS,
  PAPER_FLOW,
  PAPER_MEANS,
  PAPER_RATES,
  PAPER_TABLE1_BINARY,
  PAPER_TABLE1_CONTINUOUS,
  PAPER_TABLE3,
  type RateEndpoint,
} from "./paper-figures.js";

const here = dirname(fileURLToPath(import.meta.url));
export const COHORT_FILE = join(here, "data", "cohort.json");

/** One reproduced figure next to the paper's. */
export interface Comparison {
  readonly section: string;
  readonly id: string;
  readonly label: string;
  readonly reproduced: string;
  readonly paper: string;
  /** `true` = equal; `false` = differs; `null` = not asserted (approximate or a paper contradiction, see note). */
  readonly match: boolean | null;
  readonly note?: string;
}

const ENDPOINT_MAP: Record<RateEndpoint, ReportEndpoint> = {
  steroidFreeClinicalRemission: "steroidFreeClinicalRemission",
  clinicalResponse: "clinicalResponse",
  endoscopicRemission: "endoscopicRemission",
  endoscopicResponse: "endoscopicResponse",
  crpNormal: "crpNormalisation",
  fcNormal: "fcNormalisation",
};

/** Loads and analyses the example cohort; the 2 biologic co-therapy patients of Table 3 are kept (§2.4). */
export function analysePaperCohort(file = COHORT_FILE): { analysis: Analysis; keep: string[] } {
  const parsed = parseJsonSafe(readFileSync(file, "utf8"));
  if (!parsed.ok) throw new Error(`${file}: ${parsed.field} ${parsed.reason}`);
  const first = analyseCohort(parsed.value, { profile: "mao2025" });
  // Resolution of the paper's flow arithmetic (122 − 44 = 78 vs 80): the patients whose only failed rule
  // is the concomitant biologic are the infliximab/vedolizumab co-therapy patients Table 3 lists among the 80.
  const keep = first.eligibility.filter((e) => e.failedCodes.length === 1 && e.failedCodes[0] === "EXCL_CONCOMITANT_BIOLOGIC" && e.unknownCodes.length === 0).map((e) => e.patientId);
  return { analysis: analyseCohort(parsed.value, { profile: "mao2025", keep }), keep };
}

const pct = (k: number, n: number) => `${k}/${n}`;

/** Every reproduced figure compared with the paper's. */
export function comparePaper(a: Analysis): Comparison[] {
  const out: Comparison[] = [];
  const eq = (section: string, id: string, label: string, got: number, want: number, note?: string) =>
    out.push({ section, id, label, reproduced: String(got), paper: String(want), match: got === want, ...(note === undefined ? {} : { note }) });

  // Flow
  const f = a.flow;
  const step = (code: string) => f.steps.find((s) => s.code === code)?.excluded ?? 0;
  eq("Flow", "flow.screened", "Screened", f.screened, PAPER_FLOW.screened);
  eq("Flow", "flow.notRefractory", "Excluded: not refractory", step("INCL_DTT"), PAPER_FLOW.notRefractory);
  eq("Flow", "flow.under18", "Excluded: age < 18", step("INCL_AGE"), PAPER_FLOW.under18);
  eq("Flow", "flow.incomplete", "Excluded: incomplete data", step("EXCL_INSUFFICIENT_DATA"), PAPER_FLOW.incompleteData);
  out.push({
    section: "Flow",
    id: "flow.concomitantBiologics",
    label: "Excluded: concomitant biologics",
    reproduced: `${step("EXCL_CONCOMITANT_BIOLOGIC")} (${a.kept.length} flagged, kept)`,
    paper: String(PAPER_FLOW.concomitantBiologics),
    match: null,
    note: "paper contradiction: 122 − 44 = 78, not 80; the 2 co-therapy patients of Table 3 are kept (see Contradictions)",
  });
  eq("Flow", "flow.other", "Excluded: other reasons", step("OTHER"), PAPER_FLOW.other);
  eq("Flow", "flow.included", "Included", f.included, PAPER_FLOW.included);
  eq("Flow", "flow.cd", "Included CD", f.includedByDiagnosis.CD, PAPER_FLOW.cd);
  eq("Flow", "flow.uc", "Included UC", f.includedByDiagnosis.UC, PAPER_FLOW.uc);

  // Rates §5.1
  for (const r of PAPER_RATES) {
    const got = a.rates.find((x) => x.endpoint === ENDPOINT_MAP[r.endpoint] && x.time === (r.time as RateTime) && x.group === r.group);
    out.push({
      section: "Outcome rates (§5.1)",
      id: `rate.${r.id}`,
      label: `${r.label} (${r.group})`,
      reproduced: got === undefined ? "—" : pct(got.met, got.of),
      paper: pct(r.n, r.of),
      match: got !== undefined && got.met === r.n && got.of === r.of,
    });
  }

  // Table 1 binary: counts and p
  for (const row of PAPER_TABLE1_BINARY) {
    const got = a.table1.binary.find((b) => b.id === row.id);
    if (got === undefined) {
      out.push({ section: "Table 1", id: `t1.${row.id}`, label: row.label, reproduced: "—", paper: `${row.uc} | ${row.cd}`, match: false });
      continue;
    }
    out.push({ section: "Table 1", id: `t1.${row.id}`, label: `${row.label}: UC | CD`, reproduced: `${got.uc} | ${got.cd}`, paper: `${row.uc} | ${row.cd}`, match: got.uc === row.uc && got.cd === row.cd });
    const p = formatPValue(got.p, { style: "paper" });
    out.push({
      section: "Table 1",
      id: `t1.${row.id}.p`,
      label: `${row.label}: p (${row.test === "chisq" ? "χ²" : "Fisher"})`,
      reproduced: `${p} (${got.test === "chisq" ? "χ²" : "Fisher"})`,
      paper: `${row.p} (${row.test === "chisq" ? "χ²" : "Fisher"})`,
      match: p === row.p && got.test === row.test,
    });
  }
  // Table 1 continuous: median (Q1, Q3) rounded as printed, and p
  for (const row of PAPER_TABLE1_CONTINUOUS) {
    const got = a.table1.continuous.find((c) => c.id === row.id)!;
    const d = row.id === "durationYears" ? 1 : 0;
    const r = (v: number) => (Math.round(v * 10 ** d) / 10 ** d).toFixed(d);
    const show = (v: readonly number[]) => `${r(v[0]!)} (${r(v[1]!)}, ${r(v[2]!)})`;
    for (const g of ["uc", "cd"] as const) {
      const printed = show(row[g]);
      const mine = show(got[g]);
      out.push({ section: "Table 1", id: `t1.${row.id}.${g}`, label: `${row.label}, ${g.toUpperCase()}: median (Q1, Q3)`, reproduced: mine, paper: printed, match: mine === printed });
    }
    const p = formatPValue(got.p, { style: "paper" });
    out.push({
      section: "Table 1",
      id: `t1.${row.id}.p`,
      label: `${row.label}: p (Wilcoxon)`,
      reproduced: p,
      paper: row.p,
      match: row.p === "<0.001" ? p === "<0.001" : null,
      ...(row.p === "<0.001" ? {} : { note: "Wilcoxon p depends on the full distributions, which the paper does not give; not asserted" }),
    });
  }

  // Table 3
  for (const row of PAPER_TABLE3) {
    const [key, grp] = row.id.endsWith(".UC") || row.id.endsWith(".CD") ? [row.id.slice(0, -3), row.group] : [row.id, row.group];
    const got = a.table3[key]?.[grp as "UC" | "CD"];
    eq("Table 3", `t3.${row.id}`, `${row.label} (${row.group})`, got ?? -1, row.n);
  }

  // Table 4 / AE
  for (const row of PAPER_AE) {
    const got = a.ae.find((x) => x.category === row.category);
    const cats = row.category === "thromboembolism" ? a.ae.find((x) => x.category === "venousThromboembolism") : got;
    for (const [g, want] of [
      ["all", row.all],
      ["CD", row.cd],
      ["UC", row.uc],
    ] as const) {
      eq("Table 4 (AE)", `ae.${row.category}.${g}`, `${row.label} (${g})`, cats?.[g] ?? -1, want);
    }
  }

  // Means (approximate; not asserted)
  for (const m of PAPER_MEANS) {
    const got = a.means[m.id];
    const show = (v: number, sd?: number) => (sd === undefined ? v.toFixed(2) : `${v.toFixed(2)} ± ${sd.toFixed(2)}`);
    const exact = got !== undefined && m.sd === undefined && Math.abs(got.mean - m.value) < 0.05;
    out.push({
      section: "Means",
      id: `mean.${m.id}`,
      label: m.label,
      reproduced: got === undefined ? "—" : show(got.mean, m.sd === undefined ? undefined : got.sd),
      paper: show(m.value, m.sd),
      match: exact ? true : null,
      note: m.note ?? (exact ? "calibrated" : "approximate: the paper gives only the summary; not asserted"),
    });
  }
  return out;
}

function comparisonTables(rows: readonly Comparison[]): SimpleTable[] {
  const sections = [...new Set(rows.map((r) => r.section))];
  return sections.map((s) => ({
    caption: `Reproduced vs paper: ${s}`,
    columns: ["Figure", "Reproduced", "Paper", "Match"],
    rows: rows.filter((r) => r.section === s).map((r) => [r.label, r.reproduced, r.paper, r.match === true ? "yes" : r.match === false ? "NO" : `n/a: ${r.note ?? ""}`]),
  }));
}

async function main(): Promise<void> {
  const outIdx = process.argv.indexOf("--out");
  const outDir = outIdx > 0 ? process.argv[outIdx + 1]! : "report";
  const { analysis, keep } = analysePaperCohort();
  const rows = comparePaper(analysis);
  const persistence = persistenceSection(JSON.parse(readFileSync(COHORT_FILE, "utf8")), analysis);
  const rendered = renderReport(analysis, {
    title: "Mao et al. 2025 (Drug Des Devel Ther), reproduced from a synthetic cohort",
    sections: [
      {
        title: "Reproduced vs paper",
        text: [
          `${rows.filter((r) => r.match === true).length} figures match, ${rows.filter((r) => r.match === false).length} differ, ${rows.filter((r) => r.match === null).length} not asserted (approximate, or the paper contradicts itself).`,
          `Kept although flagged by the concomitant-biologic exclusion (paper Table 3 co-therapy): ${keep.join(", ")}.`,
        ],
        tables: comparisonTables(rows),
      },
      {
        title: "The paper's contradictions (clinical-definitions.md §2.4)",
        tables: [{ caption: "Side by side", columns: ["Topic", "The paper says", "Used here"], rows: PAPER_CONTRADICTIONS.map((c) => [c.topic, c.statements.join(" · "), c.used]) }],
      },
      persistence.section,
    ],
  });
  await mkdir(outDir, { recursive: true });
  await writeReport(outDir, rendered, analysis);
  await writeFile(join(outDir, "comparison.json"), `${JSON.stringify(rows, null, 1)}\n`);

  const w = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s.padEnd(n));
  let section = "";
  for (const r of rows) {
    if (r.section !== section) {
      section = r.section;
      console.log(`\n== ${section}`);
      console.log(`${w("figure", 62)} ${w("reproduced", 22)} ${w("paper", 22)} match`);
    }
    console.log(`${w(r.label, 62)} ${w(r.reproduced, 22)} ${w(r.paper, 22)} ${r.match === true ? "yes" : r.match === false ? "NO" : "n/a"}`);
  }
  console.log("\n== Drug persistence (time to discontinuation)");
  for (const t of persistence.section.text ?? []) console.log(t);
  console.log(tableToMarkdown(persistence.summary.table));
  console.log("\n== The paper's contradictions (side by side)");
  for (const c of PAPER_CONTRADICTIONS) console.log(`- ${c.topic}: ${c.statements.join(" | ")}\n    used: ${c.used}`);
  const bad = rows.filter((r) => r.match === false);
  console.log(
    `\n${rows.filter((r) => r.match === true).length} figures match, ${bad.length} differ, ${rows.filter((r) => r.match === null).length} not asserted. Report: ${join(outDir, "report.md")}, ${join(outDir, "report.html")}`,
  );
  if (bad.length > 0) process.exitCode = 1;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
