/**
 * `ibd-outcomes validate <file>`: every bad record with its line, field, reason and value; the count of good ones.
 * @remarks NDJSON visits of the common compact shape are checked straight from the bytes (the `score` fast
 * path, whose accepted lines are a strict subset of what `parseVisit` accepts), then `JSON.parse` with the
 * conservative visit check; anything else goes through the prototype-safe parser and the record's zod
 * schema, which gives the exact reasons. So the fast paths change speed, never a verdict.
 */
import { parseCohort } from "../models/index.js";
import type { ValidationIssue } from "../models/index.js";
import { byteVisitLine, byteVisitValid } from "./byteVisit.js";
import { isFastValidVisit } from "./fastVisit.js";
import { visitIssues } from "./visitIssues.js";
import { COLLECTION_KIND, RECORD_PARSERS, detectFormat, guessKind, readCsvFast, readCsvText, readJsonFile, readNdjson, type InputItem, type ReadCsvOptions, type RecordKind } from "./records.js";
import { formatPath, gotValue } from "./safeJson.js";

/** Options of `validate`. */
export interface ValidateOptions {
  readonly format?: string;
  readonly kind?: string;
  /** CSV: extra columns are errors instead of notices. */
  readonly strict?: boolean;
  /** Called for each problem as it is found (streaming formats); the summary then keeps none of them. */
  readonly onProblem?: (p: Problem) => void;
  /** Called for each notice (a CSV column ignored); the summary keeps them too. */
  readonly onNotice?: (n: Notice) => void;
  /** Skip the byte-level paths (every record decoded and read as text): for tests that compare the paths. */
  readonly textOnly?: boolean;
}

/** One reported problem. */
export interface Problem {
  readonly line: number;
  readonly record?: string;
  readonly field: string;
  readonly reason: string;
}

/** A remark that is not a problem (an extra CSV column ignored). */
export interface Notice {
  readonly line: number;
  readonly message: string;
}

/** What `validate` found. */
export interface ValidateSummary {
  readonly file: string;
  readonly format: string;
  readonly total: number;
  readonly valid: number;
  readonly invalid: number;
  /** True when the input holds no record at all. */
  readonly empty: boolean;
  readonly problems: readonly Problem[];
  readonly notices: readonly Notice[];
}

const PARSERS = RECORD_PARSERS;
const KINDS = [...PARSERS.keys()];

function issuesToProblems(line: number, record: string | undefined, raw: unknown, issues: readonly ValidationIssue[]): Problem[] {
  return issues.map((i) => ({ line, ...(record === undefined ? {} : { record }), field: formatPath(i.path), reason: `${i.message}${gotValue(raw, i.path)}` }));
}

/** Validates one record of a known or guessed kind. */
export function validateRecord(item: InputItem, kind: RecordKind | undefined): Problem[] {
  const rec = item.collection === undefined ? undefined : `${item.collection}[${item.index ?? 0}]`;
  if (item.error !== undefined) return (item.errors ?? [item.error]).map((e) => ({ line: item.line, ...(rec === undefined ? {} : { record: rec }), field: e.field, reason: e.reason }));
  const k = kind ?? (item.collection !== undefined ? COLLECTION_KIND.get(item.collection) : undefined) ?? guessKind(item.value);
  if (k === undefined || k === null) {
    return [{ line: item.line, ...(rec === undefined ? {} : { record: rec }), field: "(record)", reason: "is not a patient, course, visit or adverse event (pass --kind)" }];
  }
  if (k === "visit") {
    if (isFastValidVisit(item.value)) return [];
    // a bad visit: only the members that may be wrong are parsed (the same issues as parseVisit)
    const issues = visitIssues(item.value);
    if (issues !== null) return issuesToProblems(item.line, rec, item.value, issues);
  }
  const r = PARSERS.get(k)!(item.value);
  return r.success ? [] : issuesToProblems(item.line, rec, item.value, r.issues);
}

/** A command-line usage error (exit code 2). */
export class UsageError extends Error {
  override name = "UsageError";
}

/**
 * Validates a file. JSON cohorts (`{ patients, courses, visits, adverseEvents }`) are checked with
 * `parseCohort`, which adds the cross-record checks (unknown patient, duplicate ids, dates before diagnosis);
 * every record's own problems are reported too, whether or not the record it refers to is valid.
 */
