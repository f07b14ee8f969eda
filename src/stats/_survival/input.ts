/**
 * Private input parsing shared by the time-to-event functions (messages in the house format).
 * @packageDocumentation
 */
import { describeValue } from "../../_lib/errors.js";

/** Copies the options object (or {}), rejecting non-objects and unknown keys (TypeError). */
export function survOptions(fn: string, options: unknown, known: readonly string[]): Record<string, unknown> {
  if (options === undefined) return Object.create(null) as Record<string, unknown>;
  if (options === null || typeof options !== "object" || Array.isArray(options)) {
    throw new TypeError(`${fn}: options must be an object; got ${describeValue(options)}.`);
  }
  const out = Object.create(null) as Record<string, unknown>;
  const allowed = new Set(known);
  for (const key of Object.keys(options)) {
    const v: unknown = (options as Record<string, unknown>)[key];
    if (!allowed.has(key)) throw new TypeError(`${fn}: options.${key} is not a known option; got ${describeValue(v)}.`);
    if (v !== undefined) out[key] = v;
  }
  return out;
}

function asArrayLike(fn: string, name: string, x: unknown, what: string): ArrayLike<unknown> {
  if (!Array.isArray(x) && !(ArrayBuffer.isView(x) && !(x instanceof DataView))) {
    throw new TypeError(`${fn}: ${name} must be an array of ${what}; got ${describeValue(x)}.`);
  }
  return x as unknown as ArrayLike<unknown>;
}

/** A numeric array of length n (or any length when n < 0) of finite numbers; a Float64Array copy. */
export function finiteVector(fn: string, name: string, x: unknown, n: number, min = -Infinity): Float64Array {
  const a = asArrayLike(fn, name, x, "numbers");
  if (n >= 0 && a.length !== n) throw new RangeError(`${fn}: ${name} must have one value per subject (${n}); got length ${a.length}.`);
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) {
    const v = a[i];
    if (typeof v !== "number") throw new TypeError(`${fn}: ${name}[${i}] must be a number; got ${describeValue(v)}.`);
    if (!Number.isFinite(v)) throw new RangeError(`${fn}: ${name}[${i}] must be finite; got ${describeValue(v)}.`);
    if (v < min) throw new RangeError(`${fn}: ${name}[${i}] must be >= ${min}; got ${v}.`);
    out[i] = v;
  }
  return out;
}

/** Parsed right-censored or left-truncated data. */
export interface SurvData {
  n: number;
  time: Float64Array;
  /** 0/1 for survival data; cause codes for competing risks. */
  status: Int32Array;
  /** null without delayed entry. */
  entry: Float64Array | null;
  weights: Float64Array;
  /** true when any weight is not an integer. */
  fractionalWeights: boolean;
  /** true when options.weights was given. */
  weighted: boolean;
}

/**
 * Parses time, status (0/1, or any integer code when `competing`), options.entry and
 * options.weights. Throws when no event is present.
 */
