import type { ParseResult } from "../../models/common.js";
import { SccaiItemsSchema, type SccaiItems } from "../../models/instrumentInputs.js";
import type { ScoreResult } from "../types.js";
import { checkOrThrow, checkSafe, matchesRecord, type RecordSpec, type Validator } from "../_lib/spec.js";

const FN = "sccai";
/** The item rules, for the schema-equivalence test. */
export const SPEC: RecordSpec = {
  bowelFrequencyDay: { t: "int", min: 0, max: 3 },
  bowelFrequencyNight: { t: "int", min: 0, max: 2 },
  urgency: { t: "int", min: 0, max: 3 },
  bloodInStool: { t: "int", min: 0, max: 3 },
  generalWellBeing: { t: "int", min: 0, max: 4 },
  extracolonic: { t: "set", values: ["arthritis", "uveitis", "erythemaNodosum", "pyodermaGangrenosum"] },
};

/** Exactly `SccaiItemsSchema.safeParse(x).success`, without zod (tested with fast-check). */
export function isSccaiItems(x: unknown): x is SccaiItems {
  return matchesRecord(SPEC, x);
}
const V: Validator<SccaiItems> = { is: isSccaiItems, schema: SccaiItemsSchema };

/** Options of {@link sccai}. */
export interface SccaiOptions {
  /**
   * Band to report. `"none"` (default): Walmsley 1998 gives no cut-off, so `band` is `null`.
   * `"higgins2005"`: remission when the total is 2 or less, else active (a secondary source).
   */
  readonly bands?: "none" | "higgins2005";
}
type Resolved = { bands: "none" | "higgins2005" };
const ALLOWED = { bands: ["none", "higgins2005"] } as const;
const DEFAULTS: Resolved = { bands: "none" };

/** Points of each SCCAI item. */
export type SccaiComponents = {
  bowelFrequencyDay: number;
  bowelFrequencyNight: number;
  urgency: number;
  bloodInStool: number;
  generalWellBeing: number;
  extracolonic: number;
};
/** SCCAI band (only with `options.bands: "higgins2005"`). */
export type SccaiBand = "remission" | "active";
/** Result of {@link sccai}. */
export type SccaiResult = ScoreResult<SccaiComponents, SccaiBand>;

function score(v: SccaiItems, o: Resolved): SccaiResult {
  const components = {
    bowelFrequencyDay: v.bowelFrequencyDay,
    bowelFrequencyNight: v.bowelFrequencyNight,
    urgency: v.urgency,
    bloodInStool: v.bloodInStool,
    generalWellBeing: v.generalWellBeing,
    extracolonic: v.extracolonic.length,
  };
  const total = components.bowelFrequencyDay + components.bowelFrequencyNight + components.urgency + components.bloodInStool + components.generalWellBeing + components.extracolonic;
  return { total, components, band: o.bands === "none" ? null : total <= 2 ? "remission" : "active" };
}

/**
 * Simple Clinical Colitis Activity Index (SCCAI) of ulcerative colitis, 0-19.
 * @remarks Bowel frequency by day (1-3: 0, 4-6: 1, 7-9: 2, more than 9: 3) + by night (1-3: 1, 4-6:
 * 2) + urgency (hurry 1, immediately 2, incontinence 3) + blood in stool (trace 1, occasionally
 * frank 2, usually frank 3) + general well-being (0-4) + one point per extracolonic feature
 * (arthritis, uveitis, erythema nodosum, pyoderma gangrenosum). Walmsley 1998 defines no band; with
 * `options.bands: "higgins2005"` a total of 2 or less reads as remission (Higgins 2005).
 * @param items - SCCAI items (`SccaiItemsSchema`).
 * @param options - {@link SccaiOptions}.
 * @returns `{ total, components, band }`.
 * @throws {TypeError} If `items` is not an object, an item is missing, unknown or of the wrong kind, or an option is unknown.
 * @throws {RangeError} If an item is out of range or fractional.
 * @example
 * sccai({ bowelFrequencyDay: 1, bowelFrequencyNight: 1, urgency: 1, bloodInStool: 1, generalWellBeing: 1, extracolonic: ["arthritis"] }).total;
 * //=> 6
 * @see Walmsley RS, Ayres RCS, Pounder RE, Allan RN. A simple clinical colitis activity index. Gut 1998;43:29-32. doi:10.1136/gut.43.1.29
 * @see Higgins PDR, Schwartz M, Mapili J, et al. Patient defined dichotomous end points for remission and clinical improvement in ulcerative colitis. Gut 2005;54:782-8. doi:10.1136/gut.2004.056358
 */
export function sccai(items: SccaiItems, options?: SccaiOptions): SccaiResult {
  return score(items, checkOrThrow(FN, V, items, options, ALLOWED, DEFAULTS));
}

/**
 * {@link sccai} without validation, for items already validated (hot path).
 * @param items - Validated SCCAI items.
 * @param options - {@link SccaiOptions} (not checked).
 * @returns As {@link sccai}.
 * @example
 * sccaiUnchecked({ bowelFrequencyDay: 0, bowelFrequencyNight: 0, urgency: 0, bloodInStool: 0, generalWellBeing: 2, extracolonic: [] }, { bands: "higgins2005" }).band;
 * //=> "remission"
 * @see Walmsley RS, et al. Gut 1998;43:29-32. doi:10.1136/gut.43.1.29
 */
export function sccaiUnchecked(items: SccaiItems, options?: SccaiOptions): SccaiResult {
  return score(items, options?.bands === undefined ? DEFAULTS : { bands: options.bands });
}

/**
 * Non-throwing {@link sccai}.
 * @param items - Candidate SCCAI items (any value).
 * @param options - Candidate options (any value).
 * @returns A ParseResult holding the result or every issue found.
 * @example
 * safeSccai({ bowelFrequencyDay: 4 }).success;
 * //=> false
 * @see Walmsley RS, et al. Gut 1998;43:29-32. doi:10.1136/gut.43.1.29
 */
export function safeSccai(items: unknown, options?: unknown): ParseResult<SccaiResult> {
  return checkSafe(V, items, options, ALLOWED, DEFAULTS, score);
}
