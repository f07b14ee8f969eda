import type { ParseResult } from "../../models/common.js";
import { MontrealSchema, type Montreal, type MontrealCd, type MontrealUc } from "../../models/patient.js";
import { failure, isObject, problemsFromZod, throwFirst, type Problem } from "../_lib/problems.js";
import { montrealAge, type MontrealAgeClass } from "../montrealAge/index.js";

const FN = "montrealClassification";

/** Options of {@link montrealClassification}. */
export interface MontrealClassificationOptions {
  /**
   * Accept `location: "L4"` (upper GI disease only) as an exclusive location, as the paper's Table 3
   * counts it. Default false: L4 is a modifier on L1-L3 (`upperGi: true`).
   */
  readonly l4Exclusive?: boolean;
  /** Age at diagnosis in years: derives the A class, or checks it against `age` when both are given. */
  readonly ageAtDiagnosisYears?: number;
}

/** A validated Montreal classification of Crohn's disease, with its conventional code. */
export interface MontrealCdResult {
  readonly type: "CD";
  /** A1-A3, from the input or from `ageAtDiagnosisYears`; `null` when unknown. */
  readonly age: MontrealAgeClass | null;
  readonly location: "L1" | "L2" | "L3" | "L4";
  readonly upperGi: boolean;
  readonly behavior: "B1" | "B2" | "B3";
  readonly perianal: boolean;
  /** Conventional notation, e.g. `"A2 L3+L4 B2p"`. */
  readonly code: string;
}

/** A validated Montreal classification of ulcerative colitis, with its conventional code. */
export interface MontrealUcResult {
  readonly type: "UC";
  readonly extent: "E1" | "E2" | "E3";
  /** S0-S3, or `null` when not recorded. */
  readonly severity: "S0" | "S1" | "S2" | "S3" | null;
  /** Conventional notation, e.g. `"E2 S1"`. */
  readonly code: string;
}

/** Result of {@link montrealClassification}. */
export type MontrealClassificationResult = MontrealCdResult | MontrealUcResult;

function optionProblemsOf(options: unknown): Problem[] {
  if (options === undefined) return [];
  if (!isObject(options)) return [{ arg: "options", path: [], code: "invalid_type", rule: "must be an object", value: options, kind: "type" }];
  const out: Problem[] = [];
  for (const k in options) {
    const v = options[k];
    if (k === "l4Exclusive") {
      if (v !== undefined && typeof v !== "boolean") out.push({ arg: "options", path: [k], code: "invalid_type", rule: "must be true or false", value: v, kind: "type" });
    } else if (k === "ageAtDiagnosisYears") {
      if (v === undefined) continue;
      if (typeof v !== "number") out.push({ arg: "options", path: [k], code: "invalid_type", rule: "must be a number", value: v, kind: "type" });
      else if (!(v >= 0 && v <= 150)) out.push({ arg: "options", path: [k], code: "too_small", rule: "must be a finite age in [0, 150] years", value: v, kind: "range" });
    } else {
      out.push({ arg: "options", path: [k], code: "unrecognized_keys", rule: "is not a recognised option", value: v, kind: "type" });
    }
  }
  return out;
}

function evaluate(items: unknown, options: unknown): { problems: Problem[]; result?: MontrealClassificationResult } {
  const problems = optionProblemsOf(options);
  const r = MontrealSchema.safeParse(items);
  if (!r.success) problems.push(...problemsFromZod("items", r.error, items));
  if (problems.length > 0 || !r.success) return { problems };
  const o = (options ?? {}) as MontrealClassificationOptions;
  const m = r.data;
  if (m.type === "UC") {
    // CD-only options are accepted and ignored for UC (one options object serves a mixed cohort).
    const severity = m.severity ?? null;
    return { problems, result: { type: "UC", extent: m.extent, severity, code: severity === null ? m.extent : `${m.extent} ${severity}` } };
  }
  if (m.location === "L4") {
    if (o.l4Exclusive !== true) {
      problems.push({ arg: "items", path: ["location"], code: "invalid_value", rule: 'must be "L1", "L2" or "L3" (L4 is a modifier: set upperGi) unless options.l4Exclusive is true', value: m.location, kind: "range" });
    } else if (!m.upperGi) {
      problems.push({ arg: "items", path: ["upperGi"], code: "custom", rule: 'must be true when items.location is "L4"', value: m.upperGi, kind: "range" });
    }
  }
  let age: MontrealAgeClass | null = m.age ?? null;
  if (o.ageAtDiagnosisYears !== undefined) {
    const derived = montrealAge(o.ageAtDiagnosisYears);
    if (age !== null && age !== derived) {
      problems.push({ arg: "items", path: ["age"], code: "custom", rule: `must be "${derived}" for an age at diagnosis of ${o.ageAtDiagnosisYears} years`, value: age, kind: "range" });
    }
    age = derived;
  }
  if (problems.length > 0) return { problems };
  const loc = m.location === "L4" ? "L4" : m.upperGi ? `${m.location}+L4` : m.location;
  const code = `${age === null ? "" : `${age} `}${loc} ${m.behavior}${m.perianal ? "p" : ""}`;
  return {
    problems,
    result: { type: "CD", age, location: m.location, upperGi: m.upperGi, behavior: m.behavior, perianal: m.perianal, code },
  };
}

