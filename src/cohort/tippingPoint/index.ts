import { describeValue } from "../../_lib/errors.js";
import { binomialConfInt, binomialTest } from "../_lib/stats.js";
import { compareCounts, type TestId } from "../selectTest/index.js";

/** Observed counts of one group at one time point: met, not met, and missing statuses. */
export interface TippingPointCounts {
  readonly met: number;
  readonly notMet: number;
  readonly missing: number;
}

/** Options of {@link tippingPoint}. */
export interface TippingPointOptions {
  /** Significance level of the conclusion. Default 0.05. */
  readonly alpha?: number;
  /** Level of the rate intervals. Default 0.95. */
  readonly confLevel?: number;
  /** Interval of the rate: `"wilson"` (default) or `"clopper-pearson"`. */
  readonly ciMethod?: "wilson" | "clopper-pearson";
}

/** Options of a single-group {@link tippingPoint}: the reference rate the group is tested against. */
export interface TippingPointOneGroupOptions extends TippingPointOptions {
  /** The reference rate (0-1), tested two-sided with the exact binomial test (R `binom.test(x, n, p)`). */
  readonly referenceRate: number;
}

/** Options of a two-group {@link tippingPoint}. */
export interface TippingPointTwoGroupOptions extends TippingPointOptions {
  /** Force a test; default the Table 1 rule (Pearson chi-squared without correction when every expected count >= 5, else Fisher). */
  readonly test?: "pearsonChiSquared" | "fisherExact";
}

/** The conclusion of one scenario. */
export type TippingConclusion = "higher" | "lower" | "notSignificant";

/** One scenario of a single-group analysis: k of the missing patients counted as met, the rest not met. */
export interface TippingPointRow {
  /** Missing patients counted as met (k). */
  readonly missingMet: number;
  readonly events: number;
  readonly denominator: number;
  /** Rate (0-1). */
  readonly rate: number;
  readonly confInt: [number, number];
  readonly pValue: number;
  /** `higher` / `lower`: significantly above / below the reference; else `notSignificant`. */
  readonly conclusion: TippingConclusion;
}

/** Result of a single-group {@link tippingPoint}. */
export interface TippingPointResult {
  readonly referenceRate: number;
  readonly alpha: number;
  /** One row per k = 0..missing. k = 0 is non-responder imputation; k = missing the best case. */
  readonly rows: readonly TippingPointRow[];
  /** Every k at which the conclusion differs from the one at k - 1. */
  readonly tippingPoints: readonly { readonly missingMet: number; readonly from: TippingConclusion; readonly to: TippingConclusion }[];
}

/** One scenario of a two-group analysis. */
export interface TippingPointCell {
  readonly treatmentMissingMet: number;
  readonly controlMissingMet: number;
  /** Rates (0-1). */
  readonly treatmentRate: number;
  readonly controlRate: number;
  readonly test: TestId | null;
  readonly pValue: number | null;
  /** `higher` / `lower`: treatment significantly above / below control. */
  readonly conclusion: TippingConclusion;
}

/** Result of a two-group {@link tippingPoint}. */
export interface TippingPointGridResult {
  readonly alpha: number;
  /** Every scenario, treatment-major (k_t = 0..m_t, then k_c = 0..m_c). */
  readonly cells: readonly TippingPointCell[];
  /** The conclusion with no missing patient counted as met in either group (non-responder imputation). */
  readonly primary: TippingConclusion;
  /** For each k_t, the smallest k_c whose conclusion differs from the primary one (`null`: none). */
  readonly frontier: readonly { readonly treatmentMissingMet: number; readonly controlMissingMet: number | null }[];
}

