/**
 * A conservative fast-path check for `score`: `true` only for visits that `VisitSchema` certainly accepts
 * (plain JSON objects with known keys, the common blocks fully checked). Anything else — rare blocks (CDAI,
 * PRO-2), unknown or forbidden keys (`__proto__`, ...), any doubt — returns `false` and goes through
 * `parseVisit` (zod), which gives the exact reason. So the fast path changes speed, never the verdict;
 * tests/cli.test.ts checks "fast accepts ⇒ zod accepts" on generated inputs.
 */
import { isIsoDate } from "../_lib/dates.js";
import { LAB_UNITS, type Visit } from "../models/index.js";
import { HBI_COMPLICATION_KEYS, HBI_KEYS, MAYO_INT_KEYS as MAYO_INT, MAYO_KEYS, RUTGEERTS_GRADES, SES_SEGMENT_KEYS, SES_SEGMENT_VAR_KEYS as SEGMENT_VARS, TOP_KEYS, UCEIS_KEYS, UCEIS_MAX } from "./visitKeys.js";

const TOP = new Set<string>(TOP_KEYS);
const MAYO = new Set<string>(MAYO_KEYS);
const HBI = new Set<string>(HBI_KEYS);
const HBI_COMPLICATIONS = new Set<string>(HBI_COMPLICATION_KEYS);
const SEGMENTS = new Set<string>(SES_SEGMENT_KEYS);
/** The Rutgeerts grades `VisitSchema` accepts. */
export const RUTGEERTS: ReadonlySet<string> = new Set<string>(RUTGEERTS_GRADES);
const UNITS: Readonly<Record<string, Readonly<Record<string, number>>>> = LAB_UNITS as unknown as Record<string, Record<string, number>>;

/** Dates already checked (registries repeat dates); bounded. */
const goodDates = new Set<string>();
/** A date string `IsoDateSchema` accepts (checked dates remembered, bounded). */
export function isDate(s: unknown): boolean {
  if (typeof s !== "string") return false;
  if (goodDates.has(s)) return true;
  if (!isIsoDate(s)) return false;
  if (goodDates.size > 50_000) goodDates.clear();
  goodDates.add(s);
  return true;
}

/** A plain object (from `JSON.parse` or a literal), not an array or a class instance. */
export function isPlain(x: unknown): x is Record<string, unknown> {
  if (x === null || typeof x !== "object" || Array.isArray(x)) return false;
  const proto = Object.getPrototypeOf(x);
  return proto === Object.prototype || proto === null;
}
const intIn = (v: unknown, lo: number, hi: number) => typeof v === "number" && Number.isInteger(v) && v >= lo && v <= hi;
/** An identifier `IdSchema` certainly accepts (a string of 1 to 128 characters). */
export const id = (v: unknown): boolean => typeof v === "string" && v.length >= 1 && v.length <= 128;

/** True only when the Mayo block schema certainly accepts `m`. */
export function mayoOk(m: unknown): boolean {
  if (!isPlain(m)) return false;
  for (const k in m) if (!MAYO.has(k)) return false;
  for (const k of MAYO_INT) if (k in m && !intIn(m[k], 0, 3)) return false;
  return !("friability" in m) || typeof m.friability === "boolean";
}
/** True only when the UCEIS block schema certainly accepts `u`. */
export function uceisOk(u: unknown): boolean {
  if (!isPlain(u)) return false;
  let n = 0;
  for (const k in u) {
    const i = (UCEIS_KEYS as readonly string[]).indexOf(k);
    if (i < 0 || !intIn(u[k], 0, UCEIS_MAX[i]!)) return false;
    n++;
  }
  return n === 3;
}
/** True only when the HBI block schema certainly accepts `h`. */
export function hbiOk(h: unknown): boolean {
  if (!isPlain(h)) return false;
  let n = 0;
  for (const k in h) {
    if (!HBI.has(k)) return false;
    n++;
  }
  if (n !== 5) return false;
  if (!intIn(h.wellBeing, 0, 4) || !intIn(h.abdominalPain, 0, 3) || !intIn(h.abdominalMass, 0, 3)) return false;
  if (!(typeof h.liquidStools === "number" && Number.isSafeInteger(h.liquidStools) && h.liquidStools >= 0)) return false;
  const c = h.complications;
  if (!Array.isArray(c)) return false;
  const seen = new Set<unknown>();
  for (const x of c) {
    if (typeof x !== "string" || !HBI_COMPLICATIONS.has(x) || seen.has(x)) return false;
    seen.add(x);
  }
  return true;
}
/** True only when the SES-CD block schema certainly accepts `s`. */
export function sesOk(s: unknown): boolean {
  if (!isPlain(s)) return false;
  let blocked = 0;
  for (const k in s) {
    if (!SEGMENTS.has(k)) return false;
    const seg = s[k];
    if (seg === null) continue;
    if (!isPlain(seg)) return false;
    let n = 0;
    for (const v in seg) {
      if (!(SEGMENT_VARS as readonly string[]).includes(v)) return false;
      n++;
    }
    if (n !== 4) return false;
    for (const v of SEGMENT_VARS) if (!intIn(seg[v], 0, 3)) return false;
    if (seg.narrowing === 3) blocked++;
  }
  return blocked <= 1;
}
/** True only when the lab panel schema certainly accepts `l`. */
export function labsOk(l: unknown): boolean {
  if (!isPlain(l)) return false;
  for (const k in l) {
    const v = l[k];
    if (k === "date") {
      if (!isDate(v)) return false;
      continue;
    }
    const units = Object.prototype.hasOwnProperty.call(UNITS, k) ? UNITS[k] : undefined;
    if (units === undefined || !isPlain(v)) return false;
    let n = 0;
    for (const f in v) {
      if (f !== "value" && f !== "unit") return false;
      n++;
    }
    if (n !== 2) return false;
    const value = v.value;
    if (typeof value !== "number" || !Number.isFinite(value) || value < 0 || value > 1e7) return false;
    const unit = v.unit;
    const factors = (units as unknown as { factors: Record<string, number> }).factors;
    if (typeof unit !== "string" || !Object.prototype.hasOwnProperty.call(factors, unit)) return false;
  }
  return true;
}

/** True only when `VisitSchema` certainly accepts `x` (see the module note). */
export function isFastValidVisit(x: unknown): x is Visit {
  if (!isPlain(x)) return false;
  for (const k in x) if (!TOP.has(k)) return false;
  if (!id(x.patientId) || !isDate(x.date)) return false;
  if ("id" in x && !id(x.id)) return false;
  if ("mayo" in x && !mayoOk(x.mayo)) return false;
  if ("hbi" in x && !hbiOk(x.hbi)) return false;
  if ("sesCd" in x && !sesOk(x.sesCd)) return false;
  if ("rutgeerts" in x && !(typeof x.rutgeerts === "string" && RUTGEERTS.has(x.rutgeerts))) return false;
  if ("onCorticosteroids" in x && typeof x.onCorticosteroids !== "boolean") return false;
  if ("labs" in x && !labsOk(x.labs)) return false;
  if ("uceis" in x && !uceisOk(x.uceis)) return false;
  return true;
}
