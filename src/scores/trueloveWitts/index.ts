import type { ParseResult } from "../../models/common.js";
import { TrueloveWittsItemsSchema, type TrueloveWittsItems } from "../../models/instrumentInputs.js";
import type { ScoreResult } from "../types.js";
import { checkOrThrow, checkSafe, matchesRecord, type RecordSpec, type Validator } from "../_lib/spec.js";

const FN = "trueloveWitts";
/** The item rules, for the schema-equivalence test. */
export const SPEC: RecordSpec = {
  stoolsPerDay: { t: "int", min: 0, max: 1000 },
  bloodInStool: { t: "int", min: 0, max: 2 },
  temperatureC: { t: "num", min: 25, max: 45 },
  pulseBpm: { t: "num", min: 0, max: 300 },
  haemoglobinGPerDl: { t: "num", min: 0, max: 30 },
  esrMmPerH: { t: "num", min: 0, max: 200 },
};

/** Exactly `TrueloveWittsItemsSchema.safeParse(x).success`, without zod (tested with fast-check). */
export function isTrueloveWittsItems(x: unknown): x is TrueloveWittsItems {
  return matchesRecord(SPEC, x);
}
const V: Validator<TrueloveWittsItems> = { is: isTrueloveWittsItems, schema: TrueloveWittsItemsSchema };

/** Options of {@link trueloveWitts}: the fever and anaemia cut-offs. */
export interface TrueloveWittsOptions {
  /**
   * `"truelove1955"` (default): fever is a (mean evening) temperature above 37.5 °C, as in the 1955
   * paper. `"ecco"`: above 37.8 °C, as in the later ECCO/Travis restatement.
   */
  readonly fever?: "truelove1955" | "ecco";
  /**
   * `"truelove1955"` (default): anaemia is haemoglobin of 75% or less (read as 10.5 g/dL or less).
   * `"ecco"`: haemoglobin below 10.5 g/dL.
   */
  readonly anaemia?: "truelove1955" | "ecco";
}
type Resolved = { fever: "truelove1955" | "ecco"; anaemia: "truelove1955" | "ecco" };
const ALLOWED = { fever: ["truelove1955", "ecco"], anaemia: ["truelove1955", "ecco"] } as const;
const DEFAULTS: Resolved = { fever: "truelove1955", anaemia: "truelove1955" };

/** Each Truelove and Witts criterion: 1 when met, 0 when not. */
export type TrueloveWittsComponents = {
  /** Six or more stools a day with visible blood. */
  bloodyStools: number;
  fever: number;
  /** Pulse above 90/min. */
  tachycardia: number;
  anaemia: number;
  /** ESR above 30 mm/h. */
  raisedEsr: number;
};
/** Truelove and Witts severity. */
export type TrueloveWittsBand = "mild" | "moderate" | "severe";
/** Result of {@link trueloveWitts}: `total` counts the criteria met (0-5). */
export type TrueloveWittsResult = ScoreResult<TrueloveWittsComponents, TrueloveWittsBand>;

function score(v: TrueloveWittsItems, o: Resolved): TrueloveWittsResult {
  const bloodyStools = v.stoolsPerDay >= 6 && v.bloodInStool === 2 ? 1 : 0;
  const fever = (o.fever === "ecco" ? v.temperatureC > 37.8 : v.temperatureC > 37.5) ? 1 : 0;
  const tachycardia = v.pulseBpm > 90 ? 1 : 0;
  const anaemia = (o.anaemia === "ecco" ? v.haemoglobinGPerDl < 10.5 : v.haemoglobinGPerDl <= 10.5) ? 1 : 0;
  const raisedEsr = v.esrMmPerH > 30 ? 1 : 0;
  const systemic = fever + tachycardia + anaemia + raisedEsr;
  const band: TrueloveWittsBand =
    bloodyStools === 1 && systemic > 0 ? "severe" : v.stoolsPerDay < 4 && v.bloodInStool <= 1 && systemic === 0 ? "mild" : "moderate";
  return { total: bloodyStools + systemic, components: { bloodyStools, fever, tachycardia, anaemia, raisedEsr }, band };
}

/**
 * Truelove and Witts severity of an ulcerative colitis attack (mild, moderate, severe).
 * @remarks Severe: six or more stools a day with visible blood and at least one sign of systemic
 * toxicity (fever, pulse above 90/min, anaemia, ESR above 30 mm/h). Mild: fewer than four stools a
 * day, no more than small amounts of blood, and no sign of systemic toxicity. Moderate: in between.
 * The 1955 paper reads fever as a mean evening temperature above 37.5 °C and anaemia as haemoglobin
 * of 75% or less; the ECCO restatement uses above 37.8 °C and below 10.5 g/dL (`options`). `total`
 * counts the criteria met (0-5) and is not itself a validated score.
 * @param items - One day's items (`TrueloveWittsItemsSchema`).
 * @param options - {@link TrueloveWittsOptions}.
 * @returns `{ total, components, band }`.
 * @throws {TypeError} If `items` is not an object, an item is missing, unknown or of the wrong kind, or an option is unknown.
 * @throws {RangeError} If an item is out of range.
 * @example
 * trueloveWitts({ stoolsPerDay: 8, bloodInStool: 2, temperatureC: 37.2, pulseBpm: 96, haemoglobinGPerDl: 12.1, esrMmPerH: 22 }).band;
 * //=> "severe"
 * @see Truelove SC, Witts LJ. Cortisone in ulcerative colitis; final report on a therapeutic trial. Br Med J 1955;2:1041-8. doi:10.1136/bmj.2.4947.1041
 * @see Magro F, Gionchetti P, Eliakim R, et al. Third European evidence-based consensus on diagnosis and management of ulcerative colitis. Part 1. J Crohns Colitis 2017;11:649-70. doi:10.1093/ecco-jcc/jjx008
 */
export function trueloveWitts(items: TrueloveWittsItems, options?: TrueloveWittsOptions): TrueloveWittsResult {
  return score(items, checkOrThrow(FN, V, items, options, ALLOWED, DEFAULTS));
}

/**
 * {@link trueloveWitts} without validation, for items and options already validated.
 * @param items - Validated items.
 * @param options - {@link TrueloveWittsOptions} (not checked).
 * @returns As {@link trueloveWitts}.
 * @example
 * trueloveWittsUnchecked({ stoolsPerDay: 2, bloodInStool: 1, temperatureC: 36.8, pulseBpm: 72, haemoglobinGPerDl: 13.5, esrMmPerH: 12 }).band;
 * //=> "mild"
 * @see Truelove SC, Witts LJ. Br Med J 1955;2:1041-8. doi:10.1136/bmj.2.4947.1041
 */
export function trueloveWittsUnchecked(items: TrueloveWittsItems, options?: TrueloveWittsOptions): TrueloveWittsResult {
  return score(items, options === undefined ? DEFAULTS : { fever: options.fever ?? "truelove1955", anaemia: options.anaemia ?? "truelove1955" });
}

/**
 * Non-throwing {@link trueloveWitts}.
 * @param items - Candidate items (any value).
 * @param options - Candidate options (any value).
 * @returns A ParseResult holding the result or every issue found.
 * @example
 * safeTrueloveWitts({ stoolsPerDay: 8 }).success;
 * //=> false
 * @see Truelove SC, Witts LJ. Br Med J 1955;2:1041-8. doi:10.1136/bmj.2.4947.1041
 */
export function safeTrueloveWitts(items: unknown, options?: unknown): ParseResult<TrueloveWittsResult> {
  return checkSafe(V, items, options, ALLOWED, DEFAULTS, score);
}
