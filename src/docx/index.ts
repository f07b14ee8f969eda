/**
 * `ibd-outcomes/docx`: Word (.docx) output of the cohort tables and figures: real Word tables with merged
 * header cells and table notes, in a journal-like three-line style. A subpath of its own so that importing
 * a score or a test never loads the `docx` package.
 * @packageDocumentation
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  ImageRun,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type ITableCellBorders,
  type ParagraphChild,
} from "docx";
import type { DisplayCell, DisplayTable } from "../cohort/index.js";
import { describeValue } from "../_lib/errors.js";
import { solidPng } from "./png.js";

/** A heading of a Word report. */
export interface DocxHeading {
  readonly kind: "heading";
  readonly text: string;
  /** 1 (default), 2 or 3. */
  readonly level?: 1 | 2 | 3;
}

/** A paragraph of text. */
export interface DocxParagraph {
  readonly kind: "paragraph";
  readonly text: string;
}

/** A table (any cohort table's `table`). */
export interface DocxTable {
  readonly kind: "table";
  readonly table: DisplayTable;
}

/**
 * A figure: an SVG string (the cohort figures), embedded as SVG. `png` is the picture shown by clients that
 * cannot draw SVG (Word before 2016); without it they show a blank box of the same size.
 */
export interface DocxFigure {
  readonly kind: "figure";
  readonly svg: string;
  readonly png?: Uint8Array;
  readonly caption?: string;
  /** Display width in pixels (96 per inch); default the SVG's width, at most the text width. */
  readonly widthPx?: number;
}

/** One block of a Word report. */
export type DocxBlock = DocxHeading | DocxParagraph | DocxTable | DocxFigure;

/** Options of {@link reportToDocx} and {@link tableToDocx}. */
export interface DocxOptions {
  /** Document title (metadata and a title line). */
  readonly title?: string;
  /** Font family. Default `"Arial"`. */
  readonly font?: string;
  /** Body font size in points. Default 10. */
  readonly fontSizePt?: number;
  /** Landscape pages (wide tables). Default false. */
  readonly landscape?: boolean;
}

const FN = "reportToDocx";
const OPTION_KEYS = ["title", "font", "fontSizePt", "landscape"];
const RULE = { style: BorderStyle.SINGLE, size: 8, color: "000000" } as const;
const THIN = { style: BorderStyle.SINGLE, size: 4, color: "000000" } as const;
const NONE = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" } as const;

function text(c: DisplayCell): string {
  return typeof c === "string" ? c : c.text;
}

function sup(c: DisplayCell): string | undefined {
  return typeof c === "string" ? undefined : c.sup;
}

/** Text runs of a cell: line breaks kept, the footnote marker as a superscript. */
function runs(c: DisplayCell, size: number, bold = false): ParagraphChild[] {
  const lines = text(c).split(/\r?\n/);
  const out: ParagraphChild[] = lines.map((line, i) => new TextRun({ text: line, bold, size, ...(i > 0 ? { break: 1 } : {}) }));
  const s = sup(c);
  if (s !== undefined) out.push(new TextRun({ text: s, superScript: true, size }));
  return out;
}

function checkTable(path: string, t: DisplayTable): void {
  if (t === null || typeof t !== "object") throw new TypeError(`${FN}: ${path} must be a DisplayTable; got ${describeValue(t)}.`);
  if (!Array.isArray(t.columns) || t.columns.length === 0) throw new RangeError(`${FN}: ${path}.columns must be a non-empty array; got ${describeValue(t.columns)}.`);
  if (!Array.isArray(t.rows)) throw new TypeError(`${FN}: ${path}.rows must be an array; got ${describeValue(t.rows)}.`);
  t.rows.forEach((r, i) => {
    if (!Array.isArray(r.cells) || r.cells.length !== t.columns.length) {
      throw new RangeError(`${FN}: ${path}.rows[${i}].cells must hold ${t.columns.length} cells (one per column); got ${describeValue(r.cells)}.`);
    }
  });
  let end = 0;
  (t.spanners ?? []).forEach((s, i) => {
    if (!Number.isInteger(s.start) || !Number.isInteger(s.span) || s.span < 1 || s.start < end || s.start + s.span > t.columns.length) {
      throw new RangeError(`${FN}: ${path}.spanners[${i}] must cover columns inside the table, in order and without overlap; got start ${describeValue(s.start)}, span ${describeValue(s.span)}.`);
    }
    end = s.start + s.span;
  });
}

