import type { ParseResult } from "../../models/common.js";
import { SimplifiedMariaSegmentSchema, type SimplifiedMariaSegment } from "../../models/instrumentInputs.js";
import type { ScoreResult } from "../types.js";
import { checkOrThrow, checkSafe, matchesRecord, type RecordSpec, type Validator } from "../_lib/spec.js";

const FN = "simplifiedMaria";
/** The item rules, for the schema-equivalence test. */
export const SPEC: RecordSpec = {
  wallThicknessMm: { t: "num", min: 0, max: 50 },
  oedema: { t: "bool" },
  fatStranding: { t: "bool" },
  ulcers: { t: "bool" },
};

/** Exactly `SimplifiedMariaSegmentSchema.safeParse(x).success`, without zod (tested with fast-check). */
export function isSimplifiedMariaSegment(x: unknown): x is SimplifiedMariaSegment {
  return matchesRecord(SPEC, x);
}
const V: Validator<SimplifiedMariaSegment> = { is: isSimplifiedMariaSegment, schema: SimplifiedMariaSegmentSchema };
const NONE = {} as const;

/** Points: wall thickness above 3 mm 1, oedema 1, fat stranding 1, ulcers 2. */
export type SimplifiedMariaComponents = { wallThickness: number; oedema: number; fatStranding: number; ulcers: number };
/** Segmental simplified MaRIA band (Ordás 2019): 0 inactive, 1 or more active, 2 or more severe. */
export type SimplifiedMariaBand = "inactive" | "active" | "severe";
/** Result of {@link simplifiedMaria}. */
export type SimplifiedMariaResult = ScoreResult<SimplifiedMariaComponents, SimplifiedMariaBand>;

function score(v: SimplifiedMariaSegment): SimplifiedMariaResult {
  const c = { wallThickness: v.wallThicknessMm > 3 ? 1 : 0, oedema: v.oedema ? 1 : 0, fatStranding: v.fatStranding ? 1 : 0, ulcers: v.ulcers ? 2 : 0 };
  const total = c.wallThickness + c.oedema + c.fatStranding + c.ulcers;
  return { total, components: c, band: total >= 2 ? "severe" : total >= 1 ? "active" : "inactive" };
}

/**
 * Simplified MaRIA of one bowel segment (MR enterography, Crohn's disease), 0-5.
 * @remarks 1 × wall thickness above 3 mm + 1 × oedema + 1 × fat stranding + 2 × ulcers. Segmental
 * cut-offs from the paper: 1 or more active disease, 2 or more severe disease. The global score is
 * the sum over the segments.
 * @param segment - One segment's findings (`SimplifiedMariaSegmentSchema`).
 * @returns `{ total, components, band }`.
 * @throws {TypeError} If `segment` is not an object, or an item is missing, unknown or of the wrong kind.
 * @throws {RangeError} If the wall thickness is negative or not finite.
 * @example
 * simplifiedMaria({ wallThicknessMm: 5, oedema: true, fatStranding: false, ulcers: false });
 * //=> { total: 2, components: { wallThickness: 1, oedema: 1, fatStranding: 0, ulcers: 0 }, band: "severe" }
 * @see Ordás I, Rimola J, Alfaro I, et al. Development and validation of a simplified magnetic resonance index of activity for Crohn's disease. Gastroenterology 2019;157:432-9. doi:10.1053/j.gastro.2019.03.051
 */
export function simplifiedMaria(segment: SimplifiedMariaSegment): SimplifiedMariaResult {
  checkOrThrow(FN, V, segment, undefined, NONE, NONE);
  return score(segment);
}

/**
 * {@link simplifiedMaria} without validation.
 * @param segment - Validated findings.
 * @returns As {@link simplifiedMaria}.
 * @example
 * simplifiedMariaUnchecked({ wallThicknessMm: 3, oedema: false, fatStranding: false, ulcers: false }).band;
 * //=> "inactive"
 * @see Ordás I, et al. Gastroenterology 2019;157:432-9. doi:10.1053/j.gastro.2019.03.051
 */
export function simplifiedMariaUnchecked(segment: SimplifiedMariaSegment): SimplifiedMariaResult {
  return score(segment);
}

/**
 * Non-throwing {@link simplifiedMaria}.
 * @param segment - Candidate findings (any value).
 * @returns A ParseResult holding the result or every issue found.
 * @example
 * safeSimplifiedMaria({ wallThicknessMm: 4 }).success;
 * //=> false
 * @see Ordás I, et al. Gastroenterology 2019;157:432-9. doi:10.1053/j.gastro.2019.03.051
 */
export function safeSimplifiedMaria(segment: unknown): ParseResult<SimplifiedMariaResult> {
  return checkSafe(V, segment, undefined, NONE, NONE, (v: SimplifiedMariaSegment) => score(v));
}
