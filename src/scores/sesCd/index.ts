import type { ParseResult } from "../../models/common.js";
import { SesCdInputSchema, type SesCdInput, type SesCdSegment, type SesCdSegmentName } from "../../models/scoreInputs.js";
import type { ScoreResult } from "../types.js";
import { failure, isIntIn, isObject, optionProblems, problemsFromZod, throwFirst, type Problem } from "../_lib/problems.js";

const FN = "sesCd";
const SEGMENTS: readonly SesCdSegmentName[] = ["ileum", "rightColon", "transverseColon", "leftColon", "rectum"];
const BOOL: readonly boolean[] = [true, false];

/** Options of {@link sesCd}. */
export interface SesCdOptions {
  /** When true, every segment must have been explored (present and not `null`). Default false. */
  readonly requireAllSegments?: boolean;
}

/** Sum of each SES-CD variable over the explored segments. */
export type SesCdVariables = { ulcerSize: number; ulceratedSurface: number; affectedSurface: number; narrowing: number };

/** SES-CD severity band (common, not standardised). */
export type SesCdBand = "inactive" | "mild" | "moderate" | "severe";

/** Result of {@link sesCd}. `components` are the per-variable sums (as `variables`). */
export interface SesCdResult extends ScoreResult<SesCdVariables, SesCdBand> {
  /** Number of segments explored (0-5). */
  readonly segmentsExplored: number;
  /** Subtotal of each segment; `null` when the segment was not explored. */
  readonly segments: Readonly<Record<SesCdSegmentName, number | null>>;
  /** Per-variable sums (the same object as `components`, named as in the architecture note). */
  readonly variables: SesCdVariables;
  /** Total without the narrowing variable (trial entry: >= 6, >= 4 if isolated ileal). */
  readonly exNarrowing: number;
  /** The largest single subscore (0 when nothing was explored), for "no subscore > 1" rules. */
  readonly maxSubscore: number;
  /** True when an explored segment has ulcers (ulcer size or ulcerated surface > 0, aphthous included). */
  readonly hasUlcers: boolean;
}

function isSegment(s: unknown): s is SesCdSegment {
  if (!isObject(s)) return false;
  for (const k in s) {
    if (k !== "ulcerSize" && k !== "ulceratedSurface" && k !== "affectedSurface" && k !== "narrowing") return false;
  }
  return isIntIn(s.ulcerSize, 0, 3) && isIntIn(s.ulceratedSurface, 0, 3) && isIntIn(s.affectedSurface, 0, 3) && isIntIn(s.narrowing, 0, 3);
}

/** -1 invalid segment; 1 valid with a non-passable narrowing; 0 valid otherwise or unexplored. */
function segmentState(s: unknown): number {
  if (s === undefined || s === null) return 0;
  if (!isSegment(s)) return -1;
  return s.narrowing === 3 ? 1 : 0;
}

/** Exactly `SesCdInputSchema.safeParse(x).success`, without zod (tested with fast-check). */
export function isSesCdInput(x: unknown): x is SesCdInput {
  if (!isObject(x)) return false;
  for (const k in x) {
    if (k !== "ileum" && k !== "rightColon" && k !== "transverseColon" && k !== "leftColon" && k !== "rectum") return false;
  }
  const a = segmentState(x.ileum);
  const b = segmentState(x.rightColon);
  const c = segmentState(x.transverseColon);
  const d = segmentState(x.leftColon);
  const e = segmentState(x.rectum);
  if (a < 0 || b < 0 || c < 0 || d < 0 || e < 0) return false;
  return a + b + c + d + e <= 1;
}

const BANDS: readonly SesCdBand[] = ["inactive", "mild", "moderate", "severe"];

/** Band without data-dependent branches (totals vary visit to visit; mispredictions dominated). */
function band(total: number): SesCdBand {
  return BANDS[+(total > 2) + +(total > 6) + +(total > 15)]!;
}

/** Running sums over the explored segments (one per call, so V8 keeps it in registers). */
interface Acc {
  us: number;
  ul: number;
  af: number;
  na: number;
  /** Bit v set when some subscore equals v (0-3): the max is its highest bit, without branches. */
  seen: number;
  explored: number;
}

/** Adds one segment to the sums; returns its subtotal, or null when it was not explored. */
function add(acc: Acc, s: SesCdSegment | null | undefined): number | null {
  if (s === undefined || s === null) return null;
  const a = s.ulcerSize;
  const b = s.ulceratedSurface;
  const c = s.affectedSurface;
  const d = s.narrowing;
  acc.us += a;
  acc.ul += b;
  acc.af += c;
  acc.na += d;
  acc.explored++;
  acc.seen |= (1 << a) | (1 << b) | (1 << c) | (1 << d);
  return a + b + c + d;
}

function score(input: SesCdInput): SesCdResult {
  const acc: Acc = { us: 0, ul: 0, af: 0, na: 0, seen: 0, explored: 0 };
  const ileum = add(acc, input.ileum);
  const rightColon = add(acc, input.rightColon);
  const transverseColon = add(acc, input.transverseColon);
  const leftColon = add(acc, input.leftColon);
  const rectum = add(acc, input.rectum);
  const { us, ul, af, na } = acc;
  const total = us + ul + af + na;
  const components = { ulcerSize: us, ulceratedSurface: ul, affectedSurface: af, narrowing: na };
  return {
    total,
    components,
    band: band(total),
    segmentsExplored: acc.explored,
    segments: { ileum, rightColon, transverseColon, leftColon, rectum },
    variables: components,
    exNarrowing: us + ul + af,
    maxSubscore: 31 - Math.clz32(acc.seen | 1),
    hasUlcers: us > 0 || ul > 0,
  };
}

