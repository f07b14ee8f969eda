/**
 * Test of the proportional-hazards assumption of a Cox model (R `survival::cox.zph`, 3.x).
 * @packageDocumentation
 */
import { describeValue } from "../../_lib/errors.js";
import { pchisq } from "../_dist/chisq.js";
import { coxEventTerms } from "../_survival/cox.js";
import { COX_KEYS, fitCox, parseCox } from "../_survival/coxModel.js";
import { rankDistinct, survOptions } from "../_survival/input.js";
import { kmTable } from "../_survival/km.js";
import { cholesky, quadFormInverse } from "../_survival/linalg.js";
import type { CoxRegressionOptions } from "../coxRegression/index.js";

const FN = "proportionalHazardsTest";

/** Time transformation of {@link proportionalHazardsTest}, as cox.zph's `transform`. */
export type ZphTransform = "km" | "rank" | "identity" | "log";

/** Options of {@link proportionalHazardsTest}: the transform plus those of coxRegression. */
export interface ProportionalHazardsTestOptions extends CoxRegressionOptions {
  /** Time scale g(t) of the test (default `'km'`: 1 − Kaplan–Meier at t−). */
  transform?: ZphTransform;
}

/** A chi-squared test of one term (or the global test). */
export interface ZphTest {
  /** Chi-squared score statistic. */
  statistic: number;
  /** Degrees of freedom. */
  df: number;
  /** Upper-tail p-value. */
  pValue: number;
}

/** Result of {@link proportionalHazardsTest}. */
export interface ProportionalHazardsTestResult {
  /** One test per column of X. */
  terms: (ZphTest & { name: string })[];
  /** The global test of all terms. */
  global: ZphTest;
}

/**
 * Score test of proportional hazards for each term of a Cox model and globally: does adding
 * beta_j * g(t) (a coefficient changing linearly in transformed time) improve the fit?
 * @remarks The model is fitted as {@link coxRegression}; at its estimate, the score for the
 * time-varying terms is sum over events of (g(t) − mean g) times the Schoenfeld residuals, tested
 * with the full information matrix of (beta, gamma), as survival 3.x `cox.zph` (not the
 * approximate pre-3.0 version).
 * @param X - Covariates, one row per subject.
 * @param time - Follow-up times (>= 0, finite).
 * @param status - 1 = event, 0 = censored.
 * @param options - `transform` plus any {@link CoxRegressionOptions}.
 * @returns Per-term and global chi-squared tests.
 * @throws {RangeError} As {@link coxRegression}; also when every event occurs at one time (no trend
 *   to test) or a term's time trend carries no information (cox.zph: singular system).
 * @throws {TypeError} If an argument has the wrong type or an option is unknown.
 * @example
 * const zph = proportionalHazardsTest([[0], [1], [0], [1], [1], [0], [1], [0]],
 *   [5, 2, 7, 3, 4, 6, 8, 1], [1, 1, 0, 1, 0, 1, 1, 1]);
 * zph.terms[0].df; //=> 1
 * @see Grambsch PM, Therneau TM. Biometrika 1994;81:515-526. doi:10.1093/biomet/81.3.515;
 *   R `survival::cox.zph`.
 */
