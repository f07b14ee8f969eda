/**
 * Private validation helpers shared by the statistics functions (messages in the house format).
 * @packageDocumentation
 */
import { assertFiniteNumber, assertOneOf, describeValue } from "../../_lib/errors.js";
import type { Alternative } from "../types.js";

const ALTERNATIVES: readonly Alternative[] = ["two-sided", "less", "greater"];

/** Returns the options object (or {}), throwing a TypeError when it is not a plain object. */
export function optionsObject(fn: string, options: unknown): Record<string, unknown> {
  if (options === undefined) return {};
  if (options === null || typeof options !== "object" || Array.isArray(options)) {
    throw new TypeError(`${fn}: options must be an object; got ${describeValue(options)}.`);
  }
  return options as Record<string, unknown>;
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
