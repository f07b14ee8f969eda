/**
 * Private validation helpers shared by the statistics functions (messages in the house format).
 * @packageDocumentation
 */
import { assertFiniteNumber, assertOneOf, describeValue } from "../../_lib/errors.js";
import type { Alternative } from "../types.js";

const ALTERNATIVES: readonly Alternative[] = ["two-sided", "less", "greater"];

/** True for a plain object: made by a literal, `JSON.parse` or `Object.create(null)` (not an array, typed array, Map, Date, ...). */
export function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== "object") return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === null || proto === Object.prototype || Object.getPrototypeOf(proto) === null;
}

/**
 * Reads an options argument: undefined gives no options; otherwise it must be a plain object whose
 * own keys are all in `known` (an unknown key, such as a misspelt `alterntive` or a key named like an
 * Object member, `constructor` or `__proto__`, is a TypeError naming the function and the key). Returns
 * a null-prototype copy of the own enumerable keys, so reads never reach Object.prototype.
 */
export function parseOptions(fn: string, options: unknown, known: readonly string[]): Record<string, unknown> {
  const out = Object.create(null) as Record<string, unknown>;
  if (options === undefined) return out;
  if (!isPlainObject(options)) {
    throw new TypeError(`${fn}: options must be a plain object; got ${describeOptions(options)}.`);
  }
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) {
      const list = known.length === 0 ? "it takes no options" : `known: ${known.join(", ")}`;
      throw new TypeError(`${fn}: options.${key} is not a known option (${list}); got ${describeValue(options[key])}.`);
    }
    out[key] = options[key];
  }
  return out;
}

function describeOptions(v: unknown): string {
  if (v !== null && typeof v === "object" && !Array.isArray(v)) {
    if (ArrayBuffer.isView(v)) return `a ${Object.prototype.toString.call(v).slice(8, -1)}`;
    if (v instanceof Map) return "a Map";
  }
  return describeValue(v);
}

/**
 * Returns the options object (or {}), throwing a TypeError when it is not a plain object.
 * @deprecated Unknown keys pass unchecked: use {@link parseOptions} with the list of known keys.
 */
export function optionsObject(fn: string, options: unknown): Record<string, unknown> {
  if (options === undefined) return {};
  if (options === null || typeof options !== "object" || Array.isArray(options)) {
    throw new TypeError(`${fn}: options must be an object; got ${describeValue(options)}.`);
  }
  return options as Record<string, unknown>;
}

const NUMERIC_ARRAY_TAGS = new Set([
  "[object Float64Array]",
  "[object Float32Array]",
  "[object Int8Array]",
  "[object Uint8Array]",
  "[object Uint8ClampedArray]",
  "[object Int16Array]",
  "[object Uint16Array]",
  "[object Int32Array]",
  "[object Uint32Array]",
]);

/** True for an array or a typed array of numbers (not a DataView, a BigInt64Array or an array-like object). */
export function isNumericArrayLike(v: unknown): v is ArrayLike<unknown> {
  return Array.isArray(v) || (ArrayBuffer.isView(v) && NUMERIC_ARRAY_TAGS.has(Object.prototype.toString.call(v)));
}

/**
 * Validates a sample: an array (or a typed array of numbers) of at least `minLength` finite numbers.
 * A DataView, a BigInt64Array, an array-like object or an array with holes is a TypeError naming
 * `fn` and `name`; NaN and Infinity are RangeErrors. Returns the input (read-only).
 */
export function numericArray(fn: string, name: string, x: unknown, minLength = 1): readonly number[] {
  if (!isNumericArrayLike(x)) {
    throw new TypeError(`${fn}: ${name} must be an array of numbers; got ${describeOptions(x)}.`);
  }
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (typeof v !== "number") throw new TypeError(`${fn}: ${name}[${i}] must be a number; got ${describeValue(v)}.`);
    if (!Number.isFinite(v)) throw new RangeError(`${fn}: ${name}[${i}] must be finite; got ${describeValue(v)}.`);
  }
  if (x.length < minLength) {
    throw new RangeError(`${fn}: ${name} must hold at least ${minLength} finite number${minLength === 1 ? "" : "s"}; got length ${x.length}.`);
  }
  return x as readonly number[];
}

/** options.alternative, default "two-sided". */
export function parseAlternative(fn: string, o: Record<string, unknown>): Alternative {
  return o.alternative === undefined ? "two-sided" : assertOneOf(fn, "options.alternative", o.alternative, ALTERNATIVES);
}

