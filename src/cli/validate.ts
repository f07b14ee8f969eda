/**
 * `ibd-outcomes validate <file>`: every bad record with its line, field and reason; the count of good ones.
 */
import { parseAdverseEvent, parseCohort, parsePatient, parseTreatmentCourse, parseVisit } from "../models/index.js";
import type { ParseResult, ValidationIssue } from "../models/index.js";
import { COLLECTION_KIND, detectFormat, guessKind, openInput, readCsv, readJsonFile, readNdjson, type InputItem, type RecordKind } from "./records.js";
import { formatPath } from "./safeJson.js";

/** Options of `validate`. */
export interface ValidateOptions {
  readonly format?: string;
  readonly kind?: string;
  /** Called for each problem as it is found (streaming formats); the summary then keeps none of them. */
  readonly onProblem?: (p: Problem) => void;
}

/** One reported problem. */
export interface Problem {
  readonly line: number;
  readonly record?: string;
  readonly field: string;
  readonly reason: string;
}

/** What `validate` found. */
export interface ValidateSummary {
  readonly file: string;
  readonly format: string;
  readonly total: number;
  readonly valid: number;
  readonly invalid: number;
  readonly problems: readonly Problem[];
}

const PARSERS: Record<RecordKind, (x: unknown) => ParseResult<unknown>> = {
  patient: parsePatient,
  course: parseTreatmentCourse,
  visit: parseVisit,
  adverseEvent: parseAdverseEvent,
};
const KINDS = Object.keys(PARSERS) as RecordKind[];

function issuesToProblems(line: number, record: string | undefined, issues: readonly ValidationIssue[]): Problem[] {
  return issues.map((i) => ({ line, ...(record === undefined ? {} : { record }), field: formatPath(i.path), reason: i.message }));
}

/** Validates one record of a known or guessed kind. */
export function validateRecord(item: InputItem, kind: RecordKind | undefined): Problem[] {
  const rec = item.collection === undefined ? undefined : `${item.collection}[${item.index ?? 0}]`;
  if (item.error !== undefined) return [{ line: item.line, ...(rec === undefined ? {} : { record: rec }), ...item.error }];
  const k = kind ?? (item.collection !== undefined ? COLLECTION_KIND[item.collection] : undefined) ?? guessKind(item.value);
  if (k === undefined || k === null) {
    return [{ line: item.line, ...(rec === undefined ? {} : { record: rec }), field: "(record)", reason: "is not a patient, course, visit or adverse event (pass --kind)" }];
  }
  const r = PARSERS[k](item.value);
  return r.success ? [] : issuesToProblems(item.line, rec, r.issues);
}

/**
 * Validates a file. JSON cohorts (`{ patients, courses, visits, adverseEvents }`) are checked with
 * `parseCohort`, which adds the cross-record checks (unknown patient, duplicate ids, dates before diagnosis).
 */
export async function validateFile(file: string, options: ValidateOptions = {}): Promise<ValidateSummary> {
  const format = detectFormat(file, options.format);
  if (format === null) throw new UsageError(`validate: cannot tell the format of ${file}; pass --format json|ndjson|csv`);
  let kind: RecordKind | undefined;
  if (options.kind !== undefined) {
    if (!(KINDS as string[]).includes(options.kind)) throw new UsageError(`validate: --kind must be one of ${KINDS.join(", ")}; got "${options.kind}"`);
    kind = options.kind as RecordKind;
  }
  const problems: Problem[] = [];
  let total = 0;
  let invalid = 0;
  if (format === "json") {
    const { items, cohort } = await readJsonFile(file);
    if (cohort !== null) {
      const r = parseCohort(cohort);
      const lineOf = new Map<string, number>();
      for (const it of items) lineOf.set(`${it.collection}[${it.index}]`, it.line);
      total = items.length;
      const bad = new Set<string>();
      for (const p of r.problems) {
        const record = p.index === null ? p.collection : `${p.collection}[${p.index}]`;
        if (p.index !== null) bad.add(record);
        problems.push(...issuesToProblems(lineOf.get(record) ?? 1, record, p.issues));
      }
      return { file, format, total, valid: total - bad.size, invalid: bad.size, problems };
    }
    for (const it of items) {
      total++;
      const ps = validateRecord(it, kind);
      if (ps.length > 0) {
        invalid++;
        problems.push(...ps);
      }
    }
    return { file, format, total, valid: total - invalid, invalid, problems };
  }
  const input = openInput(file);
  const gen = format === "ndjson" ? readNdjson(input) : readCsv(input);
  for await (const it of gen) {
    total++;
    const ps = validateRecord(it, kind);
    if (ps.length > 0) {
      invalid++;
      if (options.onProblem !== undefined) for (const p of ps) options.onProblem(p);
      else problems.push(...ps);
    }
  }
  return { file, format, total, valid: total - invalid, invalid, problems };
}

/** A command-line usage error (exit code 2). */
export class UsageError extends Error {
  override name = "UsageError";
}
