/**
 * Reading records from JSON, NDJSON or CSV files for the CLI, each with the line it starts on.
 */
import { createReadStream } from "node:fs";
import { readFile } from "node:fs/promises";
import { createInterface } from "node:readline";
import { createCsvParser, csvRowToRecord, parseCsvHeader, type CsvColumn, type CsvRecord } from "./csv.js";
import { parseJsonSafe } from "./safeJson.js";

/** Input formats. */
export type InputFormat = "json" | "ndjson" | "csv";
/** Record kinds the CLI validates. */
export type RecordKind = "patient" | "course" | "visit" | "adverseEvent";
/** The cohort collections and their record kinds. */
export const COLLECTION_KIND: Readonly<Record<string, RecordKind>> = Object.freeze({
  patients: "patient",
  courses: "course",
  visits: "visit",
  adverseEvents: "adverseEvent",
});

/** One input record or the reason it could not be read. */
export type InputItem =
  | { readonly line: number; readonly value: unknown; readonly collection?: string; readonly index?: number; readonly error?: undefined }
  | { readonly line: number; readonly error: { readonly field: string; readonly reason: string }; readonly collection?: string; readonly index?: number };

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

/** Reads a whole JSON file: a cohort object (collections), an array of records, or one record. */
export async function readJsonFile(file: string): Promise<{ items: InputItem[]; cohort: unknown | null }> {
  const text = await readFile(file, "utf8");
  const r = parseJsonSafe(text);
  if (!r.ok) return { items: [{ line: r.position === undefined ? 1 : lineOfOffset(text, r.position), error: { field: r.field, reason: r.reason } }], cohort: null };
  const v = r.value;
  const lines = elementLines(text);
  if (Array.isArray(v)) {
    const ls = lines.get("") ?? [];
    return { items: v.map((value, index) => ({ line: ls[index] ?? 1, value, index })), cohort: null };
  }
  if (v !== null && typeof v === "object" && Object.keys(v).some((k) => k in COLLECTION_KIND)) {
    const items: InputItem[] = [];
    for (const [collection, arr] of Object.entries(v as Record<string, unknown>)) {
      if (!Array.isArray(arr)) continue;
      const ls = lines.get(collection) ?? [];
      arr.forEach((value, index) => items.push({ line: ls[index] ?? 1, value, collection, index }));
    }
    return { items, cohort: v };
  }
  return { items: [{ line: 1, value: v }], cohort: null };
}

/** Streams an NDJSON file line by line (blank lines skipped). Memory stays flat whatever the file size. */
export async function* readNdjson(input: NodeJS.ReadableStream): AsyncGenerator<InputItem> {
  const rl = createInterface({ input, crlfDelay: Infinity });
  let line = 0;
  for await (const text of rl) {
    line++;
    if (text.trim() === "") continue;
    const r = parseJsonSafe(text);
    yield r.ok ? { line, value: r.value } : { line, error: { field: r.field, reason: r.reason } };
  }
}

/** Streams a CSV file: the first record is the header (dotted column paths). */
export async function* readCsv(input: NodeJS.ReadableStream): AsyncGenerator<InputItem> {
  let columns: CsvColumn[] | null = null;
  let headerError: string | null = null;
  let queue: CsvRecord[] = [];
  const parser = createCsvParser((r) => queue.push(r));
  const drain = function* (): Generator<InputItem> {
    const q = queue;
    queue = [];
    for (const r of q) {
      if (r.error !== undefined) {
        yield { line: r.line, error: { field: "(record)", reason: r.error } };
        continue;
      }
      if (columns === null && headerError === null) {
        const h = parseCsvHeader(r.fields);
        if (h.ok) columns = h.columns;
        else {
          headerError = h.reason;
          yield { line: r.line, error: { field: "(header)", reason: h.reason } };
        }
        continue;
      }
      if (columns === null) {
        yield { line: r.line, error: { field: "(header)", reason: "the header is invalid" } };
        continue;
      }
      const rec = csvRowToRecord(columns, r.fields);
      yield rec.ok ? { line: r.line, value: rec.value } : { line: r.line, error: { field: "(record)", reason: rec.reason } };
    }
  };
  for await (const chunk of input) {
    parser.push(typeof chunk === "string" ? chunk : (chunk as Buffer).toString("utf8"));
    yield* drain();
  }
  parser.end();
  yield* drain();
}

/** Opens a file (or `-` for stdin) as a UTF-8 stream. */
export function openInput(file: string, chunkBytes = 1 << 20): NodeJS.ReadableStream {
  if (file === "-") {
    process.stdin.setEncoding("utf8");
    return process.stdin;
  }
  return createReadStream(file, { encoding: "utf8", highWaterMark: chunkBytes });
}
