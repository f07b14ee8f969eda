import { assertOneOf, describeValue } from "../../_lib/errors.js";
import { isNumericArrayLike } from "../_common/validate.js";
import { qnorm } from "../_dist/normal.js";

const FN = "rocCurve";

/** `'<'`: controls have lower predictor values than cases; `'>'`: higher. */
export type RocDirection = "<" | ">";

/** Options of {@link rocCurve}. */
export interface RocCurveOptions {
  /** `'auto'` (default: pROC's rule, median of controls vs median of cases), `'<'` or `'>'`. */
  readonly direction?: RocDirection | "auto";
  /** Confidence level of the DeLong interval of the AUC, in (0, 1). Default 0.95. */
  readonly confLevel?: number;
}

/** One point of the empirical ROC curve. */
export interface RocPoint {
  /** Cut-off: for `'<'` a case is predicted when predictor >= threshold (for `'>'`, <=). */
  readonly threshold: number;
  readonly sensitivity: number;
  readonly specificity: number;
}

/** Result of {@link rocCurve}. */
export interface RocCurveResult {
  /** Area under the empirical ROC curve (Mann-Whitney, ties count one half). */
  readonly auc: number;
  /** DeLong confidence interval of the AUC, clipped to [0, 1]. */
  readonly aucConfInt: [number, number];
  /** DeLong variance of the AUC. */
  readonly aucVariance: number;
  /** Direction used (chosen by pROC's rule under `'auto'`). */
  readonly direction: RocDirection;
  /** Number of cases (response 1) and controls (response 0). */
  readonly nCases: number;
  readonly nControls: number;
  /** The curve, in pROC's order (see remarks), infinite end points included. */
  readonly points: RocPoint[];
  /** The point maximising sensitivity + specificity - 1; ties go to the lowest threshold. */
  readonly youden: RocPoint;
}

const OPTION_KEYS = new Set(["direction", "confLevel"]);

function medianSorted(a: Float64Array): number {
  const n = a.length;
  const h = n >> 1;
  return n % 2 === 1 ? a[h]! : (a[h - 1]! + a[h]!) / 2;
}

/**
 * Empirical ROC curve of a numeric predictor for a 0/1 response, its AUC and DeLong confidence
 * interval, and the Youden-optimal cut-off.
 *
 * @remarks
 * Follows `pROC::roc(response, predictor)`: controls are response 0, cases response 1. With
 * `direction: 'auto'` the direction is `'<'` when median(controls) <= median(cases), else `'>'`.
 * Thresholds are -Infinity, the midpoints between consecutive distinct predictor values, and
 * +Infinity (when a midpoint rounds onto one of the two values, the value that still separates
 * them is used). For `'<'` a case is predicted when predictor >= threshold and the points run
 * from -Infinity up to +Infinity; for `'>'` when predictor <= threshold, from +Infinity down to
 * -Infinity. Either way the first point has sensitivity 1 and specificity 0.
 *
 * AUC = mean of the cases' placement values (the share of controls below each case, ties one
 * half; for `'>'` above). Its DeLong et al. (1988) variance is var(V10) / nCases +
 * var(V01) / nControls from the placement values of cases and controls; they are computed from
 * one sort of each group (Sun & Xu 2014), so the cost is O(n log n). The interval is
 * AUC ± z_{(1+confLevel)/2} · sqrt(variance), clipped to [0, 1], as `pROC::ci.auc(method =
 * 'delong')`. Youden's J = sensitivity + specificity - 1 is compared exactly (integer counts),
 * and ties go to the lowest threshold.
 *
 * @param predictor - Finite numbers, one per subject.
 * @param response - 0 (control) or 1 (case), one per subject; at least 2 of each.
 * @param options - `direction` (`'auto'` default, `'<'`, `'>'`), `confLevel` (default 0.95).
 * @returns AUC, its DeLong interval and variance, the direction, group sizes, the curve's points
 *   and the Youden point.
 * @throws {TypeError} If an argument or option has the wrong kind, or an option is unknown.
 * @throws {RangeError} If lengths differ, a predictor is NaN/Infinity, a response is not 0/1, or
 *   there are fewer than 2 cases or 2 controls.
 * @example
 * const r = rocCurve([1, 2, 2, 3, 5, 4, 6, 6], [0, 0, 1, 0, 1, 1, 1, 0]);
 * r.auc;
 * //=> 0.6875
 * r.direction;
 * //=> "<"
 * r.youden;
 * //=> { threshold: 3.5, sensitivity: 0.75, specificity: 0.75 }
 * @see R: `pROC::roc`, `pROC::ci.auc(method = "delong")`, `pROC::coords(best.method = "youden")`.
 * @see DeLong ER, DeLong DM, Clarke-Pearson DL. Comparing the areas under two or more correlated
 *   receiver operating characteristic curves: a nonparametric approach. Biometrics
 *   1988;44(3):837-845. doi:10.2307/2531595
 * @see Sun X, Xu W. Fast implementation of DeLong's algorithm for comparing the areas under
 *   correlated receiver operating characteristic curves. IEEE Signal Process Lett
 *   2014;21(11):1389-1393. doi:10.1109/LSP.2014.2337313
 */