export function parseSurv(
  fn: string,
  time: unknown,
  status: unknown,
  o: Record<string, unknown>,
  cfg: { competing?: boolean; entry?: boolean; weights?: boolean; requireEvent?: boolean; timefix?: boolean } = {},
): SurvData {
  const t = finiteVector(fn, "time", time, -1);
  const n = t.length;
  if (n === 0) throw new RangeError(`${fn}: time must hold at least one follow-up time; got length 0.`);
  for (let i = 0; i < n; i++) if (t[i]! < 0) throw new RangeError(`${fn}: time[${i}] must be >= 0; got ${t[i]}.`);
  const sa = asArrayLike(fn, "status", status, "status codes");
  if (sa.length !== n) throw new RangeError(`${fn}: status must have one value per subject (${n}); got length ${sa.length}.`);
  const s = new Int32Array(n);
  let events = 0;
  for (let i = 0; i < n; i++) {
    const v = sa[i];
    if (typeof v !== "number") throw new TypeError(`${fn}: status[${i}] must be a number; got ${describeValue(v)}.`);
    if (cfg.competing === true) {
      if (!Number.isInteger(v) || Math.abs(v) > 2147483647) throw new RangeError(`${fn}: status[${i}] must be an integer code (0 = censored, other = cause); got ${describeValue(v)}.`);
    } else if (v !== 0 && v !== 1) {
      throw new RangeError(`${fn}: status[${i}] must be 0 (censored) or 1 (event); got ${describeValue(v)}.`);
    }
    s[i] = v;
    if (v !== 0) events++;
  }
  let entry: Float64Array | null = null;
  if (o.entry !== undefined && o.entry !== null) {
    if (cfg.entry === false) throw new TypeError(`${fn}: options.entry is not supported here; got ${describeValue(o.entry)}.`);
    entry = finiteVector(fn, "options.entry", o.entry, n);
    for (let i = 0; i < n; i++) {
      if (!(entry[i]! < t[i]!)) throw new RangeError(`${fn}: options.entry[${i}] must be < time[${i}] (${t[i]}); got ${entry[i]}.`);
    }
  }
  if (cfg.timefix !== false) mergeNearTies(fn, t, entry);
  const w = new Float64Array(n).fill(1);
  let fractional = false;
  let weighted = false;
  if (o.weights !== undefined && o.weights !== null) {
    if (cfg.weights === false) throw new TypeError(`${fn}: options.weights is not supported here; got ${describeValue(o.weights)}.`);
    const wv = finiteVector(fn, "options.weights", o.weights, n);
    for (let i = 0; i < n; i++) {
      if (wv[i]! < 0) throw new RangeError(`${fn}: options.weights[${i}] must be >= 0; got ${wv[i]}.`);
      if (!Number.isInteger(wv[i]!)) fractional = true;
      w[i] = wv[i]!;
    }
    weighted = true;
  }
  if (cfg.requireEvent !== false) {
    let wev = 0;
    for (let i = 0; i < n; i++) if (s[i] !== 0) wev += w[i]!;
    if (events === 0 || !(wev > 0)) throw new RangeError(`${fn}: status must record at least one event${weighted ? " with a positive weight" : ""}; got none among ${n} subjects.`);
  }
  return { n, time: t, status: s, entry, weights: w, fractionalWeights: fractional, weighted };
}

/** R's tolerance for near-equal times, sqrt(.Machine$double.eps). */
export const TIME_TOLERANCE = Math.sqrt(Number.EPSILON);

/**
 * Treats times that differ only by rounding as tied, as survival's `timefix` (its `aeqSurv`, on by
 * default in survfit, survdiff and coxph) does: over the distinct values of time and entry together,
 * sorted, a value is merged into the one before it when their difference is at most 1.49e-8
 * (sqrt of the double epsilon) absolutely or relative to the mean absolute distinct value (the
 * rule of R's `all.equal`); each run of merged values takes its smallest. Rewrites `time` and
 * `entry` in place (both are private copies) and throws when an entry becomes equal to its time.
 */
export function mergeNearTies(fn: string, time: Float64Array, entry: Float64Array | null): void {
  const n = time.length;
  const sorted = new Float64Array(entry === null ? n : 2 * n);
  sorted.set(time);
  if (entry !== null) sorted.set(entry, n);
  sorted.sort();
  let m = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[m - 1]) sorted[m++] = sorted[i]!;
  const values = sorted.subarray(0, m);
  if (m < 2) return;
  const total = new KahanSum();
  for (let k = 0; k < m; k++) total.add(Math.abs(values[k]!));
  const scale = total.value / m;
  const cut = new Float64Array(m);
  let merged = false;
  cut[0] = values[0]!;
  for (let k = 1; k < m; k++) {
    const dy = values[k]! - values[k - 1]!;
    const tied = dy <= TIME_TOLERANCE || dy / scale <= TIME_TOLERANCE;
    cut[k] = tied ? cut[k - 1]! : values[k]!;
    if (tied) merged = true;
  }
  if (!merged) return;
  const find = (v: number): number => cut[lowerBound(values, v)]!;
  for (let i = 0; i < time.length; i++) {
    time[i] = find(time[i]!);
    if (entry !== null) {
      entry[i] = find(entry[i]!);
      if (!(entry[i]! < time[i]!)) {
        throw new RangeError(
          `${fn}: options.entry[${i}] and time[${i}] differ only by rounding (within ${TIME_TOLERANCE.toPrecision(3)} absolutely or relative to the mean time), so the interval at risk has length 0; as survival's timefix, such near-equal times count as one time.`,
        );
      }
    }
  }
}

