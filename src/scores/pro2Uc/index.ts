import type { ParseResult } from "../../models/common.js";
import { Pro2UcSchema, type Pro2Uc } from "../../models/instrumentInputs.js";
import type { ScoreResult } from "../types.js";
import { checkOrThrow, checkSafe, matchesRecord, type RecordSpec, type Validator } from "../_lib/spec.js";

const FN = "pro2Uc";
/** The item rules, for the schema-equivalence test. */
export const SPEC: RecordSpec = { stoolFrequency: { t: "int", min: 0, max: 3 }, rectalBleeding: { t: "int", min: 0, max: 3 } };

/** Exactly `Pro2UcSchema.safeParse(x).success`, without zod (tested with fast-check). */
export function isPro2Uc(x: unknown): x is Pro2Uc {
  return matchesRecord(SPEC, x);
}
const V: Validator<Pro2Uc> = { is: isPro2Uc, schema: Pro2UcSchema };

/** Options of {@link pro2Uc}: the remission rule. */
export interface Pro2UcOptions {
  /**
   * `"items"` (default): remission when rectal bleeding is 0 and stool frequency is 1 or less.
   * `"total"`: remission when the (unweighted) total is 1 or less.
   */
  readonly remission?: "items" | "total";
}
type Resolved = { remission: "items" | "total" };
const ALLOWED = { remission: ["items", "total"] } as const;
const DEFAULTS: Resolved = { remission: "items" };

/** The two Mayo subscores (unweighted). */
export type Pro2UcComponents = { stoolFrequency: number; rectalBleeding: number };
/** UC PRO-2 band. */
export type Pro2UcBand = "remission" | "active";
/** Result of {@link pro2Uc}. */
export type Pro2UcResult = ScoreResult<Pro2UcComponents, Pro2UcBand>;

function score(v: Pro2Uc, o: Resolved): Pro2UcResult {
  const total = v.stoolFrequency + v.rectalBleeding;
  const remission = o.remission === "total" ? total <= 1 : v.rectalBleeding === 0 && v.stoolFrequency <= 1;
  return { total, components: { stoolFrequency: v.stoolFrequency, rectalBleeding: v.rectalBleeding }, band: remission ? "remission" : "active" };
}

/**
 * Two-item patient-reported outcome (PRO2) of ulcerative colitis, 0-6.
 * @remarks The unweighted sum of the Mayo stool frequency and rectal bleeding subscores (Jairath
 * 2015 evaluated it against the full Mayo score; no weights). Remission by default: rectal bleeding
 * 0 and stool frequency 0 or 1; `options.remission: "total"` reads a total of 1 or less instead
 * (which also admits bleeding 1 with stool frequency 0).
 * @param items - The two subscores (`Pro2UcSchema`).
 * @param options - {@link Pro2UcOptions}.
 * @returns `{ total, components, band }`.
 * @throws {TypeError} If `items` is not an object, an item is missing, unknown or of the wrong kind, or an option is unknown.
 * @throws {RangeError} If a subscore is out of range or fractional.
 * @example
 * pro2Uc({ stoolFrequency: 1, rectalBleeding: 0 });
 * //=> { total: 1, components: { stoolFrequency: 1, rectalBleeding: 0 }, band: "remission" }
 * @see Jairath V, Khanna R, Zou GY, et al. Development of interim patient-reported outcome measures for the assessment of ulcerative colitis disease activity in clinical trials. Aliment Pharmacol Ther 2015;42:1200-10. doi:10.1111/apt.13408
 */
export function pro2Uc(items: Pro2Uc, options?: Pro2UcOptions): Pro2UcResult {
  return score(items, checkOrThrow(FN, V, items, options, ALLOWED, DEFAULTS));
}

/**
 * {@link pro2Uc} without validation.
 * @param items - Validated subscores.
 * @param options - {@link Pro2UcOptions} (not checked).
 * @returns As {@link pro2Uc}.
 * @example
 * pro2UcUnchecked({ stoolFrequency: 0, rectalBleeding: 1 }, { remission: "total" }).band;
 * //=> "remission"
 * @see Jairath V, et al. Aliment Pharmacol Ther 2015;42:1200-10. doi:10.1111/apt.13408
 */
export function pro2UcUnchecked(items: Pro2Uc, options?: Pro2UcOptions): Pro2UcResult {
  return score(items, options?.remission === undefined ? DEFAULTS : { remission: options.remission });
}

/**
 * Non-throwing {@link pro2Uc}.
 * @param items - Candidate subscores (any value).
 * @param options - Candidate options (any value).
 * @returns A ParseResult holding the result or every issue found.
 * @example
 * safePro2Uc({ stoolFrequency: 4, rectalBleeding: 0 }).success;
 * //=> false
 * @see Jairath V, et al. Aliment Pharmacol Ther 2015;42:1200-10. doi:10.1111/apt.13408
 */
export function safePro2Uc(items: unknown, options?: unknown): ParseResult<Pro2UcResult> {
  return checkSafe(V, items, options, ALLOWED, DEFAULTS, score);
}