/**
 * Validates a Montreal classification (CD: A, L, L4 modifier, B, p; UC: E, S) and writes its code.
 * @remarks CD: A1 <= 16 y at diagnosis, A2 17-40, A3 > 40; L1 ileal, L2 colonic, L3 ileocolonic, with
 * L4 (upper GI) a modifier on L1-L3 (`upperGi`); B1 non-stricturing non-penetrating, B2 stricturing, B3
 * penetrating, with the perianal modifier `p`. `location: "L4"` (upper GI only) is an error unless
 * `l4Exclusive: true` (the paper's Table 3 counts it: 12 + 11 + 27 + 2 = 52), and then needs
 * `upperGi: true`. UC: E1 proctitis, E2 left-sided, E3 extensive; S0 remission to S3 severe.
 * With `ageAtDiagnosisYears`, the A class is derived (and must agree with `age` if both are given).
 * Returns a new object; the input is not changed.
 * @param items - A Montreal classification (`MontrealSchema`).
 * @param options - `l4Exclusive` (default false), `ageAtDiagnosisYears`.
 * @returns The validated classification with `code`, e.g. `"A2 L3+L4 B2p"` or `"E2 S1"`.
 * @throws {TypeError} If `items` is not an object, a field is missing, unknown or of the wrong kind, or an option is invalid.
 * @throws {RangeError} If a value is not a Montreal class, L4 is used as location without `l4Exclusive`,
 *   or the age class disagrees with `ageAtDiagnosisYears`.
 * @example
 * montrealClassification({ type: "CD", location: "L3", upperGi: true, behavior: "B2", perianal: true },
 *   { ageAtDiagnosisYears: 26 }).code;
 * //=> "A2 L3+L4 B2p"
 * @see Satsangi J, Silverberg MS, Vermeire S, Colombel JF. The Montreal classification of inflammatory
 *   bowel disease: controversies, consensus, and implications. Gut 2006;55:749-53.
 *   doi:10.1136/gut.2005.082909
 * @see Silverberg MS, Satsangi J, Ahmad T, et al. Toward an integrated clinical, molecular and
 *   serological classification of inflammatory bowel disease: report of a Working Party of the 2005
 *   Montreal World Congress of Gastroenterology. Can J Gastroenterol 2005;19(Suppl A):5A-36A.
 *   doi:10.1155/2005/269076
 */
export function montrealClassification(items: MontrealCd, options?: MontrealClassificationOptions): MontrealCdResult;
export function montrealClassification(items: MontrealUc, options?: MontrealClassificationOptions): MontrealUcResult;
export function montrealClassification(items: Montreal, options?: MontrealClassificationOptions): MontrealClassificationResult;
export function montrealClassification(items: Montreal, options?: MontrealClassificationOptions): MontrealClassificationResult {
  const e = evaluate(items, options);
  if (e.result === undefined) throwFirst(FN, e.problems);
  return e.result;
}

/**
 * Non-throwing {@link montrealClassification}.
 * @param items - Candidate classification (any value).
 * @param options - As for {@link montrealClassification}.
 * @returns A ParseResult holding the result or every issue found.
 * @example
 * safeMontrealClassification({ type: "CD", location: "L4", upperGi: true, behavior: "B1", perianal: false }).success;
 * //=> false
 * @see Satsangi J, et al. Gut 2006;55:749-53. doi:10.1136/gut.2005.082909
 */
export function safeMontrealClassification(items: unknown, options?: unknown): ParseResult<MontrealClassificationResult> {
  const e = evaluate(items, options);
  return e.result === undefined ? failure(e.problems) : { success: true, data: e.result };
}
