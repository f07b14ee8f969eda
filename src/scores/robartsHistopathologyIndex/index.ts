import type { ParseResult } from "../../models/common.js";
import { RhiItemsSchema, type RhiItems } from "../../models/instrumentInputs.js";
import type { ScoreResult } from "../types.js";
import { checkOrThrow, checkSafe, matchesRecord, type RecordSpec, type Validator } from "../_lib/spec.js";

const FN = "robartsHistopathologyIndex";
/** The item rules, for the schema-equivalence test. */
export const SPEC: RecordSpec = {
  chronicInfiltrate: { t: "int", min: 0, max: 3 },
  laminaPropriaNeutrophils: { t: "int", min: 0, max: 3 },
  epithelialNeutrophils: { t: "int", min: 0, max: 3 },
  erosionUlceration: { t: "int", min: 0, max: 3 },
};

/** Exactly `RhiItemsSchema.safeParse(x).success`, without zod (tested with fast-check). */
export function isRhiItems(x: unknown): x is RhiItems {
  return matchesRecord(SPEC, x);
}
const V: Validator<RhiItems> = { is: isRhiItems, schema: RhiItemsSchema };

/** Options of {@link robartsHistopathologyIndex}. */
export interface RobartsHistopathologyIndexOptions {
  /**
   * `"none"` (default): Mosli 2017 gives no cut-off. `"ecco2020"`: remission when the RHI is 3 or less
   * with no neutrophils in the lamina propria or the epithelium, else active.
   */
  readonly bands?: "none" | "ecco2020";
}
type Resolved = { bands: "none" | "ecco2020" };
const ALLOWED = { bands: ["none", "ecco2020"] } as const;
const DEFAULTS: Resolved = { bands: "none" };

/** Weighted contributions: 1 × chronic infiltrate, 2 × lamina propria neutrophils, 3 × epithelial neutrophils, 5 × erosion or ulceration. */
export type RobartsHistopathologyIndexComponents = { chronicInfiltrate: number; laminaPropriaNeutrophils: number; epithelialNeutrophils: number; erosionUlceration: number };
/** RHI band (only with `options.bands: "ecco2020"`). */
export type RobartsHistopathologyIndexBand = "remission" | "active";
/** Result of {@link robartsHistopathologyIndex}. */
export type RobartsHistopathologyIndexResult = ScoreResult<RobartsHistopathologyIndexComponents, RobartsHistopathologyIndexBand>;

function score(v: RhiItems, o: Resolved): RobartsHistopathologyIndexResult {
  const c = {
    chronicInfiltrate: v.chronicInfiltrate,
    laminaPropriaNeutrophils: 2 * v.laminaPropriaNeutrophils,
    epithelialNeutrophils: 3 * v.epithelialNeutrophils,
    erosionUlceration: 5 * v.erosionUlceration,
  };
  const total = c.chronicInfiltrate + c.laminaPropriaNeutrophils + c.epithelialNeutrophils + c.erosionUlceration;
  const remission = total <= 3 && v.laminaPropriaNeutrophils === 0 && v.epithelialNeutrophils === 0;
  return { total, components: c, band: o.bands === "none" ? null : remission ? "remission" : "active" };
}

/**
 * Robarts Histopathology Index (RHI) of ulcerative colitis, 0-33.
 * @remarks RHI = 1 × chronic inflammatory infiltrate (0-3) + 2 × lamina propria neutrophils (0-3) + 3
 * × neutrophils in epithelium (0-3) + 5 × erosion or ulceration (0-3). Mosli 2017 gives no cut-off;
 * with `options.bands: "ecco2020"`, remission is an RHI of 3 or less with both neutrophil items 0.
 * @param items - Biopsy reading (`RhiItemsSchema`).
 * @param options - {@link RobartsHistopathologyIndexOptions}.
 * @returns `{ total, components, band }`.
 * @throws {TypeError} If `items` is not an object, an item is missing, unknown or of the wrong kind, or an option is unknown.
 * @throws {RangeError} If an item is out of range or fractional.
 * @example
 * robartsHistopathologyIndex({ chronicInfiltrate: 2, laminaPropriaNeutrophils: 1, epithelialNeutrophils: 1, erosionUlceration: 0 }).total;
 * //=> 7
 * @see Mosli MH, Feagan BG, Zou G, et al. Development and validation of a histological index for UC. Gut 2017;66:50-8. doi:10.1136/gutjnl-2015-310393
 * @see Magro F, et al. ECCO position paper: harmonization of the approach to ulcerative colitis histopathology. J Crohns Colitis 2020;14:1503-11. doi:10.1093/ecco-jcc/jjaa110
 */
export function robartsHistopathologyIndex(items: RhiItems, options?: RobartsHistopathologyIndexOptions): RobartsHistopathologyIndexResult {
  return score(items, checkOrThrow(FN, V, items, options, ALLOWED, DEFAULTS));
}

/**
 * {@link robartsHistopathologyIndex} without validation.
 * @param items - Validated reading.
 * @param options - {@link RobartsHistopathologyIndexOptions} (not checked).
 * @returns As {@link robartsHistopathologyIndex}.
 * @example
 * robartsHistopathologyIndexUnchecked({ chronicInfiltrate: 3, laminaPropriaNeutrophils: 3, epithelialNeutrophils: 3, erosionUlceration: 3 }).total;
 * //=> 33
 * @see Mosli MH, et al. Gut 2017;66:50-8. doi:10.1136/gutjnl-2015-310393
 */
export function robartsHistopathologyIndexUnchecked(items: RhiItems, options?: RobartsHistopathologyIndexOptions): RobartsHistopathologyIndexResult {
  return score(items, options?.bands === undefined ? DEFAULTS : { bands: options.bands });
}

/**
 * Non-throwing {@link robartsHistopathologyIndex}.
 * @param items - Candidate reading (any value).
 * @param options - Candidate options (any value).
 * @returns A ParseResult holding the result or every issue found.
 * @example
 * safeRobartsHistopathologyIndex({ chronicInfiltrate: 4 }).success;
 * //=> false
 * @see Mosli MH, et al. Gut 2017;66:50-8. doi:10.1136/gutjnl-2015-310393
 */
export function safeRobartsHistopathologyIndex(items: unknown, options?: unknown): ParseResult<RobartsHistopathologyIndexResult> {
  return checkSafe(V, items, options, ALLOWED, DEFAULTS, score);
}
