import type { ParseResult } from "../../models/common.js";
import { PdaiItemsSchema, type PdaiItems } from "../../models/instrumentInputs.js";
import type { ScoreResult } from "../types.js";
import { checkOrThrow, checkSafe, matchesRecord, type RecordSpec, type Validator } from "../_lib/spec.js";

const FN = "pdai";
/** The item rules, for the schema-equivalence test. */
export const SPEC: RecordSpec = {
  discharge: { t: "int", min: 0, max: 4 },
  pain: { t: "int", min: 0, max: 4 },
  sexualActivity: { t: "int", min: 0, max: 4 },
  type: { t: "int", min: 0, max: 4 },
  induration: { t: "int", min: 0, max: 4 },
};

/** Exactly `PdaiItemsSchema.safeParse(x).success`, without zod (tested with fast-check). */
export function isPdaiItems(x: unknown): x is PdaiItems {
  return matchesRecord(SPEC, x);
}
const V: Validator<PdaiItems> = { is: isPdaiItems, schema: PdaiItemsSchema };

/** Options of {@link pdai}. */
export interface PdaiOptions {
  /** `"none"` (default): Irvine 1995 gives no cut-off. `"losco2009"`: above 4 = active perianal fistula. */
  readonly bands?: "none" | "losco2009";
}
type Resolved = { bands: "none" | "losco2009" };
const ALLOWED = { bands: ["none", "losco2009"] } as const;
const DEFAULTS: Resolved = { bands: "none" };

/** Points of each PDAI item (each 0-4). */
export type PdaiComponents = { discharge: number; pain: number; sexualActivity: number; type: number; induration: number };
/** PDAI band (only with `options.bands: "losco2009"`). */
export type PdaiBand = "inactive" | "active";
/** Result of {@link pdai}. */
export type PdaiResult = ScoreResult<PdaiComponents, PdaiBand>;

function score(v: PdaiItems, o: Resolved): PdaiResult {
  const total = v.discharge + v.pain + v.sexualActivity + v.type + v.induration;
  return {
    total,
    components: { discharge: v.discharge, pain: v.pain, sexualActivity: v.sexualActivity, type: v.type, induration: v.induration },
    band: o.bands === "none" ? null : total > 4 ? "active" : "inactive",
  };
}

/**
 * Perianal Disease Activity Index (PDAI) of perianal Crohn's disease, 0-20.
 * @remarks Five items each 0-4: discharge, pain and restriction of activities, restriction of sexual
 * activity, type of perianal disease, degree of induration. Irvine 1995 gives no cut-off; with
 * `options.bands: "losco2009"` a total above 4 reads as an active fistula (Losco 2009). Not the
 * Pouchitis Disease Activity Index (Sandborn 1994), which shares the acronym.
 * @param items - PDAI items (`PdaiItemsSchema`).
 * @param options - {@link PdaiOptions}.
 * @returns `{ total, components, band }`.
 * @throws {TypeError} If `items` is not an object, an item is missing, unknown or of the wrong kind, or an option is unknown.
 * @throws {RangeError} If an item is out of range or fractional.
 * @example
 * pdai({ discharge: 2, pain: 1, sexualActivity: 1, type: 2, induration: 1 }, { bands: "losco2009" }).band;
 * //=> "active"
 * @see Irvine EJ. Usual therapy improves perianal Crohn's disease as measured by a new disease activity index. McMaster IBD Study Group. J Clin Gastroenterol 1995;20:27-32. doi:10.1097/00004836-199501000-00008
 * @see Losco A, Viganò C, Conte D, et al. Assessing the activity of perianal Crohn's disease: comparison of clinical indices and computer-assisted anal ultrasound. Inflamm Bowel Dis 2009;15:742-9. doi:10.1002/ibd.20779
 */
export function pdai(items: PdaiItems, options?: PdaiOptions): PdaiResult {
  return score(items, checkOrThrow(FN, V, items, options, ALLOWED, DEFAULTS));
}

/**
 * {@link pdai} without validation.
 * @param items - Validated items.
 * @param options - {@link PdaiOptions} (not checked).
 * @returns As {@link pdai}.
 * @example
 * pdaiUnchecked({ discharge: 4, pain: 4, sexualActivity: 4, type: 4, induration: 4 }).total;
 * //=> 20
 * @see Irvine EJ. J Clin Gastroenterol 1995;20:27-32. doi:10.1097/00004836-199501000-00008
 */
export function pdaiUnchecked(items: PdaiItems, options?: PdaiOptions): PdaiResult {
  return score(items, options?.bands === undefined ? DEFAULTS : { bands: options.bands });
}

/**
 * Non-throwing {@link pdai}.
 * @param items - Candidate items (any value).
 * @param options - Candidate options (any value).
 * @returns A ParseResult holding the result or every issue found.
 * @example
 * safePdai({ discharge: 5 }).success;
 * //=> false
 * @see Irvine EJ. J Clin Gastroenterol 1995;20:27-32. doi:10.1097/00004836-199501000-00008
 */
export function safePdai(items: unknown, options?: unknown): ParseResult<PdaiResult> {
  return checkSafe(V, items, options, ALLOWED, DEFAULTS, score);
}
