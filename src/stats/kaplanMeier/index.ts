/**
 * Kaplan–Meier survival estimate (R `survival::survfit`).
 * @packageDocumentation
 */
import { describeValue } from "../../_lib/errors.js";
import { finiteVector, optBoolean, parseLevel, parseSurv, survOptions } from "../_survival/input.js";
import { confLimits, curveQuantile, kmTable, type ConfType } from "../_survival/km.js";

export type { ConfType } from "../_survival/km.js";

const FN = "kaplanMeier";
const KEYS = ["entry", "weights", "robust", "confType", "confLevel", "times", "rmean"] as const;
const CONF_TYPES: readonly ConfType[] = ["log", "log-log", "plain", "logit", "arcsin", "none"];

/** Options of {@link kaplanMeier}. */
export interface KaplanMeierOptions {
  /** Delayed-entry (left-truncation) times, one per subject, each < its time (`Surv(entry, time, status)`). */
  entry?: readonly number[];
  /** Non-negative case weights, as survfit's `weights`. */
  weights?: readonly number[];
  /** Infinitesimal-jackknife standard errors; default true when a weight is not an integer, as survfit. */
  robust?: boolean;
  /** Transformation of the confidence interval, as survfit's `conf.type` (default `'log'`). */
  confType?: ConfType;
  /** Confidence level (default 0.95). */
  confLevel?: number;
  /** Times for {@link KaplanMeierResult.atTimes}, as `summary(fit, times)`. */
  times?: readonly number[];
  /** Upper limit tau of the restricted mean, as `summary(fit, rmean = tau)`. */
  rmean?: number;
}

/** The curve read at one requested time (one row of `summary(fit, times)`). */
export interface KaplanMeierAtTime {
  /** The requested time. */
  time: number;
  /** Number at risk at the first observed time >= `time` (weighted). */
  nRisk: number;
  /** Events since the previous requested time (weighted). */
  nEvent: number;
  /** Survival at `time`. */
  surv: number;
  /** Standard error of the survival; null where the survival is 0. */
  stdErr: number | null;
  /** Lower confidence limit (absent with confType `'none'`); null where R gives NA. */
  lower?: number | null;
  /** Upper confidence limit (absent with confType `'none'`); null where R gives NA. */
  upper?: number | null;
}

/** Restricted mean survival time up to tau. */
export interface RestrictedMean {
  /** The upper limit tau. */
  tau: number;
  /** Area under the curve from 0 to tau. */
  estimate: number;
  /** Its standard error, as `summary(fit, rmean = tau)$table[, "se(rmean)"]`. */
  stdError: number;
}

/** Result of {@link kaplanMeier}. */
export interface KaplanMeierResult {
  /** Number of subjects (unweighted). */
  n: number;
  /** Weighted number of events. */
  nEvents: number;
  /** Every distinct observed time (events and censorings), ascending. */
  time: number[];
  /** Number at risk at each time (weighted). */
  nRisk: number[];
  /** Events at each time (weighted). */
  nEvent: number[];
  /** Censorings at each time (weighted). */
  nCensor: number[];
  /** Survival estimate after each time. */
  surv: number[];
  /** Standard error of the survival (Greenwood or infinitesimal jackknife); null where the survival is 0. */
  stdErr: (number | null)[];
  /** Lower confidence limit (absent with confType `'none'`); null where R gives NA. */
  lower?: (number | null)[];
  /** Upper confidence limit (absent with confType `'none'`); null where R gives NA. */
  upper?: (number | null)[];
  /** Nelson–Aalen cumulative hazard (survfit's `cumhaz`). */
  cumHaz: number[];
  /** Median survival time; null if the curve never reaches 0.5. */
  median: number | null;
  /** Confidence interval of the median from the limit curves (absent with confType `'none'`). */
  medianConfInt?: [number | null, number | null];
  /** The 25th, 50th and 75th percentiles of survival time (`quantile(fit)`). */
  quartiles: [number | null, number | null, number | null];
  /** The curve at the requested `times`. */
  atTimes?: KaplanMeierAtTime[];
  /** The restricted mean, when `rmean` was given. */
  restrictedMean?: RestrictedMean;
}

