/**
 * Reading records from JSON, NDJSON or CSV files for the CLI, each with the line it starts on.
 */
import { isUtf8 } from "node:buffer";
import type { RecordKind } from "./columns.js";
import { createCsvParser, csvRowToRecord, parseCsvHeader, type CsvColumn, type CsvRecord } from "./csv.js";
import { CsvRecordCutter, VisitTranscoder } from "./csvBytes.js";
import { lineBatches, readText, textChunks } from "./io.js";
import { parseAdverseEvent, parsePatient, parseTreatmentCourse, parseVisit, type ParseResult } from "../models/index.js";
import { formatPath, gotValue, parseJsonSafe } from "./safeJson.js";
import { visitIssues } from "./visitIssues.js";

export type { RecordKind } from "./columns.js";

/** Input formats. */
export type InputFormat = "json" | "ndjson" | "csv";
/** The cohort collections and their record kinds. */
export const COLLECTION_KIND: ReadonlyMap<string, RecordKind> = new Map<string, RecordKind>([
  ["patients", "patient"],
  ["courses", "course"],
  ["visits", "visit"],
  ["adverseEvents", "adverseEvent"],
]);

/** A problem with one field of a record: the dotted path (or `(record)`, `(header)`) and the reason. */
export interface FieldError {
  readonly field: string;
  readonly reason: string;
}

/** One input record or the reason it could not be read. */
export type InputItem =
  | { readonly line: number; readonly value: unknown; readonly collection?: string; readonly index?: number; readonly error?: undefined }
  | {
      readonly line: number;
      /** The first problem. */
      readonly error: FieldError;
      /** Every problem (when there are several, e.g. several unreadable CSV cells), the first included. */
      readonly errors?: readonly FieldError[];
      readonly collection?: string;
      readonly index?: number;
    };

/** The format from `--format` or the file name (`.json`, `.ndjson`/`.jsonl`, `.csv`). */
export function detectFormat(file: string, explicit?: string): InputFormat | null {
  const f = (explicit ?? "").toLowerCase();
  if (f === "json" || f === "ndjson" || f === "csv") return f;
  if (f === "jsonl") return "ndjson";
  if (explicit !== undefined) return null;
  const lower = file.toLowerCase();
  if (lower.endsWith(".ndjson") || lower.endsWith(".jsonl")) return "ndjson";
  if (lower.endsWith(".csv")) return "csv";
  if (lower.endsWith(".json")) return "json";
  return null;
}

/** The kind of a record guessed from its keys (used when `--kind` is not given). */
export function guessKind(value: unknown): RecordKind | null {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return null;
  const has = (k: string) => Object.prototype.hasOwnProperty.call(value, k);
  if (has("dosePeriods")) return "course";
  if (has("onsetDate") || has("category")) return "adverseEvent";
  if (has("birthDate") || has("diagnosisDate")) return "patient";
  if (has("patientId") && has("date")) return "visit";
  return null;
}

/** Line (1-based) of a character offset. */
export function lineOfOffset(text: string, offset: number): number {
  let line = 1;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/**
 * Start lines of the elements of a top-level JSON array (key `""`) or of the arrays held by a top-level
 * object (key = property name). A small lexer: strings and escapes are skipped, nothing is evaluated.
 */
export function elementLines(text: string): Map<string, number[]> {
  const out = new Map<string, number[]>();
  const stack: { kind: "array" | "object"; key: string; expectValue: boolean }[] = [];
  let line = 1;
  let lastKey = "";
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i]!;
    if (c === "\n") {
      line++;
      i++;
      continue;
    }
    if (c === " " || c === "\t" || c === "\r" || c === ",") {
      if (c === "," && stack.length > 0 && stack[stack.length - 1]!.kind === "array") stack[stack.length - 1]!.expectValue = true;
      i++;
      continue;
    }
    const top = stack[stack.length - 1];
    const startsElement = top !== undefined && top.kind === "array" && top.expectValue && c !== "]";
    if (startsElement) {
      top.expectValue = false;
      if (stack.length === 1 || stack.length === 2) {
        const key = stack.length === 1 ? "" : top.key;
        let arr = out.get(key);
        if (arr === undefined) out.set(key, (arr = []));
        arr.push(line);
      }
    }
    if (c === '"') {
      let j = i + 1;
      let s = "";
      while (j < n && text[j] !== '"') {
        if (text[j] === "\\") j++;
        else s += text[j];
        j++;
      }
      if (top !== undefined && top.kind === "object" && stack.length === 1) lastKey = s;
      i = j + 1;
      continue;
    }
    if (c === "[" || c === "{") {
      stack.push({ kind: c === "[" ? "array" : "object", key: stack.length === 1 ? lastKey : "", expectValue: c === "[" });
      i++;
      continue;
    }
    if (c === "]" || c === "}") {
      stack.pop();
      i++;
      continue;
    }
    i++;
  }
  return out;
}

