/**
 * `report --format docx`: the whole report (tables, figures, extra sections) as one Word file, through the
 * library's `ibd-outcomes/docx` subpath. Loaded only when asked, so other commands never load `docx`.
 */
import type { DisplayTable } from "../cohort/index.js";
import { reportToDocx, type DocxBlock } from "../docx/index.js";
import type { Analysis } from "./analysis/analyse.js";
import { reportTables, toDisplayTable, type RenderedReport, type ReportSection, type SimpleTable } from "./analysis/render.js";

const asDisplay = (t: SimpleTable | DisplayTable): DisplayTable => ("footnotes" in t ? t : toDisplayTable(t));

/** The report's blocks in the order of report.md: intro, tables, figures, extra sections. */
export function reportBlocks(a: Analysis, rendered: RenderedReport, sections: readonly ReportSection[]): DocxBlock[] {
  const counts = a.validation.counts;
  const blocks: DocxBlock[] = [
    { kind: "paragraph", text: `Profile: ${a.profile.id} ${a.profile.version}.` },
    {
      kind: "paragraph",
      text: `Records: ${counts.patients.valid}/${counts.patients.total} patients, ${counts.courses.valid}/${counts.courses.total} courses, ${counts.visits.valid}/${counts.visits.total} visits, ${counts.adverseEvents.valid}/${counts.adverseEvents.total} adverse events valid (${a.validation.problems.length} problems).`,
    },
    ...reportTables(a).map((t): DocxBlock => ({ kind: "table", table: asDisplay(t) })),
    { kind: "heading", text: "Figures" },
    ...rendered.figures.map((f): DocxBlock => ({ kind: "figure", svg: f.svg, caption: f.title })),
  ];
  for (const s of sections) {
    blocks.push({ kind: "heading", text: s.title }, ...(s.text ?? []).map((t): DocxBlock => ({ kind: "paragraph", text: t })));
    for (const t of s.tables ?? []) blocks.push({ kind: "table", table: asDisplay(t) });
  }
  return blocks;
}

/** The report as .docx bytes. */
export function reportDocx(a: Analysis, rendered: RenderedReport, title: string, sections: readonly ReportSection[]): Promise<Uint8Array> {
  return reportToDocx(reportBlocks(a, rendered, sections), { title });
}
