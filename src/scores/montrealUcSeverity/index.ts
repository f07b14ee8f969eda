import type { ParseResult } from "../../models/common.js";
import { failure, isObject, throwFirst, type Problem } from "../_lib/problems.js";

const FN = "montrealUcSeverity";

/** Montreal severity class of ulcerative colitis. */
export type MontrealUcSeverityClass = "S0" | "S1" | "S2" | "S3";

/**
 * The recorded criteria of the Montreal UC severity classes. Every field is optional: a field left out
 * was not recorded and is never read as normal or absent.
 */
export interface MontrealUcSeverityCriteria {
  /** The patient is in clinical remission (asymptomatic). */
  readonly clinicalRemission?: boolean;
  /** Stools a day (>= 0). */
  readonly stoolsPerDay?: number;
  /** Bloody stools a day (>= 0, at most `stoolsPerDay`). */
  readonly bloodyStoolsPerDay?: number;
  /** Signs of systemic illness (fever, tachycardia, anaemia, ...). */
  readonly systemicIllness?: boolean;
  /** Pulse, beats a minute. */
  readonly pulseBpm?: number;
  /** Body temperature, °C. */
  readonly temperatureC?: number;
  /** Haemoglobin, g/dL (g/L divided by 10). */
  readonly hemoglobinGPerDl?: number;
  /** Erythrocyte sedimentation rate, mm/h. */
  readonly esrMmPerH?: number;
}

/** Options of {@link montrealUcSeverity}. */
export interface MontrealUcSeverityOptions {
  /**
   * Upper limit of normal of the ESR in mm/h, for S1's "normal ESR" (ESR <= limit). Default 15 (the
   * reference range 0-15 mm/h of Mao et al. 2025); set your laboratory's limit.
   */
  readonly esrUpperLimit?: number;
}

/**
 * Result of {@link montrealUcSeverity}: `derived` with a class; `not-evaluable` when a criterion that
 * decides between two classes was not recorded (`missing` names it); `unclassifiable` when the recorded
 * values fit no class (at most 4 stools a day with systemic illness or a raised ESR).
 */
export interface MontrealUcSeverityResult {
  readonly status: "derived" | "not-evaluable" | "unclassifiable";
  /** The class, or `null` unless `status` is `derived`. */
  readonly severity: MontrealUcSeverityClass | null;
  /** The unrecorded criteria that stopped the derivation (empty unless `not-evaluable`). */
  readonly missing: readonly (keyof MontrealUcSeverityCriteria)[];
  /** Why this class (or none), in words. */
  readonly reason: string;
}

type Bounds = { readonly min: number; readonly max: number; readonly unit: string };
const NUMERIC = new Map<string, Bounds>([
  ["stoolsPerDay", { min: 0, max: 100, unit: "stools a day" }],
  ["bloodyStoolsPerDay", { min: 0, max: 100, unit: "stools a day" }],
  ["pulseBpm", { min: 20, max: 300, unit: "beats a minute" }],
  ["temperatureC", { min: 30, max: 45, unit: "°C (not °F)" }],
  ["hemoglobinGPerDl", { min: 1, max: 25, unit: "g/dL (g/L divided by 10)" }],
  ["esrMmPerH", { min: 0, max: 200, unit: "mm/h" }],
]);
const BOOLEAN = new Set(["clinicalRemission", "systemicIllness"]);
const DEFAULT_ESR_ULN = 15;

