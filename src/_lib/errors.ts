/**
 * Private error helpers. Every public function reports bad input in one format:
 * `<fn>: <argument path> <rule>; got <value>.`
 * Numbers are echoed; strings only by kind and length (patient identifiers must not leak).
 */
import type * as z from "zod";
import type { ValidationIssue } from "../models/common.js";

/** A short, privacy-safe description of a received value. */
export function describeValue(value: unknown): string {
  if (value === undefined) return "undefined";
  if (value === null) return "null";
  if (typeof value === "number") return Number.isNaN(value) ? "NaN" : String(value);
  if (typeof value === "boolean" || typeof value === "bigint") return String(value);
  if (typeof value === "string") return `a string of length ${value.length}`;
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  if (typeof value === "function") return "a function";
  return "an object";
}

/** Joins an argument name and a zod path: `items` + `["segments", 0]` → `items.segments[0]`. */
export function joinPath(base: string, path: readonly PropertyKey[]): string {
  let out = base;
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out === "" ? String(key) : `.${String(key)}`;
  }
  return out;
}


/** Converts zod issues into plain issues (no echoed input). */
export function plainIssues(error: z.ZodError): ValidationIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map((k) => (typeof k === "number" ? k : String(k))),
    code: issue.code,
    message: issue.message,
  }));
}

/** The value at a zod path inside the original input, if reachable. */
export function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = input;
  for (const key of path) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[key];
  }
  return cur;
}

/**
 * Turns the first issue of a ZodError into a RangeError (bad value) or a TypeError (wrong kind or
 * missing), in the house format. Never lets a ZodError escape.
 */
export function errorFromZod(fn: string, arg: string, error: z.ZodError, input?: unknown): RangeError | TypeError {
  const issue = error.issues[0];
  if (issue === undefined) return new RangeError(`${fn}: ${arg} is invalid.`);
  const where = joinPath(arg, issue.path);
  const got = describeValue(valueAt(input, issue.path));
  const message = `${fn}: ${where} ${lowerFirst(issue.message)}; got ${got}.`;
  const more = error.issues.length > 1 ? ` (${error.issues.length - 1} more issue${error.issues.length > 2 ? "s" : ""})` : "";
  const isType = issue.code === "invalid_type" || issue.code === "unrecognized_keys" || issue.code === "invalid_union";
  return isType ? new TypeError(message + more) : new RangeError(message + more);
}

/** The string with its first character lower-cased (zod messages inside a house-format sentence). */
export function lowerFirst(s: string): string {
  return s.length > 0 ? s[0]!.toLowerCase() + s.slice(1) : s;
}

/** Allowed values as a sentence: `"a", "b" or "c"` (strings quoted, numbers and booleans as written). */
export function listValues(values: readonly unknown[]): string {
  const list = values.map((v) => (typeof v === "string" ? `"${v}"` : String(v)));
  return list.length > 1 ? `${list.slice(0, -1).join(", ")} or ${list[list.length - 1]}` : (list[0] ?? "");
}

/** Throws a TypeError unless `value` is one of `allowed`. */
export function assertOneOf<T extends string>(fn: string, name: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value === "string" && (allowed as readonly string[]).includes(value)) return value as T;
  const got = typeof value === "string" ? `"${value}"` : describeValue(value);
  throw new TypeError(`${fn}: ${name} must be ${listValues(allowed)}; got ${got}.`);
}

/** Throws unless `x` is an array of finite numbers of at least `minLength` elements. */
export function assertFiniteArray(fn: string, name: string, x: unknown, minLength = 1): readonly number[] {
  if (!Array.isArray(x) && !ArrayBuffer.isView(x)) throw new TypeError(`${fn}: ${name} must be an array of numbers; got ${describeValue(x)}.`);
  const arr = x as ArrayLike<unknown>;
  for (let i = 0; i < arr.length; i++) {
    const v = arr[i];
    if (typeof v !== "number") throw new TypeError(`${fn}: ${name}[${i}] must be a number; got ${describeValue(v)}.`);
    if (!Number.isFinite(v)) throw new RangeError(`${fn}: ${name}[${i}] must be finite; got ${describeValue(v)}.`);
  }
  if (arr.length < minLength) {
    throw new RangeError(`${fn}: ${name} must hold at least ${minLength} finite number${minLength === 1 ? "" : "s"}; got length ${arr.length}.`);
  }
  return arr as readonly number[];
}

/** Throws unless `v` is a finite number (optionally within [min, max]). */
export function assertFiniteNumber(fn: string, name: string, v: unknown, min = -Infinity, max = Infinity): number {
  if (typeof v !== "number") throw new TypeError(`${fn}: ${name} must be a number; got ${describeValue(v)}.`);
  if (!Number.isFinite(v)) throw new RangeError(`${fn}: ${name} must be finite; got ${describeValue(v)}.`);
  if (v < min || v > max) throw new RangeError(`${fn}: ${name} must be in [${min}, ${max}]; got ${v}.`);
  return v;
}

/** Throws unless `v` is a non-negative integer. */
export function assertCount(fn: string, name: string, v: unknown): number {
  if (typeof v !== "number") throw new TypeError(`${fn}: ${name} must be a number; got ${describeValue(v)}.`);
  if (!Number.isInteger(v) || v < 0) throw new RangeError(`${fn}: ${name} must be a non-negative integer count; got ${describeValue(v)}.`);
  return v;
}
