/**
 * `ibd-outcomes report <file>`: a report about the cohort in the file, optionally compared with a
 * published study (`--compare mao2025`).
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { analyseCohort, COMPARE_IDS, type Analysis, type CompareId } from "./analysis/analyse.js";
import { comparePaper, comparisonSections, type Comparison } from "./analysis/compare.js";
import { renderReport, type RenderedReport, type ReportSection } from "./analysis/render.js";
import { parseJsonSafe } from "./safeJson.js";
import { UsageError } from "./validate.js";

/** Options of {@link reportFile}. */
export interface ReportOptions {
  readonly profile: string;
  readonly out: string;
  readonly keep?: readonly string[];
  readonly title?: string;
  /** Compare with a published study (`"mao2025"`): its figures, numbering and wording are added. */
  readonly compare?: string;
  /** Lab trajectories pooled (`"all"`) or split by diagnosis (`"diagnosis"`, default). */
  readonly labsBy?: string;
  /** The treatment followed; default the one drug of the courses. */
  readonly drug?: string;
  readonly sections?: (a: Analysis) => readonly ReportSection[];
  /** `"docx"` also writes the whole report as report.docx. */
  readonly format?: string;
}

/** Writes report.md, report.html, analysis.json and figures/*.svg into `dir`. */
export async function writeReport(dir: string, rendered: RenderedReport, analysis: Analysis): Promise<void> {
  await mkdir(join(dir, "figures"), { recursive: true });
  await writeFile(join(dir, "report.md"), rendered.markdown);
  await writeFile(join(dir, "report.html"), rendered.html);
  const { timelines: _t, eligibility: _e, ...summary } = analysis;
  void _t;
  void _e;
  await writeFile(join(dir, "analysis.json"), `${JSON.stringify(summary, null, 1)}\n`);
  for (const f of rendered.figures) await writeFile(join(dir, "figures", `${f.name}.svg`), f.svg);
}

/** Loads a cohort JSON file (prototype-safe), analyses it and writes the report (and comparison.json with `compare`). */
export async function reportFile(
  file: string,
  options: ReportOptions,
): Promise<{ ok: boolean; summary: string; analysis: Analysis; rendered: RenderedReport; comparison: Comparison[] | null }> {
  if (!file.toLowerCase().endsWith(".json")) throw new UsageError(`report: ${file} must be a cohort JSON file ({ patients, courses, visits, adverseEvents })`);
  if (options.compare !== undefined && !(COMPARE_IDS as readonly string[]).includes(options.compare)) {
    throw new UsageError(`report: --compare must be ${COMPARE_IDS.join(" or ")}; got "${options.compare}"`);
  }
  if (options.labsBy !== undefined && options.labsBy !== "all" && options.labsBy !== "diagnosis") {
    throw new UsageError(`report: --labs-by must be "all" or "diagnosis"; got "${options.labsBy}"`);
  }
  const compare = (options.compare ?? null) as CompareId | null;
  const parsed = parseJsonSafe(await readFile(file, "utf8"));
  if (!parsed.ok) throw new UsageError(`report: ${file}: ${parsed.field} ${parsed.reason}`);
  let analysis: Analysis;
  try {
    analysis = analyseCohort(parsed.value, {
      profile: options.profile,
      keep: options.keep ?? [],
      compare,
      ...(options.labsBy === undefined ? {} : { labsBy: options.labsBy as "all" | "diagnosis" }),
      ...(options.drug === undefined ? {} : { drug: options.drug }),
    });
  } catch (e) {
    throw new UsageError(`report: ${e instanceof Error ? e.message : String(e)}`);
  }
  const comparison = compare === "mao2025" ? comparePaper(analysis) : null;
  if (options.format !== undefined && options.format !== "docx") throw new UsageError(`report: --format must be docx (Markdown and HTML are always written); got ${options.format}`);
  const title = options.title ?? `IBD outcomes report: ${file.split(/[\\/]/).at(-1)}`;
  const sections = [...(options.sections?.(analysis) ?? []), ...(comparison === null ? [] : comparisonSections(comparison, analysis.kept.map((k) => k.patientId)))];
  const rendered = renderReport(analysis, { title, sections });
  await writeReport(options.out, rendered, analysis);
  if (comparison !== null) await writeFile(join(options.out, "comparison.json"), `${JSON.stringify(comparison, null, 1)}\n`);
  if (options.format === "docx") await writeFile(join(options.out, "report.docx"), await (await import("./reportDocx.js")).reportDocx(analysis, rendered, title, sections));
  const f = analysis.flow;
  const cmp =
    comparison === null
      ? ""
      : `; compared with ${compare}: ${comparison.filter((r) => r.match === true).length} match, ${comparison.filter((r) => r.match === false).length} differ, ${comparison.filter((r) => r.match === null).length} not asserted`;
  const summary =
    `report: ${f.screened} screened, ${f.included} included (CD ${f.includedByDiagnosis.CD}, UC ${f.includedByDiagnosis.UC}); ` +
    `${analysis.validation.problems.length} validation problems${cmp}; wrote ${join(options.out, "report.md")}, report.html${options.format === "docx" ? ", report.docx" : ""}, ${rendered.figures.length} figures\n`;
  return { ok: analysis.validation.problems.length === 0, summary, analysis, rendered, comparison };
}