export async function validateFile(file: string, options: ValidateOptions = {}): Promise<ValidateSummary> {
  const format = detectFormat(file, options.format ?? (file === "-" ? "ndjson" : undefined));
  if (format === null) throw new UsageError(`validate: cannot tell the format of ${file}; pass --format json|ndjson|csv`);
  let kind: RecordKind | undefined;
  if (options.kind !== undefined) {
    if (!(KINDS as string[]).includes(options.kind)) throw new UsageError(`validate: --kind must be one of ${KINDS.join(", ")}; got "${options.kind}"`);
    kind = options.kind as RecordKind;
  }
  const problems: Problem[] = [];
  const notices: Notice[] = [];
  let total = 0;
  let invalid = 0;
  const done = (empty: boolean): ValidateSummary => ({ file, format, total, valid: total - invalid, invalid, empty, problems, notices });
  if (format === "json") {
    const { items, cohort, empty } = await readJsonFile(file);
    if (cohort !== null) return validateCohort(file, format, cohort, items, empty);
    for (const it of items) {
      total++;
      const ps = validateRecord(it, kind);
      if (ps.length > 0) {
        invalid++;
        problems.push(...ps);
      }
    }
    return done(empty || total === 0);
  }
  const report = (ps: readonly Problem[]) => {
    if (options.onProblem !== undefined) for (const p of ps) options.onProblem(p);
    else problems.push(...ps);
  };
  if (format === "ndjson") {
    // visits of the compact common shape are certainly valid: counted without building an item
    const fastVisits = (kind === undefined || kind === "visit") && options.textOnly !== true;
    let fast = 0;
    const skipLine = fastVisits
      ? (buf: Buffer, start: number, end: number): number => {
          const e = byteVisitLine(buf, start, end);
          if (e >= 0) fast++;
          return e;
        }
      : undefined;
    for await (const it of readNdjson(file, undefined, undefined, skipLine)) {
      total++;
      const ps = validateRecord(it, kind);
      if (ps.length > 0) {
        invalid++;
        report(ps);
      }
    }
    total += fast;
    return done(total === 0);
  }
  const unread = { rows: 0 };
  let headerBad = false;
  const csvOptions: ReadCsvOptions = {
    kind,
    strict: options.strict === true,
    unread,
    onNotice: (line, message) => {
      const n = { line, message };
      notices.push(n);
      options.onNotice?.(n);
    },
  };
  // visit rows of the plain common shape are written as compact JSON bytes and checked by the NDJSON byte path
  let fast = 0;
  const fastVisit = (json: Buffer, len: number): boolean => {
    if (!byteVisitValid(json, 0, len)) return false;
    fast++;
    return true;
  };
  const rows = options.textOnly === true ? readCsvText(file, csvOptions) : readCsvFast(file, { ...csvOptions, ...(kind === undefined || kind === "visit" ? { fastVisit } : {}) });
  for await (const it of rows) {
    if (it === null) continue;
    if (it.error !== undefined && it.error.field === "(header)") {
      headerBad = true;
      report(validateRecord(it, kind));
      continue;
    }
    total++;
    const ps = validateRecord(it, kind);
    if (ps.length > 0) {
      invalid++;
      report(ps);
    }
  }
  total += fast;
  if (headerBad) {
    // rows under a rejected header are not records anyone could check: counted, not reported one by one
    total += unread.rows;
    invalid += unread.rows;
  }
  return done(total === 0 && !headerBad);
}

function validateCohort(file: string, format: string, cohort: unknown, items: readonly InputItem[], empty: boolean): ValidateSummary {
  const r = parseCohort(cohort);
  const byRecord = new Map<string, InputItem>();
  for (const it of items) byRecord.set(`${it.collection}[${it.index}]`, it);
  const problems: Problem[] = [];
  const bad = new Set<string>();
  const seen = new Set<string>();
  const add = (ps: readonly Problem[]) => {
    for (const p of ps) {
      const key = `${p.record}\u0000${p.field}\u0000${p.reason}`;
      if (seen.has(key)) continue;
      seen.add(key);
      problems.push(p);
    }
  };
  for (const p of r.problems) {
    const record = p.index === null ? p.collection : `${p.collection}[${p.index}]`;
    if (p.index !== null) bad.add(record);
    const it = byRecord.get(record);
    add(issuesToProblems(it?.line ?? 1, record, it !== undefined && it.error === undefined ? it.value : undefined, p.issues));
  }
  // each record's own problems, whatever happened to the records it refers to (parseCohort may stop at a
  // missing patient); duplicates of what parseCohort said are dropped
  for (const it of items) {
    const ps = validateRecord(it, undefined);
    if (ps.length === 0) continue;
    bad.add(`${it.collection}[${it.index}]`);
    add(ps);
  }
  problems.sort((a, b) => a.line - b.line);
  const total = items.length;
  return { file, format, total, valid: total - bad.size, invalid: bad.size, empty: empty || total === 0, problems, notices: [] };
}
