import type { ParseResult } from "../../models/common.js";
import { NancyItemsSchema, type NancyItems } from "../../models/instrumentInputs.js";
import type { ScoreResult } from "../types.js";
import { checkOrThrow, checkSafe, matchesRecord, type RecordSpec, type Validator } from "../_lib/spec.js";

const FN = "nancyIndex";
/** The item rules, for the schema-equivalence test. */
export const SPEC: RecordSpec = { ulceration: { t: "bool" }, acuteInfiltrate: { t: "int", min: 0, max: 2 }, chronicInfiltrate: { t: "int", min: 0, max: 1 } };

/** Exactly `NancyItemsSchema.safeParse(x).success`, without zod (tested with fast-check). */
export function isNancyItems(x: unknown): x is NancyItems {
  return matchesRecord(SPEC, x);
}
const V: Validator<NancyItems> = { is: isNancyItems, schema: NancyItemsSchema };

/** Options of {@link nancyIndex}. */
export interface NancyIndexOptions {
  /** `"none"` (default): the paper defines grades only. `"ecco2020"`: grade 0-1 histological remission, else active. */
  readonly bands?: "none" | "ecco2020";
}
type Resolved = { bands: "none" | "ecco2020" };
const ALLOWED = { bands: ["none", "ecco2020"] } as const;
const DEFAULTS: Resolved = { bands: "none" };

/** The node of the decision tree that set the grade carries it; the others are 0. */
export type NancyIndexComponents = { ulceration: number; acuteInfiltrate: number; chronicInfiltrate: number };
/** Nancy band (only with `options.bands: "ecco2020"`). */
export type NancyIndexBand = "remission" | "active";
/** Result of {@link nancyIndex}: `total` is the Nancy grade 0-4. */
export type NancyIndexResult = ScoreResult<NancyIndexComponents, NancyIndexBand>;

function score(v: NancyItems, o: Resolved): NancyIndexResult {
  const c = { ulceration: 0, acuteInfiltrate: 0, chronicInfiltrate: 0 };
  if (v.ulceration) c.ulceration = 4;
  else if (v.acuteInfiltrate === 2) c.acuteInfiltrate = 3;
  else if (v.acuteInfiltrate === 1) c.acuteInfiltrate = 2;
  else if (v.chronicInfiltrate === 1) c.chronicInfiltrate = 1;
  const total = c.ulceration + c.acuteInfiltrate + c.chronicInfiltrate;
  return { total, components: c, band: o.bands === "none" ? null : total <= 1 ? "remission" : "active" };
}

/**
 * Nancy histological index of ulcerative colitis, grade 0-4.
 * @remarks A decision tree: ulceration → grade 4; otherwise a moderate or severe acute inflammatory
 * cell infiltrate → 3; a mild one → 2; otherwise a moderate or marked increase of the chronic
 * inflammatory infiltrate → 1; else 0. All three items are required (missing is not "absent").
 * With `options.bands: "ecco2020"`, grades 0-1 read as histological remission (ECCO 2020 position).
 * @param items - Biopsy reading (`NancyItemsSchema`).
 * @param options - {@link NancyIndexOptions}.
 * @returns `{ total, components, band }`.
 * @throws {TypeError} If `items` is not an object, an item is missing, unknown or of the wrong kind, or an option is unknown.
 * @throws {RangeError} If an item is out of range.
 * @example
 * nancyIndex({ ulceration: false, acuteInfiltrate: 1, chronicInfiltrate: 1 }).total;
 * //=> 2
 * @see Marchal-Bressenot A, Salleron J, Boulagnon-Rombi C, et al. Development and validation of the Nancy histological index for UC. Gut 2017;66:43-9. doi:10.1136/gutjnl-2015-310187
 * @see Magro F, Doherty G, Peyrin-Biroulet L, et al. ECCO position paper: harmonization of the approach to ulcerative colitis histopathology. J Crohns Colitis 2020;14:1503-11. doi:10.1093/ecco-jcc/jjaa110
 */
export function nancyIndex(items: NancyItems, options?: NancyIndexOptions): NancyIndexResult {
  return score(items, checkOrThrow(FN, V, items, options, ALLOWED, DEFAULTS));
}

/**
 * {@link nancyIndex} without validation.
 * @param items - Validated reading.
 * @param options - {@link NancyIndexOptions} (not checked).
 * @returns As {@link nancyIndex}.
 * @example
 * nancyIndexUnchecked({ ulceration: true, acuteInfiltrate: 0, chronicInfiltrate: 0 }).total;
 * //=> 4
 * @see Marchal-Bressenot A, et al. Gut 2017;66:43-9. doi:10.1136/gutjnl-2015-310187
 */
export function nancyIndexUnchecked(items: NancyItems, options?: NancyIndexOptions): NancyIndexResult {
  return score(items, options?.bands === undefined ? DEFAULTS : { bands: options.bands });
}

/**
 * Non-throwing {@link nancyIndex}.
 * @param items - Candidate reading (any value).
 * @param options - Candidate options (any value).
 * @returns A ParseResult holding the result or every issue found.
 * @example
 * safeNancyIndex({ ulceration: false }).success;
 * //=> false
 * @see Marchal-Bressenot A, et al. Gut 2017;66:43-9. doi:10.1136/gutjnl-2015-310187
 */
export function safeNancyIndex(items: unknown, options?: unknown): ParseResult<NancyIndexResult> {
  return checkSafe(V, items, options, ALLOWED, DEFAULTS, score);
}
