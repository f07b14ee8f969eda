import type { ParseResult } from "../../models/common.js";
import { GeboesItemsSchema, type GeboesItems } from "../../models/instrumentInputs.js";
import type { ScoreResult } from "../types.js";
import { checkOrThrow, checkSafe, matchesRecord, type RecordSpec, type Validator } from "../_lib/spec.js";

const FN = "geboesScore";
/** The item rules, for the schema-equivalence test. */
export const SPEC: RecordSpec = {
  architecture: { t: "int", min: 0, max: 3 },
  chronicInfiltrate: { t: "int", min: 0, max: 3 },
  eosinophils: { t: "int", min: 0, max: 3 },
  laminaPropriaNeutrophils: { t: "int", min: 0, max: 3 },
  epithelialNeutrophils: { t: "int", min: 0, max: 3 },
  cryptDestruction: { t: "int", min: 0, max: 3 },
  erosionUlceration: { t: "int", min: 0, max: 4 },
};

/** Exactly `GeboesItemsSchema.safeParse(x).success`, without zod (tested with fast-check). */
export function isGeboesItems(x: unknown): x is GeboesItems {
  return matchesRecord(SPEC, x);
}
const V: Validator<GeboesItems> = { is: isGeboesItems, schema: GeboesItemsSchema };
const NONE = {} as const;

/** The subgrade of each Geboes grade (0-3, erosion or ulceration 0-4). */
export type GeboesScoreComponents = {
  architecture: number;
  chronicInfiltrate: number;
  eosinophils: number;
  laminaPropriaNeutrophils: number;
  epithelialNeutrophils: number;
  cryptDestruction: number;
  erosionUlceration: number;
};
/** A Geboes grade label: the highest grade with a non-zero subgrade, e.g. `"3.1"` or `"2B.2"`; `"0.0"` when all are 0. */
export type GeboesGrade =
  | "0.0" | "0.1" | "0.2" | "0.3"
  | "1.1" | "1.2" | "1.3"
  | "2A.1" | "2A.2" | "2A.3"
  | "2B.1" | "2B.2" | "2B.3"
  | "3.1" | "3.2" | "3.3"
  | "4.1" | "4.2" | "4.3"
  | "5.1" | "5.2" | "5.3" | "5.4";
/** Result of {@link geboesScore}: `band` is the Geboes grade; `total` is the sum of subgrades (0-22). */
export type GeboesScoreResult = ScoreResult<GeboesScoreComponents, GeboesGrade>;

function grade(v: GeboesItems): GeboesGrade {
  if (v.erosionUlceration > 0) return `5.${v.erosionUlceration}` as GeboesGrade;
  if (v.cryptDestruction > 0) return `4.${v.cryptDestruction}` as GeboesGrade;
  if (v.epithelialNeutrophils > 0) return `3.${v.epithelialNeutrophils}` as GeboesGrade;
  if (v.laminaPropriaNeutrophils > 0) return `2B.${v.laminaPropriaNeutrophils}` as GeboesGrade;
  if (v.eosinophils > 0) return `2A.${v.eosinophils}` as GeboesGrade;
  if (v.chronicInfiltrate > 0) return `1.${v.chronicInfiltrate}` as GeboesGrade;
  return `0.${v.architecture}` as GeboesGrade;
}

function score(v: GeboesItems): GeboesScoreResult {
  const c = {
    architecture: v.architecture,
    chronicInfiltrate: v.chronicInfiltrate,
    eosinophils: v.eosinophils,
    laminaPropriaNeutrophils: v.laminaPropriaNeutrophils,
    epithelialNeutrophils: v.epithelialNeutrophils,
    cryptDestruction: v.cryptDestruction,
    erosionUlceration: v.erosionUlceration,
  };
  const total = c.architecture + c.chronicInfiltrate + c.eosinophils + c.laminaPropriaNeutrophils + c.epithelialNeutrophils + c.cryptDestruction + c.erosionUlceration;
  return { total, components: c, band: grade(v) };
}

/**
 * Geboes histological score of ulcerative colitis.
 * @remarks Six grades, each with subgrades: 0 architectural change (0-3), 1 chronic inflammatory
 * infiltrate (0-3), 2A lamina propria eosinophils (0-3), 2B lamina propria neutrophils (0-3), 3
 * neutrophils in epithelium (0-3), 4 crypt destruction (0-3), 5 erosion or ulceration (0-4). The
 * Geboes grade (in `band`) is the highest grade with a non-zero subgrade, written grade.subgrade
 * ("3.2"); "0.0" when nothing is found. `total` is the sum of the subgrades, a continuous reading
 * used in some studies, not part of Geboes 2000.
 * @param items - Subgrades (`GeboesItemsSchema`).
 * @returns `{ total, components, band }` with `band` the Geboes grade.
 * @throws {TypeError} If `items` is not an object, or an item is missing, unknown or of the wrong kind.
 * @throws {RangeError} If a subgrade is out of range or fractional.
 * @example
 * geboesScore({ architecture: 2, chronicInfiltrate: 2, eosinophils: 1, laminaPropriaNeutrophils: 1, epithelialNeutrophils: 2, cryptDestruction: 0, erosionUlceration: 0 }).band;
 * //=> "3.2"
 * @see Geboes K, Riddell R, Ost A, et al. A reproducible grading scale for histological assessment of inflammation in ulcerative colitis. Gut 2000;47:404-9. doi:10.1136/gut.47.3.404
 */
export function geboesScore(items: GeboesItems): GeboesScoreResult {
  checkOrThrow(FN, V, items, undefined, NONE, NONE);
  return score(items);
}

/**
 * {@link geboesScore} without validation.
 * @param items - Validated subgrades.
 * @returns As {@link geboesScore}.
 * @example
 * geboesScoreUnchecked({ architecture: 1, chronicInfiltrate: 0, eosinophils: 0, laminaPropriaNeutrophils: 0, epithelialNeutrophils: 0, cryptDestruction: 0, erosionUlceration: 0 }).band;
 * //=> "0.1"
 * @see Geboes K, et al. Gut 2000;47:404-9. doi:10.1136/gut.47.3.404
 */
export function geboesScoreUnchecked(items: GeboesItems): GeboesScoreResult {
  return score(items);
}

/**
 * Non-throwing {@link geboesScore}.
 * @param items - Candidate subgrades (any value).
 * @returns A ParseResult holding the result or every issue found.
 * @example
 * safeGeboesScore({ erosionUlceration: 5 }).success;
 * //=> false
 * @see Geboes K, et al. Gut 2000;47:404-9. doi:10.1136/gut.47.3.404
 */
export function safeGeboesScore(items: unknown): ParseResult<GeboesScoreResult> {
  return checkSafe(V, items, undefined, NONE, NONE, (v: GeboesItems) => score(v));
}
