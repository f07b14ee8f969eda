/**
 * Private core of `elasticNet` and `cvElasticNet`: validation, standardisation and the
 * pathwise coordinate descent of Friedman, Hastie & Tibshirani (2010), J Stat Softw 33(1),
 * doi:10.18637/jss.v033.i01, written from the paper and glmnet's documented behaviour.
 *
 * - gaussian: "covariance updates" (section 2.2): the gradient vector `c_j = x_j'r / n` is kept
 *   up to date with inner products `x_j'x_k / n`, computed once when `x_k` first enters.
 * - binomial: iteratively reweighted least squares (section 3) around naive coordinate descent
 *   on the weighted quadratic approximation, with the intercept updated in every sweep.
 * - both: warm starts along the lambda path, cycling on the active set until it converges, then a
 *   full sweep to check that no other coefficient moves (section 2.6).
 */
import { describeValue } from "../../_lib/errors.js";

/** The model family. */
export type Family = "gaussian" | "binomial";

/** Validated, copied input in column-major form. */
export interface Design {
  readonly n: number;
  readonly p: number;
  /** Column-major copy of X: element (i, j) at `j * n + i`. */
  readonly x: Float64Array;
  readonly y: Float64Array;
}

/** Settings of one path fit (already validated). */
export interface PathSettings {
  readonly family: Family;
  readonly alpha: number;
  readonly standardize: boolean;
  /** User lambda sequence (sorted decreasing), or null for glmnet's default sequence. */
  readonly lambda: readonly number[] | null;
  readonly nLambda: number;
  /** null = glmnet's default (1e-4 if n > p, else 1e-2). */
  readonly lambdaMinRatio: number | null;
}

/** A fitted path on the original scale of X. */
export interface PathFit {
  lambda: number[];
  intercept: number[];
  beta: number[][];
  devRatio: number[];
  df: number[];
  nullDeviance: number;
}

/** glmnet.control() factory defaults that define the path. */
const FDEV = 1e-5;
const DEVMAX = 0.999;
const MNLAM = 5;
const PMIN = 1e-9;
/**
 * Convergence threshold on max_j xv_j * (change in beta_j)^2, relative to the null deviance per
 * observation. glmnet's default is 1e-7; this is far tighter so that results sit on the exact
 * solution (the contract compares with R's answer allowing for R's own error).
 */
const THRESH = 1e-20;
const MAX_IRLS = 100;
const MAX_SWEEPS = 100000;

