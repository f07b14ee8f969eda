import { describeValue } from "../../_lib/errors.js";
import type { PatientTimeline } from "../../endpoints/patientTimeline/index.js";
import type { DefinitionProfile } from "../../endpoints/profiles/schema.js";
import type { EndpointId, EndpointStatus, ResultCode } from "../../endpoints/types.js";
import { logisticRegression, poolRubin, type PoolRubinResult } from "../_lib/stats.js";
import { qbeta } from "../../stats/_dist/beta.js";
import { checkSeed, createRandom, type Random } from "../../stats/_random/index.js";
import { baselineStatus, observeTimelines, type ObservedPatient } from "../estimands/index.js";

const FN = "multipleImputation";
const OPTION_KEYS = new Set(["endpoint", "m", "seed", "covariates", "covariateNames", "timepoints", "groupOf", "profile", "confLevel", "usePreviousStatus"]);

/** Options of {@link multipleImputation}. */
export interface MultipleImputationOptions {
  /** The endpoint. */
  readonly endpoint: EndpointId;
  /** Number of imputations (2..1000). Default 20. */
  readonly m?: number;
  /** Seed of the pseudo-random stream (a safe integer); the same seed gives the same imputations. */
  readonly seed: number;
  /** Baseline covariates per patient id: the same number of finite values for every patient (complete: a missing covariate is an error). */
  readonly covariates?: Readonly<Record<string, readonly number[]>>;
  /** Names of the covariates, for the model description. Default `x1`, `x2`, ... */
  readonly covariateNames?: readonly string[];
  /** Renames of time points, e.g. `{ w8: "induction", w12: "induction" }`. */
  readonly timepoints?: Readonly<Record<string, string>>;
  /** Group of each patient; default the timeline's disease. Imputation models are fitted per group. */
  readonly groupOf?: Readonly<Record<string, string>>;
  /** The profile of the timelines (baseline status, as for `applyEstimand`). */
  readonly profile?: DefinitionProfile;
  /** Level of the pooled intervals. Default 0.95. */
  readonly confLevel?: number;
  /** Use the previous time point's status (observed or imputed; the baseline status before the first) as a predictor. Default true. */
  readonly usePreviousStatus?: boolean;
}

/** How one group's statuses at one time point were imputed (the same in every imputation). */
export interface ImputationModel {
  readonly group: string;
  readonly timepoint: string;
  /** Patients with an observed status (the fit) and with a missing one (imputed). */
  readonly nObserved: number;
  readonly nMissing: number;
  /** `logistic`: logistic regression with parameters drawn from their approximate posterior; `beta`: rate drawn from Beta(met + 1/2, not met + 1/2) (no usable covariate model); `none`: nothing missing. */
  readonly method: "logistic" | "beta" | "none";
  /** Predictors of the logistic model (intercept implied). */
  readonly predictors: readonly string[];
  /** Why this method (predictors dropped, fallbacks). */
  readonly reason: string;
}

/** One pooled rate. */
export interface MultipleImputationRate {
  readonly group: string;
  readonly timepoint: string;
  /** Patients in the denominator (observed + imputed). */
  readonly denominator: number;
  readonly missing: number;
  readonly notInPopulation: number;
  /** The rate (0-1) in each completed data set. */
  readonly estimates: readonly number[];
  /** Rubin's rules on the rate, complete-data df = denominator - 1. */
  readonly pool: PoolRubinResult;
}

/** The pooled difference in rates of the first two groups at one time point. */
export interface MultipleImputationDifference {
  readonly timepoint: string;
  /** The two groups compared, first then second: the difference is first - second. */
  readonly groups: readonly [string, string];
  readonly estimates: readonly number[];
  /** Rubin's rules on the difference, complete-data df = n1 + n2 - 2. */
  readonly pool: PoolRubinResult;
}

