import type { ParseResult } from "../../models/common.js";
import { HoItemsSchema, type HoItems } from "../../models/instrumentInputs.js";
import type { ScoreResult } from "../types.js";
import { checkOrThrow, checkSafe, matchesRecord, type RecordSpec, type Validator } from "../_lib/spec.js";

const FN = "hoScore";
/** The item rules, for the schema-equivalence test. */
export const SPEC: RecordSpec = {
  meanStoolsPerDay: { t: "num", min: 0, max: 1000 },
  colonicDilatation: { t: "bool" },
  albuminGPerL: { t: "num", min: 0, max: 100 },
};

/** Exactly `HoItemsSchema.safeParse(x).success`, without zod (tested with fast-check). */
export function isHoItems(x: unknown): x is HoItems {
  return matchesRecord(SPEC, x);
}
const V: Validator<HoItems> = { is: isHoItems, schema: HoItemsSchema };
const NONE = {} as const;

/** Points of each Ho item. */
export type HoScoreComponents = { stoolFrequency: number; colonicDilatation: number; hypoalbuminaemia: number };
/** Ho risk group: low (0-1), intermediate (2-3), high (4 or more). */
export type HoScoreBand = "low" | "intermediate" | "high";
/** Result of {@link hoScore}. */
export type HoScoreResult = ScoreResult<HoScoreComponents, HoScoreBand>;

/** Mean stools per day: below 4: 0; 4 to below 7: 1; 7 to 9: 2; above 9: 4. */
function stoolPoints(x: number): number {
  return x < 4 ? 0 : x < 7 ? 1 : x <= 9 ? 2 : 4;
}

function score(v: HoItems): HoScoreResult {
  const c = { stoolFrequency: stoolPoints(v.meanStoolsPerDay), colonicDilatation: v.colonicDilatation ? 4 : 0, hypoalbuminaemia: v.albuminGPerL < 30 ? 1 : 0 };
  const total = c.stoolFrequency + c.colonicDilatation + c.hypoalbuminaemia;
  return { total, components: c, band: total <= 1 ? "low" : total <= 3 ? "intermediate" : "high" };
}

/**
 * Ho (Edinburgh) day-3 score predicting failure of intravenous steroids in acute severe UC, 0-9.
 * @remarks Mean stool frequency over the first 3 days (below 4: 0, 4-6: 1, 7-9: 2, above 9: 4; a
 * fractional mean from 6 up to 7 counts as 4-6) + colonic dilatation (4) + albumin below 30 g/L at
 * day 3 (1). Risk groups from the paper: 0-1 low, 2-3 intermediate, 4 or more high (85% needed
 * colectomy in the derivation cohort).
 * @param items - Items (`HoItemsSchema`).
 * @returns `{ total, components, band }`.
 * @throws {TypeError} If `items` is not an object, or an item is missing, unknown or of the wrong kind.
 * @throws {RangeError} If an item is out of range.
 * @example
 * hoScore({ meanStoolsPerDay: 7.3, colonicDilatation: false, albuminGPerL: 28 });
 * //=> { total: 3, components: { stoolFrequency: 2, colonicDilatation: 0, hypoalbuminaemia: 1 }, band: "intermediate" }
 * @see Ho GT, Mowat C, Goddard CJR, et al. Predicting the outcome of severe ulcerative colitis: development of a novel risk score to aid early selection of patients for second-line medical therapy or surgery. Aliment Pharmacol Ther 2004;19:1079-87. doi:10.1111/j.1365-2036.2004.01945.x
 */
export function hoScore(items: HoItems): HoScoreResult {
  checkOrThrow(FN, V, items, undefined, NONE, NONE);
  return score(items);
}

/**
 * {@link hoScore} without validation.
 * @param items - Validated items.
 * @returns As {@link hoScore}.
 * @example
 * hoScoreUnchecked({ meanStoolsPerDay: 10, colonicDilatation: true, albuminGPerL: 25 }).total;
 * //=> 9
 * @see Ho GT, et al. Aliment Pharmacol Ther 2004;19:1079-87. doi:10.1111/j.1365-2036.2004.01945.x
 */
export function hoScoreUnchecked(items: HoItems): HoScoreResult {
  return score(items);
}

/**
 * Non-throwing {@link hoScore}.
 * @param items - Candidate items (any value).
 * @returns A ParseResult holding the result or every issue found.
 * @example
 * safeHoScore({ meanStoolsPerDay: 5 }).success;
 * //=> false
 * @see Ho GT, et al. Aliment Pharmacol Ther 2004;19:1079-87. doi:10.1111/j.1365-2036.2004.01945.x
 */
export function safeHoScore(items: unknown): ParseResult<HoScoreResult> {
  return checkSafe(V, items, undefined, NONE, NONE, (v: HoItems) => score(v));
}