/** Validates X (rows = observations) and y; returns column-major copies. */
export function readDesign(fn: string, X: unknown, y: unknown, family: Family): Design {
  if (!Array.isArray(X)) throw new TypeError(`${fn}: X must be an array of rows; got ${describeValue(X)}.`);
  const n = X.length;
  if (n < 2) throw new RangeError(`${fn}: X must have at least 2 rows; got length ${n}.`);
  const row0: unknown = X[0];
  if (!Array.isArray(row0) && !ArrayBuffer.isView(row0)) throw new TypeError(`${fn}: X[0] must be an array of numbers; got ${describeValue(row0)}.`);
  const p = (row0 as ArrayLike<unknown>).length;
  if (p < 1) throw new RangeError(`${fn}: X[0] must hold at least 1 number; got length 0.`);
  const x = new Float64Array(n * p);
  for (let i = 0; i < n; i++) {
    const row: unknown = X[i];
    if (!Array.isArray(row) && !ArrayBuffer.isView(row)) throw new TypeError(`${fn}: X[${i}] must be an array of numbers; got ${describeValue(row)}.`);
    const r = row as ArrayLike<unknown>;
    if (r.length !== p) throw new RangeError(`${fn}: X[${i}] must have ${p} columns like X[0] (ragged matrix); got length ${r.length}.`);
    for (let j = 0; j < p; j++) {
      const v = r[j];
      if (typeof v !== "number") throw new TypeError(`${fn}: X[${i}][${j}] must be a number; got ${describeValue(v)}.`);
      if (!Number.isFinite(v)) throw new RangeError(`${fn}: X[${i}][${j}] must be finite; got ${describeValue(v)}.`);
      x[j * n + i] = v;
    }
  }
  if (!Array.isArray(y) && !ArrayBuffer.isView(y)) throw new TypeError(`${fn}: y must be an array of numbers; got ${describeValue(y)}.`);
  const ya = y as ArrayLike<unknown>;
  if (ya.length !== n) throw new RangeError(`${fn}: y must have one value per row of X (${n}); got length ${ya.length}.`);
  const yy = new Float64Array(n);
  let ones = 0;
  for (let i = 0; i < n; i++) {
    const v = ya[i];
    if (typeof v !== "number") throw new TypeError(`${fn}: y[${i}] must be a number; got ${describeValue(v)}.`);
    if (!Number.isFinite(v)) throw new RangeError(`${fn}: y[${i}] must be finite; got ${describeValue(v)}.`);
    if (family === "binomial") {
      if (v !== 0 && v !== 1) throw new RangeError(`${fn}: y[${i}] must be 0 or 1 for family "binomial"; got ${v}.`);
      ones += v;
    }
    yy[i] = v;
  }
  if (family === "binomial" && (ones < 2 || n - ones < 2)) {
    throw new RangeError(`${fn}: y must hold at least 2 zeros and 2 ones for family "binomial" (as glmnet requires); got ${ones} ones in ${n}.`);
  }
  if (family === "gaussian") {
    let allSame = true;
    for (let i = 1; i < n; i++) if (yy[i] !== yy[0]) allSame = false;
    if (allSame) throw new RangeError(`${fn}: y must not be constant for family "gaussian"; got ${n} copies of ${yy[0]}.`);
  }
  return { n, p, x, y: yy };
}

/** The rows `rows` of a design (used for cross-validation folds). */
export function subsetDesign(d: Design, rows: readonly number[]): Design {
  const m = rows.length;
  const x = new Float64Array(m * d.p);
  const y = new Float64Array(m);
  for (let j = 0; j < d.p; j++) {
    const src = j * d.n;
    const dst = j * m;
    for (let k = 0; k < m; k++) x[dst + k] = d.x[src + rows[k]!]!;
  }
  for (let k = 0; k < m; k++) y[k] = d.y[rows[k]!]!;
  return { n: m, p: d.p, x, y };
}

function softThreshold(u: number, t: number): number {
  if (u > t) return u - t;
  if (u < -t) return u + t;
  return 0;
}

/** log(1 + exp(x)) without overflow. */
function softplus(x: number): number {
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}

/** Kahan-Neumaier sum of a typed array. */
function neumaierSum(a: Float64Array): number {
  let s = 0;
  let c = 0;
  for (let i = 0; i < a.length; i++) {
    const v = a[i]!;
    const t = s + v;
    c += Math.abs(s) >= Math.abs(v) ? s - t + v : v - t + s;
    s = t;
  }
  return s + c;
}

interface Standardized {
  /** Centred (and, with standardize, scaled) columns, column-major. */
  xs: Float64Array;
  mean: Float64Array;
  scale: Float64Array;
  /** false for constant columns, which glmnet leaves out (coefficient 0). */
  usable: Uint8Array;
}

function standardizeColumns(d: Design, standardize: boolean): Standardized {
  const { n, p, x } = d;
  const xs = new Float64Array(n * p);
  const mean = new Float64Array(p);
  const scale = new Float64Array(p);
  const usable = new Uint8Array(p);
  const col = new Float64Array(n);
  for (let j = 0; j < p; j++) {
    const o = j * n;
    let constant = true;
    const first = x[o]!;
    for (let i = 0; i < n; i++) {
      col[i] = x[o + i]!;
      if (col[i] !== first) constant = false;
    }
    const m = neumaierSum(col) / n;
    let ss = 0;
    for (let i = 0; i < n; i++) {
      const v = col[i]! - m;
      ss += v * v;
    }
    const sd = Math.sqrt(ss / n);
    mean[j] = m;
    usable[j] = constant || !(sd > 0) ? 0 : 1;
    const s = standardize && usable[j] === 1 ? sd : 1;
    scale[j] = s;
    for (let i = 0; i < n; i++) xs[o + i] = (col[i]! - m) / s;
  }
  return { xs, mean, scale, usable };
}

