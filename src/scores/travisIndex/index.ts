import type { ParseResult } from "../../models/common.js";
import { TravisItemsSchema, type TravisItems } from "../../models/instrumentInputs.js";
import type { ScoreResult } from "../types.js";
import { checkOrThrow, checkSafe, matchesRecord, type RecordSpec, type Validator } from "../_lib/spec.js";

const FN = "travisIndex";
/** The item rules, for the schema-equivalence test. */
export const SPEC: RecordSpec = { stoolsPerDay: { t: "int", min: 0, max: 1000 }, crpMgPerL: { t: "num", min: 0, max: 1000 } };

/** Exactly `TravisItemsSchema.safeParse(x).success`, without zod (tested with fast-check). */
export function isTravisItems(x: unknown): x is TravisItems {
  return matchesRecord(SPEC, x);
}
const V: Validator<TravisItems> = { is: isTravisItems, schema: TravisItemsSchema };

/** Options of {@link travisIndex}. */
export interface TravisIndexOptions {
  /**
   * Lower end of the stool range that needs a CRP above 45 mg/L. `"travis1996"` (default): 3 to 8
   * stools, as in the paper. `"moreThan3"`: more than 3 (4 to 8), a reading found in later reviews.
   */
  readonly stools?: "travis1996" | "moreThan3";
}
type Resolved = { stools: "travis1996" | "moreThan3" };
const ALLOWED = { stools: ["travis1996", "moreThan3"] } as const;
const DEFAULTS: Resolved = { stools: "travis1996" };

/** The two ways to be positive: 1 when met. */
export type TravisIndexComponents = { stoolsOver8: number; stoolsWithCrpOver45: number };
/** Travis index reading: `"positive"` predicts colectomy (85% in the derivation cohort). */
export type TravisIndexBand = "positive" | "negative";
/** Result of {@link travisIndex}. */
export type TravisIndexResult = ScoreResult<TravisIndexComponents, TravisIndexBand>;

function score(v: TravisItems, o: Resolved): TravisIndexResult {
  const low = o.stools === "moreThan3" ? 4 : 3;
  const stoolsOver8 = v.stoolsPerDay > 8 ? 1 : 0;
  const stoolsWithCrpOver45 = v.stoolsPerDay >= low && v.stoolsPerDay <= 8 && v.crpMgPerL > 45 ? 1 : 0;
  const total = stoolsOver8 + stoolsWithCrpOver45;
  return { total, components: { stoolsOver8, stoolsWithCrpOver45 }, band: total > 0 ? "positive" : "negative" };
}

/**
 * Travis (Oxford) index on day 3 of intravenous steroids for acute severe ulcerative colitis.
 * @remarks Positive when there are more than 8 stools on day 3, or 3 to 8 stools with a CRP above 45
 * mg/L; in the derivation cohort 85% of positive patients needed colectomy. Reviews sometimes write
 * "more than 3" stools: `options.stools: "moreThan3"`. `total` is 1 when positive, else 0.
 * @param items - Day-3 items (`TravisItemsSchema`); both are required even when one would decide.
 * @param options - {@link TravisIndexOptions}.
 * @returns `{ total, components, band }`.
 * @throws {TypeError} If `items` is not an object, an item is missing, unknown or of the wrong kind, or an option is unknown.
 * @throws {RangeError} If an item is out of range.
 * @example
 * travisIndex({ stoolsPerDay: 5, crpMgPerL: 60 }).band;
 * //=> "positive"
 * @see Travis SPL, Farrant JM, Ricketts C, et al. Predicting outcome in severe ulcerative colitis. Gut 1996;38:905-10. doi:10.1136/gut.38.6.905
 */
export function travisIndex(items: TravisItems, options?: TravisIndexOptions): TravisIndexResult {
  return score(items, checkOrThrow(FN, V, items, options, ALLOWED, DEFAULTS));
}

/**
 * {@link travisIndex} without validation.
 * @param items - Validated items.
 * @param options - {@link TravisIndexOptions} (not checked).
 * @returns As {@link travisIndex}.
 * @example
 * travisIndexUnchecked({ stoolsPerDay: 3, crpMgPerL: 50 }, { stools: "moreThan3" }).band;
 * //=> "negative"
 * @see Travis SPL, et al. Gut 1996;38:905-10. doi:10.1136/gut.38.6.905
 */
export function travisIndexUnchecked(items: TravisItems, options?: TravisIndexOptions): TravisIndexResult {
  return score(items, options?.stools === undefined ? DEFAULTS : { stools: options.stools });
}

/**
 * Non-throwing {@link travisIndex}.
 * @param items - Candidate items (any value).
 * @param options - Candidate options (any value).
 * @returns A ParseResult holding the result or every issue found.
 * @example
 * safeTravisIndex({ stoolsPerDay: 9 }).success;
 * //=> false
 * @see Travis SPL, et al. Gut 1996;38:905-10. doi:10.1136/gut.38.6.905
 */
export function safeTravisIndex(items: unknown, options?: unknown): ParseResult<TravisIndexResult> {
  return checkSafe(V, items, options, ALLOWED, DEFAULTS, score);
}