export function rocCurve(predictor: readonly number[], response: readonly number[], options: RocCurveOptions = {}): RocCurveResult {
  if (options === null || typeof options !== "object" || Array.isArray(options)) {
    throw new TypeError(`${FN}: options must be an object; got ${describeValue(options)}.`);
  }
  const opts = options as Record<string, unknown>;
  for (const key of Object.keys(opts)) {
    if (!OPTION_KEYS.has(key)) throw new TypeError(`${FN}: options.${key} is not a known option; got ${describeValue(opts[key])}.`);
  }
  const dirOpt = opts.direction === undefined ? "auto" : assertOneOf(FN, "options.direction", opts.direction, ["auto", "<", ">"] as const);
  let confLevel = 0.95;
  if (opts.confLevel !== undefined) {
    if (typeof opts.confLevel !== "number") throw new TypeError(`${FN}: options.confLevel must be a number; got ${describeValue(opts.confLevel)}.`);
    if (!(opts.confLevel > 0 && opts.confLevel < 1)) throw new RangeError(`${FN}: options.confLevel must be in (0, 1); got ${describeValue(opts.confLevel)}.`);
    confLevel = opts.confLevel;
  }
  if (!isNumericArrayLike(predictor)) throw new TypeError(`${FN}: predictor must be an array of numbers; got ${describeValue(predictor)}.`);
  if (!isNumericArrayLike(response)) throw new TypeError(`${FN}: response must be an array of 0/1 numbers; got ${describeValue(response)}.`);
  const pr = predictor as ArrayLike<unknown>;
  const rs = response as ArrayLike<unknown>;
  const n = pr.length;
  if (rs.length !== n) throw new RangeError(`${FN}: response must have one value per predictor value (${n}); got length ${rs.length}.`);
  let nK = 0;
  for (let i = 0; i < n; i++) {
    const v = pr[i];
    if (typeof v !== "number") throw new TypeError(`${FN}: predictor[${i}] must be a number; got ${describeValue(v)}.`);
    if (!Number.isFinite(v)) throw new RangeError(`${FN}: predictor[${i}] must be finite; got ${describeValue(v)}.`);
    const r = rs[i];
    if (typeof r !== "number") throw new TypeError(`${FN}: response[${i}] must be a number (0 or 1); got ${describeValue(r)}.`);
    if (r !== 0 && r !== 1) throw new RangeError(`${FN}: response[${i}] must be 0 or 1; got ${describeValue(r)}.`);
    nK += r;
  }
  const nC = n - nK;
  if (nK < 2 || nC < 2) {
    throw new RangeError(`${FN}: response must hold at least 2 cases (1) and 2 controls (0); got ${nK} cases and ${nC} controls.`);
  }
  const cases = new Float64Array(nK);
  const controls = new Float64Array(nC);
  for (let i = 0, a = 0, b = 0; i < n; i++) {
    if (rs[i] === 1) cases[a++] = pr[i] as number;
    else controls[b++] = pr[i] as number;
  }
  cases.sort();
  controls.sort();
  const direction: RocDirection = dirOpt !== "auto" ? dirOpt : medianSorted(controls) <= medianSorted(cases) ? "<" : ">";

  // Merge-walk the distinct values in ascending order: value, cases and controls equal to it.
  const values: number[] = [];
  const kEq: number[] = [];
  const cEq: number[] = [];
  {
    let i = 0;
    let j = 0;
    while (i < nK || j < nC) {
      const v = j >= nC || (i < nK && cases[i]! <= controls[j]!) ? cases[i]! : controls[j]!;
      let a = 0;
      let b = 0;
      while (i < nK && cases[i] === v) {
        i++;
        a++;
      }
      while (j < nC && controls[j] === v) {
        j++;
        b++;
      }
      values.push(v);
      kEq.push(a);
      cEq.push(b);
    }
  }
  const m = values.length;

  // Placement values (DeLong): per distinct value, the share of the other group below (for '<').
  // Case at v: V10 = (#controls below v + #controls at v / 2) / nC  ('<'), mirrored for '>'.
  // Control at v: V01 = (#cases above v + #cases at v / 2) / nK     ('<'), mirrored for '>'.
  const v10 = new Float64Array(m);
  const v01 = new Float64Array(m);
  let kBelow = 0;
  let cBelow = 0;
  for (let t = 0; t < m; t++) {
    const a = kEq[t]!;
    const b = cEq[t]!;
    const kAbove = nK - kBelow - a;
    const cAbove = nC - cBelow - b;
    if (direction === "<") {
      v10[t] = (cBelow + b / 2) / nC;
      v01[t] = (kAbove + a / 2) / nK;
    } else {
      v10[t] = (cAbove + b / 2) / nC;
      v01[t] = (kBelow + a / 2) / nK;
    }
    kBelow += a;
    cBelow += b;
  }
  // AUC from integer counts (2 x Mann-Whitney U is an integer), then the placement variances.
  let twoU = 0;
  kBelow = 0;
  cBelow = 0;
  for (let t = 0; t < m; t++) {
    const a = kEq[t]!;
    const b = cEq[t]!;
    const below = direction === "<" ? cBelow : nC - cBelow - b;
    twoU += a * (2 * below + b);
    kBelow += a;
    cBelow += b;
  }
  const auc = twoU / (2 * nK * nC);
  let ss10 = 0;
  let ss01 = 0;
  let mean01 = 0;
  for (let t = 0; t < m; t++) mean01 += cEq[t]! * v01[t]!;
  mean01 /= nC;
  for (let t = 0; t < m; t++) {
    const d1 = v10[t]! - auc;
    const d0 = v01[t]! - mean01;
    ss10 += kEq[t]! * d1 * d1;
    ss01 += cEq[t]! * d0 * d0;
  }
  const aucVariance = ss10 / (nK - 1) / nK + ss01 / (nC - 1) / nC;
  const z = qnorm((1 - confLevel) / 2, false);
  const half = z * Math.sqrt(aucVariance);
  const aucConfInt: [number, number] = [Math.max(0, auc - half), Math.min(1, auc + half)];

  // Points. cumK/cumC = cases/controls with value <= values[t].
  const points: RocPoint[] = new Array<RocPoint>(m + 1);
  let bestScore = -1;
  let best = 0;
  // Youden numerator in integers: (TP * nC + TN * nK); ties -> lowest threshold.
  const consider = (idx: number, tp: number, tn: number): void => {
    const s = tp * nC + tn * nK;
    const thr = points[idx]!.threshold;
    if (s > bestScore || (s === bestScore && thr < points[best]!.threshold)) {
      bestScore = s;
      best = idx;
    }
  };
  if (direction === "<") {
    points[0] = { threshold: -Infinity, sensitivity: 1, specificity: 0 };
    consider(0, nK, 0);
    let cumK = 0;
    let cumC = 0;
    for (let t = 0; t < m - 1; t++) {
      cumK += kEq[t]!;
      cumC += cEq[t]!;
      const a = values[t]!;
      const b = values[t + 1]!;
      let thr = (a + b) / 2;
      if (!Number.isFinite(thr)) thr = a / 2 + b / 2;
      if (!(thr > a)) thr = b; // midpoint rounded onto a: b still separates (x >= b is a case)
      points[t + 1] = { threshold: thr, sensitivity: (nK - cumK) / nK, specificity: cumC / nC };
      consider(t + 1, nK - cumK, cumC);
    }
    points[m] = { threshold: Infinity, sensitivity: 0, specificity: 1 };
    consider(m, 0, nC);
  } else {
    points[0] = { threshold: Infinity, sensitivity: 1, specificity: 0 };
    consider(0, nK, 0);
    let cumK = nK;
    let cumC = nC;
    for (let t = m - 1; t >= 1; t--) {
      cumK -= kEq[t]!;
      cumC -= cEq[t]!;
      // cumK/cumC now count values <= values[t - 1]
      const a = values[t - 1]!;
      const b = values[t]!;
      let thr = (a + b) / 2;
      if (!Number.isFinite(thr)) thr = a / 2 + b / 2;
      if (!(thr < b)) thr = a; // midpoint rounded onto b: a still separates (x <= a is a case)
      const idx = m - t;
      points[idx] = { threshold: thr, sensitivity: cumK / nK, specificity: (nC - cumC) / nC };
      consider(idx, cumK, nC - cumC);
    }
    points[m] = { threshold: -Infinity, sensitivity: 0, specificity: 1 };
    consider(m, 0, nC);
  }
  const yp = points[best]!;
  return {
    auc,
    aucConfInt,
    aucVariance,
    direction,
    nCases: nK,
    nControls: nC,
    points,
    youden: { threshold: yp.threshold, sensitivity: yp.sensitivity, specificity: yp.specificity },
  };
}
