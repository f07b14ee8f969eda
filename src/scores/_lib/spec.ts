/**
 * Private helpers of the scores domain: a small declarative description of flat item records, a
 * hand-written check that accepts exactly what the matching zod schema accepts (each score's test
 * proves the equivalence with fast-check), and the validate-then-score plumbing every score shares.
 */
import type * as z from "zod";
import type { ParseResult } from "../../models/common.js";
import { failure, isIntIn, isObject, problemsFromZod, throwFirst, type Problem } from "./problems.js";

/** One item of a flat record: an integer range, a finite number range, a boolean or a string choice. */
export type FieldSpec =
  | { readonly t: "int"; readonly min: number; readonly max: number }
  | { readonly t: "num"; readonly min: number; readonly max: number }
  | { readonly t: "bool" }
  | { readonly t: "enum"; readonly values: readonly string[] }
  | { readonly t: "set"; readonly values: readonly string[] };

/** A flat record: item name -> rule. Every item is required (missing means missing). */
export type RecordSpec = Readonly<Record<string, FieldSpec>>;

/** True when `v` satisfies the rule (the zod `int`/`number`/`boolean`/`enum`/unique-array equivalent). */
export function matchesField(f: FieldSpec, v: unknown): boolean {
  switch (f.t) {
    case "int":
      return isIntIn(v, f.min, f.max);
    case "num":
      return typeof v === "number" && Number.isFinite(v) && v >= f.min && v <= f.max;
    case "bool":
      return typeof v === "boolean";
    case "enum":
      return typeof v === "string" && f.values.includes(v);
    case "set": {
      if (!Array.isArray(v)) return false;
      for (let i = 0; i < v.length; i++) {
        const x: unknown = v[i];
        if (typeof x !== "string" || !f.values.includes(x)) return false;
        for (let j = 0; j < i; j++) if (v[j] === x) return false;
      }
      return true;
    }
  }
}

/** True when `x` is an object holding exactly the items of `spec` (own keys), each valid. */
export function matchesRecord(spec: RecordSpec, x: unknown): boolean {
  if (!isObject(x)) return false;
  for (const k in x) if (!Object.hasOwn(spec, k)) return false;
  for (const k in spec) if (!matchesField(spec[k]!, x[k])) return false;
  return true;
}

/** Problems of `items` against a zod schema, as the house-format Problems (argument `items`). */
export function schemaProblems(schema: z.ZodType, items: unknown): Problem[] {
  const r = schema.safeParse(items);
  return r.success ? [] : problemsFromZod("items", r.error, items);
}

/**
 * Checks an options object whose keys take one of a few literal values, returning the resolved value
 * of each key (its default when absent) or the Problems found. Unknown keys are errors.
 */
export function readOptions<O extends Record<string, string | boolean>>(
  options: unknown,
  allowed: { readonly [K in keyof O]: readonly O[K][] },
  defaults: O,
): { readonly ok: true; readonly value: O } | { readonly ok: false; readonly problems: Problem[] } {
  if (options === undefined) return { ok: true, value: defaults };
  if (!isObject(options)) {
    return { ok: false, problems: [{ arg: "options", path: [], code: "invalid_type", rule: "must be an object", value: options, kind: "type" }] };
  }
  const out: Record<string, string | boolean> = { ...defaults };
  const problems: Problem[] = [];
  for (const key in options) {
    const values = Object.hasOwn(allowed, key) ? (allowed[key] as readonly unknown[]) : undefined;
    const v = options[key];
    if (values === undefined) {
      problems.push({ arg: "options", path: [key], code: "unrecognized_keys", rule: "is not a recognised option", value: v, kind: "type" });
      continue;
    }
    if (v === undefined) continue;
    if (!values.includes(v)) {
      const list = values.map((x) => (typeof x === "string" ? `"${x}"` : String(x)));
      const rule = `must be ${list.length === 2 ? `${list[0]!} or ${list[1]!}` : `${list.slice(0, -1).join(", ")} or ${list[list.length - 1]!}`}`;
      problems.push({ arg: "options", path: [key], code: "invalid_value", rule, value: v, kind: "type" });
      continue;
    }
    out[key] = v as string | boolean;
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: out as O };
}

/** A score's validation pieces: a fast check, the schema for readable problems, and extra rules. */
export interface Validator<I> {
  readonly is: (x: unknown) => x is I;
  readonly schema: z.ZodType;
  /** Rules beyond the schema (cross-item rules), run on schema-valid input. */
  readonly extra?: (items: I) => Problem[];
}

/** Validates items and options, throwing the first problem in the house format. */
export function checkOrThrow<I, O extends Record<string, string | boolean>>(
  fn: string,
  v: Validator<I>,
  items: unknown,
  options: unknown,
  allowed: { readonly [K in keyof O]: readonly O[K][] },
  defaults: O,
): O {
  const o = readOptions(options, allowed, defaults);
  const ok = v.is(items);
  if (o.ok && ok) {
    const more = v.extra?.(items) ?? [];
    if (more.length > 0) throwFirst(fn, more);
    return o.value;
  }
  const problems = [...(o.ok ? [] : o.problems), ...(ok ? (v.extra?.(items) ?? []) : schemaProblems(v.schema, items))];
  throwFirst(fn, problems);
}

/** Validates items and options without throwing: the resolved options, or a failed ParseResult. */
export function checkSafe<I, O extends Record<string, string | boolean>, R>(
  v: Validator<I>,
  items: unknown,
  options: unknown,
  allowed: { readonly [K in keyof O]: readonly O[K][] },
  defaults: O,
  score: (items: I, options: O) => R,
): ParseResult<R> {
  const o = readOptions(options, allowed, defaults);
  const ok = v.is(items);
  const problems = [...(o.ok ? [] : o.problems), ...(ok ? (v.extra?.(items) ?? []) : schemaProblems(v.schema, items))];
  if (problems.length > 0 || !o.ok || !ok) return failure(problems);
  return { success: true, data: score(items, o.value) };
}

/**
 * Rounds a sum of decimal-weighted measurements to 9 decimal places, so that a value that is exactly
 * on a band edge in decimal arithmetic (e.g. 1.5 × 3.8 + 0.02 × 65 = 7) is not read a hair below it
 * through binary floating point. Inputs carry at most a few decimals, so nothing real is lost.
 */
export function snap(x: number): number {
  const y = x * 1e9;
  return roundHalfUp(y) / 1e9 + 0;
}

/**
 * `Math.round(y)` (halves towards +Infinity) up to the sign of zero, without the data-dependent branch
 * V8 compiles `Math.round` to: `floor(y + 0.5)`, corrected in the rare case where the addition itself
 * rounded up to the next integer (y = 0.5 - 2^-54, or |y| >= 2^52). Scores round sums whose last digits
 * vary visit to visit, so that branch was mispredicted about half the time; this one almost never is.
 * With the `+ 0` in {@link snap} (-0 + 0 is +0), `snap` returns exactly what
 * `Math.round(x * 1e9) / 1e9` (with -0 read as 0) returns, for every double (tested with fast-check).
 */
export function roundHalfUp(y: number): number {
  const f = Math.floor(y + 0.5);
  return f - 0.5 > y ? f - 1 : f;
}