/**
 * Kaplan–Meier estimate of the survival function, with Greenwood (or, with non-integer weights,
 * infinitesimal-jackknife) standard errors, pointwise confidence limits, quantiles, the curve at
 * chosen times and the restricted mean.
 * @remarks Follows R `survfit(Surv(time, status) ~ 1)`: every distinct time is listed; risk sets
 * with delayed entry are entry < t <= time. The p-quantile is the first time the curve is at or
 * below 1 - p; where it equals 1 - p over an interval, the midpoint of that interval.
 * Times that differ only by rounding (by at most 1.49e-8, absolutely or relative to the mean
 * distinct time) count as one time, as survival's default `timefix` does.
 * @param time - Follow-up times (>= 0, finite).
 * @param status - 1 = event, 0 = censored.
 * @param options - See {@link KaplanMeierOptions}.
 * @returns See {@link KaplanMeierResult}.
 * @throws {RangeError} If lengths differ, a time is negative or not finite, a status is not 0/1,
 *   there is no event, an entry is not below its time (also after near-equal times merge), a weight is negative, or rmean precedes
 *   the first time.
 * @throws {TypeError} If an argument has the wrong type or an option is unknown.
 * @example
 * const fit = kaplanMeier([1, 2, 2, 3, 5], [1, 1, 0, 1, 0]);
 * fit.surv.map((s) => +s.toFixed(4)); //=> [0.8, 0.6, 0.3, 0.3]
 * fit.median; //=> 3
 * @see Kaplan EL, Meier P. J Am Stat Assoc 1958;53:457-481. doi:10.1080/01621459.1958.10501452;
 *   R `survival::survfit`.
 */
export function kaplanMeier(time: readonly number[], status: readonly number[], options?: KaplanMeierOptions): KaplanMeierResult {
  const o = survOptions(FN, options, KEYS);
  const d = parseSurv(FN, time, status, o);
  const level = parseLevel(FN, o);
  let confType: ConfType = "log";
  if (o.confType !== undefined) {
    if (typeof o.confType !== "string" || !(CONF_TYPES as readonly string[]).includes(o.confType)) {
      throw new TypeError(`${FN}: options.confType must be "log", "log-log", "plain", "logit", "arcsin" or "none"; got ${typeof o.confType === "string" ? `"${o.confType}"` : describeValue(o.confType)}.`);
    }
    confType = o.confType as ConfType;
  }
  const robust = optBoolean(FN, o, "robust") ?? d.fractionalWeights;
  const times = o.times === undefined ? null : finiteVector(FN, "options.times", o.times, -1);
  let tau: number | null = null;
  if (o.rmean !== undefined) {
    if (typeof o.rmean !== "number") throw new TypeError(`${FN}: options.rmean must be a number; got ${describeValue(o.rmean)}.`);
    if (!Number.isFinite(o.rmean)) throw new RangeError(`${FN}: options.rmean must be finite; got ${describeValue(o.rmean)}.`);
    tau = o.rmean;
  }

  const tab = kmTable(d, robust);
  const m = tab.time.length;
  if (tau !== null && tau < tab.time[0]!) {
    throw new RangeError(`${FN}: options.rmean must not precede the first observed time (${tab.time[0]}); got ${tau}.`);
  }
  const withCi = confType !== "none";
  const lower: (number | null)[] = [];
  const upper: (number | null)[] = [];
  if (withCi) {
    for (let j = 0; j < m; j++) {
      const [l, u] = robust && tab.surv[j] === 0 && confType === "plain" ? [0, 0] : confLimits(tab.surv[j]!, tab.seLog[j]!, confType, level);
      lower.push(l);
      upper.push(u);
    }
  }
  const stdErr = tab.seSurv.map((v) => (Number.isFinite(v) ? v : null));
  let nEvents = 0;
  for (const e of tab.nEvent) nEvents += e;
  const quartiles: [number | null, number | null, number | null] = [
    curveQuantile(tab.time, tab.surv, 0.25),
    curveQuantile(tab.time, tab.surv, 0.5),
    curveQuantile(tab.time, tab.surv, 0.75),
  ];
  const result: KaplanMeierResult = {
    n: d.n,
    nEvents,
    time: tab.time,
    nRisk: tab.nRisk,
    nEvent: tab.nEvent,
    nCensor: tab.nCensor,
    surv: tab.surv,
    stdErr,
    cumHaz: tab.cumHaz,
    median: quartiles[1],
    quartiles,
  };
  if (withCi) {
    result.lower = lower;
    result.upper = upper;
    // the upper curve gives the lower limit of the quantile and vice versa
    result.medianConfInt = [curveQuantile(tab.time, lower, 0.5), curveQuantile(tab.time, upper, 0.5)];
  }
  if (times !== null) result.atTimes = readAtTimes(tab, times, lower, upper, withCi);
  if (tau !== null) result.restrictedMean = restrictedMean(tab, tau);
  return result;
}

