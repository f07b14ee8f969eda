import type { ParseResult } from "../../models/common.js";
import { ModifiedMayoEndoscopicInputSchema, type ModifiedMayoEndoscopicInput } from "../../models/instrumentInputs.js";
import type { ScoreResult } from "../types.js";
import type { Problem } from "../_lib/problems.js";
import { checkOrThrow, checkSafe, matchesRecord, snap, type RecordSpec, type Validator } from "../_lib/spec.js";

const FN = "modifiedMayoEndoscopicScore";
/** The item rules, for the schema-equivalence test. */
export const SPEC: RecordSpec = {
  ascending: { t: "int", min: 0, max: 3 },
  transverse: { t: "int", min: 0, max: 3 },
  descending: { t: "int", min: 0, max: 3 },
  sigmoid: { t: "int", min: 0, max: 3 },
  rectum: { t: "int", min: 0, max: 3 },
  extentCm: { t: "num", min: 0, max: 300 },
};

/** Exactly `ModifiedMayoEndoscopicInputSchema.safeParse(x).success`, without zod (tested with fast-check). */
export function isModifiedMayoEndoscopicInput(x: unknown): x is ModifiedMayoEndoscopicInput {
  return matchesRecord(SPEC, x);
}

function extra(v: ModifiedMayoEndoscopicInput): Problem[] {
  const active = v.ascending + v.transverse + v.descending + v.sigmoid + v.rectum > 0;
  if (active && v.extentCm === 0) {
    return [{ arg: "items", path: ["extentCm"], code: "too_small", rule: "must be > 0 when a segment is inflamed", value: v.extentCm, kind: "range" }];
  }
  return [];
}
const V: Validator<ModifiedMayoEndoscopicInput> = { is: isModifiedMayoEndoscopicInput, schema: ModifiedMayoEndoscopicInputSchema, extra };
const NONE = {} as const;

/** Each segment's share of the MMES: its Mayo subscore × extent (dm) / number of inflamed segments. */
export type ModifiedMayoEndoscopicScoreComponents = { ascending: number; transverse: number; descending: number; sigmoid: number; rectum: number };
/** Result of {@link modifiedMayoEndoscopicScore}: the MMES with its intermediate scores; `band` is always `null`. */
export interface ModifiedMayoEndoscopicScoreResult extends ScoreResult<ModifiedMayoEndoscopicScoreComponents, never> {
  /** Modified Score (MS): sum of the five segment subscores, 0-15. */
  readonly modifiedScore: number;
  /** Extended Modified Score (EMS): MS × maximal extent in decimetres. */
  readonly extendedModifiedScore: number;
  /** Segments with active inflammation (subscore 1 or more). */
  readonly inflamedSegments: number;
}

function score(v: ModifiedMayoEndoscopicInput): ModifiedMayoEndoscopicScoreResult {
  const ms = v.ascending + v.transverse + v.descending + v.sigmoid + v.rectum;
  const n = +(v.ascending > 0) + +(v.transverse > 0) + +(v.descending > 0) + +(v.sigmoid > 0) + +(v.rectum > 0);
  // Work in centimetres and divide once: MES × cm / (10 n), snapped to 9 decimals (no closure per call: hot path).
  const d = n === 0 ? 0 : 10 * n;
  const cm = v.extentCm;
  const components = {
    ascending: d === 0 ? 0 : snap((v.ascending * cm) / d),
    transverse: d === 0 ? 0 : snap((v.transverse * cm) / d),
    descending: d === 0 ? 0 : snap((v.descending * cm) / d),
    sigmoid: d === 0 ? 0 : snap((v.sigmoid * cm) / d),
    rectum: d === 0 ? 0 : snap((v.rectum * cm) / d),
  };
  const total = n === 0 ? 0 : snap((ms * v.extentCm) / (10 * n));
  return { total, components, band: null, modifiedScore: ms, extendedModifiedScore: snap((ms * v.extentCm) / 10), inflamedSegments: n };
}

/**
 * Modified Mayo Endoscopic Score (MMES) of ulcerative colitis: severity and extent.
 * @remarks The Mayo endoscopic subscore (0-3) of each of five segments (ascending, transverse,
 * descending, sigmoid, rectum) is summed (Modified Score, MS), multiplied by the maximal extent of
 * inflammation in decimetres (Extended Modified Score, EMS) and divided by the number of segments
 * with active inflammation (subscore 1 or more): MMES = EMS / n (0 when no segment is inflamed). The
 * paper gives no cut-off, so `band` is `null`. Computed from centimetres with one division and
 * rounded to 9 decimals, so results are exact to the input's decimals.
 * @param input - Segment subscores and extent (`ModifiedMayoEndoscopicInputSchema`).
 * @returns `{ total, components, band: null, modifiedScore, extendedModifiedScore, inflamedSegments }`.
 * @throws {TypeError} If `input` is not an object, or an item is missing, unknown or of the wrong kind.
 * @throws {RangeError} If a subscore is out of range, or the extent is 0 while a segment is inflamed.
 * @example
 * modifiedMayoEndoscopicScore({ ascending: 0, transverse: 0, descending: 1, sigmoid: 2, rectum: 3, extentCm: 40 }).total;
 * //=> 8
 * @see Lobatón T, Bessissow T, De Hertogh G, et al. The Modified Mayo Endoscopic Score (MMES): a new index for the assessment of extension and severity of endoscopic activity in ulcerative colitis patients. J Crohns Colitis 2015;9:846-52. doi:10.1093/ecco-jcc/jjv111
 */
export function modifiedMayoEndoscopicScore(input: ModifiedMayoEndoscopicInput): ModifiedMayoEndoscopicScoreResult {
  checkOrThrow(FN, V, input, undefined, NONE, NONE);
  return score(input);
}

/**
 * {@link modifiedMayoEndoscopicScore} without validation.
 * @param input - Validated input.
 * @returns As {@link modifiedMayoEndoscopicScore}.
 * @example
 * modifiedMayoEndoscopicScoreUnchecked({ ascending: 0, transverse: 0, descending: 0, sigmoid: 0, rectum: 0, extentCm: 0 }).total;
 * //=> 0
 * @see Lobatón T, et al. J Crohns Colitis 2015;9:846-52. doi:10.1093/ecco-jcc/jjv111
 */
export function modifiedMayoEndoscopicScoreUnchecked(input: ModifiedMayoEndoscopicInput): ModifiedMayoEndoscopicScoreResult {
  return score(input);
}

/**
 * Non-throwing {@link modifiedMayoEndoscopicScore}.
 * @param input - Candidate input (any value).
 * @returns A ParseResult holding the result or every issue found.
 * @example
 * safeModifiedMayoEndoscopicScore({ rectum: 4 }).success;
 * //=> false
 * @see Lobatón T, et al. J Crohns Colitis 2015;9:846-52. doi:10.1093/ecco-jcc/jjv111
 */
export function safeModifiedMayoEndoscopicScore(input: unknown): ParseResult<ModifiedMayoEndoscopicScoreResult> {
  return checkSafe(V, input, undefined, NONE, NONE, (v: ModifiedMayoEndoscopicInput) => score(v));
}