/** glmnet's default lambda sequence, or the user's, on the internal scale. */
function lambdaSequence(lambdaMax: number, n: number, p: number, s: PathSettings): { seq: number[]; user: boolean } {
  if (s.lambda !== null) return { seq: [...s.lambda], user: true };
  const ratio = s.lambdaMinRatio ?? (n > p ? 1e-4 : 1e-2);
  const seq: number[] = [];
  const k = s.nLambda;
  for (let i = 0; i < k; i++) seq.push(k === 1 ? lambdaMax : lambdaMax * Math.exp((i / (k - 1)) * Math.log(ratio)));
  return { seq, user: false };
}

/** Fits the whole path; the result is on the original scale of X. */
export function fitPath(d: Design, s: PathSettings): PathFit {
  return s.family === "gaussian" ? fitGaussian(d, s) : fitBinomial(d, s);
}

function shouldStop(devRatio: readonly number[], user: boolean): boolean {
  if (user) return false;
  const m = devRatio.length;
  if (m < MNLAM) return false;
  const cur = devRatio[m - 1]!;
  const prev = devRatio[m - 2]!;
  if (cur - prev < FDEV * cur) return true;
  return cur > DEVMAX;
}

function toOriginal(
  out: PathFit,
  lam: number,
  a0: number,
  beta: Float64Array,
  st: Standardized,
  devRatio: number,
): void {
  const p = beta.length;
  const b: number[] = new Array<number>(p);
  let shift = 0;
  let df = 0;
  for (let j = 0; j < p; j++) {
    const v = beta[j]! === 0 ? 0 : beta[j]! / st.scale[j]!;
    b[j] = v;
    if (v !== 0) df++;
    shift += st.mean[j]! * v;
  }
  out.lambda.push(lam);
  out.intercept.push(a0 - shift);
  out.beta.push(b);
  out.devRatio.push(devRatio);
  out.df.push(df);
}