/** true/false = requireAllSegments; undefined = invalid options. */
function readRequireAll(options: unknown): boolean | undefined {
  if (options === undefined) return false;
  if (!isObject(options)) return undefined;
  for (const k in options) if (k !== "requireAllSegments") return undefined;
  const v = options.requireAllSegments;
  if (v === undefined) return false;
  return typeof v === "boolean" ? v : undefined;
}

function missingProblems(input: SesCdInput): Problem[] {
  const out: Problem[] = [];
  for (const s of SEGMENTS) {
    const v = input[s];
    if (v === undefined || v === null) {
      out.push({ arg: "items", path: [s], code: "invalid_type", rule: "is required when options.requireAllSegments is true", value: v, kind: "type" });
    }
  }
  return out;
}

function problems(items: unknown, options: unknown): Problem[] {
  const out = optionProblems(options, { requireAllSegments: BOOL });
  const r = SesCdInputSchema.safeParse(items);
  if (!r.success) return [...out, ...problemsFromZod("items", r.error, items)];
  if (readRequireAll(options) === true) out.push(...missingProblems(r.data));
  return out;
}

function check(items: unknown, options: unknown): boolean {
  const all = readRequireAll(options);
  if (all === undefined || !isSesCdInput(items)) return false;
  if (all) for (const s of SEGMENTS) if (items[s] === undefined || items[s] === null) return false;
  return true;
}

/**
 * Simple Endoscopic Score for Crohn's disease (SES-CD) from per-segment findings.
 * @remarks Five segments (ileum, right colon, transverse colon, left colon, rectum) x four variables
 * (size of ulcers, ulcerated surface, affected surface, narrowing), each 0-3. Total = sum of the scored
 * cells, 0-56 (not 60): a non-passable narrowing (3) can be scored in one segment only, since the scope
 * stops there; two segments with narrowing 3 are an error. A segment absent or `null` was not explored:
 * it adds nothing and the total is NOT rescaled (unlike CDEIS); `segmentsExplored` says how many were
 * seen, and `requireAllSegments: true` makes a missing segment an error. Bands (common, not
 * standardised): 0-2 inactive, 3-6 mild, 7-15 moderate, >= 16 severe.
 * @param items - SES-CD subscores per segment (`SesCdInputSchema`).
 * @param options - `requireAllSegments` (default false).
 * @returns `{ total, components, band, segmentsExplored, segments, variables, exNarrowing, maxSubscore, hasUlcers }`.
 * @throws {TypeError} If `items` is not an object, a segment is unknown (e.g. `jejunum`) or not an object,
 *   a variable is missing, or (with `requireAllSegments`) a segment was not explored; or an option is invalid.
 * @throws {RangeError} If a subscore is not an integer in 0-3, or narrowing 3 is scored in two segments.
 * @example
 * const r = sesCd({ ileum: { ulcerSize: 2, ulceratedSurface: 2, affectedSurface: 2, narrowing: 1 },
 *   rightColon: { ulcerSize: 1, ulceratedSurface: 1, affectedSurface: 1, narrowing: 0 } });
 * [r.total, r.band, r.segmentsExplored, r.exNarrowing];
 * //=> [10, "moderate", 2, 9]
 * @see Daperno M, D'Haens G, Van Assche G, et al. Development and validation of a new, simplified
 *   endoscopic activity score for Crohn's disease: the SES-CD. Gastrointest Endosc 2004;60:505-12.
 *   doi:10.1016/S0016-5107(04)01878-4
 */
export function sesCd(items: SesCdInput, options?: SesCdOptions): SesCdResult {
  if (!check(items, options)) throwFirst(FN, problems(items, options));
  return score(items);
}

/**
 * {@link sesCd} without validation, for input already validated (hot path).
 * @remarks The caller guarantees that `items` passes `SesCdInputSchema` (and has every segment if that
 * is required). Options are ignored.
 * @param items - Validated SES-CD findings.
 * @returns As {@link sesCd}.
 * @example
 * sesCdUnchecked({ rectum: { ulcerSize: 0, ulceratedSurface: 0, affectedSurface: 1, narrowing: 0 } }).band;
 * //=> "inactive"
 * @see Daperno M, et al. Gastrointest Endosc 2004;60:505-12. doi:10.1016/S0016-5107(04)01878-4
 */
export function sesCdUnchecked(items: SesCdInput): SesCdResult {
  return score(items);
}

/**
 * Non-throwing {@link sesCd}.
 * @param items - Candidate SES-CD findings (any value).
 * @param options - As for {@link sesCd}.
 * @returns A ParseResult holding the result or every issue found.
 * @example
 * safeSesCd({ jejunum: { ulcerSize: 1, ulceratedSurface: 1, affectedSurface: 1, narrowing: 0 } }).success;
 * //=> false
 * @see Daperno M, et al. Gastrointest Endosc 2004;60:505-12. doi:10.1016/S0016-5107(04)01878-4
 */
export function safeSesCd(items: unknown, options?: unknown): ParseResult<SesCdResult> {
  if (!check(items, options)) return failure(problems(items, options));
  return { success: true, data: score(items as SesCdInput) };
}