/** Word paragraphs and the table for one DisplayTable: caption, three-line table, notes. */
function tableBlocks(t: DisplayTable, size: number, widthTwips: number): (Paragraph | Table)[] {
  const ncol = t.columns.length;
  // column widths in proportion to the longest line of each column (header words and cells), capped
  const longest = t.columns.map((c, j) => {
    const words = text(c).split(/\s+/).map((x) => x.length + 1);
    const cells = t.rows.map((r) => text(r.cells[j]!).length + (sup(r.cells[j]!)?.length ?? 0) + (j === 0 ? 2 * (r.indent ?? 0) : 0) + 1);
    return Math.min(Math.max(7, ...words, ...cells), j === 0 ? 28 : 22);
  });
  const total = longest.reduce((a, b) => a + b, 0);
  const widths = longest.map((l) => Math.floor((widthTwips * l) / total));
  const align = (j: number): (typeof AlignmentType)[keyof typeof AlignmentType] => {
    const a = t.align?.[j] ?? (j === 0 ? "left" : "center");
    return a === "left" ? AlignmentType.LEFT : a === "right" ? AlignmentType.RIGHT : AlignmentType.CENTER;
  };
  const borders = (top: boolean, bottom: boolean, thinBottom = false): ITableCellBorders => ({
    top: top ? RULE : NONE,
    bottom: bottom ? (thinBottom ? THIN : RULE) : NONE,
    left: NONE,
    right: NONE,
  });
  const rows: TableRow[] = [];
  const spanners = t.spanners ?? [];
  if (spanners.length > 0) {
    const cells: TableCell[] = [];
    let col = 0;
    const push = (label: string | null, span: number): void => {
      cells.push(
        new TableCell({
          children: [new Paragraph({ alignment: AlignmentType.CENTER, children: label === null ? [] : runs(label, size, true) })],
          columnSpan: span,
          borders: borders(true, label !== null, true),
          verticalAlign: VerticalAlignTable.BOTTOM,
        }),
      );
    };
    for (const s of spanners) {
      if (s.start > col) push(null, s.start - col);
      push(s.label, s.span);
      col = s.start + s.span;
    }
    if (col < ncol) push(null, ncol - col);
    rows.push(new TableRow({ children: cells, tableHeader: true }));
  }
  rows.push(
    new TableRow({
      tableHeader: true,
      children: t.columns.map(
        (c, j) =>
          new TableCell({
            children: [new Paragraph({ alignment: align(j), children: runs(c, size, true) })],
            width: { size: widths[j]!, type: WidthType.DXA },
            margins: { left: 57, right: 57 },
            borders: borders(spanners.length === 0, true),
            verticalAlign: VerticalAlignTable.BOTTOM,
          }),
      ),
    }),
  );
  t.rows.forEach((r, i) => {
    const last = i === t.rows.length - 1;
    rows.push(
      new TableRow({
        cantSplit: true,
        children: r.cells.map(
          (c, j) =>
            new TableCell({
              children: [
                new Paragraph({
                  alignment: align(j),
                  ...(j === 0 && (r.indent ?? 0) > 0 ? { indent: { left: 240 * (r.indent ?? 0) } } : {}),
                  children: runs(c, size),
                }),
              ],
              width: { size: widths[j]!, type: WidthType.DXA },
              margins: { left: 57, right: 57 },
              borders: borders(false, last),
            }),
        ),
      }),
    );
  });
  const out: (Paragraph | Table)[] = [];
  if (t.caption !== undefined) out.push(new Paragraph({ keepNext: true, spacing: { before: 240, after: 120 }, children: [new TextRun({ text: t.caption, bold: true, size })] }));
  out.push(
    new Table({
      rows,
      width: { size: widthTwips, type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      borders: { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE },
    }),
  );
  for (const f of t.footnotes) out.push(new Paragraph({ spacing: { before: 40 }, children: [new TextRun({ text: f, size: size - 2 })] }));
  out.push(new Paragraph({ children: [] }));
  return out;
}

/** Width and height of an SVG from its width/height attributes or its viewBox. */
function svgSize(svg: string): { width: number; height: number } {
  const open = /<svg\b[^>]*>/i.exec(svg)?.[0] ?? "";
  const attr = (name: string): number | null => {
    const m = new RegExp(`\\s${name}\\s*=\\s*["']\\s*([0-9.]+)(px)?\\s*["']`, "i").exec(open);
    return m === null ? null : Number(m[1]);
  };
  const w = attr("width");
  const h = attr("height");
  if (w !== null && h !== null && w > 0 && h > 0) return { width: w, height: h };
  const vb = /\sviewBox\s*=\s*["']\s*[-0-9.]+[\s,]+[-0-9.]+[\s,]+([0-9.]+)[\s,]+([0-9.]+)\s*["']/i.exec(open);
  if (vb !== null && Number(vb[1]) > 0 && Number(vb[2]) > 0) return { width: Number(vb[1]), height: Number(vb[2]) };
  return { width: 600, height: 400 };
}

function figureBlocks(f: DocxFigure, path: string, size: number, maxWidthPx: number): Paragraph[] {
  if (typeof f.svg !== "string" || !/<svg\b/i.test(f.svg)) throw new TypeError(`${FN}: ${path}.svg must be an SVG string; got ${describeValue(f.svg)}.`);
  if (f.png !== undefined && !(f.png instanceof Uint8Array)) throw new TypeError(`${FN}: ${path}.png must be a Uint8Array of PNG bytes; got ${describeValue(f.png)}.`);
  const { width, height } = svgSize(f.svg);
  const want = f.widthPx ?? width;
  if (typeof want !== "number" || !(want > 0) || !Number.isFinite(want)) throw new RangeError(`${FN}: ${path}.widthPx must be a finite number > 0; got ${describeValue(f.widthPx)}.`);
  const w = Math.min(want, maxWidthPx);
  const h = (w * height) / width;
  const fallback = f.png ?? solidPng(Math.max(1, Math.round(w)), Math.max(1, Math.round(h)));
  const out = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: f.caption !== undefined,
      children: [
        new ImageRun({
          type: "svg",
          data: new TextEncoder().encode(f.svg),
          fallback: { type: "png", data: fallback },
          transformation: { width: w, height: h },
          ...(f.caption === undefined ? {} : { altText: { name: f.caption, description: f.caption, title: f.caption } }),
        }),
      ],
    }),
  ];
  if (f.caption !== undefined) out.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [new TextRun({ text: f.caption, italics: true, size })] }));
  return out;
}