function fitGaussian(d: Design, s: PathSettings): PathFit {
  const { n, p, y } = d;
  const st = standardizeColumns(d, s.standardize);
  const xs = st.xs;
  const ym = neumaierSum(y) / n;
  const yc = new Float64Array(n);
  for (let i = 0; i < n; i++) yc[i] = y[i]! - ym;
  let yy = 0;
  for (let i = 0; i < n; i++) yy += yc[i]! * yc[i]!;
  yy /= n; // null deviance per observation
  const xy = new Float64Array(p);
  const xv = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    if (st.usable[j] === 0) continue;
    const o = j * n;
    let a = 0;
    let b = 0;
    for (let i = 0; i < n; i++) {
      const v = xs[o + i]!;
      a += v * yc[i]!;
      b += v * v;
    }
    xy[j] = a / n;
    xv[j] = b / n;
  }
  let lambdaMax = 0;
  for (let j = 0; j < p; j++) if (st.usable[j] === 1) lambdaMax = Math.max(lambdaMax, Math.abs(xy[j]!));
  lambdaMax /= Math.max(s.alpha, 1e-3);
  const { seq, user } = lambdaSequence(lambdaMax, n, p, s);

  const beta = new Float64Array(p);
  const c = Float64Array.from(xy); // c_j = x_j' r / n
  const gram: (Float64Array | null)[] = new Array<Float64Array | null>(p).fill(null);
  const active: number[] = [];
  const thr = THRESH * yy;
  const out: PathFit = { lambda: [], intercept: [], beta: [], devRatio: [], df: [], nullDeviance: yy * n };

  const gramColumn = (k: number): Float64Array => {
    const g = new Float64Array(p);
    const ok = k * n;
    for (let j = 0; j < p; j++) {
      if (st.usable[j] === 0) continue;
      const oj = j * n;
      let a = 0;
      for (let i = 0; i < n; i++) a += xs[ok + i]! * xs[oj + i]!;
      g[j] = a / n;
    }
    return g;
  };

  for (const lam of seq) {
    const l1 = lam * s.alpha;
    const l2 = lam * (1 - s.alpha);
    let sweeps = 0;
    for (;;) {
      // Full sweep over every usable coordinate.
      let maxd = 0;
      for (let j = 0; j < p; j++) {
        if (st.usable[j] === 0) continue;
        const bj = beta[j]!;
        const nb = softThreshold(c[j]! + xv[j]! * bj, l1) / (xv[j]! + l2);
        const dj = nb - bj;
        if (dj === 0) continue;
        let g = gram[j];
        if (g === null || g === undefined) {
          g = gramColumn(j);
          gram[j] = g;
          active.push(j);
        }
        beta[j] = nb;
        for (let k = 0; k < p; k++) c[k] = c[k]! - dj * g[k]!;
        maxd = Math.max(maxd, xv[j]! * dj * dj);
      }
      if (maxd < thr || ++sweeps > MAX_SWEEPS) break;
      // Cycle on the active set until it converges.
      for (;;) {
        let maxa = 0;
        for (const j of active) {
          const bj = beta[j]!;
          const nb = softThreshold(c[j]! + xv[j]! * bj, l1) / (xv[j]! + l2);
          const dj = nb - bj;
          if (dj === 0) continue;
          const g = gram[j]!;
          beta[j] = nb;
          for (let k = 0; k < p; k++) c[k] = c[k]! - dj * g[k]!;
          maxa = Math.max(maxa, xv[j]! * dj * dj);
        }
        if (maxa < thr || ++sweeps > MAX_SWEEPS) break;
      }
    }
    // rss/n = yy - beta'xy - beta'c (exact given c).
    let bxy = 0;
    let bc = 0;
    for (const j of active) {
      bxy += beta[j]! * xy[j]!;
      bc += beta[j]! * c[j]!;
    }
    const rss = yy - bxy - bc;
    toOriginal(out, lam, ym, beta, st, 1 - rss / yy);
    if (shouldStop(out.devRatio, user)) break;
  }
  if (!user) fixFirstLambda(out, lambdaMax);
  return out;
}

function fixFirstLambda(out: PathFit, lambdaMax: number): void {
  if (out.lambda.length > 0) out.lambda[0] = lambdaMax;
}

