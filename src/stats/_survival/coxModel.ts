/**
 * Private: parsing and Newton–Raphson fitting of the Cox model, shared by coxRegression and
 * proportionalHazardsTest.
 * @packageDocumentation
 */
import { describeValue } from "../../_lib/errors.js";
import { concordance } from "./concordance.js";
import { coxEval, coxScoreResiduals, prepareCox, type CoxData, type CoxTies } from "./cox.js";
import { optBoolean, parseGroups, parseLevel, parseSurv, type SurvData } from "./input.js";
import { cholesky, cholSolve, symInverse } from "./linalg.js";

/** The option keys of coxRegression. */
export const COX_KEYS = ["names", "ties", "strata", "weights", "robust", "cluster", "entry", "confLevel"] as const;

/** Parsed Cox inputs. */
export interface CoxInput {
  surv: SurvData;
  data: CoxData;
  names: string[];
  /** Column means that were subtracted. */
  means: Float64Array;
  /**
   * Each centred column was divided by this (its root sum of squares) before fitting, so that the
   * information matrix is well scaled whatever the covariates' units; fitted coefficients are per
   * scaled unit (divide by it for the original units; variances by its products).
   */
  colScale: Float64Array;
  robust: boolean;
  cluster: Int32Array | null;
  confLevel: number;
  nEventsUnweighted: number;
}