/** Line (1-based) of the first byte that is not valid UTF-8 in `bytes`, or 0 when all of it is. */
export function firstBadUtf8Line(bytes: Buffer): number {
  if (isUtf8(bytes)) return 0;
  let line = 1;
  let start = 0;
  for (;;) {
    const nl = bytes.indexOf(10, start);
    const end = nl === -1 ? bytes.length : nl;
    if (!isUtf8(bytes.subarray(start, end))) return line;
    if (nl === -1) return line;
    line++;
    start = nl + 1;
  }
}

/** The problem of a line that is not UTF-8 text. */
export const NOT_UTF8: FieldError = { field: "(record)", reason: "is not valid UTF-8 text (the file may be Latin-1 or Windows-1252: convert it, e.g. iconv -f WINDOWS-1252 -t UTF-8)" };

/** Reads a whole JSON file: a cohort object (collections), an array of records, or one record. BOM dropped. */
export async function readJsonFile(file: string): Promise<{ items: InputItem[]; cohort: unknown | null; empty: boolean }> {
  const { text, bytes } = await readText(file);
  if (text.trim() === "") return { items: [], cohort: null, empty: true };
  const badLine = firstBadUtf8Line(bytes);
  if (badLine > 0) return { items: [{ line: badLine, error: NOT_UTF8 }], cohort: null, empty: false };
  const r = parseJsonSafe(text, MAX_FILE_DEPTH);
  if (!r.ok) return { items: [{ line: r.position === undefined ? 1 : lineOfOffset(text, r.position), error: { field: r.field, reason: r.reason } }], cohort: null, empty: false };
  const v = r.value;
  const lines = elementLines(text);
  if (Array.isArray(v)) {
    const ls = lines.get("") ?? [];
    return { items: Array.from(v, (value: unknown, index) => ({ line: ls[index] ?? 1, value, index })), cohort: null, empty: v.length === 0 };
  }
  if (v !== null && typeof v === "object" && Object.keys(v).some((k) => COLLECTION_KIND.has(k))) {
    const items: InputItem[] = [];
    for (const [collection, arr] of Object.entries(v as Record<string, unknown>)) {
      if (!Array.isArray(arr)) continue;
      const ls = lines.get(collection) ?? [];
      // Array.from visits holes too: a hole is a record (reported as missing), never skipped
      Array.from(arr, (value: unknown, index) => items.push({ line: ls[index] ?? 1, value, collection, index }));
    }
    return { items, cohort: v, empty: items.length === 0 };
  }
  return { items: [{ line: 1, value: v }], cohort: null, empty: false };
}

/** Nesting limit of a whole JSON file (a cohort holds records one or two levels down). */
const MAX_FILE_DEPTH = 66;

/**
 * Streams an NDJSON file (or stdin, `-`) line by line, as bytes cut at newlines (blank lines skipped, CRLF
 * accepted, BOM dropped). Memory stays flat whatever the file size.
 * @param onLine - Called for each non-blank line with the batch bytes and the line's [start, end); return true
 * when it handled the line itself (no item is then produced for it).
 * @param onBytes - Called with the size of each batch read (progress).
 * @param skipLine - Called first for a line starting with `{`, with the batch bytes, the line's start and the
 * batch end: the index of the line's end (its LF or the batch end) when it handled the line, else -1.
 */
export async function* readNdjson(
  file: string,
  onLine?: (buf: Buffer, start: number, end: number, line: number) => boolean,
  onBytes?: (n: number) => void,
  skipLine?: (buf: Buffer, start: number, end: number) => number,
): AsyncGenerator<InputItem> {
  for await (const { bytes, firstLine } of lineBatches(file)) {
    onBytes?.(bytes.length + 1);
    let line = firstLine;
    let start = 0;
    const n = bytes.length;
    const items: InputItem[] = [];
    while (start <= n) {
      if (skipLine !== undefined && bytes[start] === 123) {
        // a line handled by the caller before its end is searched for
        const e = skipLine(bytes, start, n);
        if (e >= 0) {
          line++;
          start = e + 1;
          continue;
        }
      }
      let end = bytes.indexOf(10, start);
      if (end === -1) end = n;
      let stop = end;
      if (stop > start && bytes[stop - 1] === 13) stop--;
      if (stop > start && !(onLine !== undefined && onLine(bytes, start, stop, line))) {
        const item = ndjsonItem(bytes, start, stop, line);
        if (item !== null) items.push(item);
      }
      line++;
      start = end + 1;
    }
    yield* items;
  }
}

