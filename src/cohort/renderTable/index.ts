import { assertOneOf, describeValue } from "../../_lib/errors.js";

/** A table cell: plain text, or text with a superscript footnote marker (`<0.001` + `a`). */
export type DisplayCell = string | { readonly text: string; readonly sup?: string };

/** A header cell spanning `span` columns from column `start` (0-based), e.g. "Diagnosis" over UC and CD. */
export interface DisplaySpanner {
  readonly label: string;
  readonly start: number;
  readonly span: number;
}

/** One body row of a {@link DisplayTable}. */
export interface DisplayRow {
  readonly cells: readonly DisplayCell[];
  /** Indentation level of the first cell (levels of a categorical variable = 1). Default 0. */
  readonly indent?: number;
}

/** A rendered-ready table: plain data, shared by every table builder of the cohort domain. */
export interface DisplayTable {
  /** Caption, e.g. "Table 1 Patient Demographics and Baseline Characteristics". */
  readonly caption?: string;
  /** Header cells, one per column. */
  readonly columns: readonly DisplayCell[];
  /** Column alignment; default first column left, the others center. */
  readonly align?: readonly ("left" | "center" | "right")[];
  /**
   * Header cells spanning several columns, drawn above `columns` (HTML and Word merge the cells;
   * Markdown and CSV, which have one header row, put the label in front of each header it spans).
   * `start` is a 0-based column index.
   */
  readonly spanners?: readonly DisplaySpanner[];
  readonly rows: readonly DisplayRow[];
  /** Notes under the table, each printed on its own line (e.g. `a Wilcoxon rank sum test`). */
  readonly footnotes: readonly string[];
}


function cellText(c: DisplayCell): string {
  return typeof c === "string" ? c : c.text;
}
function cellSup(c: DisplayCell): string | undefined {
  return typeof c === "string" ? undefined : c.sup;
}

function validate(fn: string, table: DisplayTable): void {
  if (table === null || typeof table !== "object") throw new TypeError(`${fn}: table must be a DisplayTable; got ${describeValue(table)}.`);
  if (!Array.isArray(table.columns) || table.columns.length === 0) throw new RangeError(`${fn}: table.columns must be a non-empty array; got ${describeValue(table.columns)}.`);
  if (!Array.isArray(table.rows)) throw new TypeError(`${fn}: table.rows must be an array; got ${describeValue(table.rows)}.`);
  table.rows.forEach((r, i) => {
    if (!Array.isArray(r.cells) || r.cells.length !== table.columns.length) {
      throw new RangeError(`${fn}: table.rows[${i}].cells must hold ${table.columns.length} cells (one per column); got ${describeValue(r.cells)}.`);
    }
  });
  let end = 0;
  (table.spanners ?? []).forEach((s, i) => {
    if (!Number.isInteger(s.start) || !Number.isInteger(s.span) || s.span < 1 || s.start < end || s.start + s.span > table.columns.length) {
      throw new RangeError(`${fn}: table.spanners[${i}] must cover columns inside the table, in order and without overlap; got start ${describeValue(s.start)}, span ${describeValue(s.span)}.`);
    }
    end = s.start + s.span;
  });
}

/** Header cells with their spanner's label in front (`Diagnosis: UC`), for formats with one header row. */
function flatHeaders(table: DisplayTable): DisplayCell[] {
  const cols = [...table.columns];
  for (const s of table.spanners ?? []) {
    for (let j = s.start; j < s.start + s.span; j++) {
      const c = cols[j]!;
      cols[j] = typeof c === "string" ? `${s.label}: ${c}` : { ...c, text: `${s.label}: ${c.text}` };
    }
  }
  return cols;
}

/** The header row of spanners as [label or null, span] runs covering every column. */
export function spannerRuns(table: DisplayTable): { label: string | null; span: number }[] {
  const out: { label: string | null; span: number }[] = [];
  let col = 0;
  for (const s of table.spanners ?? []) {
    if (s.start > col) out.push({ label: null, span: s.start - col });
    out.push({ label: s.label, span: s.span });
    col = s.start + s.span;
  }
  if (col < table.columns.length) out.push({ label: null, span: table.columns.length - col });
  return out;
}

/**
 * Escapes text for a Markdown table cell.
 * @remarks Backslash, pipe, emphasis, code, link and heading characters get a backslash; `&` before an
 * entity name and `<` before a tag start become entities; newlines become `<br>`. A lone `<` (as in
 * `<0.001`) is left as is: GFM does not read it as a tag.
 * @param s - Text.
 * @returns The escaped text.
 * @example
 * escapeMarkdown("a|b *c* <script>");
 * //=> "a\\|b \\*c\\* &lt;script>"
 */