export function proportionalHazardsTest(
  X: readonly (readonly number[])[],
  time: readonly number[],
  status: readonly number[],
  options?: ProportionalHazardsTestOptions,
): ProportionalHazardsTestResult {
  const o = survOptions(FN, options, [...COX_KEYS, "transform"]);
  let transform: ZphTransform = "km";
  if (o.transform !== undefined) {
    if (o.transform !== "km" && o.transform !== "rank" && o.transform !== "identity" && o.transform !== "log") {
      throw new TypeError(`${FN}: options.transform must be "km", "rank", "identity" or "log"; got ${typeof o.transform === "string" ? `"${o.transform}"` : describeValue(o.transform)}.`);
    }
    transform = o.transform;
  }
  delete o.transform;
  const input = parseCox(FN, X, time, status, o);
  const fit = fitCox(input);
  const d = input.data;
  const p = d.p;
  const terms = coxEventTerms(d, fit.beta);
  const g = new Float64Array(terms.length);
  const tt = d.time;
  if (transform === "identity") terms.forEach((e, k) => (g[k] = e.time));
  else if (transform === "log") {
    terms.forEach((e, k) => {
      if (!(e.time > 0)) throw new RangeError(`${FN}: options.transform "log" needs event times > 0; got an event at ${e.time}.`);
      g[k] = Math.log(e.time);
    });
  } else if (transform === "rank") {
    // average ranks of all times (censored included); a zero-weight row counts as absent
    const { values, index } = rankDistinct(tt);
    const count = new Float64Array(values.length);
    for (let i = 0; i < d.n; i++) if (d.weights[i]! > 0) count[index[i]!]!++;
    const avg = new Map<number, number>();
    let below = 0;
    for (let k = 0; k < values.length; k++) {
      avg.set(values[k]!, below + (count[k]! + 1) / 2);
      below += count[k]!;
    }
    terms.forEach((e, k) => (g[k] = avg.get(e.time)!));
  } else {
    // 1 - KM(t-) over all observations (risk sets entry < t <= time), unweighted, unstratified; a
    // zero-weight row counts as absent (coxph refuses zero weights; this is the fit without the row)
    const w01 = input.surv.weights.map((v) => (v > 0 ? 1 : 0));
    const km = kmTable({ ...input.surv, weights: w01, fractionalWeights: false }, false);
    const before = new Map<number, number>();
    let s = 1;
    for (let k = 0; k < km.time.length; k++) {
      before.set(km.time[k]!, s);
      s = km.surv[k]!;
    }
    terms.forEach((e, k) => (g[k] = 1 - before.get(e.time)!));
  }
  let gsum = 0;
  let ne = 0;
  terms.forEach((e, k) => {
    gsum += e.nEvents * g[k]!;
    ne += e.nEvents;
  });
  const gbar = gsum / ne;
  // the test is invariant to the scale of g(t); centred g is scaled to a largest magnitude of 1 so that
  // the information blocks are commensurate (identity times of 1e7 or 1e-8 would otherwise make the
  // matrix look singular to the pivot tolerance)
  let gmax = 0;
  terms.forEach((_e, k) => (gmax = Math.max(gmax, Math.abs(g[k]! - gbar))));
  // one event time (g the same at every event; gbar may differ from it by rounding): nothing to test
  if (terms.every((_e, k) => g[k] === g[0]) || !(gmax > 0)) {
    throw new RangeError(`${FN}: all events occur at one time (after the "${transform}" transform), so there is no trend over time to test; cox.zph stops here too (singular system).`);
  }
  const gdiv = gmax;
  const q = 2 * p;
  const M = new Float64Array(q * q);
  const U = new Float64Array(q);
  terms.forEach((e, k) => {
    const gc = (g[k]! - gbar) / gdiv;
    for (let a = 0; a < p; a++) {
      U[p + a]! += gc * e.resid[a]!;
      for (let b = 0; b < p; b++) {
        const v = e.info[a * p + b]!;
        M[a * q + b]! += v;
        M[a * q + p + b]! += gc * v;
        M[(p + a) * q + b]! += gc * v;
        M[(p + a) * q + p + b]! += gc * gc * v;
      }
    }
  });
  // a term whose time trend has no information left once the coefficients are accounted for (e.g. the covariate
  // varies within the risk sets at one event time only): cox.zph stops with a singular system; so do we, naming
  // it, rather than report a statistic of 0 (a separated fit, whose information vanishes anyway, is left as is)
  if (!fit.infinite.some((v) => v)) {
    const bad = cholesky(Float64Array.from(M), q, 1e-12).singular.findIndex((v, k) => v && k >= p);
    if (bad >= 0) {
      const j = bad - p;
      throw new RangeError(`${FN}: the time trend of X column ${j + 1} ("${input.names[j]}") cannot be tested: it carries no information beyond the coefficients (the covariate varies within the risk sets at too few event times); cox.zph stops here too (singular system).`);
    }
  }
  const test = (statistic: number, df: number): ZphTest => ({ statistic, df, pValue: pchisq(statistic, df, false) });
  const out: (ZphTest & { name: string })[] = [];
  for (let j = 0; j < p; j++) {
    const idx = [...Array.from({ length: p }, (_, a) => a), p + j];
    const r = idx.length;
    const sub = new Float64Array(r * r);
    const u = new Float64Array(r);
    idx.forEach((a, x) => {
      u[x] = U[a]!;
      idx.forEach((b, y) => (sub[x * r + y] = M[a * q + b]!));
    });
    out.push({ name: input.names[j]!, ...test(quadFormInverse(sub, r, u, 1e-12).value, 1) });
  }
  const global = test(quadFormInverse(M, q, U, 1e-12).value, p);
  return { terms: out, global };
}