/** One NDJSON line as an item (prototype-safe parse, depth limit, UTF-8 check), or `null` for a blank line. */
export function ndjsonItem(bytes: Buffer, start: number, stop: number, line: number): InputItem | null {
  const text = bytes.toString("utf8", start, stop);
  if (text.trim() === "") return null;
  if (text.includes("\uFFFD") && !isUtf8(bytes.subarray(start, stop))) return { line, error: NOT_UTF8 };
  const r = parseJsonSafe(text);
  return r.ok ? { line, value: r.value } : { line, error: { field: r.field, reason: r.reason } };
}

/** The schema check of each record kind. */
export const RECORD_PARSERS: ReadonlyMap<RecordKind, (x: unknown) => ParseResult<unknown>> = new Map<RecordKind, (x: unknown) => ParseResult<unknown>>([
  ["patient", parsePatient],
  ["course", parseTreatmentCourse],
  ["visit", parseVisit],
  ["adverseEvent", parseAdverseEvent],
]);

/** Whether a schema problem at `field` is about a cell already reported (`bad`): the same field, inside it, or a block holding it. */
function aboutBadCell(field: string, bad: readonly FieldError[]): boolean {
  for (const b of bad) {
    const f = b.field;
    if (field === f || field.startsWith(`${f}.`) || field.startsWith(`${f}[`) || f.startsWith(`${field}.`)) return true;
  }
  return false;
}

/**
 * One CSV data row as an item: the record, or every problem of the row. When some cells cannot be read, the
 * record built from the other cells is checked against its kind's schema too, so the row reports all its
 * problems as an NDJSON line does (problems about the unreadable cells themselves, or the blocks holding them,
 * are not repeated: the cell's own reason says it).
 * @param kind - The header's record kind (`null`: guessed from the row).
 */
export function csvRowItem(line: number, columns: readonly CsvColumn[], fields: readonly string[], kind: RecordKind | null): InputItem {
  const rec = csvRowToRecord(columns, fields);
  if (rec.ok) return { line, value: rec.value };
  const errors: FieldError[] = [...rec.problems];
  const partial = rec.partial;
  const k = partial === undefined ? null : (kind ?? guessKind(partial));
  const parse = k === null ? undefined : RECORD_PARSERS.get(k);
  if (parse !== undefined) {
    // visits: member by member (the same issues as parseVisit, faster)
    const quick = k === "visit" ? visitIssues(partial) : null;
    const r = quick !== null ? { success: quick.length === 0, issues: quick } : parse(partial);
    if (!r.success) {
      for (const i of r.issues) {
        const field = formatPath(i.path);
        if (!aboutBadCell(field, rec.problems)) errors.push({ field, reason: `${i.message}${gotValue(partial, i.path)}` });
      }
    }
  }
  return { line, error: errors[0]!, errors };
}

/** Options of {@link readCsv}. */
export interface ReadCsvOptions {
  /** Record kind of the rows (default: guessed from the header). */
  readonly kind?: RecordKind | null | undefined;
  /** Extra columns are errors. */
  readonly strict?: boolean | undefined;
  /** Called once per notice about the header (an extra column ignored), with the header's line. */
  readonly onNotice?: ((line: number, message: string) => void) | undefined;
  /** Called with the header's columns once it is read. */
  readonly onHeader?: ((columns: readonly CsvColumn[], names: readonly string[]) => void) | undefined;
  /** Filled in: rows not read because the header was rejected (they are not reported one by one). */
  readonly unread?: { rows: number } | undefined;
  /** Called with the size in bytes of each chunk read (progress). */
  readonly onBytes?: ((n: number) => void) | undefined;
  /** Called with the raw cells of each data row before it is turned into a record. */
  readonly onRow?: ((fields: readonly string[]) => void) | undefined;
  /**
   * Visit rows of the common plain shape (see csvBytes.ts), as the compact JSON bytes [0, len) of `json` of the
   * record the row is read as: return true when handled (no item is then produced for the row). Not called when
   * `onRow` is given. With it, `readCsvFast` yields `null` after each batch of rows (a point to write output).
   */
  readonly fastVisit?: ((json: Buffer, len: number, line: number) => boolean) | undefined;
  /** Read size in bytes (default 1 MiB; small sizes test records that run across reads). */
  readonly chunkBytes?: number | undefined;
}

/**
 * Streams a CSV file (or stdin, `-`): the first record is the header (dotted column paths). A rejected header
 * is reported once (one item per reason, at the header's line); the rows after it are then counted in
 * `options.unread`, not reported one by one. Records are cut on the bytes (csvBytes.ts); items, lines and
 * messages are those of {@link readCsvText}.
 */
