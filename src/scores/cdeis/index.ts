import type { ParseResult } from "../../models/common.js";
import { CdeisInputSchema, type CdeisInput, type CdeisSegment } from "../../models/instrumentInputs.js";
import type { ScoreResult } from "../types.js";
import { isObject, type Problem } from "../_lib/problems.js";
import { checkOrThrow, checkSafe, matchesRecord, snap, type RecordSpec, type Validator } from "../_lib/spec.js";

const FN = "cdeis";
/** The segment rules, for the schema-equivalence test. */
export const SEGMENT_SPEC: RecordSpec = {
  deepUlceration: { t: "bool" },
  superficialUlceration: { t: "bool" },
  surfaceInvolvedCm: { t: "num", min: 0, max: 10 },
  surfaceUlceratedCm: { t: "num", min: 0, max: 10 },
};

function okSegment(v: unknown): boolean {
  return v === undefined || v === null || matchesRecord(SEGMENT_SPEC, v);
}

/** Exactly `CdeisInputSchema.safeParse(x).success`, without zod (tested with fast-check). */
export function isCdeisInput(x: unknown): x is CdeisInput {
  if (!isObject(x)) return false;
  for (const k in x) {
    if (k !== "ileum" && k !== "rightColon" && k !== "transverseColon" && k !== "leftColon" && k !== "rectum" && k !== "ulceratedStenosis" && k !== "nonUlceratedStenosis") return false;
  }
  if (!okSegment(x.ileum) || !okSegment(x.rightColon) || !okSegment(x.transverseColon) || !okSegment(x.leftColon) || !okSegment(x.rectum)) return false;
  return typeof x.ulceratedStenosis === "boolean" && typeof x.nonUlceratedStenosis === "boolean";
}

function extra(v: CdeisInput): Problem[] {
  // Named reads, not v[s] over a list of names: one keyed load site seeing five names is megamorphic.
  if (v.ileum != null || v.rightColon != null || v.transverseColon != null || v.leftColon != null || v.rectum != null) return [];
  return [{ arg: "items", path: [], code: "custom", rule: "must have at least one explored segment", value: v, kind: "range" }];
}
const V: Validator<CdeisInput> = { is: isCdeisInput, schema: CdeisInputSchema, extra };
const NONE = {} as const;

/** Contributions to the CDEIS (the first four already divided by the number of explored segments). */
export type CdeisComponents = {
  deepUlceration: number;
  superficialUlceration: number;
  surfaceInvolved: number;
  surfaceUlcerated: number;
  ulceratedStenosis: number;
  nonUlceratedStenosis: number;
};
/** Result of {@link cdeis}: `band` is always `null` (Mary and Modigliani give no bands). */
export interface CdeisResult extends ScoreResult<CdeisComponents, never> {
  /** Segments explored (1-5). */
  readonly segmentsExplored: number;
}

/**
 * `snap(12 k / n)` and `snap(6 k / n)` at `6 n + k`, for n = 0-5 explored segments of which k have deep
 * (superficial) ulceration: the two ulceration components by lookup instead of two divisions and roundings
 * (n = 0 holds NaN, 0 / 0, as the division gave on unchecked input with no explored segment).
 */
const DEEP = new Float64Array(36);
const SUPERFICIAL = new Float64Array(36);
for (let n = 0; n <= 5; n++) {
  for (let k = 0; k <= n; k++) {
    DEEP[6 * n + k] = snap((12 * k) / n);
    SUPERFICIAL[6 * n + k] = snap((6 * k) / n);
  }
}

// The registry hot path (issue 18: >= 10 M visits/s unchecked, one core, built package). What it costs
// is branches and inlining, so: the five segments read one by one (no loop over names, no closures, no
// accumulator object), `!= null` for "not explored" (undefined or null), ulceration counted as `+flag`
// (0 or 1) rather than `if (flag)`, which V8 mispredicted on visit-to-visit data, and `snap` without a
// data-dependent branch. `score` and `result` are two functions so that each stays under V8's bytecode
// limit for inlining (460 bytes): a caller's loop then inlines both and, when it reads only some fields,
// V8 need not build the rest. Results are bit-identical to the plain definition (tested).

function score(v: CdeisInput): CdeisResult {
  let n = 0;
  let deep = 0;
  let sup = 0;
  let inv = 0;
  let ulc = 0;
  let g: CdeisSegment | null | undefined = v.ileum;
  if (g != null) { n++; deep += +g.deepUlceration; sup += +g.superficialUlceration; inv += g.surfaceInvolvedCm; ulc += g.surfaceUlceratedCm; }
  g = v.rightColon;
  if (g != null) { n++; deep += +g.deepUlceration; sup += +g.superficialUlceration; inv += g.surfaceInvolvedCm; ulc += g.surfaceUlceratedCm; }
  g = v.transverseColon;
  if (g != null) { n++; deep += +g.deepUlceration; sup += +g.superficialUlceration; inv += g.surfaceInvolvedCm; ulc += g.surfaceUlceratedCm; }
  g = v.leftColon;
  if (g != null) { n++; deep += +g.deepUlceration; sup += +g.superficialUlceration; inv += g.surfaceInvolvedCm; ulc += g.surfaceUlceratedCm; }
  g = v.rectum;
  if (g != null) { n++; deep += +g.deepUlceration; sup += +g.superficialUlceration; inv += g.surfaceInvolvedCm; ulc += g.surfaceUlceratedCm; }
  return result(v, n, deep, sup, inv, ulc);
}