/** options.confLevel, default 0.95, strictly between 0 and 1. */
export function parseConfLevel(fn: string, o: Record<string, unknown>): number {
  const v = o.confLevel;
  if (v === undefined) return 0.95;
  assertFiniteNumber(fn, "options.confLevel", v);
  const c = v as number;
  if (!(c > 0 && c < 1)) throw new RangeError(`${fn}: options.confLevel must be strictly between 0 and 1; got ${c}.`);
  return c;
}

/** A finite number option with a default. */
export function parseNumberOption(fn: string, o: Record<string, unknown>, key: string, dflt: number): number {
  const v = o[key];
  if (v === undefined) return dflt;
  return assertFiniteNumber(fn, `options.${key}`, v);
}

/** A boolean option with a default (undefined = default). */
export function parseBooleanOption(fn: string, o: Record<string, unknown>, key: string, dflt: boolean): boolean {
  const v = o[key];
  if (v === undefined) return dflt;
  if (typeof v !== "boolean") throw new TypeError(`${fn}: options.${key} must be a boolean; got ${describeValue(v)}.`);
  return v;
}

/** An optional boolean option (undefined = automatic). */
export function parseOptionalBoolean(fn: string, o: Record<string, unknown>, key: string): boolean | undefined {
  const v = o[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== "boolean") throw new TypeError(`${fn}: options.${key} must be a boolean; got ${describeValue(v)}.`);
  return v;
}

/**
 * Validates a table of counts: an array of `minRows`+ rows, each an array of the same length
 * (>= minCols), entries non-negative integers. Returns a copy.
 */
export function parseCountTable(fn: string, name: string, table: unknown, minRows = 2, minCols = 2): number[][] {
  if (!Array.isArray(table)) throw new TypeError(`${fn}: ${name} must be an array of rows; got ${describeValue(table)}.`);
  if (table.length < minRows) throw new RangeError(`${fn}: ${name} must have at least ${minRows} rows; got ${table.length}.`);
  const out: number[][] = [];
  let width = -1;
  for (let i = 0; i < table.length; i++) {
    const row: unknown = table[i];
    if (!Array.isArray(row)) throw new TypeError(`${fn}: ${name}[${i}] must be an array of counts; got ${describeValue(row)}.`);
    if (width === -1) {
      width = row.length;
      if (width < minCols) throw new RangeError(`${fn}: ${name}[0] must have at least ${minCols} columns; got length ${width}.`);
    } else if (row.length !== width) {
      throw new RangeError(`${fn}: ${name}[${i}] must have ${width} entries like ${name}[0] (ragged table); got length ${row.length}.`);
    }
    const r: number[] = [];
    for (let j = 0; j < row.length; j++) {
      const v: unknown = row[j];
      if (typeof v !== "number") throw new TypeError(`${fn}: ${name}[${i}][${j}] must be a number; got ${describeValue(v)}.`);
      if (!Number.isFinite(v)) throw new RangeError(`${fn}: ${name}[${i}][${j}] must be finite; got ${describeValue(v)}.`);
      if (v < 0 || !Number.isInteger(v)) throw new RangeError(`${fn}: ${name}[${i}][${j}] must be a non-negative integer count; got ${v}.`);
      r.push(v);
    }
    out.push(r);
  }
  return out;
}

/** Validates a numeric matrix (rows of equal length) of finite numbers; returns a copy. */
export function parseNumericMatrix(fn: string, name: string, data: unknown, minRows: number, minCols: number): number[][] {
  if (!Array.isArray(data)) throw new TypeError(`${fn}: ${name} must be an array of rows; got ${describeValue(data)}.`);
  if (data.length < minRows) throw new RangeError(`${fn}: ${name} must have at least ${minRows} row${minRows === 1 ? "" : "s"}; got ${data.length}.`);
  const out: number[][] = [];
  let width = -1;
  for (let i = 0; i < data.length; i++) {
    const row: unknown = data[i];
    if (!Array.isArray(row)) throw new TypeError(`${fn}: ${name}[${i}] must be an array of numbers; got ${describeValue(row)}.`);
    if (width === -1) {
      width = row.length;
      if (width < minCols) throw new RangeError(`${fn}: ${name}[0] must have at least ${minCols} columns; got length ${width}.`);
    } else if (row.length !== width) {
      throw new RangeError(`${fn}: ${name}[${i}] must have ${width} entries like ${name}[0] (ragged); got length ${row.length}.`);
    }
    const r: number[] = [];
    for (let j = 0; j < row.length; j++) {
      const v: unknown = row[j];
      if (typeof v !== "number") throw new TypeError(`${fn}: ${name}[${i}][${j}] must be a number; got ${describeValue(v)}.`);
      if (!Number.isFinite(v)) throw new RangeError(`${fn}: ${name}[${i}][${j}] must be finite; got ${describeValue(v)}.`);
      r.push(v);
    }
    out.push(r);
  }
  return out;
}