function criteriaProblems(x: unknown): Problem[] {
  if (!isObject(x)) return [{ arg: "criteria", path: [], code: "invalid_type", rule: "must be an object", value: x, kind: "type" }];
  const out: Problem[] = [];
  for (const k of Object.keys(x)) {
    const v = x[k];
    const b = NUMERIC.get(k);
    if (b !== undefined) {
      if (v === undefined) continue;
      if (typeof v !== "number") out.push({ arg: "criteria", path: [k], code: "invalid_type", rule: "must be a number (leave it out when not recorded)", value: v, kind: "type" });
      else if (!(v >= b.min && v <= b.max)) out.push({ arg: "criteria", path: [k], code: "too_big", rule: `must be a finite number in [${b.min}, ${b.max}] ${b.unit}`, value: v, kind: "range" });
    } else if (BOOLEAN.has(k)) {
      if (v !== undefined && typeof v !== "boolean") out.push({ arg: "criteria", path: [k], code: "invalid_type", rule: "must be true or false (leave it out when not recorded)", value: v, kind: "type" });
    } else {
      out.push({ arg: "criteria", path: [k], code: "unrecognized_keys", rule: "is not a Montreal severity criterion", value: v, kind: "type" });
    }
  }
  if (out.length > 0) return out;
  const c = x as MontrealUcSeverityCriteria;
  if (c.stoolsPerDay !== undefined && c.bloodyStoolsPerDay !== undefined && c.bloodyStoolsPerDay > c.stoolsPerDay) {
    out.push({ arg: "criteria", path: ["bloodyStoolsPerDay"], code: "too_big", rule: `must be at most stoolsPerDay (${c.stoolsPerDay})`, value: c.bloodyStoolsPerDay, kind: "range" });
  }
  if (c.clinicalRemission === true) {
    const clash =
      c.stoolsPerDay !== undefined && c.stoolsPerDay > 4 ? (["stoolsPerDay", c.stoolsPerDay, "more than 4 stools a day"] as const)
      : c.bloodyStoolsPerDay !== undefined && c.bloodyStoolsPerDay > 0 ? (["bloodyStoolsPerDay", c.bloodyStoolsPerDay, "bloody stools"] as const)
      : c.systemicIllness === true ? (["systemicIllness", true, "systemic illness"] as const)
      : undefined;
    if (clash !== undefined) {
      out.push({ arg: "criteria", path: [clash[0]], code: "custom", rule: `contradicts clinicalRemission: true (${clash[2]} is not remission)`, value: clash[1], kind: "range" });
    }
  }
  return out;
}

function optionsProblems(options: unknown): Problem[] {
  if (options === undefined) return [];
  if (!isObject(options)) return [{ arg: "options", path: [], code: "invalid_type", rule: "must be an object", value: options, kind: "type" }];
  const out: Problem[] = [];
  for (const k of Object.keys(options)) {
    const v = options[k];
    if (k !== "esrUpperLimit") out.push({ arg: "options", path: [k], code: "unrecognized_keys", rule: "is not a recognised option", value: v, kind: "type" });
    else if (v === undefined) continue;
    else if (typeof v !== "number") out.push({ arg: "options", path: [k], code: "invalid_type", rule: "must be a number (mm/h)", value: v, kind: "type" });
    else if (!(v > 0 && v <= 200)) out.push({ arg: "options", path: [k], code: "too_big", rule: "must be a finite number in (0, 200] mm/h", value: v, kind: "range" });
  }
  return out;
}

type Key = keyof MontrealUcSeverityCriteria;
const derived = (severity: MontrealUcSeverityClass, reason: string): MontrealUcSeverityResult => ({ status: "derived", severity, missing: [], reason });
const notEvaluable = (missing: Key[], reason: string): MontrealUcSeverityResult => ({ status: "not-evaluable", severity: null, missing, reason });