/** Audit trail: one patient at one time point. */
export interface MultipleImputationRow {
  readonly patientId: string;
  readonly group: string;
  readonly timepoint: string;
  readonly observed: EndpointStatus;
  readonly observedCode: ResultCode;
  readonly imputed: boolean;
  /** In how many of the m completed data sets the status is met. */
  readonly metIn: number;
  readonly reason: string;
}

/** Result of {@link multipleImputation}. */
export interface MultipleImputationResult {
  readonly endpoint: EndpointId;
  readonly m: number;
  readonly seed: number;
  /** The imputation model in words (assumption included). */
  readonly model: string;
  readonly models: readonly ImputationModel[];
  readonly rates: readonly MultipleImputationRate[];
  readonly differences: readonly MultipleImputationDifference[];
  readonly rows: readonly MultipleImputationRow[];
}

function gaussian(rng: Random): number {
  // Box-Muller on two uniforms in (0, 1) built from 32-bit integers.
  const u1 = (rng.nextUint32() + 0.5) / 4294967296;
  const u2 = (rng.nextUint32() + 0.5) / 4294967296;
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/** Lower Cholesky factor of a symmetric positive-definite matrix, or null. */
function cholesky(a: number[][]): number[][] | null {
  const n = a.length;
  const l = a.map(() => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i]![j]!;
      for (let k = 0; k < j; k++) s -= l[i]![k]! * l[j]![k]!;
      if (i === j) {
        if (!(s > 0)) return null;
        l[i]![i] = Math.sqrt(s);
      } else l[i]![j] = s / l[j]![j]!;
    }
  }
  return l;
}

/** Inverse of a symmetric positive-definite matrix by its Cholesky factor, or null. */
function spdInverse(a: number[][]): number[][] | null {
  const l = cholesky(a);
  if (l === null) return null;
  const n = a.length;
  const inv = a.map(() => new Array<number>(n).fill(0));
  for (let c = 0; c < n; c++) {
    const y = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) {
      let s = i === c ? 1 : 0;
      for (let k = 0; k < i; k++) s -= l[i]![k]! * y[k]!;
      y[i] = s / l[i]![i]!;
    }
    const x = new Array<number>(n).fill(0);
    for (let i = n - 1; i >= 0; i--) {
      let s = y[i]!;
      for (let k = i + 1; k < n; k++) s -= l[k]![i]! * x[k]!;
      x[i] = s / l[i]![i]!;
    }
    for (let i = 0; i < n; i++) inv[i]![c] = x[i]!;
  }
  return inv;
}

type Draw = (x: readonly number[]) => number;

interface FitOutcome {
  readonly method: "logistic" | "beta";
  readonly predictors: string[];
  readonly reason: string;
  /** Draws parameters once, returns the probability function for this imputation. */
  readonly drawParameters: (rng: Random) => Draw;
  /** Columns of the design kept. */
  readonly keep: number[];
}

