/**
 * Private helpers of the scores domain: one `Problem` type for every validation failure, converted
 * either into a thrown RangeError/TypeError (house format `<fn>: <path> <rule>; got <value>.`) or into
 * the plain `ValidationIssue`s of a `safe*` function.
 */
import type * as z from "zod";
import type { ParseResult, ValidationIssue } from "../../models/common.js";
import { describeValue, joinPath, listValues, lowerFirst, valueAt } from "../../_lib/errors.js";

/** One validation failure, before it becomes an error or an issue. */
export interface Problem {
  /** Argument name: `items`, `options`, `stoolsPerDay`, ... */
  readonly arg: string;
  /** Path inside the argument. */
  readonly path: readonly (string | number)[];
  /** zod-style issue code. */
  readonly code: string;
  /** The rule broken, e.g. `must be <= 3`. */
  readonly rule: string;
  /** The received value (echoed only through `describeValue`). */
  readonly value: unknown;
  /** `type` = wrong kind or missing (TypeError); `range` = right kind, bad value (RangeError). */
  readonly kind: "type" | "range";
}

/** Converts every issue of a ZodError into Problems with readable rules. */
export function problemsFromZod(arg: string, error: z.ZodError, input: unknown): Problem[] {
  const out: Problem[] = [];
  for (const issue of error.issues) {
    const path = issue.path.map((k) => (typeof k === "number" ? k : String(k)));
    const value = valueAt(input, path);
    switch (issue.code) {
      case "unrecognized_keys":
        for (const key of issue.keys) {
          out.push({ arg, path: [...path, key], code: issue.code, rule: "is not a recognised item", value: valueAt(input, [...path, key]), kind: "type" });
        }
        break;
      case "too_big": {
        const max = issue.maximum;
        const note = issue.origin === "array" ? `must hold at most ${String(max)} entries` : `must be ${issue.inclusive ? "<=" : "<"} ${String(max)}`;
        out.push({ arg, path, code: issue.code, rule: note, value, kind: "range" });
        break;
      }
      case "too_small": {
        const min = issue.minimum;
        const note = issue.origin === "array" ? `must hold at least ${String(min)} entries` : `must be ${issue.inclusive ? ">=" : ">"} ${String(min)}`;
        out.push({ arg, path, code: issue.code, rule: note, value, kind: "range" });
        break;
      }
      case "invalid_type": {
        if (value === undefined) {
          out.push({ arg, path, code: issue.code, rule: "is required", value, kind: "type" });
        } else if (typeof value === "number" && (issue.expected === "number" || issue.expected === "int")) {
          const rule = Number.isFinite(value) ? "must be an integer" : "must be a finite number";
          out.push({ arg, path, code: issue.code, rule, value, kind: "range" });
        } else {
          const article = /^[aeiou]/.test(issue.expected) ? "an" : "a";
          const what = issue.expected === "int" ? "an integer" : `${article} ${issue.expected}`;
          out.push({ arg, path, code: issue.code, rule: `must be ${what}`, value, kind: "type" });
        }
        break;
      }
      case "invalid_value": {
        const kind = typeof value === "string" || typeof value === "number" ? "range" : "type";
        out.push({ arg, path, code: issue.code, rule: `must be ${listValues(issue.values)}`, value, kind });
        break;
      }
      default:
        out.push({ arg, path, code: issue.code, rule: lowerFirst(issue.message), value, kind: "range" });
    }
  }
  return out;
}

/** The house-format error for one Problem. */
export function errorFrom(fn: string, p: Problem, more = 0): RangeError | TypeError {
  const extra = more > 0 ? ` (${more} more issue${more > 1 ? "s" : ""})` : "";
  // Option values are library vocabulary, never patient data: echo them.
  const got = p.arg === "options" && typeof p.value === "string" ? `"${p.value}"` : describeValue(p.value);
  const msg = `${fn}: ${joinPath(p.arg, p.path)} ${p.rule}; got ${got}.${extra}`;
  return p.kind === "type" ? new TypeError(msg) : new RangeError(msg);
}

/** Throws the first of `problems` (a non-empty list) in the house format. */
export function throwFirst(fn: string, problems: readonly Problem[]): never {
  const first = problems[0] ?? { arg: "items", path: [], code: "custom", rule: "is invalid", value: undefined, kind: "range" };
  throw errorFrom(fn, first, Math.max(0, problems.length - 1));
}

/** Problems as plain ValidationIssues (path starts with the argument name unless it is `items`). */
export function toIssues(problems: readonly Problem[]): ValidationIssue[] {
  return problems.map((p) => ({
    path: p.arg === "items" ? [...p.path] : [p.arg, ...p.path],
    code: p.code,
    message: p.rule,
  }));
}

/** A failed ParseResult from Problems. */
export function failure<T>(problems: readonly Problem[]): ParseResult<T> {
  const list = problems.length > 0 ? problems : [{ arg: "items", path: [], code: "custom", rule: "is invalid", value: undefined, kind: "range" } as const];
  return { success: false, issues: toIssues(list) };
}

/** True when `x` is a non-null, non-array object (what zod accepts as an object). */
export function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

/** True when `v` is an integer in [min, max] (zod `.int().min(min).max(max)`; safe integers only). */
export function isIntIn(v: unknown, min: number, max: number): v is number {
  return typeof v === "number" && Number.isSafeInteger(v) && v >= min && v <= max;
}

/** True when `x` is an array of distinct elements, each accepted by `isMember` (an array of unique enum members). */
export function isUniqueArrayOf(x: unknown, isMember: (v: unknown) => boolean): x is unknown[] {
  if (!Array.isArray(x)) return false;
  for (let i = 0; i < x.length; i++) {
    const xi: unknown = x[i];
    if (!isMember(xi)) return false;
    for (let j = 0; j < i; j++) if (x[j] === xi) return false;
  }
  return true;
}

/**
 * Checks an options object: `undefined` or an object whose listed keys hold one of the allowed values
 * (or are undefined). Unknown option keys are an error. Returns the Problems found.
 */
export function optionProblems(
  options: unknown,
  allowed: Readonly<Record<string, readonly unknown[]>>,
): Problem[] {
  if (options === undefined) return [];
  if (!isObject(options)) {
    return [{ arg: "options", path: [], code: "invalid_type", rule: "must be an object", value: options, kind: "type" }];
  }
  const out: Problem[] = [];
  for (const key of Object.keys(options)) {
    // Own keys only: "constructor", "__proto__", "toString" are not options.
    const values = Object.prototype.hasOwnProperty.call(allowed, key) ? allowed[key] : undefined;
    if (values === undefined) {
      out.push({ arg: "options", path: [key], code: "unrecognized_keys", rule: "is not a recognised option", value: options[key], kind: "type" });
      continue;
    }
    const v = options[key];
    if (v !== undefined && !values.includes(v)) {
      out.push({ arg: "options", path: [key], code: "invalid_value", rule: `must be ${listValues(values)}`, value: v, kind: "type" });
    }
  }
  return out;
}
