/**
 * The problems of a visit that is not valid, found faster than by `parseVisit` on the whole record and the same
 * ones (paths, codes, messages, order).
 * @remarks `VisitSchema` is a strict object of optional blocks with no check across blocks, so zod reports the
 * issues of each member in the schema's key order (each prefixed with its key), then one issue for the unknown
 * keys. Here each member that a block check of fastVisit.ts certainly accepts is skipped, each other member is
 * parsed by its own schema, and the unknown-keys issue comes from the visit schema itself on the unknown keys
 * alone. Anything unusual (not a plain object) returns `null`: the caller then runs `parseVisit`.
 * tests/cli-csv.test.ts compares the two on the realistic generator's bad lines and on random broken visits.
 */
import type * as z from "zod";
import { plainIssues } from "../_lib/errors.js";
import type { ValidationIssue } from "../models/index.js";
import { VisitSchema } from "../models/visit.js";
import { hbiOk, id, isDate, isPlain, labsOk, mayoOk, RUTGEERTS, sesOk, uceisOk } from "./fastVisit.js";

const SHAPE = VisitSchema.shape as unknown as Readonly<Record<string, z.ZodType>>;
const KEYS = Object.keys(SHAPE);
const REQUIRED = new Set(["patientId", "date"]);
const QUICK = new Map<string, (v: unknown) => boolean>([
  ["id", id],
  ["patientId", id],
  ["date", isDate],
  ["mayo", mayoOk],
  ["hbi", hbiOk],
  ["sesCd", sesOk],
  ["rutgeerts", (v) => typeof v === "string" && RUTGEERTS.has(v)],
  ["onCorticosteroids", (v) => typeof v === "boolean"],
  ["labs", labsOk],
  ["uceis", uceisOk],
]);
const has = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

/**
 * Every issue `parseVisit(x)` would report, in its order (empty when the visit is valid), or `null` when `x` is
 * not a plain object (then call `parseVisit`).
 * @param x - A record from `JSON.parse` (already checked for forbidden keys).
 * @returns The issues, or `null`.
 */
export function visitIssues(x: unknown): ValidationIssue[] | null {
  if (!isPlain(x)) return null;
  const issues: ValidationIssue[] = [];
  let unknown: string[] | null = null;
  for (const k of Object.keys(x)) if (!has(SHAPE, k)) (unknown ??= []).push(k);
  for (const k of KEYS) {
    const present = has(x, k);
    if (!present && !REQUIRED.has(k)) continue;
    const v = present ? x[k] : undefined;
    if (present && QUICK.get(k)?.(v) === true) continue;
    const r = SHAPE[k]!.safeParse(v);
    if (!r.success) for (const i of plainIssues(r.error)) issues.push({ ...i, path: [k, ...i.path] });
  }
  if (unknown !== null) {
    // the visit schema's own unknown-keys issue, on a record that is otherwise valid
    const probe: Record<string, unknown> = { patientId: "P", date: "2000-01-01" };
    for (const k of unknown) probe[k] = x[k];
    const r = VisitSchema.safeParse(probe);
    if (r.success) return null;
    const extra = plainIssues(r.error);
    if (extra.length !== 1 || extra[0]!.code !== "unrecognized_keys") return null;
    issues.push(extra[0]!);
  }
  return issues;
}