function classify(c: MontrealUcSeverityCriteria, esrUln: number): MontrealUcSeverityResult {
  if (c.clinicalRemission === true) return derived("S0", "clinical remission");
  const stools = c.stoolsPerDay;
  if (stools === undefined) {
    const missing: Key[] = c.clinicalRemission === undefined ? ["clinicalRemission", "stoolsPerDay"] : ["stoolsPerDay"];
    return notEvaluable(missing, "stools a day not recorded");
  }
  if (stools > 4) {
    if (stools < 6) return derived("S2", "more than 4 and fewer than 6 stools a day (S3 needs at least 6 bloody stools)");
    // S3 needs every one of its five criteria; one recorded criterion not met makes it S2.
    const s3: readonly [Key, number | undefined, (v: number) => boolean, string][] = [
      ["bloodyStoolsPerDay", c.bloodyStoolsPerDay, (v) => v >= 6, "at least 6 bloody stools a day"],
      ["pulseBpm", c.pulseBpm, (v) => v >= 90, "pulse at least 90/min"],
      ["temperatureC", c.temperatureC, (v) => v >= 37.5, "temperature at least 37.5 °C"],
      ["hemoglobinGPerDl", c.hemoglobinGPerDl, (v) => v < 10.5, "haemoglobin below 10.5 g/dL"],
      ["esrMmPerH", c.esrMmPerH, (v) => v >= 30, "ESR at least 30 mm/h"],
    ];
    const unmet = s3.filter(([, v, ok]) => v !== undefined && !ok(v));
    if (unmet.length > 0) return derived("S2", `more than 4 stools a day; S3 criteria not met: ${unmet.map((u) => u[3]).join(", ")}`);
    const missing = s3.filter(([, v]) => v === undefined).map(([k]) => k);
    if (missing.length > 0) return notEvaluable(missing, `at least 6 stools a day: S2 or S3 depends on ${missing.join(", ")} (not recorded)`);
    return derived("S3", "at least 6 bloody stools a day, pulse ≥ 90/min, temperature ≥ 37.5 °C, haemoglobin < 10.5 g/dL and ESR ≥ 30 mm/h");
  }
  // At most 4 stools a day: S0 or S1, and S1 needs no systemic illness and a normal ESR.
  const esrRaised = c.esrMmPerH === undefined ? undefined : c.esrMmPerH > esrUln;
  // Systemic illness rules out remission; a raised ESR does not (remission is clinical).
  if (c.clinicalRemission === undefined && c.systemicIllness !== true) {
    const missing: Key[] = ["clinicalRemission"];
    if (esrRaised !== true) {
      if (c.systemicIllness === undefined) missing.push("systemicIllness");
      if (esrRaised === undefined) missing.push("esrMmPerH");
    }
    return notEvaluable(missing, `at most 4 stools a day: the class depends on ${missing.join(", ")} (not recorded)`);
  }
  if (c.systemicIllness === true || esrRaised === true) {
    const why = [c.systemicIllness === true ? "systemic illness" : "", esrRaised === true ? `ESR above ${esrUln} mm/h` : ""].filter((s) => s !== "").join(" and ");
    return { status: "unclassifiable", severity: null, missing: [], reason: `at most 4 stools a day (S1) but ${why} (S1 needs neither; S2 needs more than 4 stools a day)` };
  }
  const missing: Key[] = [];
  if (c.systemicIllness === undefined) missing.push("systemicIllness");
  if (esrRaised === undefined) missing.push("esrMmPerH");
  if (missing.length > 0) return notEvaluable(missing, `at most 4 stools a day: S1 needs ${missing.join(" and ")} (not recorded)`);
  return derived("S1", `at most 4 stools a day, no systemic illness, ESR ≤ ${esrUln} mm/h`);
}

function evaluate(criteria: unknown, options: unknown): { problems: Problem[]; result?: MontrealUcSeverityResult } {
  const problems = [...criteriaProblems(criteria), ...optionsProblems(options)];
  if (problems.length > 0) return { problems };
  const uln = (options as MontrealUcSeverityOptions | undefined)?.esrUpperLimit ?? DEFAULT_ESR_ULN;
  return { problems, result: classify(criteria as MontrealUcSeverityCriteria, uln) };
}