/**
 * Writes a Word document (.docx bytes) from headings, paragraphs, cohort tables and SVG figures.
 * @remarks Tables are real Word tables in a three-line journal style (rules above and below the header and
 * below the body, no vertical lines): the caption above in bold, spanners (`DisplayTable.spanners`) as
 * merged header cells with a rule under them, header rows repeated on each page, indented level rows,
 * footnote markers as superscripts and the table notes as small paragraphs below. Figures are embedded as
 * SVG (drawn by Word 2016 and later and by LibreOffice) with `png` as the fallback picture.
 * @param blocks - The report, in order.
 * @param options - `title`, `font` ("Arial"), `fontSizePt` (10), `landscape` (false).
 * @returns The .docx file as bytes.
 * @throws {TypeError} If a block is not one of the four kinds, a field has the wrong type, or an option is unknown.
 * @throws {RangeError} If a table row does not hold one cell per column, a spanner falls outside the table,
 * or a size is not a positive number.
 * @example
 * const bytes = await reportToDocx([{ kind: "heading", text: "Results" },
 *   { kind: "table", table: { columns: ["Characteristic", "p-value"], rows: [{ cells: ["Age", { text: "<0.001", sup: "a" }] }], footnotes: ["a Wilcoxon rank sum test"] } }]);
 * [bytes[0], bytes[1]]; // a zip archive: "PK"
 * //=> [80, 75]
 * @see ECMA-376 Office Open XML File Formats, Part 1 (WordprocessingML). The `docx` package
 *   (https://docx.js.org) writes the file.
 */