export async function* readCsv(file: string, options: ReadCsvOptions = {}): AsyncGenerator<InputItem> {
  for await (const it of readCsvFast(file, { ...options, fastVisit: undefined })) if (it !== null) yield it;
}

/**
 * {@link readCsv} with the visit fast path (`options.fastVisit`): `null` after each batch of rows.
 */
export async function* readCsvFast(file: string, options: ReadCsvOptions = {}): AsyncGenerator<InputItem | null> {
  let columns: CsvColumn[] | null = null;
  let headerDone = false;
  let trans: VisitTranscoder | null = null;
  let rowKind: RecordKind | null = null;
  const fast = options.onRow === undefined ? options.fastVisit : undefined;
  const cut = new CsvRecordCutter();
  const r = cut.rec;
  // one item per record that is not handled on the bytes
  const item = (): InputItem | null => {
    if (!headerDone) {
      headerDone = true;
      const p = r.parsed;
      if (p !== null && p.error !== undefined) return { line: r.line, error: { field: "(header)", reason: p.error } };
      const fields = cut.fields();
      const h = parseCsvHeader(fields, { kind: options.kind, strict: options.strict });
      if (h.ok) {
        columns = h.columns;
        rowKind = h.kind;
        for (const m of h.notices) options.onNotice?.(r.line, m);
        options.onHeader?.(h.columns, fields);
        if (fast !== undefined && h.kind === "visit") trans = VisitTranscoder.create(h.columns);
        return null;
      }
      const errors = h.reasons.map((reason) => ({ field: "(header)", reason }));
      return { line: r.line, error: errors[0]!, errors };
    }
    if (columns === null) {
      if (options.unread !== undefined) options.unread.rows++;
      return null;
    }
    if (r.parsed !== null && r.parsed.error !== undefined) return { line: r.line, error: { field: "(record)", reason: r.parsed.error } };
    if (trans !== null && r.parsed === null && !r.nonAscii && trans.row(cut.bytes, r) && fast!(trans.out, trans.len, r.line)) return null;
    const fields = cut.fields();
    if (r.nonAscii && fields.some((f) => f.includes("\uFFFD"))) return { line: r.line, error: NOT_UTF8 };
    options.onRow?.(fields);
    return csvRowItem(r.line, columns, fields, rowKind);
  };
  for await (const { bytes } of lineBatches(file, options.chunkBytes)) {
    options.onBytes?.(bytes.length + 1);
    cut.batch(bytes);
    while (cut.next(false)) {
      const it = item();
      if (it !== null) yield it;
    }
    if (fast !== undefined) yield null;
  }
  cut.batch(Buffer.alloc(0));
  while (cut.next(true)) {
    const it = item();
    if (it !== null) yield it;
  }
}

/**
 * The text reader of CSV files (UTF-8 decoding, then {@link createCsvParser}): the reference that
 * {@link readCsv} is tested against.
 */
export async function* readCsvText(file: string, options: ReadCsvOptions = {}): AsyncGenerator<InputItem> {
  let columns: CsvColumn[] | null = null;
  let headerDone = false;
  let rowKind: RecordKind | null = null;
  let queue: CsvRecord[] = [];
  const parser = createCsvParser((r) => queue.push(r));
  let replaced = false;
  const drain = function* (): Generator<InputItem> {
    const q = queue;
    queue = [];
    for (const r of q) {
      if (!headerDone) {
        headerDone = true;
        if (r.error !== undefined) {
          yield { line: r.line, error: { field: "(header)", reason: r.error } };
          continue;
        }
        const h = parseCsvHeader(r.fields, { kind: options.kind, strict: options.strict });
        if (h.ok) {
          columns = h.columns;
          rowKind = h.kind;
          for (const m of h.notices) options.onNotice?.(r.line, m);
          options.onHeader?.(h.columns, r.fields);
        } else {
          const errors = h.reasons.map((reason) => ({ field: "(header)", reason }));
          yield { line: r.line, error: errors[0]!, errors };
        }
        continue;
      }
      if (columns === null) {
        if (options.unread !== undefined) options.unread.rows++;
        continue;
      }
      if (r.error !== undefined) {
        yield { line: r.line, error: { field: "(record)", reason: r.error } };
        continue;
      }
      if (replaced && r.fields.some((f) => f.includes("\uFFFD"))) {
        yield { line: r.line, error: NOT_UTF8 };
        continue;
      }
      options.onRow?.(r.fields);
      yield csvRowItem(r.line, columns, r.fields, rowKind);
    }
  };
  for await (const chunk of textChunks(file)) {
    if (!replaced && chunk.includes("\uFFFD")) replaced = true;
    options.onBytes?.(Buffer.byteLength(chunk));
    parser.push(chunk);
    yield* drain();
  }
  parser.end();
  yield* drain();
}