/** Parses X, time, status and the coxRegression options (already checked for unknown keys). */
export function parseCox(fn: string, X: unknown, time: unknown, status: unknown, o: Record<string, unknown>): CoxInput {
  const surv = parseSurv(fn, time, status, o);
  const n = surv.n;
  if (!Array.isArray(X)) throw new TypeError(`${fn}: X must be an array of rows (one per subject); got ${describeValue(X)}.`);
  if (X.length !== n) throw new RangeError(`${fn}: X must have one row per subject (${n}); got ${X.length} rows.`);
  const first: unknown = X[0];
  if (!Array.isArray(first) && !ArrayBuffer.isView(first)) throw new TypeError(`${fn}: X[0] must be an array of numbers; got ${describeValue(first)}.`);
  const p = (first as ArrayLike<unknown>).length;
  if (p === 0) throw new RangeError(`${fn}: X must have at least one column; got 0 columns.`);
  const x = new Float64Array(n * p);
  for (let i = 0; i < n; i++) {
    const row: unknown = X[i];
    if (!Array.isArray(row) && !ArrayBuffer.isView(row)) throw new TypeError(`${fn}: X[${i}] must be an array of numbers; got ${describeValue(row)}.`);
    const r = row as ArrayLike<unknown>;
    if (r.length !== p) throw new RangeError(`${fn}: X[${i}] must have ${p} entries like X[0] (ragged); got length ${r.length}.`);
    for (let j = 0; j < p; j++) {
      const v = r[j];
      if (typeof v !== "number") throw new TypeError(`${fn}: X[${i}][${j}] must be a number; got ${describeValue(v)}.`);
      if (!Number.isFinite(v)) throw new RangeError(`${fn}: X[${i}][${j}] must be finite; got ${describeValue(v)}.`);
      x[i * p + j] = v;
    }
  }
  let names: string[];
  if (o.names === undefined) names = Array.from({ length: p }, (_, j) => `x${j + 1}`);
  else {
    if (!Array.isArray(o.names)) throw new TypeError(`${fn}: options.names must be an array of strings; got ${describeValue(o.names)}.`);
    const nm = o.names as unknown[];
    if (nm.length !== p) throw new RangeError(`${fn}: options.names must name each of the ${p} columns of X; got length ${nm.length}.`);
    names = nm.map((v, j) => {
      if (typeof v !== "string") throw new TypeError(`${fn}: options.names[${j}] must be a string; got ${describeValue(v)}.`);
      return v;
    });
  }
  let ties: CoxTies = "efron";
  if (o.ties !== undefined) {
    if (o.ties !== "efron" && o.ties !== "breslow") {
      throw new TypeError(`${fn}: options.ties must be "efron" or "breslow"; got ${typeof o.ties === "string" ? `"${o.ties}"` : describeValue(o.ties)}.`);
    }
    ties = o.ties;
  }
  const strata = o.strata === undefined ? null : parseGroups(fn, "options.strata", o.strata, n);
  const cluster = o.cluster === undefined ? null : parseGroups(fn, "options.cluster", o.cluster, n).index;
  const robust = optBoolean(fn, o, "robust") ?? (cluster !== null || surv.fractionalWeights);
  const confLevel = parseLevel(fn, o);

  // center the columns (weighted means) and reject collinear columns
  const w = surv.weights;
  let wt = 0;
  for (let i = 0; i < n; i++) wt += w[i]!;
  const means = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += w[i]! * x[i * p + j]!;
    means[j] = wt > 0 ? s / wt : 0;
  }
  // a column is constant (among positive weights) when centering leaves nothing beyond rounding of its size
  const rawNorm = new Float64Array(p);
  for (let i = 0; i < n; i++) if (w[i]! > 0) for (let j = 0; j < p; j++) rawNorm[j]! += x[i * p + j]! * x[i * p + j]!;
  for (let i = 0; i < n; i++) for (let j = 0; j < p; j++) x[i * p + j]! -= means[j]!;
  const cp = new Float64Array(p * p);
  const scale = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    let s = 0;
    for (let i = 0; i < n; i++) if (w[i]! > 0) s += x[i * p + j]! * x[i * p + j]!;
    scale[j] = Math.sqrt(s) || 1;
    if (!(Math.sqrt(s) > 1e-10 * Math.sqrt(rawNorm[j]!))) {
      throw new RangeError(`${fn}: X column ${j + 1} ("${names[j]}") is constant or collinear with the columns before it; remove it.`);
    }
  }
  for (let i = 0; i < n; i++) {
    if (!(w[i]! > 0)) continue;
    for (let a = 0; a < p; a++) {
      const xa = x[i * p + a]! / scale[a]!;
      for (let b = 0; b <= a; b++) cp[a * p + b]! += xa * (x[i * p + b]! / scale[b]!);
    }
  }
  for (let a = 0; a < p; a++) for (let b = 0; b < a; b++) cp[b * p + a] = cp[a * p + b]!;
  const { singular } = cholesky(Float64Array.from(cp), p, 1e-10);
  const bad = singular.findIndex((s) => s);
  if (bad >= 0) {
    throw new RangeError(`${fn}: X column ${bad + 1} ("${names[bad]}") is constant or collinear with the columns before it; remove it.`);
  }
  let nEv = 0;
  for (let i = 0; i < n; i++) if (surv.status[i] !== 0) nEv++;
  const stratum = strata === null ? new Int32Array(n) : strata.index;
  for (let i = 0; i < n; i++) for (let j = 0; j < p; j++) x[i * p + j]! /= scale[j]!;
  const data = prepareCox(x, n, p, surv.time, surv.status, surv.entry, w, stratum, strata === null ? 1 : strata.levels.length, ties);
  // A column without information at beta = 0 (constant within the risk sets of every event, e.g. within each
  // stratum), or collinear there with the columns before it, has no estimate (coxph reports NA): throw, as for
  // a constant column. The information is compared with the column's own spread, then in correlation form.
  const info0 = coxEval(data, new Float64Array(p)).info;
  const diag = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    diag[j] = info0[j * p + j]!;
    if (!(diag[j]! > 1e-10)) {
      throw new RangeError(`${fn}: X column ${j + 1} ("${names[j]}") does not vary within the risk sets of the events${strata === null ? "" : " (e.g. it is constant within each stratum)"}, so its coefficient cannot be estimated (R gives NA); remove it.`);
    }
  }
  const corr = new Float64Array(p * p);
  for (let a = 0; a < p; a++) for (let b = 0; b < p; b++) corr[a * p + b] = info0[a * p + b]! / Math.sqrt(diag[a]! * diag[b]!);
  const bad0 = cholesky(corr, p, 1e-10).singular.findIndex((v) => v);
  if (bad0 >= 0) {
    throw new RangeError(`${fn}: X column ${bad0 + 1} ("${names[bad0]}") is collinear with the columns before it within the risk sets of the events${strata === null ? "" : " (within strata)"}, so its coefficient cannot be estimated (R gives NA); remove it.`);
  }
  return { surv, data, names, means, colScale: scale, robust, cluster, confLevel, nEventsUnweighted: nEv };
}

/** A fitted Cox model. */
export interface CoxFit {
  beta: Float64Array;
  /** Naive variance (inverse information), p x p. */
  variance: Float64Array;
  /** Robust (sandwich) variance or null. */
  robustVariance: Float64Array | null;
  loglik0: number;
  loglik: number;
  score0: Float64Array;
  info0: Float64Array;
  scoreStatistic: number;
  iterations: number;
  converged: boolean;
  infinite: boolean[];
  warnings: string[];
  concordance: { estimate: number | null; stdError: number | null };
}