/** Distinct group labels, ordered (numbers numerically, strings by code units), and each subject's level index. */
export interface Groups {
  levels: (number | string)[];
  index: Int32Array;
}

/** Parses a group array (numbers or strings, not mixed). */
export function parseGroups(fn: string, name: string, g: unknown, n: number): Groups {
  const a = asArrayLike(fn, name, g, "group labels (numbers or strings)");
  if (a.length !== n) throw new RangeError(`${fn}: ${name} must have one label per subject (${n}); got length ${a.length}.`);
  let kind: "number" | "string" | null = null;
  const seen = new Map<number | string, number>();
  for (let i = 0; i < n; i++) {
    const v = a[i];
    if (typeof v === "number") {
      if (!Number.isFinite(v)) throw new RangeError(`${fn}: ${name}[${i}] must be a finite number or a string; got ${describeValue(v)}.`);
    } else if (typeof v !== "string") {
      throw new TypeError(`${fn}: ${name}[${i}] must be a number or a string; got ${describeValue(v)}.`);
    }
    const k = typeof v as "number" | "string";
    if (kind === null) kind = k;
    else if (kind !== k) throw new TypeError(`${fn}: ${name} must hold only numbers or only strings; ${name}[${i}] is a ${k}.`);
    if (!seen.has(v)) seen.set(v, 0);
  }
  const levels = [...seen.keys()];
  if (kind === "number") (levels as number[]).sort((x, y) => x - y);
  else (levels as string[]).sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
  levels.forEach((l, j) => seen.set(l, j));
  const index = new Int32Array(n);
  for (let i = 0; i < n; i++) index[i] = seen.get(a[i] as number | string)!;
  return { levels, index };
}

/** options.confLevel, default 0.95. */
export function parseLevel(fn: string, o: Record<string, unknown>): number {
  const v = o.confLevel;
  if (v === undefined) return 0.95;
  if (typeof v !== "number") throw new TypeError(`${fn}: options.confLevel must be a number; got ${describeValue(v)}.`);
  if (!(v > 0 && v < 1)) throw new RangeError(`${fn}: options.confLevel must be strictly between 0 and 1; got ${describeValue(v)}.`);
  return v;
}

/** An optional boolean option. */
export function optBoolean(fn: string, o: Record<string, unknown>, key: string): boolean | undefined {
  const v = o[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== "boolean") throw new TypeError(`${fn}: options.${key} must be a boolean; got ${describeValue(v)}.`);
  return v;
}

/** Indices 0..n-1 sorted by key ascending (stable), as an Int32Array. */
export function orderBy(n: number, cmp: (a: number, b: number) => number): Int32Array {
  const idx = new Int32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  return idx.sort(cmp);
}

/** Neumaier-compensated running sum. */
export class KahanSum {
  private s = 0;
  private c = 0;
  add(x: number): void {
    const t = this.s + x;
    if (Math.abs(this.s) >= Math.abs(x)) this.c += this.s - t + x;
    else this.c += x - t + this.s;
    this.s = t;
  }
  get value(): number {
    return this.s + this.c;
  }
}

/** Distinct sorted values of `x` and each element's index among them (fast numeric sort + binary search). */
export function rankDistinct(x: Float64Array): { values: Float64Array; index: Int32Array } {
  const sorted = Float64Array.from(x).sort();
  let m = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[m - 1]) sorted[m++] = sorted[i]!;
  const values = sorted.slice(0, m);
  const index = new Int32Array(x.length);
  for (let i = 0; i < x.length; i++) index[i] = lowerBound(values, x[i]!);
  return { values, index };
}

/** The first position of `values` (ascending, non-empty) holding a value >= v, or the last position. */
function lowerBound(values: Float64Array, v: number): number {
  let lo = 0;
  let hi = values.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
