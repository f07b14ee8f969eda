import type { ParseResult } from "../../models/common.js";
import { IbusSasItemsSchema, type IbusSasItems } from "../../models/instrumentInputs.js";
import type { ScoreResult } from "../types.js";
import { checkOrThrow, checkSafe, matchesRecord, snap, type RecordSpec, type Validator } from "../_lib/spec.js";

const FN = "ibusSas";
/** The item rules, for the schema-equivalence test. */
export const SPEC: RecordSpec = {
  bowelWallThicknessMm: { t: "num", min: 0, max: 50 },
  inflammatoryFat: { t: "int", min: 0, max: 2 },
  colourDoppler: { t: "int", min: 0, max: 3 },
  wallStratification: { t: "int", min: 0, max: 3 },
};

/** Exactly `IbusSasItemsSchema.safeParse(x).success`, without zod (tested with fast-check). */
export function isIbusSasItems(x: unknown): x is IbusSasItems {
  return matchesRecord(SPEC, x);
}
const V: Validator<IbusSasItems> = { is: isIbusSasItems, schema: IbusSasItemsSchema };
const NONE = {} as const;

/** Weighted contributions: 4 × BWT, 15 × i-fat, 7 × colour Doppler, 4 × stratification. */
export type IbusSasComponents = { bowelWallThickness: number; inflammatoryFat: number; colourDoppler: number; wallStratification: number };
/** Result of {@link ibusSas}: `band` is always `null` (the paper gives no cut-off). */
export type IbusSasResult = ScoreResult<IbusSasComponents, never>;

function score(v: IbusSasItems): IbusSasResult {
  const c = {
    bowelWallThickness: snap(4 * v.bowelWallThicknessMm),
    inflammatoryFat: 15 * v.inflammatoryFat,
    colourDoppler: 7 * v.colourDoppler,
    wallStratification: 4 * v.wallStratification,
  };
  return { total: snap(c.bowelWallThickness + c.inflammatoryFat + c.colourDoppler + c.wallStratification), components: c, band: null };
}

/**
 * International Bowel Ultrasound Segmental Activity Score (IBUS-SAS) of one segment in Crohn's disease.
 * @remarks IBUS-SAS = 4 × bowel wall thickness (mm) + 15 × inflammatory fat (0-2) + 7 × colour Doppler
 * signal (0-3) + 4 × bowel wall stratification (0-3). The paper gives no activity cut-off (`band` is
 * `null`). The sum is rounded to 9 decimals so a decimal thickness gives an exact decimal score.
 * @param items - One segment's findings (`IbusSasItemsSchema`).
 * @returns `{ total, components, band: null }`.
 * @throws {TypeError} If `items` is not an object, or an item is missing, unknown or of the wrong kind.
 * @throws {RangeError} If an item is out of range.
 * @example
 * ibusSas({ bowelWallThicknessMm: 5.3, inflammatoryFat: 2, colourDoppler: 2, wallStratification: 1 }).total;
 * //=> 69.2
 * @see Novak KL, Nylund K, Maaser C, et al. Expert consensus on optimal acquisition and development of the International Bowel Ultrasound Segmental Activity Score [IBUS-SAS]: a reliability and inter-rater variability study on intestinal ultrasonography in Crohn's disease. J Crohns Colitis 2021;15:609-16. doi:10.1093/ecco-jcc/jjaa216
 */
export function ibusSas(items: IbusSasItems): IbusSasResult {
  checkOrThrow(FN, V, items, undefined, NONE, NONE);
  return score(items);
}

/**
 * {@link ibusSas} without validation.
 * @param items - Validated findings.
 * @returns As {@link ibusSas}.
 * @example
 * ibusSasUnchecked({ bowelWallThicknessMm: 2, inflammatoryFat: 0, colourDoppler: 0, wallStratification: 0 }).total;
 * //=> 8
 * @see Novak KL, et al. J Crohns Colitis 2021;15:609-16. doi:10.1093/ecco-jcc/jjaa216
 */
export function ibusSasUnchecked(items: IbusSasItems): IbusSasResult {
  return score(items);
}

/**
 * Non-throwing {@link ibusSas}.
 * @param items - Candidate findings (any value).
 * @returns A ParseResult holding the result or every issue found.
 * @example
 * safeIbusSas({ bowelWallThicknessMm: 3, inflammatoryFat: 3 }).success;
 * //=> false
 * @see Novak KL, et al. J Crohns Colitis 2021;15:609-16. doi:10.1093/ecco-jcc/jjaa216
 */
export function safeIbusSas(items: unknown): ParseResult<IbusSasResult> {
  return checkSafe(V, items, undefined, NONE, NONE, (v: IbusSasItems) => score(v));
}