function fitModel(X: number[][], y: number[], names: readonly string[]): FitOutcome {
  const met = y.filter((v) => v === 1).length;
  const notMet = y.length - met;
  const beta = (why: string): FitOutcome => ({
    method: "beta",
    predictors: [],
    keep: [],
    reason: `${why}; rate drawn from Beta(${met} + 1/2, ${notMet} + 1/2) (the Jeffreys posterior of the observed rate)`,
    drawParameters: (rng) => {
      const p = qbeta((rng.nextUint32() + 0.5) / 4294967296, met + 0.5, notMet + 0.5);
      return () => p;
    },
  });
  if (y.length === 0) return beta("no patient observed");
  if (met === 0 || notMet === 0) return beta(`every observed status is ${met === 0 ? "not met" : "met"}`);
  // Drop constant columns.
  const keep: number[] = [];
  const dropped: string[] = [];
  names.forEach((nm, j) => {
    const first = X[0]![j]!;
    if (X.every((r) => r[j] === first)) dropped.push(nm);
    else keep.push(j);
  });
  const droppedText = dropped.length === 0 ? "" : `; constant among the observed, dropped: ${dropped.join(", ")}`;
  if (y.length < keep.length + 2) return beta(`${y.length} observed patients for ${keep.length} predictors and an intercept${droppedText}`);
  if (keep.length === 0) {
    // Intercept-only logistic model: its posterior on the logit scale.
    const logit = Math.log(met / notMet);
    const se = Math.sqrt(1 / met + 1 / notMet);
    return {
      method: "logistic",
      predictors: [],
      keep,
      reason: `intercept only${droppedText}`,
      drawParameters: (rng) => {
        const b0 = logit + se * gaussian(rng);
        const p = 1 / (1 + Math.exp(-b0));
        return () => p;
      },
    };
  }
  const Xk = X.map((r) => keep.map((j) => r[j]!));
  let fit;
  try {
    fit = logisticRegression(Xk, y, { confIntMethod: "wald" });
  } catch (e) {
    if (e instanceof RangeError || e instanceof TypeError) return beta(`the logistic model could not be fitted (${e.message})${droppedText}`);
    throw e;
  }
  const sep = fit.warnings.find((w) => /separat/i.test(w));
  if (sep !== undefined || !fit.converged) return beta(`the logistic model is unusable (${sep ?? "not converged"})${droppedText}`);
  // Covariance of the estimates: (X' W X)^-1 at the fit.
  const p = keep.length + 1;
  const info = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  Xk.forEach((row, i) => {
    const mu = fit.fittedValues[i]!;
    const w = mu * (1 - mu);
    const z = [1, ...row];
    for (let a = 0; a < p; a++) for (let b = 0; b <= a; b++) info[a]![b]! += w * z[a]! * z[b]!;
  });
  for (let a = 0; a < p; a++) for (let b = a + 1; b < p; b++) info[a]![b] = info[b]![a]!;
  const vcov = spdInverse(info);
  const chol = vcov === null ? null : cholesky(vcov);
  if (chol === null) return beta(`the logistic model's information matrix is singular${droppedText}`);
  const est = fit.coefficients.map((c) => c.estimate);
  return {
    method: "logistic",
    predictors: keep.map((j) => names[j]!),
    keep,
    reason: `logistic regression on ${keep.map((j) => names[j]!).join(", ")}${droppedText}`,
    drawParameters: (rng) => {
      const z = est.map(() => gaussian(rng));
      const b = est.map((e, a) => {
        let s = e;
        for (let k = 0; k <= a; k++) s += chol[a]![k]! * z[k]!;
        return s;
      });
      return (x) => {
        let eta = b[0]!;
        keep.forEach((j, k) => (eta += b[k + 1]! * x[j]!));
        return 1 / (1 + Math.exp(-eta));
      };
    },
  };
}

function checkOptions(fn: string, options: unknown): MultipleImputationOptions {
  if (options === null || typeof options !== "object" || Array.isArray(options)) throw new TypeError(`${fn}: options must be an object; got ${describeValue(options)}.`);
  for (const k of Object.keys(options)) if (!OPTION_KEYS.has(k)) throw new TypeError(`${fn}: options.${k} is not an option (${[...OPTION_KEYS].join(", ")}).`);
  return options as MultipleImputationOptions;
}

