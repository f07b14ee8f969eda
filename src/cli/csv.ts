/**
 * A small streaming CSV parser (RFC 4180): quoted fields, doubled quotes inside quotes, commas and line
 * breaks inside quoted fields, CRLF or LF record ends, an optional UTF-8 BOM. No dependency.
 * @remarks Records are delivered as soon as they are complete, so a file of any size parses in constant
 * memory. Each record carries the physical line it starts on (1-based) for error messages. A quote inside
 * an unquoted field, text after a closing quote, or an unterminated quoted field is an error for that
 * record (reported, never thrown); parsing resumes at the next line.
 */
import { BOOLEAN_SPELLINGS_TEXT, guessKindFromColumns, isDecimal, kindColumns, readBoolean, type ColumnType, type RecordKind } from "./columns.js";
import { FORBIDDEN_KEYS, parseJsonSafe } from "./safeJson.js";

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

  // character codes: 34 '"', 44 ',', 10 LF, 13 CR
  const push = (chunk: string) => {
    let s = chunk;
    if (first) {
      first = false;
      if (s.charCodeAt(0) === 0xfeff) s = s.slice(1);
    }
    const n = s.length;
    let i = 0;
    while (i < n) {
      const c = s.charCodeAt(i);
      if (pendingCR) {
        pendingCR = false;
        if (c === 10 && !inQuotes) {
          i++;
          continue;
        }
      }
      if (quotedCR) {
        quotedCR = false;
        if (c !== 10 || !inQuotes) line++; // a lone CR ended the previous chunk
      }
      if (inQuotes) {
        if (c === 34) {
          if (i + 1 < n) {
            if (s.charCodeAt(i + 1) === 34) {
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
        if (c === 10) line++;
        else if (c === 13) {
          if (i + 1 === n) quotedCR = true; // decide on the next chunk
          else if (s.charCodeAt(i + 1) !== 10) line++;
        }
        // fast path: copy a run of ordinary characters
        let j = i + 1;
        for (; j < n; j++) {
          const d = s.charCodeAt(j);
          if (d === 34 || d === 10 || d === 13) break;
        }
        field += s.slice(i, j);
        i = j;
        continue;
      }
      if (pendingQuote) {
        pendingQuote = false;
        if (c === 34) {
          // escaped quote split across chunks
          field += '"';
          inQuotes = true;
          afterQuote = false;
          i++;
          continue;
        }
      }
      if (c === 44) {
        fields.push(field);
        field = "";
        fieldStarted = true;
        afterQuote = false;
        i++;
        continue;
      }
      if (c === 13 || c === 10) {
        line++;
        endRecord();
        if (c === 13) {
          if (i + 1 < n) {
            if (s.charCodeAt(i + 1) === 10) i++;
          } else pendingCR = true;
        }
        i++;
        continue;
      }
      if (c === 34) {
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
      for (; j < n; j++) {
        const d = s.charCodeAt(j);
        if (d === 44 || d === 13 || d === 10 || d === 34) break;
      }
      // a field is usually one run: take the slice itself instead of appending to ""
      field = field === "" ? s.slice(i, j) : field + s.slice(i, j);
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
  /** How cells are read (from the record schema when the kind is known; `undefined`: guessed from the text). */
  readonly type?: ColumnType | undefined;
  /** Whether the path may hold `null` (cells reading `null` become `null`). */
  readonly nullable?: boolean | undefined;
  /** An extra column (not a field of the record kind): its cells are not read. */
  readonly ignore?: boolean | undefined;
}

/** Options of {@link parseCsvHeader}. */
export interface CsvHeaderOptions {
  /** Record kind of the rows (default: guessed from the column names, an error when it cannot be; `null` = no kind, cells typed by their text). */
  readonly kind?: RecordKind | null | undefined;
  /** Extra columns are errors instead of notices. */
  readonly strict?: boolean | undefined;
}

/** The result of {@link parseCsvHeader}. */
export type CsvHeader =
  | { readonly ok: true; readonly columns: CsvColumn[]; readonly kind: RecordKind | null; readonly notices: readonly string[] }
  | { readonly ok: false; readonly reason: string; readonly reasons: readonly string[]; readonly kind: RecordKind | null };

const SEGMENT = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Fields kept as text even when they look like numbers (identifiers, dates, names, units), when the kind is unknown. */
const TEXT_KEYS = /^(id|patientId|date|[A-Za-z]*Date|drug|agent|agentClass|term|unit|site|sex|diagnosis|category|type|reason|phase|infectionType|location|behavior|extent|age|severity|mechanism|reasonStopped|rutgeerts)$/;

const KIND_NAME = new Map<RecordKind, string>([
  ["patient", "a patient"],
  ["course", "a treatment course"],
  ["visit", "a visit"],
  ["adverseEvent", "an adverse event"],
]);

/**
 * Reads a header row into column paths. With a record kind (given or guessed from the names), columns that
 * are not fields of that kind are ignored with one notice each (errors with `strict`), a missing required
 * field is one header-level error, and each column gets the type its cells are read as.
 * @returns The columns and notices, or every reason the header is rejected (bad segment, forbidden key,
 * duplicate, missing required column, extra column under `strict`).
 */
export function parseCsvHeader(fields: readonly string[], options: CsvHeaderOptions = {}): CsvHeader {
  const seen = new Set<string>();
  const parsed: { name: string; path: string[]; list: boolean }[] = [];
  const reasons: string[] = [];
  for (const raw of fields) {
    const name = raw.trim();
    const list = name.endsWith("[]");
    const path = (list ? name.slice(0, -2) : name).split(".");
    let bad = false;
    for (const seg of path) {
      if (FORBIDDEN_KEYS.has(seg)) {
        reasons.push(`header "${name}": key "${seg}" is not allowed (prototype pollution guard)`);
        bad = true;
        break;
      }
      if (!SEGMENT.test(seg)) {
        reasons.push(name === "" ? "the header has an empty column name" : `header "${name}": each dotted part must be a name of letters, digits and _`);
        bad = true;
        break;
      }
    }
    if (bad) continue;
    const key = path.join(".");
    if (seen.has(key)) {
      reasons.push(`header "${name}" appears twice`);
      continue;
    }
    seen.add(key);
    parsed.push({ name, path, list });
  }
  const kind = options.kind !== undefined ? options.kind : guessKindFromColumns(new Set(parsed.map((c) => c.path[0]!)));
  if (kind === null && options.kind === undefined) reasons.push("cannot tell from the columns whether the rows are patients, treatment courses, visits or adverse events; pass --kind");
  if (reasons.length > 0) return { ok: false, reason: reasons.join("; "), reasons, kind };
  const notices: string[] = [];
  const columns: CsvColumn[] = [];
  if (kind === null) {
    for (const c of parsed) columns.push({ path: c.path, list: c.list || c.path[c.path.length - 1] === "complications" });
    return { ok: true, columns, kind, notices };
  }
  const known = kindColumns(kind);
  const what = KIND_NAME.get(kind)!;
  for (const c of parsed) {
    const key = c.path.join(".");
    const type = known.types.get(key);
    if (type === undefined) {
      if (options.strict === true) reasons.push(`column "${c.name}" is not a field of ${what} (--strict)`);
      else notices.push(`column "${c.name}" is not a field of ${what}: ignored`);
      columns.push({ path: c.path, list: false, ignore: true });
      continue;
    }
    if (c.list && type !== "list" && type !== "json") reasons.push(`column "${c.name}": ${key} is not a list`);
    columns.push({ path: c.path, list: type === "list", type, nullable: known.nullable.has(key) });
  }
  const tops = new Set(columns.filter((c) => c.ignore !== true).map((c) => c.path[0]!));
  for (const r of known.required) if (!tops.has(r)) reasons.push(`missing column: ${r}`);
  if (reasons.length > 0) return { ok: false, reason: reasons.join("; "), reasons, kind };
  return { ok: true, columns, kind, notices };
}

/** A cell that cannot be read as its column's type. */
export interface CellProblem {
  readonly field: string;
  readonly reason: string;
}

/** Shows a cell's text in a message (quoted, long text cut). */
export function showCell(text: string): string {
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 40)}…(${text.length} characters)` : text);
}

const MISSING_WORDS = new Set(["NA", "N/A"]);

function guessTyped(key: string, text: string): unknown {
  if (TEXT_KEYS.test(key)) return text;
  if (text === "true") return true;
  if (text === "false") return false;
  if (text === "null") return null;
  if (isDecimal(text)) return Number(text);
  return text;
}

/** A cell's value by its column's type; `undefined` = left out (empty cell); a string result in `bad` = the problem. */
function readCell(col: CsvColumn, text: string, bad: { reason: string | null }): unknown {
  const type = col.type;
  if (type === undefined) return col.list ? (text === "" ? [] : text.split(";").map((s) => s.trim())) : guessTyped(col.path[col.path.length - 1]!, text);
  const t = text.trim();
  if (col.nullable === true && t === "null") return null;
  if (type === "text") return text;
  if (type === "list") return t === "" ? [] : t.split(";").map((s) => s.trim());
  if (t === "" || MISSING_WORDS.has(t)) return undefined;
  switch (type) {
    case "number":
      if (isDecimal(t)) {
        const x = Number(t);
        if (Number.isFinite(x)) return x;
        bad.reason = `${showCell(text)} is too large a number`;
        return undefined;
      }
      bad.reason = `${showCell(text)} is not a number`;
      return undefined;
    case "boolean": {
      const b = readBoolean(t);
      if (b === null) bad.reason = `${showCell(text)} is not a yes/no value; accepted: ${BOOLEAN_SPELLINGS_TEXT}`;
      return b ?? undefined;
    }
    case "null":
      bad.reason = `${showCell(text)}: this column may only hold null (or be empty)`;
      return undefined;
    case "json": {
      const r = parseJsonSafe(t);
      if (!r.ok) bad.reason = `${showCell(text)} is not a JSON value (${r.reason})`;
      return r.ok ? r.value : undefined;
    }
  }
}

/**
 * Builds one record from a CSV row: dotted columns become nested objects, empty cells (and \`NA\`) are left
 * out, cells are read by their column's type (numbers, booleans in the accepted spellings, `;`-separated
 * lists; identifiers, dates and names stay text), extra columns are skipped. Keys come only from the validated
 * header (no `__proto__`, `constructor` or `prototype` segment) and are read back as own properties only, so no
 * cell can touch a prototype; the objects are ordinary ones (V8 keeps them in its fast shape, which matters at
 * millions of rows).
 * @returns The record, or every cell that cannot be read (column, value, accepted forms) with `partial`: the
 * record built from the other cells (so the row's other problems can be found by the record's schema).
 */
export function csvRowToRecord(
  columns: readonly CsvColumn[],
  fields: readonly string[],
): { ok: true; value: Record<string, unknown> } | { ok: false; reason: string; problems: readonly CellProblem[]; partial?: Record<string, unknown> } {
  if (fields.length !== columns.length) {
    const reason = `has ${fields.length} fields; the header has ${columns.length}`;
    return { ok: false, reason, problems: [{ field: "(record)", reason }] };
  }
  const root: Record<string, unknown> = {};
  const problems: CellProblem[] = [];
  const bad = { reason: null as string | null };
  let emptyLists: CsvColumn[] | null = null;
  for (let c = 0; c < columns.length; c++) {
    const col = columns[c]!;
    if (col.ignore === true) continue;
    const text = fields[c]!;
    if (text === "") {
      // an empty list cell is an empty list only inside a block the row records (an HBI with no
      // complications); it never creates the block on its own
      if (col.list && col.path.length > 1) (emptyLists ??= []).push(col);
      continue;
    }
    bad.reason = null;
    const value = readCell(col, text, bad);
    if (bad.reason !== null) {
      problems.push({ field: col.path.join("."), reason: bad.reason });
      continue;
    }
    if (value === undefined) continue;
    let obj = root;
    let conflict = false;
    for (let k = 0; k < col.path.length - 1; k++) {
      const seg = col.path[k]!;
      let next = Object.prototype.hasOwnProperty.call(obj, seg) ? obj[seg] : undefined;
      if (next === undefined) {
        next = {};
        obj[seg] = next;
      } else if (next === null || typeof next !== "object") {
        problems.push({ field: col.path.join("."), reason: `conflicts with column "${col.path.slice(0, k + 1).join(".")}"` });
        conflict = true;
        break;
      }
      obj = next as Record<string, unknown>;
    }
    if (conflict) continue;
    obj[col.path[col.path.length - 1]!] = value;
  }
  if (emptyLists !== null) {
    for (const col of emptyLists) {
      let obj: unknown = root;
      for (let k = 0; k < col.path.length - 1 && obj !== undefined; k++) {
        const seg = col.path[k]!;
        obj = obj !== null && typeof obj === "object" && Object.prototype.hasOwnProperty.call(obj, seg) ? (obj as Record<string, unknown>)[seg] : undefined;
      }
      if (obj !== null && typeof obj === "object") (obj as Record<string, unknown>)[col.path[col.path.length - 1]!] = [];
    }
  }
  if (problems.length > 0) return { ok: false, reason: problems.map((p) => `${p.field}: ${p.reason}`).join("; "), problems, partial: root };
  return { ok: true, value: root };
}
