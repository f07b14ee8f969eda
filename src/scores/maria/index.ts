import type { ParseResult } from "../../models/common.js";
import { MariaSegmentSchema, type MariaSegment } from "../../models/instrumentInputs.js";
import type { ScoreResult } from "../types.js";
import { checkOrThrow, checkSafe, matchesRecord, snap, type RecordSpec, type Validator } from "../_lib/spec.js";

const FN = "maria";
/** The item rules, for the schema-equivalence test. */
export const SPEC: RecordSpec = {
  wallThicknessMm: { t: "num", min: 0, max: 50 },
  relativeContrastEnhancement: { t: "num", min: 0, max: 10000 },
  oedema: { t: "bool" },
  ulcers: { t: "bool" },
};

/** Exactly `MariaSegmentSchema.safeParse(x).success`, without zod (tested with fast-check). */
export function isMariaSegment(x: unknown): x is MariaSegment {
  return matchesRecord(SPEC, x);
}
const V: Validator<MariaSegment> = { is: isMariaSegment, schema: MariaSegmentSchema };
const NONE = {} as const;

/** Weighted contributions: 1.5 × wall thickness, 0.02 × RCE, 5 × oedema, 10 × ulcers. */
export type MariaComponents = { wallThickness: number; relativeContrastEnhancement: number; oedema: number; ulcers: number };
/** Segmental MaRIA band (Rimola 2009): below 7 inactive, 7 or more active, 11 or more severe (ulcerative) disease. */
export type MariaBand = "inactive" | "active" | "severe";
/** Result of {@link maria}. */
export type MariaResult = ScoreResult<MariaComponents, MariaBand>;

function score(v: MariaSegment): MariaResult {
  const c = {
    wallThickness: snap(1.5 * v.wallThicknessMm),
    relativeContrastEnhancement: snap(0.02 * v.relativeContrastEnhancement),
    oedema: v.oedema ? 5 : 0,
    ulcers: v.ulcers ? 10 : 0,
  };
  const total = snap(c.wallThickness + c.relativeContrastEnhancement + c.oedema + c.ulcers);
  return { total, components: c, band: total >= 11 ? "severe" : total >= 7 ? "active" : "inactive" };
}

/**
 * Magnetic Resonance Index of Activity (MaRIA) of one bowel segment in Crohn's disease.
 * @remarks MaRIA = 1.5 × wall thickness (mm) + 0.02 × relative contrast enhancement + 5 × oedema + 10
 * × ulcers. Cut-offs from the derivation and validation papers: 7 or more active disease, 11 or more
 * severe (ulcerative) disease. Each product and the sum are rounded to 9 decimals, so a segment that
 * is exactly on an edge in decimal arithmetic (e.g. 1.5 × 3.8 + 0.02 × 65 = 7) is read on the edge,
 * not a hair below it. The global MaRIA is the sum over the segments explored (terminal ileum, ascending,
 * transverse, descending, sigmoid colon and rectum).
 * @param segment - One segment's findings (`MariaSegmentSchema`).
 * @returns `{ total, components, band }`.
 * @throws {TypeError} If `segment` is not an object, or an item is missing, unknown or of the wrong kind.
 * @throws {RangeError} If a measurement is negative, not finite or implausibly large.
 * @example
 * maria({ wallThicknessMm: 3.8, relativeContrastEnhancement: 65, oedema: false, ulcers: false });
 * //=> { total: 7, components: { wallThickness: 5.7, relativeContrastEnhancement: 1.3, oedema: 0, ulcers: 0 }, band: "active" }
 * @see Rimola J, Rodriguez S, García-Bosch O, et al. Magnetic resonance for assessment of disease activity and severity in ileocolonic Crohn's disease. Gut 2009;58:1113-20. doi:10.1136/gut.2008.167957
 * @see Rimola J, Ordás I, Rodriguez S, et al. Magnetic resonance imaging for evaluation of Crohn's disease: validation of parameters of severity and quantitative index of activity. Inflamm Bowel Dis 2011;17:1759-68. doi:10.1002/ibd.21551
 */
export function maria(segment: MariaSegment): MariaResult {
  checkOrThrow(FN, V, segment, undefined, NONE, NONE);
  return score(segment);
}

/**
 * {@link maria} without validation.
 * @param segment - Validated findings.
 * @returns As {@link maria}.
 * @example
 * mariaUnchecked({ wallThicknessMm: 8, relativeContrastEnhancement: 150, oedema: true, ulcers: true }).band;
 * //=> "severe"
 * @see Rimola J, et al. Gut 2009;58:1113-20. doi:10.1136/gut.2008.167957
 */
export function mariaUnchecked(segment: MariaSegment): MariaResult {
  return score(segment);
}

/**
 * Non-throwing {@link maria}.
 * @param segment - Candidate findings (any value).
 * @returns A ParseResult holding the result or every issue found.
 * @example
 * safeMaria({ wallThicknessMm: -1 }).success;
 * //=> false
 * @see Rimola J, et al. Gut 2009;58:1113-20. doi:10.1136/gut.2008.167957
 */
export function safeMaria(segment: unknown): ParseResult<MariaResult> {
  return checkSafe(V, segment, undefined, NONE, NONE, (v: MariaSegment) => score(v));
}
