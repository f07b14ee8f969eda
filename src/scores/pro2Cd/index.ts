import type { ParseResult } from "../../models/common.js";
import { Pro2CdSchema, type Pro2Cd } from "../../models/scoreInputs.js";
import type { ScoreResult } from "../types.js";
import { checkOrThrow, checkSafe, matchesRecord, snap, type RecordSpec, type Validator } from "../_lib/spec.js";

const FN = "pro2Cd";
/** The item rules, for the schema-equivalence test. */
export const SPEC: RecordSpec = { stoolFrequencyMean: { t: "num", min: 0, max: 100 }, abdominalPainMean: { t: "num", min: 0, max: 3 } };

/** Exactly `Pro2CdSchema.safeParse(x).success`, without zod (tested with fast-check). */
export function isPro2Cd(x: unknown): x is Pro2Cd {
  return matchesRecord(SPEC, x);
}
const V: Validator<Pro2Cd> = { is: isPro2Cd, schema: Pro2CdSchema };

/** Options of {@link pro2Cd}: the remission rule. */
export interface Pro2CdOptions {
  /**
   * `"khanna2015Total"` (default): bands from the weighted total, remission below 8, mild 8 to below
   * 14, moderate 14 to below 34, severe 34 or more (the PRO2 values matching CDAI 150, 220 and 450 in
   * Khanna 2015). `"khanna2015Items"`: remission when the mean stool frequency is 1.5 or less and the
   * mean pain 1 or less (Khanna 2015's item cut-points), else `"active"`. `"trial"`: remission when
   * the mean stool frequency is 2.8 or less and the mean pain 1 or less (the rule of later
   * registration trials; neither worse than baseline is left to the caller), else `"active"`.
   */
  readonly remission?: "khanna2015Total" | "khanna2015Items" | "trial";
}
type Resolved = { remission: "khanna2015Total" | "khanna2015Items" | "trial" };
const ALLOWED = { remission: ["khanna2015Total", "khanna2015Items", "trial"] } as const;
const DEFAULTS: Resolved = { remission: "khanna2015Total" };

/** Weighted contributions: 2 × mean stool frequency, 5 × mean abdominal pain. */
export type Pro2CdComponents = { stoolFrequency: number; abdominalPain: number };
/** CD PRO-2 band. */
export type Pro2CdBand = "remission" | "mild" | "moderate" | "severe" | "active";
/** Result of {@link pro2Cd}. */
export type Pro2CdResult = ScoreResult<Pro2CdComponents, Pro2CdBand>;

function score(v: Pro2Cd, o: Resolved): Pro2CdResult {
  const stoolFrequency = snap(2 * v.stoolFrequencyMean);
  const abdominalPain = snap(5 * v.abdominalPainMean);
  const total = snap(stoolFrequency + abdominalPain);
  let band: Pro2CdBand;
  if (o.remission === "khanna2015Total") band = total < 8 ? "remission" : total < 14 ? "mild" : total < 34 ? "moderate" : "severe";
  else {
    const sfMax = o.remission === "trial" ? 2.8 : 1.5;
    band = v.stoolFrequencyMean <= sfMax && v.abdominalPainMean <= 1 ? "remission" : "active";
  }
  return { total, components: { stoolFrequency, abdominalPain }, band };
}

/**
 * Two-item patient-reported outcome (PRO2) of Crohn's disease, weighted as in the CDAI.
 * @remarks PRO2 = 2 × mean daily number of liquid or very soft stools + 5 × mean daily abdominal pain
 * (0-3), each averaged over 7 days (Khanna 2015, using the CDAI weights). Default bands from the
 * same paper: remission below 8, mild 8 to below 14, moderate 14 to below 34, severe 34 or more. The
 * item-wise remission rules are options (see {@link Pro2CdOptions}). Rounded to 9 decimals so the
 * band edges are exact.
 * @param items - 7-day means (`Pro2CdSchema`).
 * @param options - {@link Pro2CdOptions}.
 * @returns `{ total, components, band }`.
 * @throws {TypeError} If `items` is not an object, an item is missing, unknown or of the wrong kind, or an option is unknown.
 * @throws {RangeError} If an item is out of range.
 * @example
 * pro2Cd({ stoolFrequencyMean: 1.5, abdominalPainMean: 1 });
 * //=> { total: 8, components: { stoolFrequency: 3, abdominalPain: 5 }, band: "mild" }
 * @see Khanna R, Zou G, D'Haens G, et al. A retrospective analysis: the development of patient reported outcome measures for the assessment of Crohn's disease activity. Aliment Pharmacol Ther 2015;41:77-86. doi:10.1111/apt.13001
 */
export function pro2Cd(items: Pro2Cd, options?: Pro2CdOptions): Pro2CdResult {
  return score(items, checkOrThrow(FN, V, items, options, ALLOWED, DEFAULTS));
}

/**
 * {@link pro2Cd} without validation.
 * @param items - Validated means.
 * @param options - {@link Pro2CdOptions} (not checked).
 * @returns As {@link pro2Cd}.
 * @example
 * pro2CdUnchecked({ stoolFrequencyMean: 1.5, abdominalPainMean: 1 }, { remission: "khanna2015Items" }).band;
 * //=> "remission"
 * @see Khanna R, et al. Aliment Pharmacol Ther 2015;41:77-86. doi:10.1111/apt.13001
 */
export function pro2CdUnchecked(items: Pro2Cd, options?: Pro2CdOptions): Pro2CdResult {
  return score(items, options?.remission === undefined ? DEFAULTS : { remission: options.remission });
}

/**
 * Non-throwing {@link pro2Cd}.
 * @param items - Candidate means (any value).
 * @param options - Candidate options (any value).
 * @returns A ParseResult holding the result or every issue found.
 * @example
 * safePro2Cd({ stoolFrequencyMean: 2, abdominalPainMean: 4 }).success;
 * //=> false
 * @see Khanna R, et al. Aliment Pharmacol Ther 2015;41:77-86. doi:10.1111/apt.13001
 */
export function safePro2Cd(items: unknown, options?: unknown): ParseResult<Pro2CdResult> {
  return checkSafe(V, items, options, ALLOWED, DEFAULTS, score);
}
