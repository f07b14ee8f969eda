/**
 * `report --format docx`: the whole report (tables, figures, extra sections) as one Word file, through the
 * library's `ibd-outcomes/docx` subpath. Loaded only when asked, so other commands never load `docx`.
 * Figures are embedded as SVG; where a headless Chromium is on PATH (`chromium`, or the program named by
 * IBD_OUTCOMES_CHROMIUM) each is also drawn to a PNG at twice its size, the picture that Word processors
 * without SVG support (LibreOffice 7, Word before 2016) show.
 */
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import type { DisplayTable } from "../cohort/index.js";
import { reportToDocx, type DocxBlock } from "../docx/index.js";
import type { Analysis } from "./analysis/analyse.js";
import { reportTables, toDisplayTable, type RenderedReport, type ReportSection, type SimpleTable } from "./analysis/render.js";

const asDisplay = (t: SimpleTable | DisplayTable): DisplayTable => ("footnotes" in t ? t : toDisplayTable(t));

/** PNG renderings of SVG figures by headless Chromium (undefined for each when Chromium is not available). */
export async function rasterizeSvgs(svgs: readonly string[]): Promise<(Uint8Array | undefined)[]> {
  const chromium = process.env.IBD_OUTCOMES_CHROMIUM ?? "chromium";
  const dir = await mkdtemp(join(tmpdir(), "ibd-outcomes-figures-"));
  const out: (Uint8Array | undefined)[] = [];
  let available = true;
  try {
    for (const [i, svg] of svgs.entries()) {
      if (!available) {
        out.push(undefined);
        continue;
      }
      const size = /<svg\b[^>]*\bwidth="([\d.]+)"[^>]*\bheight="([\d.]+)"/.exec(svg);
      const width = Math.ceil(Number(size?.[1] ?? 760));
      const height = Math.ceil(Number(size?.[2] ?? 460));
      const file = join(dir, `f${i}.svg`);
      const png = join(dir, `f${i}.png`);
      await writeFile(file, svg);
      try {
        await promisify(execFile)(
          chromium,
          ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", `--user-data-dir=${join(dir, "profile")}`, "--hide-scrollbars", "--force-device-scale-factor=2", `--screenshot=${png}`, `--window-size=${width},${height}`, file],
          { timeout: 60_000 },
        );
        out.push(new Uint8Array(await readFile(png)));
      } catch {
        available = false;
        out.push(undefined);
      }
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return out;
}

/** The report's blocks in the order of report.md: intro, tables, figures, extra sections. */
export function reportBlocks(a: Analysis, rendered: RenderedReport, sections: readonly ReportSection[], pngs: readonly (Uint8Array | undefined)[] = []): DocxBlock[] {
  const counts = a.validation.counts;
  const blocks: DocxBlock[] = [
    { kind: "paragraph", text: `Profile: ${a.profile.id} ${a.profile.version}.` },
    {
      kind: "paragraph",
      text: `Records: ${counts.patients.valid}/${counts.patients.total} patients, ${counts.courses.valid}/${counts.courses.total} courses, ${counts.visits.valid}/${counts.visits.total} visits, ${counts.adverseEvents.valid}/${counts.adverseEvents.total} adverse events valid (${a.validation.problems.length} problems).`,
    },
    ...reportTables(a).map((t): DocxBlock => ({ kind: "table", table: asDisplay(t) })),
    { kind: "heading", text: "Figures" },
    ...rendered.figures.map((f, i): DocxBlock => {
      const png = pngs[i];
      return png === undefined ? { kind: "figure", svg: f.svg, caption: f.title } : { kind: "figure", svg: f.svg, png, caption: f.title };
    }),
  ];
  for (const s of sections) {
    blocks.push({ kind: "heading", text: s.title }, ...(s.text ?? []).map((t): DocxBlock => ({ kind: "paragraph", text: t })));
    for (const t of s.tables ?? []) blocks.push({ kind: "table", table: asDisplay(t) });
  }
  return blocks;
}

/** The report as .docx bytes (figures drawn to PNG fallbacks when Chromium is available). */
export async function reportDocx(a: Analysis, rendered: RenderedReport, title: string, sections: readonly ReportSection[]): Promise<Uint8Array> {
  const pngs = await rasterizeSvgs(rendered.figures.map((f) => f.svg));
  return reportToDocx(reportBlocks(a, rendered, sections, pngs), { title });
}
