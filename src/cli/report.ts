/**
 * `ibd-outcomes report <file>`: the demo's report for any cohort.
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { analyseCohort, type Analysis } from "./analysis/analyse.js";
import { persistenceSection } from "./analysis/persistence.js";
import { renderReport, type RenderedReport, type ReportSection } from "./analysis/render.js";
import { parseJsonSafe } from "./safeJson.js";
import { UsageError } from "./validate.js";

/** Options of {@link reportFile}. */
export interface ReportOptions {
  readonly profile: string;
  readonly out: string;
  readonly keep?: readonly string[];
  readonly title?: string;
  readonly sections?: (a: Analysis) => readonly ReportSection[];
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

/** Loads a cohort JSON file (prototype-safe), analyses it and writes the report. */
export async function reportFile(file: string, options: ReportOptions): Promise<{ ok: boolean; summary: string; analysis: Analysis; rendered: RenderedReport }> {
  if (!file.toLowerCase().endsWith(".json")) throw new UsageError(`report: ${file} must be a cohort JSON file ({ patients, courses, visits, adverseEvents })`);
  const parsed = parseJsonSafe(await readFile(file, "utf8"));
  if (!parsed.ok) throw new UsageError(`report: ${file}: ${parsed.field} ${parsed.reason}`);
  let analysis: Analysis;
  try {
    analysis = analyseCohort(parsed.value, { profile: options.profile, keep: options.keep ?? [] });
  } catch (e) {
    throw new UsageError(`report: ${e instanceof Error ? e.message : String(e)}`);
  }
  const rendered = renderReport(analysis, { title: options.title ?? `IBD outcomes report: ${file.split(/[\\/]/).at(-1)}`, sections: [...(options.sections?.(analysis) ?? []), persistenceSection(parsed.value, analysis).section] });
  await writeReport(options.out, rendered, analysis);
  const f = analysis.flow;
  const summary =
    `report: ${f.screened} screened, ${f.included} included (CD ${f.includedByDiagnosis.CD}, UC ${f.includedByDiagnosis.UC}); ` +
    `${analysis.validation.problems.length} validation problems; wrote ${join(options.out, "report.md")}, report.html, ${rendered.figures.length} figures\n`;
  return { ok: analysis.validation.problems.length === 0, summary, analysis, rendered };
}
