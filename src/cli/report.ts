/**
 * `ibd-outcomes report <file>`: a report about the cohort in the file, optionally compared with a
 * published study (`--compare mao2025`), optionally also as one Word file (`--format docx`).
 * @remarks The cohort is validated first and every problem is listed (`file:line: record field: reason`). With
 * invalid records the report is not written (exit 1) unless `allowInvalid` is set; the report then says how many
 * records of each kind were left out. Files are written through temporary files renamed into place.
 */
import { mkdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { analyseCohort, COMPARE_IDS, type Analysis, type CompareId } from "./analysis/analyse.js";
import { comparePaper, comparisonSections, type Comparison } from "./analysis/compare.js";
import { renderReport, type RenderedReport, type ReportSection } from "./analysis/render.js";
import { ioError, IoError, readText, refuseSameFile, writeFileAtomic } from "./io.js";
import { parseJsonSafe } from "./safeJson.js";
import { UsageError, validateFile, type Problem } from "./validate.js";

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
  /** Write the report from the valid records when some are invalid (the report says how many were left out). */
  readonly allowInvalid?: boolean;
}

/** What {@link reportFile} did. */
export interface ReportResult {
  /** True when the report was written and no record was invalid. */
  readonly ok: boolean;
  /** Whether the report files were written. */
  readonly written: boolean;
  /** Every validation problem, with its line. */
  readonly problems: readonly Problem[];
  /** Text for the terminal (the last lines of the run). */
  readonly summary: string;
  readonly analysis: Analysis | null;
  readonly rendered: RenderedReport | null;
  /** The comparison with the published study (`compare`), when written. */
  readonly comparison: Comparison[] | null;
}

/** Writes report.md, report.html, analysis.json and figures/*.svg into `dir` (each through a temporary file). */
export async function writeReport(dir: string, rendered: RenderedReport, analysis: Analysis, inputs: readonly string[] = []): Promise<void> {
  try {
    await mkdir(join(dir, "figures"), { recursive: true });
  } catch (e) {
    throw ioError("write", dir, e);
  }
  const { timelines: _t, eligibility: _e, ...summary } = analysis;
  void _t;
  void _e;
  const files: [string, string][] = [
    [join(dir, "report.md"), rendered.markdown],
    [join(dir, "report.html"), rendered.html],
    [join(dir, "analysis.json"), `${JSON.stringify(summary, null, 1)}\n`],
    ...rendered.figures.map((f): [string, string] => [join(dir, "figures", `${f.name}.svg`), f.svg]),
  ];
  for (const [path] of files) await refuseSameFile("report", path, inputs);
  for (const [path, text] of files) await writeFileAtomic(path, text);
}

const KIND_WORDS = new Map<string, [string, string]>([
  ["patients", ["patient", "patients"]],
  ["courses", ["treatment course", "treatment courses"]],
  ["visits", ["visit", "visits"]],
  ["adverseEvents", ["adverse event", "adverse events"]],
]);

/** `2 patients, 1 visit` from the invalid counts per collection (empty when none). */
export function leftOutText(counts: Analysis["validation"]["counts"]): string {
  const parts: string[] = [];
  for (const [k, [one, many]] of KIND_WORDS) {
    const n = (counts as Readonly<Record<string, { invalid: number }>>)[k]?.invalid ?? 0;
    if (n > 0) parts.push(`${n} ${n === 1 ? one : many}`);
  }
  return parts.join(", ");
}

/** Loads a cohort JSON file (prototype-safe), validates it, analyses it and writes the report. */
export async function reportFile(file: string, options: ReportOptions): Promise<ReportResult> {
  if (!file.toLowerCase().endsWith(".json")) throw new UsageError(`report: ${file} must be a cohort JSON file ({ patients, courses, visits, adverseEvents })`);
  if (options.compare !== undefined && !(COMPARE_IDS as readonly string[]).includes(options.compare)) {
    throw new UsageError(`report: --compare must be ${COMPARE_IDS.join(" or ")}; got "${options.compare}"`);
  }
  if (options.labsBy !== undefined && options.labsBy !== "all" && options.labsBy !== "diagnosis") {
    throw new UsageError(`report: --labs-by must be "all" or "diagnosis"; got "${options.labsBy}"`);
  }
  if (options.format !== undefined && options.format !== "docx") throw new UsageError(`report: --format must be docx (Markdown and HTML are always written); got ${options.format}`);
  const compare = (options.compare ?? null) as CompareId | null;
  try {
    const o = await stat(options.out);
    if (!o.isDirectory()) throw new IoError(`cannot write ${options.out}: not a directory (--out names the report's directory)`);
  } catch (e) {
    if (e instanceof IoError) throw e;
  }
  const v = await validateFile(file, { format: "json" });
  const none = { analysis: null, rendered: null, comparison: null };
  if (v.empty) return { ok: false, written: false, problems: [], summary: `report: ${file} is empty: no records\n`, ...none };
  const { text } = await readText(file);
  const parsed = parseJsonSafe(text, 66);
  if (!parsed.ok || parsed.value === null || typeof parsed.value !== "object" || Array.isArray(parsed.value)) {
    const problems = v.problems.length > 0 ? v.problems : [{ line: 1, field: "(record)", reason: "is not a cohort object { patients, courses, visits, adverseEvents }" }];
    return { ok: false, written: false, problems, summary: `report: ${file} is not a cohort; report not written\n`, ...none };
  }
  if (v.problems.length > 0 && options.allowInvalid !== true) {
    return {
      ok: false,
      written: false,
      problems: v.problems,
      summary: `report: ${v.invalid} of ${v.total} records are invalid (${v.problems.length} problems); report not written. Fix them, or pass --allow-invalid to report on the valid records only\n`,
      ...none,
    };
  }
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
  const title = options.title ?? `IBD outcomes report: ${file.split(/[\\/]/).at(-1)}`;
  const sections = [...(options.sections?.(analysis) ?? []), ...(comparison === null ? [] : comparisonSections(comparison, analysis.kept.map((k) => k.patientId)))];
  const rendered = renderReport(analysis, { title, sections });
  await writeReport(options.out, rendered, analysis, [file]);
  if (comparison !== null) await writeFileAtomic(join(options.out, "comparison.json"), `${JSON.stringify(comparison, null, 1)}\n`);
  if (options.format === "docx") await writeFileAtomic(join(options.out, "report.docx"), await (await import("./reportDocx.js")).reportDocx(analysis, rendered, title, sections));
  const f = analysis.flow;
  const cmp =
    comparison === null
      ? ""
      : `; compared with ${compare}: ${comparison.filter((r) => r.match === true).length} match, ${comparison.filter((r) => r.match === false).length} differ, ${comparison.filter((r) => r.match === null).length} not asserted`;
  const left = leftOutText(analysis.validation.counts);
  const summary =
    `report: ${f.screened} screened, ${f.included} included (CD ${f.includedByDiagnosis.CD}, UC ${f.includedByDiagnosis.UC}); ` +
    (v.problems.length === 0 ? "all records valid" : `${v.problems.length} validation problems; left out (--allow-invalid): ${left === "" ? "no record (cohort-level problems only)" : left}`) +
    `${cmp}; wrote ${join(options.out, "report.md")}, report.html${options.format === "docx" ? ", report.docx" : ""}${comparison === null ? "" : ", comparison.json"}, ${rendered.figures.length} figures\n`;
  return { ok: v.problems.length === 0, written: true, problems: v.problems, summary, analysis, rendered, comparison };
}