function checkCounts(fn: string, name: string, c: unknown): TippingPointCounts {
  if (c === null || typeof c !== "object" || Array.isArray(c)) throw new TypeError(`${fn}: ${name} must be { met, notMet, missing }; got ${describeValue(c)}.`);
  for (const k of Object.keys(c)) if (k !== "met" && k !== "notMet" && k !== "missing") throw new TypeError(`${fn}: ${name}.${k} is not a field (met, notMet, missing).`);
  const o = c as Record<string, unknown>;
  for (const k of ["met", "notMet", "missing"] as const) {
    const v = o[k];
    if (typeof v !== "number" || !Number.isSafeInteger(v) || v < 0) throw new RangeError(`${fn}: ${name}.${k} must be a non-negative integer; got ${describeValue(v)}.`);
  }
  const r = c as TippingPointCounts;
  if (r.met + r.notMet + r.missing === 0) throw new RangeError(`${fn}: ${name} must hold at least one patient; got 0.`);
  return r;
}

function common(fn: string, o: Record<string, unknown>, allowed: readonly string[]): { alpha: number; confLevel: number; ciMethod: "wilson" | "clopper-pearson" } {
  for (const k of Object.keys(o)) if (!allowed.includes(k)) throw new TypeError(`${fn}: options.${k} is not an option (${allowed.join(", ")}).`);
  const alpha = o.alpha ?? 0.05;
  if (typeof alpha !== "number" || !(alpha > 0 && alpha < 1)) throw new RangeError(`${fn}: options.alpha must be in (0, 1); got ${describeValue(alpha)}.`);
  const confLevel = o.confLevel ?? 0.95;
  if (typeof confLevel !== "number" || !(confLevel > 0 && confLevel < 1)) throw new RangeError(`${fn}: options.confLevel must be in (0, 1); got ${describeValue(confLevel)}.`);
  const ciMethod = o.ciMethod ?? "wilson";
  if (ciMethod !== "wilson" && ciMethod !== "clopper-pearson") throw new RangeError(`${fn}: options.ciMethod must be "wilson" or "clopper-pearson"; got ${describeValue(ciMethod)}.`);
  return { alpha, confLevel, ciMethod };
}

/**
 * Tipping-point analysis of a rate with missing statuses: for every number of missing patients counted as
 * met, the rate, its interval and the test, and where the conclusion changes.
 * @remarks One group (`referenceRate`): for k = 0..missing, events = met + k out of met + not met + missing
 * (every patient in the denominator), tested two-sided against the reference with the exact binomial test
 * (R `binom.test`); the conclusion is `higher`/`lower` when p < alpha, else `notSignificant`. Two groups
 * (`{ treatment, control }`): every pair (k_t, k_c), the 2 x 2 table compared by the Table 1 rule (Pearson
 * chi-squared without correction when every expected count is >= 5, else Fisher's exact test), or the test
 * given; `frontier` gives for each k_t the smallest k_c that changes the conclusion of the primary
 * (non-responder) scenario. Scenarios are enumerated directly: (missing + 1) tests, or (m_t + 1)(m_c + 1).
 * @param counts - `{ met, notMet, missing }` of one group, or `{ treatment, control }` of two.
 * @param options - `referenceRate` (one group), `alpha`, `confLevel`, `ciMethod`, `test` (two groups).
 * @returns Every scenario and the tipping points.
 * @throws {TypeError} If counts are not of this shape or an option is unknown.
 * @throws {RangeError} If a count is not a non-negative integer, a group is empty, or an option is out of range.
 * @example
 * const r = tippingPoint({ met: 12, notMet: 10, missing: 6 }, { referenceRate: 0.3 });
 * r.tippingPoints.map((t) => t.missingMet);
 * //=> [2]
 * @see Yan X, Lee S, Li N. Missing data handling methods in medical device clinical trials. J Biopharm Stat 2009;19:1085-98. doi:10.1080/10543400903243009
 */