/**
 * Multiple imputation of a binary endpoint's missing statuses, with rates and differences pooled by Rubin's rules.
 * @remarks The model, per group (treatment arm or diagnosis) and time point in schedule order: a logistic
 * regression of the observed status (met = 1; treatment failures are observed not-met) on the baseline
 * covariates and the patient's status at the previous time point (observed or already imputed in this
 * data set; the baseline status before the first). In each of the m imputations the coefficients are drawn
 * from their approximate posterior N(beta-hat, (X'WX)^-1) and each missing status is drawn as Bernoulli
 * of its predicted probability (a "proper" imputation, Rubin 1987; van Buuren FIMD §3.2). Where the logistic
 * model cannot be used (every observed status equal, too few patients, separation), the group's rate is
 * drawn from Beta(met + 1/2, not met + 1/2) and missing statuses are Bernoulli of it; `models` says which
 * and why. Covariates constant among the observed are dropped. Rates: in each completed data set
 * q = met / N with variance q(1 - q)/N; pooled by `poolRubin` with complete-data df N - 1; differences of
 * the first two groups with df n1 + n2 - 2. Assumption: missing at random given the covariates and the
 * previous status (not given the unobserved status itself); a reviewer's worst case is `worstCase` of
 * `applyEstimand`. Patients outside the endpoint's population are left out. Reproducible: the same seed
 * gives the same draws; across JavaScript engines the draws agree except where the last bit of Math.exp or
 * Math.log decides a Bernoulli draw (see docs on determinism).
 * @param timelines - One timeline per patient.
 * @param options - See {@link MultipleImputationOptions}.
 * @returns Pooled rates, differences, the models and the per-patient audit trail.
 * @throws {TypeError} If an argument has the wrong type or an option is unknown.
 * @throws {RangeError} If m is outside 2..1000, the seed is not a safe integer, a patient lacks covariates or
 * has the wrong number, a covariate is not finite, or a baseline status is needed under an unknown profile.
 * @example
 * const r = multipleImputation([], { endpoint: "clinicalRemission", m: 5, seed: 1 });
 * r.rates.length;
 * //=> 0
 * @see Rubin DB. Multiple Imputation for Nonresponse in Surveys. Wiley; 1987. doi:10.1002/9780470316696
 * @see van Buuren S. Flexible Imputation of Missing Data, 2nd ed. CRC Press; 2018 (§3.2 logistic imputation, §2.3 pooling).
 */
export function multipleImputation(timelines: readonly PatientTimeline[], options: MultipleImputationOptions): MultipleImputationResult {
  const o = checkOptions(FN, options);
  const { endpoint, patients, labels } = observeTimelines(FN, timelines, o.endpoint, o.timepoints, o.groupOf);
  return multipleImputationFromObserved(FN, patients, labels, endpoint, o);
}

