/**
 * `report --compare mao2025`: every figure of Mao et al., Drug Des Devel Ther 2025 (flow, outcome rates,
 * Table 1, Table 3, Table 4, means) next to the same figure computed from the cohort, and the paper's
 * contradictions side by side. Only this module carries the paper's numbers and wording; a report
 * without `--compare` describes the user's cohort alone.
 */
import { formatPValue } from "../../cohort/index.js";
import type { Analysis, RateTime, ReportEndpoint } from "./analyse.js";
import type { ReportSection, SimpleTable } from "./render.js";
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
} from "./paperMao2025.js";

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
    const p = Number.isFinite(got.p) ? formatPValue(got.p, { style: "paper" }) : "—";
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
    const p = Number.isFinite(got.p) ? formatPValue(got.p, { style: "paper" }) : "—";
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

export function comparisonTables(rows: readonly Comparison[]): SimpleTable[] {
  const sections = [...new Set(rows.map((r) => r.section))];
  return sections.map((s) => ({
    caption: `Reproduced vs paper: ${s}`,
    columns: ["Figure", "Reproduced", "Paper", "Match"],
    rows: rows.filter((r) => r.section === s).map((r) => [r.label, r.reproduced, r.paper, r.match === true ? "yes" : r.match === false ? "NO" : `n/a: ${r.note ?? ""}`]),
  }));
}


/** The report sections of the comparison: counts, one table per section, the contradictions. */
export function comparisonSections(rows: readonly Comparison[], kept: readonly string[]): ReportSection[] {
  return [
    {
      title: "Reproduced vs paper (Mao et al. 2025)",
      text: [
        `${rows.filter((r) => r.match === true).length} figures match, ${rows.filter((r) => r.match === false).length} differ, ${rows.filter((r) => r.match === null).length} not asserted (approximate, or the paper contradicts itself).`,
        ...(kept.length > 0 ? [`Kept although flagged by an exclusion (--keep): ${kept.join(", ")}.`] : []),
      ],
      tables: comparisonTables(rows),
    },
    {
      title: "The paper's contradictions",
      tables: [{ caption: "Side by side", columns: ["Topic", "The paper says", "Used here"], rows: PAPER_CONTRADICTIONS.map((c) => [c.topic, c.statements.join(" · "), c.used]) }],
    },
  ];
}

/** Splits text into lines of at most `w` characters at spaces (a longer word is cut). */
export function wrapText(s: string, w: number): string[] {
  const out: string[] = [];
  let line = "";
  for (const word of s.split(" ")) {
    if (line === "") line = word;
    else if (line.length + 1 + word.length <= w) line += ` ${word}`;
    else {
      out.push(line);
      line = word;
    }
    while (line.length > w) {
      out.push(line.slice(0, w));
      line = line.slice(w);
    }
  }
  out.push(line);
  return out;
}

/** The paper's contradictions as console text of at most `width` columns. */
export function contradictionsConsole(width = 100): string {
  const lines = ["== The paper's contradictions (side by side)"];
  for (const c of PAPER_CONTRADICTIONS) {
    lines.push(...wrapText(`- ${c.topic}: ${c.statements.join(" | ")}`, width).map((l, i) => (i === 0 ? l : `  ${l}`)));
    lines.push(...wrapText(`used: ${c.used}`, width - 4).map((l) => `    ${l}`));
  }
  return lines.join("\n");
}

/** Marks of the console table: matched, differs, not asserted. */
export const MATCH_MARK = { yes: "✓ match", no: "✗ DIFFERS", na: "· n/a" } as const;

/**
 * The comparison as console text that fits `width` columns (default 100): labels wrap rather than being
 * cut, each row ends with whether the value matches the paper.
 */
export function comparisonConsole(rows: readonly Comparison[], width = 100): string {
  const markW = Math.max(...Object.values(MATCH_MARK).map((m) => m.length));
  const longest = Math.max(0, ...rows.map((r) => Math.max(r.reproduced.length, r.paper.length)));
  const valW = Math.min(22, Math.max(10, longest));
  const labelW = Math.max(20, width - 2 * (valW + 1) - (markW + 1));
  const wrap = (s: string, w: number) => wrapText(s, w);
  const lines: string[] = [];
  let section = "";
  for (const r of rows) {
    if (r.section !== section) {
      section = r.section;
      lines.push("", `== ${section}`, `${"figure".padEnd(labelW)} ${"reproduced".padEnd(valW)} ${"paper".padEnd(valW)} match`);
    }
    const label = wrap(r.label, labelW);
    const rep = wrap(r.reproduced, valW);
    const pap = wrap(r.paper, valW);
    const mark = r.match === true ? MATCH_MARK.yes : r.match === false ? MATCH_MARK.no : MATCH_MARK.na;
    const n = Math.max(label.length, rep.length, pap.length);
    for (let i = 0; i < n; i++) {
      const cells = `${(label[i] ?? "").padEnd(labelW)} ${(rep[i] ?? "").padEnd(valW)} ${(pap[i] ?? "").padEnd(valW)}`;
      lines.push(i === 0 ? `${cells} ${mark}` : cells.trimEnd());
    }
  }
  return lines.map((l) => l.trimEnd()).join("\n");
}