/** Fits by Newton–Raphson with step halving, to full convergence. */
export function fitCox(input: CoxInput): CoxFit {
  const d = input.data;
  const p = d.p;
  let beta = new Float64Array(p);
  const ev0 = coxEval(d, beta);
  const warnings: string[] = [];
  const step = (ev: { score: Float64Array; info: Float64Array }): Float64Array => {
    const a = Float64Array.from(ev.info);
    const { singular } = cholesky(a, p, 1e-12);
    return cholSolve(a, p, singular, ev.score);
  };
  // score test at beta = 0
  const s0 = step(ev0);
  let scoreStatistic = 0;
  for (let j = 0; j < p; j++) scoreStatistic += s0[j]! * ev0.score[j]!;

  let ev = ev0;
  let iterations = 0;
  let converged = false;
  let extra = -1;
  const MAXIT = 100;
  while (iterations < MAXIT) {
    const st = step(ev);
    let nb = new Float64Array(p);
    for (let j = 0; j < p; j++) nb[j] = beta[j]! + st[j]!;
    let nev = coxEval(d, nb);
    iterations++;
    let halvings = 0;
    while (!(Number.isFinite(nev.loglik) && nev.loglik >= ev.loglik - 1e-12 * Math.abs(ev.loglik)) && halvings < 40) {
      for (let j = 0; j < p; j++) nb[j] = (beta[j]! + nb[j]!) / 2;
      nev = coxEval(d, nb);
      halvings++;
    }
    if (!Number.isFinite(nev.loglik)) break;
    const rel = Math.abs(1 - ev.loglik / nev.loglik);
    let small = true;
    for (let j = 0; j < p; j++) if (Math.abs(nb[j]! - beta[j]!) > 1e-12 * (1 + Math.abs(nb[j]!))) small = false;
    beta = nb;
    ev = nev;
    if (small) {
      converged = true;
      break;
    }
    if (extra < 0 && rel <= 1e-14) extra = 2;
    if (extra >= 0) {
      if (extra === 0) {
        converged = true;
        break;
      }
      extra--;
    }
  }
  if (!converged) warnings.push(`Ran out of iterations (${MAXIT}) and did not converge.`);
  const { inv } = symInverse(ev.info, p, 1e-12);
  // infinite coefficients: the Newton step is still not negligible at convergence
  const last = step(ev);
  const cholAtEnd = cholesky(Float64Array.from(ev.info), p, 1e-12).singular;
  const infinite = new Array<boolean>(p).fill(false);
  for (let j = 0; j < p; j++) {
    // ... or the curvature along the coefficient has vanished against its value at beta = 0 (the score and the
    // information both underflow on a separated covariate, so the Newton step alone reads 0)
    const flat = ev.info[j * p + j]! <= 1e-10 * ev0.info[j * p + j]!;
    if (cholAtEnd[j] || flat || (Math.abs(last[j]!) > 1e-6 && Math.abs(last[j]!) > 1e-5 * Math.abs(beta[j]!))) {
      infinite[j] = true;
      warnings.push(`Log-likelihood converged before coefficient ${input.names[j]} did; it may be infinite (separation).`);
    }
  }
  let robustVariance: Float64Array | null = null;
  if (input.robust) {
    const L = coxScoreResiduals(d, beta);
    const w = d.weights;
    const groups = input.cluster;
    let G = d.n;
    if (groups !== null) {
      G = 0;
      for (let i = 0; i < d.n; i++) G = Math.max(G, groups[i]! + 1);
    }
    const U = new Float64Array(G * p);
    for (let i = 0; i < d.n; i++) {
      const g = groups === null ? i : groups[i]!;
      for (let j = 0; j < p; j++) U[g * p + j]! += w[i]! * L[i * p + j]!;
    }
    // D = U inv (rows), V = D' D
    const Dm = new Float64Array(G * p);
    for (let g = 0; g < G; g++) {
      for (let j = 0; j < p; j++) {
        let s = 0;
        for (let k = 0; k < p; k++) s += U[g * p + k]! * inv[k * p + j]!;
        Dm[g * p + j] = s;
      }
    }
    robustVariance = new Float64Array(p * p);
    for (let g = 0; g < G; g++) {
      for (let a = 0; a < p; a++) {
        const da = Dm[g * p + a]!;
        if (da === 0) continue;
        for (let b = 0; b < p; b++) robustVariance[a * p + b]! += da * Dm[g * p + b]!;
      }
    }
  }
  // linear predictor for the concordance (centering does not matter)
  const eta = new Float64Array(d.n);
  for (let i = 0; i < d.n; i++) {
    let s = 0;
    for (let j = 0; j < p; j++) s += d.x[i * p + j]! * beta[j]!;
    eta[i] = s;
  }
  const conc = concordance({ n: d.n, eta, time: d.time, status: d.status, entry: d.entry, weights: d.weights, stratum: d.stratum, cluster: input.cluster });
  return {
    beta,
    variance: inv,
    robustVariance,
    loglik0: ev0.loglik,
    loglik: ev.loglik,
    score0: ev0.score,
    info0: ev0.info,
    scoreStatistic,
    iterations,
    converged,
    infinite,
    warnings,
    concordance: conc,
  };
}
