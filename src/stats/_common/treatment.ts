/**
 * Private validation shared by the comparative-effectiveness functions (propensity scores,
 * matching, weighting, balance).
 */
import { describeValue } from "../../_lib/errors.js";

/** The options object as a record; TypeError for a non-object or an unknown key. */
export function optionRecord(fn: string, options: unknown, keys: readonly string[]): Record<string, unknown> {
  if (options === undefined) return Object.create(null) as Record<string, unknown>;
  if (options === null || typeof options !== "object" || Array.isArray(options)) {
    throw new TypeError(`${fn}: options must be an object; got ${describeValue(options)}.`);
  }
  const o = options as Record<string, unknown>;
  for (const key of Object.keys(o)) {
    if (!keys.includes(key)) throw new TypeError(`${fn}: options.${key} is not a known option (known: ${keys.join(", ")}); got ${describeValue(o[key])}.`);
  }
  return o;
}

/** A 0/1 treatment vector as a Uint8Array, with its group sizes; both groups must occur. */
export function parseTreatment(fn: string, name: string, t: unknown, n?: number): { z: Uint8Array; nTreated: number; nControl: number } {
  if (!Array.isArray(t) && !ArrayBuffer.isView(t)) throw new TypeError(`${fn}: ${name} must be an array of 0/1 numbers; got ${describeValue(t)}.`);
  const a = t as ArrayLike<unknown>;
  if (n !== undefined && a.length !== n) throw new RangeError(`${fn}: ${name} must have one value per unit (${n}); got length ${a.length}.`);
  const z = new Uint8Array(a.length);
  let nTreated = 0;
  for (let i = 0; i < a.length; i++) {
    const v = a[i];
    if (typeof v !== "number") throw new TypeError(`${fn}: ${name}[${i}] must be 0 or 1 (missing treatment is not allowed); got ${describeValue(v)}.`);
    if (v !== 0 && v !== 1) throw new RangeError(`${fn}: ${name}[${i}] must be 0 (control) or 1 (treated); got ${describeValue(v)}.`);
    z[i] = v;
    nTreated += v;
  }
  const nControl = a.length - nTreated;
  if (nTreated === 0 || nControl === 0) {
    throw new RangeError(`${fn}: ${name} must contain both treated (1) and control (0) units; got ${nTreated} treated and ${nControl} control.`);
  }
  return { z, nTreated, nControl };
}

/** A finite-number array of length n (copied into a Float64Array). */
export function parseNumbers(fn: string, name: string, x: unknown, n?: number): Float64Array {
  if (!Array.isArray(x) && !ArrayBuffer.isView(x)) throw new TypeError(`${fn}: ${name} must be an array of numbers; got ${describeValue(x)}.`);
  const a = x as ArrayLike<unknown>;
  if (n !== undefined && a.length !== n) throw new RangeError(`${fn}: ${name} must have one value per unit (${n}); got length ${a.length}.`);
  if (a.length === 0) throw new RangeError(`${fn}: ${name} must not be empty; got length 0.`);
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) {
    const v = a[i];
    if (typeof v !== "number") throw new TypeError(`${fn}: ${name}[${i}] must be a number (missing values are not allowed); got ${describeValue(v)}.`);
    if (!Number.isFinite(v)) throw new RangeError(`${fn}: ${name}[${i}] must be finite; got ${describeValue(v)}.`);
    out[i] = v;
  }
  return out;
}

/** Neumaier-compensated sum. */
export function kahanSum(x: ArrayLike<number>): number {
  let s = 0;
  let c = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i]!;
    const t = s + v;
    c += Math.abs(s) >= Math.abs(v) ? s - t + v : v - t + s;
    s = t;
  }
  return s + c;
}