function fitBinomial(d: Design, s: PathSettings): PathFit {
  const { n, p, y } = d;
  const st = standardizeColumns(d, s.standardize);
  const xs = st.xs;
  const ybar = neumaierSum(y) / n;
  const nullDev = -2 * n * (ybar * Math.log(ybar) + (1 - ybar) * Math.log(1 - ybar));
  const nullPerObs = nullDev / n;
  let lambdaMax = 0;
  for (let j = 0; j < p; j++) {
    if (st.usable[j] === 0) continue;
    const o = j * n;
    let a = 0;
    for (let i = 0; i < n; i++) a += xs[o + i]! * (y[i]! - ybar);
    lambdaMax = Math.max(lambdaMax, Math.abs(a / n));
  }
  lambdaMax /= Math.max(s.alpha, 1e-3);
  const { seq, user } = lambdaSequence(lambdaMax, n, p, s);

  const beta = new Float64Array(p);
  let a0 = Math.log(ybar / (1 - ybar));
  const eta = new Float64Array(n).fill(a0);
  const w = new Float64Array(n);
  const wr = new Float64Array(n);
  const xv = new Float64Array(p);
  const xvStamp = new Int32Array(p).fill(-1);
  const inActive = new Uint8Array(p);
  const active: number[] = [];
  const betaStart = new Float64Array(p);
  const thr = THRESH * nullPerObs;
  const out: PathFit = { lambda: [], intercept: [], beta: [], devRatio: [], df: [], nullDeviance: nullDev };
  let stamp = 0;

  const weightedXv = (j: number): number => {
    if (xvStamp[j] === stamp) return xv[j]!;
    const o = j * n;
    let a = 0;
    for (let i = 0; i < n; i++) {
      const v = xs[o + i]!;
      a += w[i]! * v * v;
    }
    xv[j] = a;
    xvStamp[j] = stamp;
    return a;
  };

  for (const lam of seq) {
    const l1 = lam * s.alpha;
    const l2 = lam * (1 - s.alpha);
    let sumW = 0;
    for (let irls = 0; irls < MAX_IRLS; irls++) {
      stamp++;
      sumW = 0;
      for (let i = 0; i < n; i++) {
        const e = eta[i]!;
        const pr = 1 / (1 + Math.exp(-e));
        let v = pr * (1 - pr);
        if (!(v > PMIN * (1 - PMIN))) v = PMIN * (1 - PMIN);
        w[i] = v / n;
        wr[i] = (y[i]! - pr) / n;
        sumW += w[i]!;
      }
      betaStart.set(beta);
      const a0Start = a0;
      let sweeps = 0;
      // Coordinate update of one feature: returns xv * change^2.
      const update = (j: number): number => {
        const o = j * n;
        let g = 0;
        for (let i = 0; i < n; i++) g += xs[o + i]! * wr[i]!;
        const xvj = weightedXv(j);
        const bj = beta[j]!;
        const nb = softThreshold(g + xvj * bj, l1) / (xvj + l2);
        const dj = nb - bj;
        if (dj === 0) return 0;
        beta[j] = nb;
        for (let i = 0; i < n; i++) wr[i] = wr[i]! - dj * w[i]! * xs[o + i]!;
        if (inActive[j] === 0) {
          inActive[j] = 1;
          active.push(j);
        }
        return xvj * dj * dj;
      };
      const updateIntercept = (): number => {
        let g = 0;
        for (let i = 0; i < n; i++) g += wr[i]!;
        const d0 = g / sumW;
        a0 += d0;
        for (let i = 0; i < n; i++) wr[i] = wr[i]! - d0 * w[i]!;
        return sumW * d0 * d0;
      };
      for (;;) {
        let maxd = updateIntercept();
        for (let j = 0; j < p; j++) if (st.usable[j] === 1) maxd = Math.max(maxd, update(j));
        if (maxd < thr || ++sweeps > MAX_SWEEPS) break;
        for (;;) {
          let maxa = updateIntercept();
          for (const j of active) maxa = Math.max(maxa, update(j));
          if (maxa < thr || ++sweeps > MAX_SWEEPS) break;
        }
      }
      // New linear predictor and the size of this IRLS step.
      eta.fill(a0);
      let step = sumW * (a0 - a0Start) * (a0 - a0Start);
      for (const j of active) {
        const bj = beta[j]!;
        const dj = bj - betaStart[j]!;
        step = Math.max(step, xv[j]! * dj * dj);
        if (bj === 0) continue;
        const o = j * n;
        for (let i = 0; i < n; i++) eta[i] = eta[i]! + bj * xs[o + i]!;
      }
      if (step < thr) break;
    }
    let dev = 0;
    for (let i = 0; i < n; i++) {
      const e = eta[i]!;
      dev += softplus(e) - y[i]! * e;
    }
    dev *= 2;
    toOriginal(out, lam, a0, beta, st, 1 - dev / nullDev);
    if (shouldStop(out.devRatio, user)) break;
    if (!user) {
      // glmnet also stops when the fitted probabilities approach 0 or 1 (glmnet.control pmin).
      let sw = 0;
      for (let i = 0; i < n; i++) {
        const pr = 1 / (1 + Math.exp(-eta[i]!));
        sw += pr * (1 - pr);
      }
      if (sw / n <= (1 + PMIN) * PMIN * (1 - PMIN)) break;
    }
  }
  if (!user) fixFirstLambda(out, lambdaMax);
  return out;
}