export function tippingPoint(counts: TippingPointCounts, options: TippingPointOneGroupOptions): TippingPointResult;
export function tippingPoint(
  counts: { readonly treatment: TippingPointCounts; readonly control: TippingPointCounts },
  options?: TippingPointTwoGroupOptions,
): TippingPointGridResult;
export function tippingPoint(
  counts: TippingPointCounts | { readonly treatment: TippingPointCounts; readonly control: TippingPointCounts },
  options: TippingPointOneGroupOptions | TippingPointTwoGroupOptions = {},
): TippingPointResult | TippingPointGridResult {
  const fn = "tippingPoint";
  if (options === null || typeof options !== "object" || Array.isArray(options)) throw new TypeError(`${fn}: options must be an object; got ${describeValue(options)}.`);
  const o = options as Record<string, unknown>;
  if (counts !== null && typeof counts === "object" && "treatment" in counts) {
    if (Object.keys(counts).some((k) => k !== "treatment" && k !== "control")) throw new TypeError(`${fn}: counts must be { treatment, control } or { met, notMet, missing }.`);
    const t = checkCounts(fn, "counts.treatment", counts.treatment);
    const c = checkCounts(fn, "counts.control", (counts as { control: unknown }).control);
    const { alpha } = common(fn, o, ["alpha", "confLevel", "ciMethod", "test"]);
    const test = o.test as "pearsonChiSquared" | "fisherExact" | undefined;
    if (test !== undefined && test !== "pearsonChiSquared" && test !== "fisherExact") throw new RangeError(`${fn}: options.test must be "pearsonChiSquared" or "fisherExact"; got ${describeValue(test)}.`);
    const nT = t.met + t.notMet + t.missing;
    const nC = c.met + c.notMet + c.missing;
    const cells: TippingPointCell[] = [];
    for (let kt = 0; kt <= t.missing; kt++) {
      for (let kc = 0; kc <= c.missing; kc++) {
        const eT = t.met + kt;
        const eC = c.met + kc;
        const cmp = compareCounts(
          [
            [eT, nT - eT],
            [eC, nC - eC],
          ],
          test === undefined ? {} : { test },
        );
        const rT = eT / nT;
        const rC = eC / nC;
        const conclusion: TippingConclusion = cmp.pValue !== null && cmp.pValue < alpha ? (rT > rC ? "higher" : "lower") : "notSignificant";
        cells.push({ treatmentMissingMet: kt, controlMissingMet: kc, treatmentRate: rT, controlRate: rC, test: cmp.test, pValue: cmp.pValue, conclusion });
      }
    }
    const primary = cells[0]!.conclusion;
    const frontier = Array.from({ length: t.missing + 1 }, (_, kt) => {
      const hit = cells.find((x) => x.treatmentMissingMet === kt && x.conclusion !== primary);
      return { treatmentMissingMet: kt, controlMissingMet: hit === undefined ? null : hit.controlMissingMet };
    });
    return { alpha, cells, primary, frontier };
  }
  const g = checkCounts(fn, "counts", counts);
  const { alpha, confLevel, ciMethod } = common(fn, o, ["referenceRate", "alpha", "confLevel", "ciMethod"]);
  const p0 = o.referenceRate;
  if (typeof p0 !== "number" || !(p0 > 0 && p0 < 1)) throw new RangeError(`${fn}: options.referenceRate must be in (0, 1) for one group; got ${describeValue(p0)}.`);
  const n = g.met + g.notMet + g.missing;
  const rows: TippingPointRow[] = [];
  for (let k = 0; k <= g.missing; k++) {
    const events = g.met + k;
    const pValue = binomialTest(events, n, { p: p0 }).pValue;
    const rate = events / n;
    rows.push({
      missingMet: k,
      events,
      denominator: n,
      rate,
      confInt: binomialConfInt(events, n, { method: ciMethod, confLevel }),
      pValue,
      conclusion: pValue < alpha ? (rate > p0 ? "higher" : "lower") : "notSignificant",
    });
  }
  const tippingPoints = rows.slice(1).flatMap((r, i) => (r.conclusion === rows[i]!.conclusion ? [] : [{ missingMet: r.missingMet, from: rows[i]!.conclusion, to: r.conclusion }]));
  return { referenceRate: p0, alpha, rows, tippingPoints };
}