function readAtTimes(
  tab: ReturnType<typeof kmTable>,
  times: Float64Array,
  lower: (number | null)[],
  upper: (number | null)[],
  withCi: boolean,
): KaplanMeierAtTime[] {
  const req = Array.from(times).sort((a, b) => a - b);
  const T = tab.time;
  const m = T.length;
  const last = T[m - 1]!;
  const out: KaplanMeierAtTime[] = [];
  let j = -1; // last index with T[j] <= t
  let prevEvents = 0;
  let cumEvents = 0;
  for (const t of req) {
    if (t > last) break;
    while (j + 1 < m && T[j + 1]! <= t) {
      j++;
      cumEvents += tab.nEvent[j]!;
    }
    const first = j >= 0 && T[j] === t ? j : j + 1; // first observed time >= t
    const row: KaplanMeierAtTime = {
      time: t,
      nRisk: tab.nRisk[first]!,
      nEvent: cumEvents - prevEvents,
      surv: j < 0 ? 1 : tab.surv[j]!,
      stdErr: j < 0 ? 0 : Number.isFinite(tab.seSurv[j]!) ? tab.seSurv[j]! : null,
    };
    if (withCi) {
      row.lower = j < 0 ? 1 : lower[j]!;
      row.upper = j < 0 ? 1 : upper[j]!;
    }
    prevEvents = cumEvents;
    out.push(row);
  }
  return out;
}

function restrictedMean(tab: ReturnType<typeof kmTable>, tau: number): RestrictedMean {
  const T = tab.time;
  const m = T.length;
  // area pieces: [0, T0) at 1, then [T_j, T_{j+1}) at surv[j], truncated at tau
  const start = Math.min(0, T[0]!);
  const knots: number[] = [start];
  const vals: number[] = [1];
  for (let j = 0; j < m && T[j]! < tau; j++) {
    if (tab.nEvent[j]! > 0) {
      knots.push(T[j]!);
      vals.push(tab.surv[j]!);
    }
  }
  const pieces: number[] = [];
  for (let k = 0; k < knots.length; k++) {
    const right = k + 1 < knots.length ? knots[k + 1]! : tau;
    pieces.push(vals[k]! * (right - knots[k]!));
  }
  let estimate = 0;
  for (const p of pieces) estimate += p;
  // variance: sum over event times t_j <= tau of (area after t_j)^2 * d / (n (n - d))
  let variance = 0;
  let after = 0;
  let k = pieces.length - 1;
  const eventIdx: number[] = [];
  for (let j = 0; j < m && T[j]! < tau; j++) if (tab.nEvent[j]! > 0) eventIdx.push(j);
  for (let q = eventIdx.length - 1; q >= 0; q--) {
    after += pieces[k]!;
    k--;
    const j = eventIdx[q]!;
    const nj = tab.nRisk[j]!;
    const dj = tab.nEvent[j]!;
    if (nj > dj) variance += (after * after * dj) / (nj * (nj - dj));
  }
  return { tau, estimate, stdError: Math.sqrt(variance) };
}
