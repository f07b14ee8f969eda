import type { ParseResult } from "../../models/common.js";
import { LichtigerItemsSchema, type LichtigerItems } from "../../models/instrumentInputs.js";
import type { ScoreResult } from "../types.js";
import { checkOrThrow, checkSafe, matchesRecord, type RecordSpec, type Validator } from "../_lib/spec.js";

const FN = "lichtiger";
/** The item rules, for the schema-equivalence test. */
export const SPEC: RecordSpec = {
  stoolsPerDay: { t: "int", min: 0, max: 1000 },
  nocturnalDiarrhoea: { t: "bool" },
  visibleBlood: { t: "int", min: 0, max: 3 },
  faecalIncontinence: { t: "bool" },
  abdominalPain: { t: "int", min: 0, max: 3 },
  generalWellBeing: { t: "int", min: 0, max: 5 },
  abdominalTenderness: { t: "int", min: 0, max: 3 },
  antidiarrhoealDrugs: { t: "bool" },
};

/** Exactly `LichtigerItemsSchema.safeParse(x).success`, without zod (tested with fast-check). */
export function isLichtigerItems(x: unknown): x is LichtigerItems {
  return matchesRecord(SPEC, x);
}
const V: Validator<LichtigerItems> = { is: isLichtigerItems, schema: LichtigerItemsSchema };
const NONE = {} as const;

/** Points of each Lichtiger item. */
export type LichtigerComponents = {
  diarrhoea: number;
  nocturnalDiarrhoea: number;
  visibleBlood: number;
  faecalIncontinence: number;
  abdominalPain: number;
  generalWellBeing: number;
  abdominalTenderness: number;
  antidiarrhoealDrugs: number;
};
/** Result of {@link lichtiger}: `band` is always `null` (the index has no severity bands). */
export type LichtigerResult = ScoreResult<LichtigerComponents, never>;

/** Diarrhoea points from the number of stools per day: 0-2: 0, 3-4: 1, 5-6: 2, 7-9: 3, 10 or more: 4. */
function diarrhoeaPoints(n: number): number {
  return n <= 2 ? 0 : n <= 4 ? 1 : n <= 6 ? 2 : n <= 9 ? 3 : 4;
}

function score(v: LichtigerItems): LichtigerResult {
  const c = {
    diarrhoea: diarrhoeaPoints(v.stoolsPerDay),
    nocturnalDiarrhoea: v.nocturnalDiarrhoea ? 1 : 0,
    visibleBlood: v.visibleBlood,
    faecalIncontinence: v.faecalIncontinence ? 1 : 0,
    abdominalPain: v.abdominalPain,
    generalWellBeing: v.generalWellBeing,
    abdominalTenderness: v.abdominalTenderness,
    antidiarrhoealDrugs: v.antidiarrhoealDrugs ? 1 : 0,
  };
  const total = c.diarrhoea + c.nocturnalDiarrhoea + c.visibleBlood + c.faecalIncontinence + c.abdominalPain + c.generalWellBeing + c.abdominalTenderness + c.antidiarrhoealDrugs;
  return { total, components: c, band: null };
}

/**
 * Lichtiger index (modified Truelove-Witts severity index) of ulcerative colitis, 0-21.
 * @remarks Diarrhoea (stools per day 0-2: 0, 3-4: 1, 5-6: 2, 7-9: 3, 10 or more: 4) + nocturnal
 * diarrhoea (1) + visible blood (0-3) + faecal incontinence (1) + abdominal pain or cramping (0-3) +
 * general well-being (0-5) + abdominal tenderness (0-3) + need for antidiarrhoeal drugs (1). No band:
 * Lichtiger 1994 defined response as a score below 10 on two consecutive days (a rule over days, left
 * to the caller; see docs/definitions.md §1.10).
 * @param items - Lichtiger items (`LichtigerItemsSchema`).
 * @returns `{ total, components, band: null }`.
 * @throws {TypeError} If `items` is not an object, or an item is missing, unknown or of the wrong kind.
 * @throws {RangeError} If an item is out of range or fractional.
 * @example
 * lichtiger({ stoolsPerDay: 8, nocturnalDiarrhoea: true, visibleBlood: 2, faecalIncontinence: false, abdominalPain: 2, generalWellBeing: 4, abdominalTenderness: 1, antidiarrhoealDrugs: false }).total;
 * //=> 13
 * @see Lichtiger S, Present DH, Kornbluth A, et al. Cyclosporine in severe ulcerative colitis refractory to steroid therapy. N Engl J Med 1994;330:1841-5. doi:10.1056/NEJM199406303302601
 */
export function lichtiger(items: LichtigerItems): LichtigerResult {
  checkOrThrow(FN, V, items, undefined, NONE, NONE);
  return score(items);
}

/**
 * {@link lichtiger} without validation, for items already validated (hot path).
 * @param items - Validated Lichtiger items.
 * @returns As {@link lichtiger}.
 * @example
 * lichtigerUnchecked({ stoolsPerDay: 2, nocturnalDiarrhoea: false, visibleBlood: 0, faecalIncontinence: false, abdominalPain: 0, generalWellBeing: 0, abdominalTenderness: 0, antidiarrhoealDrugs: false }).total;
 * //=> 0
 * @see Lichtiger S, et al. N Engl J Med 1994;330:1841-5. doi:10.1056/NEJM199406303302601
 */
export function lichtigerUnchecked(items: LichtigerItems): LichtigerResult {
  return score(items);
}

/**
 * Non-throwing {@link lichtiger}.
 * @param items - Candidate items (any value).
 * @returns A ParseResult holding the result or every issue found.
 * @example
 * safeLichtiger({ stoolsPerDay: -1 }).success;
 * //=> false
 * @see Lichtiger S, et al. N Engl J Med 1994;330:1841-5. doi:10.1056/NEJM199406303302601
 */
export function safeLichtiger(items: unknown): ParseResult<LichtigerResult> {
  return checkSafe(V, items, undefined, NONE, NONE, (v: LichtigerItems) => score(v));
}
