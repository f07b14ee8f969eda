/**
 * A small streaming CSV parser (RFC 4180): quoted fields, doubled quotes inside quotes, commas and line
 * breaks inside quoted fields, CRLF or LF record ends, an optional UTF-8 BOM. No dependency.
 * @remarks Records are delivered as soon as they are complete, so a file of any size parses in constant
 * memory. Each record carries the physical line it starts on (1-based) for error messages. A quote inside
 * an unquoted field, text after a closing quote, or an unterminated quoted field is an error for that
 * record (reported, never thrown); parsing resumes at the next line.
 */
import { FORBIDDEN_KEYS } from "./safeJson.js";

/** One parsed CSV record, or the reason it could not be parsed. */
export type CsvRecord =
  | { readonly line: number; readonly fields: readonly string[]; readonly error?: undefined }
  | { readonly line: number; readonly fields?: undefined; readonly error: string };

/** A push parser: feed chunks, then `end()`. */
export interface CsvParser {
  push(chunk: string): void;
  end(): void;
}

/**
 * Creates a streaming RFC 4180 parser.
 * @param onRecord - Called once per record (including blank-line-free data rows and errors), in order.
 * @returns `push(chunk)` and `end()`.
 * @example
 * const rows: string[][] = [];
 * const p = createCsvParser((r) => { if (r.fields) rows.push([...r.fields]); });
 * p.push('a,"b ""q"""\r\n1,"x,\ny"\r\n'); p.end();
 * rows;
 * //=> [["a", 'b "q"'], ["1", "x,\ny"]]
 */
export function createCsvParser(onRecord: (r: CsvRecord) => void): CsvParser {
  let fields: string[] = [];
  let field = "";
  let inQuotes = false;
  let afterQuote = false; // a quoted field just closed
  let fieldStarted = false;
  let line = 1; // current physical line
  let recordLine = 1;
  let bad: string | null = null;
  let pendingCR = false;
  let quotedCR = false;
  let pendingQuote = false;
  let first = true;

  const endRecord = () => {
    if (bad !== null) onRecord({ line: recordLine, error: bad });
    else if (!(fields.length === 0 && field === "" && !fieldStarted)) {
      fields.push(field);
      onRecord({ line: recordLine, fields });
    }
    fields = [];
    field = "";
    fieldStarted = false;
    afterQuote = false;
    bad = null;
    recordLine = line;
  };

  const push = (chunk: string) => {
    let s = chunk;
    if (first) {
      first = false;
      if (s.charCodeAt(0) === 0xfeff) s = s.slice(1);
    }
    const n = s.length;
    let i = 0;
    while (i < n) {
      const c = s[i]!;
      if (pendingCR) {
        pendingCR = false;
        if (c === "\n" && !inQuotes) {
          i++;
          continue;
        }
      }
      if (quotedCR) {
        quotedCR = false;
        if (c !== "\n" || !inQuotes) line++; // a lone CR ended the previous chunk
      }
      if (inQuotes) {
        if (c === '"') {
          if (i + 1 < n) {
            if (s[i + 1] === '"') {
              field += '"';
              i += 2;
              continue;
            }
            inQuotes = false;
            afterQuote = true;
            i++;
            continue;
          }
          // quote at chunk end: decide on the next chunk
          inQuotes = false;
          afterQuote = true;
          pendingQuote = true;
          i++;
          continue;
        }
        if (c === "\n") line++;
        else if (c === "\r") {
          if (i + 1 === n) quotedCR = true; // decide on the next chunk
          else if (s[i + 1] !== "\n") line++;
        }
        // fast path: copy a run of ordinary characters
        let j = i + 1;
        while (j < n && s[j] !== '"' && s[j] !== "\n" && s[j] !== "\r") j++;
        field += s.slice(i, j);
        i = j;
        continue;
      }
      if (pendingQuote) {
        pendingQuote = false;
        if (c === '"') {
          // escaped quote split across chunks
          field += '"';
          inQuotes = true;
          afterQuote = false;
          i++;
          continue;
        }
      }
      if (c === ",") {
        fields.push(field);
        field = "";
        fieldStarted = true;
        afterQuote = false;
        i++;
        continue;
      }
      if (c === "\r" || c === "\n") {
        line++;
        endRecord();
        if (c === "\r") {
          if (i + 1 < n) {
            if (s[i + 1] === "\n") i++;
          } else pendingCR = true;
        }
        i++;
        continue;
      }
      if (c === '"') {
        if (field === "" && !afterQuote) {
          inQuotes = true;
          fieldStarted = true;
          i++;
          continue;
        }
        if (bad === null) bad = afterQuote ? "text after a closing quote must be followed by a comma or a line end" : 'a quote (") may only appear inside a quoted field';
        i++;
        continue;
      }
      if (afterQuote && bad === null) bad = "text after a closing quote must be followed by a comma or a line end";
      let j = i + 1;
      while (j < n && s[j] !== "," && s[j] !== "\r" && s[j] !== "\n" && s[j] !== '"') j++;
      field += s.slice(i, j);
      fieldStarted = true;
      i = j;
    }
  };

  return {
    push,
    end() {
      pendingQuote = false;
      if (inQuotes) {
        bad = "a quoted field is not terminated before the end of the file";
        inQuotes = false;
      }
      endRecord();
    },
  };
}