/** The result from the sums over the `n` explored segments (`deep`, `sup`: segments with that ulceration). */
function result(v: CdeisInput, n: number, deep: number, sup: number, inv: number, ulc: number): CdeisResult {
  const us = 3 * +v.ulceratedStenosis;
  const ns = 3 * +v.nonUlceratedStenosis;
  const k = 6 * n;
  return {
    // 12 deep + 6 sup is the integer the per-segment sum of 12s and 6s gave: same sum, same order, same bits.
    total: snap((12 * deep + 6 * sup + inv + ulc) / n + us + ns),
    components: {
      deepUlceration: DEEP[k + deep]!,
      superficialUlceration: SUPERFICIAL[k + sup]!,
      surfaceInvolved: snap(inv / n),
      surfaceUlcerated: snap(ulc / n),
      ulceratedStenosis: us,
      nonUlceratedStenosis: ns,
    },
    band: null,
    segmentsExplored: n,
  };
}

/**
 * Crohn's Disease Endoscopic Index of Severity (CDEIS), 0-44.
 * @remarks For each explored segment (ileum, right colon, transverse colon, left colon and sigmoid,
 * rectum): 12 if deep ulceration, 6 if superficial ulceration, plus the surface involved and the
 * ulcerated surface (each 0-10 cm on a 10-cm scale). The sum is divided by the number of segments
 * explored, then 3 is added for an ulcerated stenosis and 3 for a non-ulcerated stenosis anywhere.
 * An absent or `null` segment was not explored (it is not counted as normal). Mary and Modigliani
 * give no severity bands (`band` is `null`); remission cut-offs used later (below 6, below 3) are
 * secondary and documented in docs/definitions.md §1.16. Sums are rounded to 9 decimals so totals are exact
 * to the input's decimals.
 * @param input - Segments and stenoses (`CdeisInputSchema`).
 * @returns `{ total, components, band: null, segmentsExplored }`.
 * @throws {TypeError} If `input` is not an object, or an item is missing, unknown or of the wrong kind.
 * @throws {RangeError} If a surface is outside 0-10 cm, or no segment was explored.
 * @example
 * const seg = (deep, sup, inv, ulc) => ({ deepUlceration: deep, superficialUlceration: sup, surfaceInvolvedCm: inv, surfaceUlceratedCm: ulc });
 * cdeis({ ileum: seg(true, false, 6, 3), rightColon: seg(false, true, 3, 1), transverseColon: seg(false, false, 0, 0), leftColon: null, rectum: seg(false, false, 0, 0), ulceratedStenosis: true, nonUlceratedStenosis: false }).total;
 * //=> 10.75
 * @see Mary JY, Modigliani R. Development and validation of an endoscopic index of the severity for Crohn's disease: a prospective multicentre study. Gut 1989;30:983-9. doi:10.1136/gut.30.7.983
 */
export function cdeis(input: CdeisInput): CdeisResult {
  checkOrThrow(FN, V, input, undefined, NONE, NONE);
  return score(input);
}

/**
 * {@link cdeis} without validation.
 * @param input - Validated input (at least one explored segment).
 * @returns As {@link cdeis}.
 * @example
 * cdeisUnchecked({ rectum: { deepUlceration: false, superficialUlceration: false, surfaceInvolvedCm: 0, surfaceUlceratedCm: 0 }, ulceratedStenosis: false, nonUlceratedStenosis: false }).total;
 * //=> 0
 * @see Mary JY, Modigliani R. Gut 1989;30:983-9. doi:10.1136/gut.30.7.983
 */
export function cdeisUnchecked(input: CdeisInput): CdeisResult {
  return score(input);
}

/**
 * Non-throwing {@link cdeis}.
 * @param input - Candidate input (any value).
 * @returns A ParseResult holding the result or every issue found.
 * @example
 * safeCdeis({ ulceratedStenosis: false, nonUlceratedStenosis: false }).success;
 * //=> false
 * @see Mary JY, Modigliani R. Gut 1989;30:983-9. doi:10.1136/gut.30.7.983
 */
export function safeCdeis(input: unknown): ParseResult<CdeisResult> {
  return checkSafe(V, input, undefined, NONE, NONE, (v: CdeisInput) => score(v));
}