/** Internal: the imputation on observed patients (shared with estimandRates). */
export function multipleImputationFromObserved(
  fn: string,
  patients: readonly ObservedPatient[],
  labels: readonly string[],
  endpoint: EndpointId,
  options: MultipleImputationOptions,
): MultipleImputationResult {
  const o = checkOptions(fn, options);
  const m = o.m ?? 20;
  if (typeof m !== "number" || !Number.isInteger(m) || m < 2 || m > 1000) throw new RangeError(`${fn}: options.m must be an integer 2..1000; got ${describeValue(m)}.`);
  const seed = checkSeed(fn, "options.seed", o.seed);
  const confLevel = o.confLevel ?? 0.95;
  const usePrev = o.usePreviousStatus ?? true;
  if (typeof usePrev !== "boolean") throw new TypeError(`${fn}: options.usePreviousStatus must be a boolean; got ${describeValue(usePrev)}.`);
  const cov = o.covariates;
  if (cov !== undefined && (cov === null || typeof cov !== "object" || Array.isArray(cov))) throw new TypeError(`${fn}: options.covariates must be an object of number arrays by patient id; got ${describeValue(cov)}.`);
  let nCov = -1;
  const covOf = new Map<string, readonly number[]>();
  for (const p of patients) {
    if (cov === undefined) {
      covOf.set(p.patientId, []);
      continue;
    }
    const v = Object.prototype.hasOwnProperty.call(cov, p.patientId) ? cov[p.patientId] : undefined;
    if (v === undefined) throw new RangeError(`${fn}: options.covariates has no values for patient "${p.patientId}" (multiple imputation needs complete baseline covariates).`);
    if (!Array.isArray(v)) throw new TypeError(`${fn}: options.covariates["${p.patientId}"] must be an array of numbers; got ${describeValue(v)}.`);
    if (nCov === -1) nCov = v.length;
    if (v.length !== nCov) throw new RangeError(`${fn}: options.covariates["${p.patientId}"] must hold ${nCov} values like the others; got ${v.length}.`);
    v.forEach((x, j) => {
      if (typeof x !== "number" || !Number.isFinite(x)) throw new RangeError(`${fn}: options.covariates["${p.patientId}"][${j}] must be a finite number; got ${describeValue(x)}.`);
    });
    covOf.set(p.patientId, v);
  }
  if (nCov === -1) nCov = 0;
  const names = o.covariateNames ?? Array.from({ length: nCov }, (_, j) => `x${j + 1}`);
  if (!Array.isArray(names) || names.length !== nCov || names.some((n) => typeof n !== "string")) {
    throw new RangeError(`${fn}: options.covariateNames must be ${nCov} strings; got ${describeValue(names)}.`);
  }
  const groups: string[] = [];
  for (const p of patients) if (!groups.includes(p.group)) groups.push(p.group);

  // Baseline statuses (previous status before the first time point).
  const baseOf = new Map<string, number | null>();
  if (usePrev) {
    for (const p of patients) {
      const b = baselineStatus(fn, p, endpoint, o.profile);
      baseOf.set(p.patientId, b.status === null ? null : b.status === "met" ? 1 : 0);
    }
  }

  const rng = createRandom(seed);
  // completed[i] : patientId -> label -> 0/1
  const metCount = new Map<string, number>(); // `${patient}\u0000${label}`
  const models = new Map<string, ImputationModel>();
  const estimates = new Map<string, number[]>(); // `${group}\u0000${label}`
  const sizes = new Map<string, { n: number; missing: number; outside: number }>();
  for (let i = 0; i < m; i++) {
    const prev = new Map<string, number | null>(patients.map((p) => [p.patientId, usePrev ? baseOf.get(p.patientId)! : null]));
    for (const label of labels) {
      for (const g of groups) {
        const here = patients.flatMap((p) => {
          if (p.group !== g) return [];
          const pt = p.points.find((x) => x.label === label);
          return pt === undefined ? [] : [{ p, pt }];
        });
        const inPop = here.filter((x) => x.pt.kind !== "outside");
        const obs = inPop.filter((x) => x.pt.kind === "met" || x.pt.kind === "not-met");
        const mis = inPop.filter((x) => x.pt.kind === "missing");
        const key = `${g}\u0000${label}`;
        sizes.set(key, { n: inPop.length, missing: mis.length, outside: here.length - inPop.length });
        const withPrev = usePrev && inPop.every((x) => prev.get(x.p.patientId) !== null && prev.get(x.p.patientId) !== undefined);
        const colNames = withPrev ? [...names, "previous status"] : [...names];
        const row = (pid: string): number[] => (withPrev ? [...covOf.get(pid)!, prev.get(pid)!] : [...covOf.get(pid)!]);
        const status = new Map<string, number>();
        for (const x of obs) status.set(x.p.patientId, x.pt.kind === "met" ? 1 : 0);
        if (mis.length === 0) {
          if (i === 0 && inPop.length > 0) models.set(key, { group: g, timepoint: label, nObserved: obs.length, nMissing: 0, method: "none", predictors: [], reason: "no missing status" });
        } else {
          const fit = fitModel(obs.map((x) => row(x.p.patientId)), obs.map((x) => status.get(x.p.patientId)!), colNames);
          if (i === 0) {
            const prevNote = usePrev && !withPrev ? "; previous status not used (unknown for some patient)" : "";
            models.set(key, { group: g, timepoint: label, nObserved: obs.length, nMissing: mis.length, method: fit.method, predictors: fit.predictors, reason: fit.reason + prevNote });
          }
          const prob = fit.drawParameters(rng);
          for (const x of mis) {
            const pr = prob(row(x.p.patientId));
            status.set(x.p.patientId, rng.nextFloat() < pr ? 1 : 0);
          }
        }
        let met = 0;
        for (const x of inPop) {
          const s = status.get(x.p.patientId)!;
          met += s;
          const k = `${x.p.patientId}\u0000${label}`;
          metCount.set(k, (metCount.get(k) ?? 0) + s);
        }
        for (const x of here) prev.set(x.p.patientId, x.pt.kind === "outside" ? null : status.get(x.p.patientId)!);
        if (inPop.length > 0) {
          const list = estimates.get(key) ?? [];
          list.push(met / inPop.length);
          estimates.set(key, list);
        }
      }
    }
  }
  const rates: MultipleImputationRate[] = [];
  for (const g of groups) {
    for (const label of labels) {
      const key = `${g}\u0000${label}`;
      const est = estimates.get(key);
      const size = sizes.get(key);
      if (est === undefined || size === undefined) continue;
      const n = size.n;
      const pool = poolRubin(est, est.map((q) => (q * (1 - q)) / n), { dfComplete: Math.max(1, n - 1), confLevel });
      rates.push({ group: g, timepoint: label, denominator: n, missing: size.missing, notInPopulation: size.outside, estimates: est, pool });
    }
  }
  const differences: MultipleImputationDifference[] = [];
  if (groups.length >= 2) {
    const [a, b] = [groups[0]!, groups[1]!];
    for (const label of labels) {
      const ea = estimates.get(`${a}\u0000${label}`);
      const eb = estimates.get(`${b}\u0000${label}`);
      const na = sizes.get(`${a}\u0000${label}`)?.n ?? 0;
      const nb = sizes.get(`${b}\u0000${label}`)?.n ?? 0;
      if (ea === undefined || eb === undefined || na === 0 || nb === 0) continue;
      const d = ea.map((q, k) => q - eb[k]!);
      const u = ea.map((q, k) => (q * (1 - q)) / na + (eb[k]! * (1 - eb[k]!)) / nb);
      differences.push({ timepoint: label, groups: [a, b], estimates: d, pool: poolRubin(d, u, { dfComplete: Math.max(1, na + nb - 2), confLevel }) });
    }
  }
  const rows: MultipleImputationRow[] = [];
  for (const p of patients) {
    for (const pt of p.points) {
      if (pt.kind === "outside") {
        rows.push({ patientId: p.patientId, group: p.group, timepoint: pt.label, observed: pt.observed, observedCode: pt.observedCode, imputed: false, metIn: 0, reason: `not in this endpoint's population: ${pt.result.reason}` });
        continue;
      }
      const k = metCount.get(`${p.patientId}\u0000${pt.label}`) ?? 0;
      const model = models.get(`${p.group}\u0000${pt.label}`);
      rows.push({
        patientId: p.patientId,
        group: p.group,
        timepoint: pt.label,
        observed: pt.observed,
        observedCode: pt.observedCode,
        imputed: pt.kind === "missing",
        metIn: k,
        reason:
          pt.kind === "missing"
            ? `missing (${pt.observedCode}): imputed, met in ${k} of ${m} imputations (${model?.method ?? "?"}: ${model?.reason ?? ""})`
            : `observed ${pt.kind}`,
      });
    }
  }
  const model =
    `per group and time point, logistic regression of the observed status on ${names.length > 0 ? names.join(", ") + " and " : ""}` +
    `${usePrev ? "the previous status" : "nothing (intercept only)"}; coefficients drawn from N(beta-hat, (X'WX)^-1); m = ${m}, seed ${seed}; ` +
    "assumes missing at random given these; rates pooled by Rubin's rules (Barnard-Rubin df).";
  return { endpoint, m, seed, model, models: [...models.values()], rates, differences, rows };
}