/** A CSV header cell turned into a path: `mayo.stoolFrequency` → `["mayo", "stoolFrequency"]`; `x[]` = a `;`-separated list. */
export interface CsvColumn {
  readonly path: readonly string[];
  readonly list: boolean;
}

const SEGMENT = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Fields kept as text even when they look like numbers (identifiers, dates, names, units). */
const TEXT_KEYS = /^(id|patientId|date|[A-Za-z]*Date|drug|agent|agentClass|term|unit|site|sex|diagnosis|category|type|reason|phase|infectionType|location|behavior|extent|age|severity|mechanism|reasonStopped|rutgeerts)$/;

/**
 * Reads a header row into column paths.
 * @returns The columns, or the reason the header is rejected (bad segment, forbidden key, duplicate).
 */
export function parseCsvHeader(fields: readonly string[]): { ok: true; columns: CsvColumn[] } | { ok: false; reason: string } {
  const seen = new Set<string>();
  const columns: CsvColumn[] = [];
  for (const raw of fields) {
    const name = raw.trim();
    const list = name.endsWith("[]");
    const path = (list ? name.slice(0, -2) : name).split(".");
    for (const seg of path) {
      if (FORBIDDEN_KEYS.has(seg)) return { ok: false, reason: `header "${name}": key "${seg}" is not allowed (prototype pollution guard)` };
      if (!SEGMENT.test(seg)) return { ok: false, reason: `header "${name}": each dotted part must be a name of letters, digits and _` };
    }
    const key = path.join(".");
    if (seen.has(key)) return { ok: false, reason: `header "${name}" appears twice` };
    seen.add(key);
    columns.push({ path, list: list || path[path.length - 1] === "complications" });
  }
  return { ok: true, columns };
}

function typed(key: string, text: string): unknown {
  if (TEXT_KEYS.test(key)) return text;
  if (text === "true") return true;
  if (text === "false") return false;
  if (text === "null") return null;
  if (/^-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/.test(text)) return Number(text);
  return text;
}

/**
 * Builds one record from a CSV row: dotted columns become nested objects, empty cells are left out,
 * `true`/`false`/numbers are typed (identifiers, dates and names stay text). Objects are created with
 * a null prototype and keys come only from the validated header, so no cell can touch a prototype.
 * @returns The record, or the reason the row does not fit the header.
 */
export function csvRowToRecord(columns: readonly CsvColumn[], fields: readonly string[]): { ok: true; value: Record<string, unknown> } | { ok: false; reason: string } {
  if (fields.length !== columns.length) return { ok: false, reason: `has ${fields.length} fields; the header has ${columns.length}` };
  const root = Object.create(null) as Record<string, unknown>;
  for (let c = 0; c < columns.length; c++) {
    const col = columns[c]!;
    const text = fields[c]!;
    if (text === "" && !col.list) continue;
    let obj = root;
    for (let k = 0; k < col.path.length - 1; k++) {
      const seg = col.path[k]!;
      let next = obj[seg];
      if (next === undefined) {
        next = Object.create(null) as Record<string, unknown>;
        obj[seg] = next;
      } else if (next === null || typeof next !== "object") return { ok: false, reason: `column "${col.path.join(".")}" conflicts with column "${col.path.slice(0, k + 1).join(".")}"` };
      obj = next as Record<string, unknown>;
    }
    const last = col.path[col.path.length - 1]!;
    obj[last] = col.list ? (text === "" ? [] : text.split(";").map((s) => s.trim())) : typed(last, text);
  }
  return { ok: true, value: root };
}