/**
 * Montreal severity class of ulcerative colitis (S0-S3), derived from its criteria.
 * @remarks S0 clinical remission; S1 at most 4 stools a day (with or without blood), no systemic illness
 * and a normal ESR; S2 more than 4 stools a day with minimal signs of systemic toxicity; S3 at least 6
 * bloody stools a day AND pulse >= 90/min AND temperature >= 37.5 °C AND haemoglobin < 10.5 g/dL AND ESR
 * >= 30 mm/h (the Truelove-Witts severe-attack criteria). More than 4 stools a day without all five S3
 * criteria is S2. Comparisons are exact (4 stools is S1 territory, 5 is S2; pulse 90 and ESR 30 meet S3,
 * haemoglobin 10.5 does not).
 * Missing means missing: a class is derived only from recorded values; when an unrecorded criterion
 * decides between two classes the result is `not-evaluable` and names it. At most 4 stools a day with
 * systemic illness or a raised ESR fits no class: `unclassifiable` (with `clinicalRemission` unrecorded,
 * systemic illness rules remission out, a raised ESR does not: remission is clinical). `clinicalRemission: true` with more
 * than 4 stools, bloody stools or systemic illness is a contradiction (RangeError). The input is not modified.
 * @param criteria - The recorded criteria ({@link MontrealUcSeverityCriteria}).
 * @param options - `esrUpperLimit` (mm/h, default 15) for S1's normal ESR.
 * @returns `{ status, severity, missing, reason }`.
 * @throws {TypeError} If `criteria` is not an object, a key is unknown, or a value is of the wrong kind
 *   (`null` included: leave an unrecorded criterion out); or an option is unknown or not a number.
 * @throws {RangeError} If a value is out of its plausible range (temperature 30-45 °C, haemoglobin 1-25
 *   g/dL, ...), bloody stools exceed stools, or the criteria contradict `clinicalRemission: true`.
 * @example
 * montrealUcSeverity({ clinicalRemission: false, stoolsPerDay: 8, bloodyStoolsPerDay: 7, pulseBpm: 96,
 *   temperatureC: 37.8, hemoglobinGPerDl: 9.8, esrMmPerH: 42 }).severity;
 * //=> "S3"
 * @example
 * montrealUcSeverity({ stoolsPerDay: 7, bloodyStoolsPerDay: 7, pulseBpm: 95 });
 * //=> { status: "not-evaluable", severity: null, missing: ["temperatureC", "hemoglobinGPerDl", "esrMmPerH"], reason: "at least 6 stools a day: S2 or S3 depends on temperatureC, hemoglobinGPerDl, esrMmPerH (not recorded)" }
 * @see Silverberg MS, Satsangi J, Ahmad T, et al. Toward an integrated clinical, molecular and
 *   serological classification of inflammatory bowel disease: report of a Working Party of the 2005
 *   Montreal World Congress of Gastroenterology. Can J Gastroenterol 2005;19(Suppl A):5A-36A.
 *   doi:10.1155/2005/269076
 * @see Satsangi J, Silverberg MS, Vermeire S, Colombel JF. Gut 2006;55:749-53. doi:10.1136/gut.2005.082909
 * @see Truelove SC, Witts LJ. Cortisone in ulcerative colitis. BMJ 1955;2:1041-8. doi:10.1136/bmj.2.4947.1041
 */
export function montrealUcSeverity(criteria: MontrealUcSeverityCriteria, options?: MontrealUcSeverityOptions): MontrealUcSeverityResult {
  const e = evaluate(criteria, options);
  if (e.result === undefined) throwFirst(FN, e.problems);
  return e.result;
}

/**
 * Non-throwing {@link montrealUcSeverity}.
 * @param criteria - Candidate criteria (any value).
 * @param options - As for {@link montrealUcSeverity}.
 * @returns A ParseResult holding the result or every issue found.
 * @example
 * safeMontrealUcSeverity({ stoolsPerDay: 5, temperatureC: 99.5 }).success;
 * //=> false
 * @see Silverberg MS, et al. Can J Gastroenterol 2005;19(Suppl A):5A-36A. doi:10.1155/2005/269076
 */
export function safeMontrealUcSeverity(criteria: unknown, options?: unknown): ParseResult<MontrealUcSeverityResult> {
  const e = evaluate(criteria, options);
  return e.result === undefined ? failure(e.problems) : { success: true, data: e.result };
}