export function escapeMarkdown(s: string): string {
  return s
    .replace(/\\/g, "\\\\")
    .replace(/([|*_`[\]#])/g, "\\$1")
    .replace(/&(?=[A-Za-z#][A-Za-z0-9]*;)/g, "&amp;")
    .replace(/<(?=[A-Za-z/!?])/g, "&lt;")
    .replace(/\r?\n/g, "<br>");
}

/**
 * Escapes text for HTML element content and quoted attribute values (`&`, `<`, `>`, `"`, `'`).
 * @param s - Text.
 * @returns The escaped text.
 * @example
 * escapeHtml(`<a href="x">&</a>`);
 * //=> "&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;"
 */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

/**
 * Quotes one CSV field per RFC 4180: a field with a comma, quote, CR or LF is enclosed in quotes and its
 * quotes doubled; other fields are left as they are.
 * @param s - Field text.
 * @returns The field as written in a record.
 * @example
 * csvField('say "hi", then');
 * //=> "\"say \"\"hi\"\", then\""
 * @see Shafranovich Y. RFC 4180. 2005. doi:10.17487/RFC4180
 */
export function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * Renders a table as GitHub-flavoured Markdown.
 * @remarks Cell text is escaped (`|`, `\`, `*`, `_`, backticks, brackets, `#`, tags, entities); footnote
 * markers become `<sup>`; indented rows are prefixed with non-breaking spaces; the caption is a bold line
 * above and the footnotes are lines below.
 * @param table - The table.
 * @returns Markdown text ending with a newline.
 * @throws {TypeError} If `table` is not an object.
 * @throws {RangeError} If a row does not hold one cell per column.
 * @example
 * tableToMarkdown({ columns: ["Characteristic", "p"], rows: [{ cells: ["Age | years", { text: "<0.001", sup: "a" }] }],
 *   footnotes: ["a Wilcoxon rank sum test"] });
 * //=> "| Characteristic | p |\n|:--|:-:|\n| Age \\| years | <0.001<sup>a</sup> |\n\na Wilcoxon rank sum test\n"
 */
export function tableToMarkdown(table: DisplayTable): string {
  validate("tableToMarkdown", table);
  const md = (c: DisplayCell): string => {
    const sup = cellSup(c);
    return escapeMarkdown(cellText(c)) + (sup === undefined ? "" : `<sup>${escapeMarkdown(sup)}</sup>`);
  };
  const align = alignments(table);
  const lines: string[] = [];
  if (table.caption !== undefined) lines.push(`**${escapeMarkdown(table.caption)}**`, "");
  lines.push(`| ${flatHeaders(table).map(md).join(" | ")} |`);
  lines.push(`|${align.map((a) => (a === "left" ? ":--" : a === "right" ? "--:" : ":-:")).join("|")}|`);
  for (const r of table.rows) {
    const pad = "\u00a0\u00a0\u00a0\u00a0".repeat(r.indent ?? 0);
    lines.push(`| ${r.cells.map((c, j) => (j === 0 ? pad : "") + md(c)).join(" | ")} |`);
  }
  if (table.footnotes.length > 0) lines.push("", ...table.footnotes.map(escapeMarkdown));
  return lines.join("\n") + "\n";
}

function alignments(table: DisplayTable): ("left" | "center" | "right")[] {
  return table.columns.map((_, j) => table.align?.[j] ?? (j === 0 ? "left" : "center"));
}

/**
 * Renders a table as an HTML `<table>` fragment (no styles, no scripts).
 * @remarks Every text is HTML-escaped (`&`, `<`, `>`, quotes); footnote markers become `<sup>`; the caption
 * is a `<caption>`; footnotes are a `<tfoot>` row spanning all columns; indentation is a `padding-left`
 * style in em.
 * @param table - The table.
 * @returns HTML text.
 * @throws {TypeError} If `table` is not an object.
 * @throws {RangeError} If a row does not hold one cell per column.
 * @example
 * tableToHtml({ columns: ["x", "p"], rows: [{ cells: ["a<b", { text: "<0.001", sup: "a" }] }], footnotes: [] });
 * //=> "<table>\n<thead>\n<tr><th style=\"text-align:left\">x</th><th style=\"text-align:center\">p</th></tr>\n</thead>\n<tbody>\n<tr><td style=\"text-align:left\">a&lt;b</td><td style=\"text-align:center\">&lt;0.001<sup>a</sup></td></tr>\n</tbody>\n</table>\n"
 */
export function tableToHtml(table: DisplayTable): string {
  validate("tableToHtml", table);
  const h = (c: DisplayCell): string => {
    const sup = cellSup(c);
    return escapeHtml(cellText(c)).replace(/\r?\n/g, "<br>") + (sup === undefined ? "" : `<sup>${escapeHtml(sup)}</sup>`);
  };
  const align = alignments(table);
  const out: string[] = ["<table>"];
  if (table.caption !== undefined) out.push(`<caption>${escapeHtml(table.caption)}</caption>`);
  out.push("<thead>");
  if ((table.spanners ?? []).length > 0) {
    out.push(`<tr>${spannerRuns(table).map((r) => `<th colspan="${r.span}" style="text-align:center">${r.label === null ? "" : escapeHtml(r.label)}</th>`).join("")}</tr>`);
  }
  out.push(`<tr>${table.columns.map((c, j) => `<th style="text-align:${align[j]}">${h(c)}</th>`).join("")}</tr>`, "</thead>", "<tbody>");
  for (const r of table.rows) {
    const cells = r.cells.map((c, j) => {
      const indent = j === 0 && (r.indent ?? 0) > 0 ? `;padding-left:${(r.indent ?? 0) * 1.5}em` : "";
      return `<td style="text-align:${align[j]}${indent}">${h(c)}</td>`;
    });
    out.push(`<tr>${cells.join("")}</tr>`);
  }
  out.push("</tbody>");
  if (table.footnotes.length > 0) {
    out.push("<tfoot>", `<tr><td colspan="${table.columns.length}" style="text-align:left">${table.footnotes.map(escapeHtml).join("<br>")}</td></tr>`, "</tfoot>");
  }
  out.push("</table>");
  return out.join("\n") + "\n";
}

/** Options of {@link tableToCsv}. */
export interface TableToCsvOptions {
  /** Append the footnotes as one-field records padded to the column count. Default false. */
  readonly footnotes?: boolean;
  /**
   * Where footnote markers go: `"column"` (default: every column holding a marker is followed by a column
   * `<header> note` with the letter, so the value column stays a number), `"space"` (`<0.001 a` in one
   * field) or `"none"` (markers dropped).
   */
  readonly markers?: "column" | "space" | "none";
}

/**
 * Renders a table as CSV (RFC 4180): CRLF line ends, fields quoted when they hold a comma, quote, CR or
 * LF, quotes doubled, every record with the same number of fields.
 * @remarks One header row: line breaks inside header cells become `" ("`...`")"` (`UC\nN = 28` → `UC (N = 28)`),
 * a spanner's label goes in front of each header it spans (`Diagnosis: UC (N = 28)`). Indentation is dropped (a CSV has no layout). The caption is not written.
 * @param table - The table.
 * @param options - `footnotes` (default false), `markers` (default `"column"`).
 * @returns CSV text, each record ending in CRLF.
 * @throws {TypeError} If `table` is not an object or an option is unknown.
 * @throws {RangeError} If a row does not hold one cell per column.
 * @example
 * tableToCsv({ columns: ["Characteristic", "p"], rows: [{ cells: ['Age, "years"', { text: "<0.001", sup: "a" }] }], footnotes: [] });
 * //=> "Characteristic,p,p note\r\n\"Age, \"\"years\"\"\",<0.001,a\r\n"
 * @see Shafranovich Y. RFC 4180: Common Format and MIME Type for CSV Files. 2005. doi:10.17487/RFC4180
 */
export function tableToCsv(table: DisplayTable, options: TableToCsvOptions = {}): string {
  validate("tableToCsv", table);
  if (options === null || typeof options !== "object") throw new TypeError(`tableToCsv: options must be an object; got ${describeValue(options)}.`);
  for (const k of Object.keys(options)) {
    if (k !== "footnotes" && k !== "markers") throw new TypeError(`tableToCsv: options.${k} is not an option (known: footnotes, markers).`);
  }
  const markers = assertOneOf("tableToCsv", "options.markers", options.markers ?? "column", ["column", "space", "none"] as const);
  const header = (c: DisplayCell): string => {
    const [first, ...rest] = cellText(c).split(/\r?\n/);
    return rest.length === 0 ? (first ?? "") : `${first} (${rest.join(", ")})`;
  };
  const headers = flatHeaders(table);
  const noteCols = table.columns.map((_, j) => markers === "column" && table.rows.some((r) => cellSup(r.cells[j]!) !== undefined));
  const head: string[] = [];
  headers.forEach((c, j) => {
    head.push(csvField(header(c)));
    if (noteCols[j]) head.push(csvField(`${header(c)} note`));
  });
  const body = table.rows.map((r) => {
    const out: string[] = [];
    r.cells.forEach((c, j) => {
      const sup = cellSup(c);
      if (markers === "space" && sup !== undefined) out.push(csvField(`${cellText(c)} ${sup}`));
      else out.push(csvField(cellText(c)));
      if (noteCols[j]) out.push(csvField(sup ?? ""));
    });
    return out.join(",");
  });
  const records = [head.join(","), ...body];
  if (options.footnotes === true) {
    for (const f of table.footnotes) records.push([csvField(f), ...Array<string>(head.length - 1).fill("")].join(","));
  }
  return records.map((r) => r + "\r\n").join("");
}