export async function reportToDocx(blocks: readonly DocxBlock[], options: DocxOptions = {}): Promise<Uint8Array> {
  if (!Array.isArray(blocks)) throw new TypeError(`${FN}: blocks must be an array; got ${describeValue(blocks)}.`);
  if (options === null || typeof options !== "object") throw new TypeError(`${FN}: options must be an object; got ${describeValue(options)}.`);
  for (const k of Object.keys(options)) if (!OPTION_KEYS.includes(k)) throw new TypeError(`${FN}: options.${k} is not an option (known: ${OPTION_KEYS.join(", ")}).`);
  const font = options.font ?? "Arial";
  if (typeof font !== "string" || font === "") throw new TypeError(`${FN}: options.font must be a non-empty string; got ${describeValue(options.font)}.`);
  const pt = options.fontSizePt ?? 10;
  if (typeof pt !== "number" || !(pt >= 6 && pt <= 24)) throw new RangeError(`${FN}: options.fontSizePt must be a number in [6, 24]; got ${describeValue(options.fontSizePt)}.`);
  if (options.landscape !== undefined && typeof options.landscape !== "boolean") throw new TypeError(`${FN}: options.landscape must be a boolean; got ${describeValue(options.landscape)}.`);
  if (options.title !== undefined && typeof options.title !== "string") throw new TypeError(`${FN}: options.title must be a string; got ${describeValue(options.title)}.`);
  const size = Math.round(pt * 2);
  const landscape = options.landscape ?? false;
  // A4 with 2 cm margins: text width 17 cm (portrait) or 25.7 cm (landscape) at 96 px per inch
  const maxWidthPx = Math.floor(((landscape ? 25.7 : 17) / 2.54) * 96);
  const children: (Paragraph | Table)[] = [];
  if (options.title !== undefined) children.push(new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun({ text: options.title })] }));
  blocks.forEach((b, i) => {
    const path = `blocks[${i}]`;
    if (b === null || typeof b !== "object") throw new TypeError(`${FN}: ${path} must be an object; got ${describeValue(b)}.`);
    if (b.kind === "heading") {
      if (typeof b.text !== "string") throw new TypeError(`${FN}: ${path}.text must be a string; got ${describeValue(b.text)}.`);
      const level = b.level ?? 1;
      if (level !== 1 && level !== 2 && level !== 3) throw new RangeError(`${FN}: ${path}.level must be 1, 2 or 3; got ${describeValue(b.level)}.`);
      children.push(new Paragraph({ heading: level === 1 ? HeadingLevel.HEADING_1 : level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3, keepNext: true, children: [new TextRun({ text: b.text })] }));
    } else if (b.kind === "paragraph") {
      if (typeof b.text !== "string") throw new TypeError(`${FN}: ${path}.text must be a string; got ${describeValue(b.text)}.`);
      for (const line of b.text.split(/\r?\n/)) children.push(new Paragraph({ spacing: { after: 80 }, children: [new TextRun({ text: line, size })] }));
    } else if (b.kind === "table") {
      checkTable(`${path}.table`, b.table);
      children.push(...tableBlocks(b.table, size, Math.round((maxWidthPx / 96) * 1440)));
    } else if (b.kind === "figure") {
      children.push(...figureBlocks(b, path, size, maxWidthPx));
    } else {
      throw new TypeError(`${FN}: ${path}.kind must be "heading", "paragraph", "table" or "figure"; got ${describeValue((b as { kind?: unknown }).kind)}.`);
    }
  });
  const doc = new Document({
    ...(options.title === undefined ? {} : { title: options.title }),
    creator: "ibd-outcomes",
    styles: { default: { document: { run: { font, size } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838, orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
            margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 },
          },
        },
        children,
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}

/**
 * Writes one cohort table as a Word document (.docx bytes): {@link reportToDocx} with a single table.
 * @param table - A `DisplayTable` (e.g. `summaryTable(...).table`).
 * @param options - As {@link reportToDocx}.
 * @returns The .docx file as bytes.
 * @throws {TypeError} If `table` is not a DisplayTable or an option is unknown.
 * @throws {RangeError} If a row does not hold one cell per column or a spanner falls outside the table.
 * @example
 * const bytes = await tableToDocx({ columns: ["x", "y"], rows: [{ cells: ["1", "2"] }], footnotes: [] });
 * bytes.length > 1000;
 * //=> true
 * @see ECMA-376 Office Open XML File Formats, Part 1 (WordprocessingML).
 */
export async function tableToDocx(table: DisplayTable, options: DocxOptions = {}): Promise<Uint8Array> {
  return reportToDocx([{ kind: "table", table }], options);
}
