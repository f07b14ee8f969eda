/**
 * Private numerical core of `logisticRegression`: iteratively reweighted least squares (Fisher
 * scoring = Newton-Raphson for the canonical logit link; McCullagh & Nelder 1989, §2.5, §4.4),
 * a Householder QR for the final covariance, and the constrained fits used by the profile
 * likelihood.
 *
 * Matrices are column-major `Float64Array`s: element (i, j) of an n x p matrix is `a[j * n + i]`.
 */

/** |eta| beyond which the inverse link saturates, as R's `binomial()` logit link does. */
const ETA_LIMIT = 30;
const EPS = 2.220446049250313e-16;

/** Inverse logit with R's saturation at |eta| > 30 (mu never reaches 0 or 1 exactly). */
export function invLogit(eta: number): number {
  if (eta < -ETA_LIMIT) return EPS / (1 + EPS);
  if (eta > ETA_LIMIT) return 1 / EPS / (1 + 1 / EPS);
  return eta >= 0 ? 1 / (1 + Math.exp(-eta)) : Math.exp(eta) / (1 + Math.exp(eta));
}

/** d mu / d eta with R's saturation (machine epsilon beyond |eta| > 30). */
export function dmuDeta(eta: number): number {
  if (eta < -ETA_LIMIT || eta > ETA_LIMIT) return EPS;
  const e = Math.exp(-Math.abs(eta));
  const o = 1 + e;
  return e / (o * o);
}

/** Unit deviance of one 0/1 observation at fitted probability mu. */
export function unitDeviance(y: number, mu: number): number {
  return y === 1 ? -2 * Math.log(mu) : -2 * Math.log1p(-mu);
}

/**
 * Unit deviance from the linear predictor: -2 log(mu) = 2 log(1 + e^-eta) for y = 1 and
 * -2 log(1 - mu) = 2 log(1 + e^eta) for y = 0, without forming 1 - mu (which cancels when mu is near
 * 1 and costs relative accuracy eps / (1 - mu): 1e-8 in the deviance at |eta| near 18, enough to move
 * a profile-likelihood bound by 3e-9). Beyond R's saturation |eta| > 30 it is the deviance at R's
 * clamped mu, as glm's.
 */
export function unitDevianceEta(y: number, eta: number): number {
  if (eta < -ETA_LIMIT || eta > ETA_LIMIT) return unitDeviance(y, invLogit(eta));
  const e = y === 1 ? -eta : eta; // deviance = 2 log(1 + e^e)
  return e > 0 ? 2 * (e + Math.log1p(Math.exp(-e))) : 2 * Math.log1p(Math.exp(e));
}

/** Neumaier-compensated total deviance (each unit deviance times its prior weight, when given). */
export function totalDeviance(y: Float64Array, mu: Float64Array, weights: Float64Array | null = null): number {
  let s = 0;
  let c = 0;
  for (let i = 0; i < y.length; i++) {
    const v = weights === null ? unitDeviance(y[i]!, mu[i]!) : weights[i] === 0 ? 0 : weights[i]! * unitDeviance(y[i]!, mu[i]!);
    const t = s + v;
    c += Math.abs(s) >= Math.abs(v) ? s - t + v : v - t + s;
    s = t;
  }
  return s + c;
}

/** Thrown internally when the weighted cross-product is not positive definite. */
export class SingularError extends Error {
  constructor(readonly column: number) {
    super(`singular at column ${column}`);
  }
}

/**
 * In-place Cholesky of a p x p symmetric positive definite matrix (row-major, lower triangle
 * used). Throws SingularError on a non-positive pivot (relative to the diagonal).
 */
export function cholesky(a: Float64Array, p: number): void {
  for (let j = 0; j < p; j++) {
    const ajj0 = a[j * p + j]!;
    let d = ajj0;
    for (let k = 0; k < j; k++) d -= a[j * p + k]! * a[j * p + k]!;
    if (!(d > 1e-13 * Math.abs(ajj0)) || !(d > 0)) throw new SingularError(j);
    const l = Math.sqrt(d);
    a[j * p + j] = l;
    for (let i = j + 1; i < p; i++) {
      let s = a[i * p + j]!;
      for (let k = 0; k < j; k++) s -= a[i * p + k]! * a[j * p + k]!;
      a[i * p + j] = s / l;
    }
  }
}

/** Solves L L' x = b in place (b overwritten by x). */
export function cholSolve(l: Float64Array, p: number, b: Float64Array): void {
  for (let i = 0; i < p; i++) {
    let s = b[i]!;
    for (let k = 0; k < i; k++) s -= l[i * p + k]! * b[k]!;
    b[i] = s / l[i * p + i]!;
  }
  for (let i = p - 1; i >= 0; i--) {
    let s = b[i]!;
    for (let k = i + 1; k < p; k++) s -= l[k * p + i]! * b[k]!;
    b[i] = s / l[i * p + i]!;
  }
}

/** A design: column-major n x p matrix, a 0/1 response, an optional fixed offset. */
export interface Design {
  readonly x: Float64Array;
  readonly n: number;
  readonly p: number;
  readonly y: Float64Array;
  readonly offset: Float64Array | null;
  /** Column 0 is all ones (an intercept): its cross-products are plain sums. */
  readonly ones0?: boolean;
  /** Prior (case) weights, >= 0, as glm's `weights`; null or absent = all 1. */
  readonly weights?: Float64Array | null;
}

/** Working state of a fit. */
export interface FitState {
  beta: Float64Array;
  eta: Float64Array;
  mu: Float64Array;
  deviance: number;
}

function linearPredictor(d: Design, beta: Float64Array, eta: Float64Array): void {
  const { x, n, p, offset } = d;
  if (offset !== null) eta.set(offset);
  else eta.fill(0);
  let j = 0;
  for (; j + 4 <= p; j += 4) {
    const b0 = beta[j]!;
    const b1 = beta[j + 1]!;
    const b2 = beta[j + 2]!;
    const b3 = beta[j + 3]!;
    const o0 = j * n;
    const o1 = o0 + n;
    const o2 = o1 + n;
    const o3 = o2 + n;
    for (let i = 0; i < n; i++) eta[i] = eta[i]! + (b0 * x[o0 + i]! + b1 * x[o1 + i]! + b2 * x[o2 + i]! + b3 * x[o3 + i]!);
  }
  for (; j < p; j++) {
    const b = beta[j]!;
    if (b === 0) continue;
    const off = j * n;
    for (let i = 0; i < n; i++) eta[i] = eta[i]! + b * x[off + i]!;
  }
}

/** Scratch buffers of {@link fitIrls}. */
interface Work {
  readonly xtwx: Float64Array;
  readonly rhs: Float64Array;
  readonly u: Float64Array;
  readonly w: Float64Array;
  readonly wx: Float64Array;
}

const BLOCK = 1024;

/**
 * Lower triangle of X'WX (row-major p x p) and X'u, for column-major x. Rows are processed in
 * blocks that stay in cache: each block's weighted columns are formed once, then four dot
 * products share every pass over the block. `wx` is scratch of length >= p * 1024.
 */
export function weightedCrossprod(
  x: Float64Array,
  n: number,
  p: number,
  w: Float64Array,
  u: Float64Array,
  out: Float64Array,
  rhs: Float64Array,
  wx: Float64Array,
  ones0 = false,
): void {
  out.fill(0);
  rhs.fill(0);
  const k0 = ones0 ? 1 : 0;
  for (let i0 = 0; i0 < n; i0 += BLOCK) {
    const len = Math.min(BLOCK, n - i0);
    for (let j = 0; j < p; j++) {
      const oj = j * n + i0;
      const bj = j * BLOCK;
      let r = 0;
      let s = 0;
      for (let i = 0; i < len; i++) {
        const v = x[oj + i]!;
        const a = v * w[i0 + i]!;
        wx[bj + i] = a;
        s += a;
        r += v * u[i0 + i]!;
      }
      rhs[j] = rhs[j]! + r;
      // With an intercept column of ones, its products are the sums of the weighted columns.
      if (ones0) out[j * p] = out[j * p]! + s;
    }
    for (let j = k0; j < p; j++) {
      const bj = j * BLOCK;
      const row = j * p;
      let k = k0;
      for (; k + 3 <= j; k += 4) {
        const o0 = k * n + i0;
        const o1 = o0 + n;
        const o2 = o1 + n;
        const o3 = o2 + n;
        let t0 = 0;
        let t1 = 0;
        let t2 = 0;
        let t3 = 0;
        for (let i = 0; i < len; i++) {
          const a = wx[bj + i]!;
          t0 += a * x[o0 + i]!;
          t1 += a * x[o1 + i]!;
          t2 += a * x[o2 + i]!;
          t3 += a * x[o3 + i]!;
        }
        out[row + k] = out[row + k]! + t0;
        out[row + k + 1] = out[row + k + 1]! + t1;
        out[row + k + 2] = out[row + k + 2]! + t2;
        out[row + k + 3] = out[row + k + 3]! + t3;
      }
      for (; k <= j; k++) {
        const ok = k * n + i0;
        let t = 0;
        for (let i = 0; i < len; i++) t += wx[bj + i]! * x[ok + i]!;
        out[row + k] = out[row + k]! + t;
      }
    }
  }
}

/**
 * One IRLS step from (eta, mu). Fills the weighted cross-product X'WX (W = mu.eta^2 / var) and
 * solves for the new coefficients. With `beta === null` (the first step from glm's starting
 * means) it solves X'WX beta = X'Wz, z = eta - offset + (y - mu) / mu.eta; otherwise it solves
 * the equivalent Newton form X'WX delta = X'(mu.eta (y - mu) / var) and returns beta + delta,
 * which keeps the step accurate down to rounding. `out.decrement` receives rhs . delta.
 */
function irlsStep(
  d: Design,
  beta: Float64Array | null,
  eta: Float64Array,
  mu: Float64Array,
  work: Work,
  out: { decrement: number },
): Float64Array {
  const { x, n, p, y, offset } = d;
  const pw = d.weights ?? null;
  const { xtwx, rhs, u, w } = work;
  for (let i = 0; i < n; i++) {
    const e = eta[i]!;
    const m = mu[i]!;
    const me = dmuDeta(e);
    const v = m * (1 - m);
    const a = pw === null ? 1 : pw[i]!;
    const wi = (a * me * me) / v;
    w[i] = wi;
    if (beta === null) u[i] = wi * (e - (offset !== null ? offset[i]! : 0) + (y[i]! - m) / me);
    else u[i] = (a * me * (y[i]! - m)) / v;
  }
  weightedCrossprod(x, n, p, w, u, xtwx, rhs, work.wx, d.ones0 === true);
  cholesky(xtwx, p);
  const sol = new Float64Array(rhs);
  cholSolve(xtwx, p, sol);
  if (beta === null) {
    out.decrement = NaN;
    return sol;
  }
  let dec = 0;
  for (let j = 0; j < p; j++) dec += rhs[j]! * sol[j]!;
  out.decrement = dec;
  for (let j = 0; j < p; j++) sol[j] = beta[j]! + sol[j]!;
  return sol;
}

/** Options of {@link fitIrls}. */
export interface IrlsOptions {
  /** R's convergence threshold on |dev - devold| / (|dev| + 0.1). */
  readonly epsilon: number;
  readonly maxit: number;
  /** Extra Newton steps allowed after R's criterion is met, to converge to machine precision. */
  readonly polishMax: number;
  /** Halve a Newton step while it increases the deviance (not done by R's glm.fit). */
  readonly safeguard?: boolean;
}

/** Step-halving: moves `next` back towards `cur` until the deviance no longer increases. */
function halveUntilBetter(d: Design, cur: FitState, next: FitState): FitState {
  let cand = next;
  for (let h = 0; h < 60 && !(cand.deviance <= cur.deviance + 1e-12 * (Math.abs(cur.deviance) + 0.1)); h++) {
    const beta = new Float64Array(cur.beta.length);
    for (let j = 0; j < beta.length; j++) beta[j] = (cur.beta[j]! + cand.beta[j]!) / 2;
    cand = stateFrom(d, beta);
  }
  return cand;
}

/** Result of {@link fitIrls}. */
export interface IrlsResult {
  /** State at R's stopping point (what `glm.fit` returns). */
  readonly rState: FitState;
  /** State after polishing (equal to rState when polishing diverged). */
  readonly state: FitState;
  /** Iterations until R's criterion was met (R's `iter`). */
  readonly iterations: number;
  /** R's `converged`. */
  readonly converged: boolean;
  /** True when polishing converged: the Newton decrement fell below 1e-20 or stagnated below 1e-10. */
  readonly polished: boolean;
  /** True when polishing failed: coefficients grew for 10 steps in a row, or no convergence in polishMax steps. */
  readonly diverging: boolean;
  /** True when the weighted cross-product became numerically singular during R's iterations. */
  readonly singular: boolean;
}

/** The state at `beta`; writes into `reuse`'s arrays when given (a state no longer needed). */
function stateFrom(d: Design, beta: Float64Array, reuse?: FitState): FitState {
  const eta = reuse !== undefined ? reuse.eta : new Float64Array(d.n);
  linearPredictor(d, beta, eta);
  const mu = reuse !== undefined ? reuse.mu : new Float64Array(d.n);
  const y = d.y;
  const pw = d.weights ?? null;
  // Fitted means and the Neumaier-compensated deviance in one pass.
  let s = 0;
  let c = 0;
  for (let i = 0; i < d.n; i++) {
    const m = invLogit(eta[i]!);
    mu[i] = m;
    const v0 = unitDevianceEta(y[i]!, eta[i]!);
    const v = pw === null ? v0 : pw[i] === 0 ? 0 : pw[i]! * v0;
    const t = s + v;
    c += Math.abs(s) >= Math.abs(v) ? s - t + v : v - t + s;
    s = t;
  }
  return { beta, eta, mu, deviance: s + c };
}

/**
 * Fits the logistic model by IRLS. Without a start, begins as `glm.fit` does (mu = (y + 1/2) / 2)
 * and stops where R does (relative deviance change below `epsilon`), so `rState` and `iterations`
 * reproduce `glm`; then keeps taking Newton steps until the Newton decrement falls below 1e-20
 * (or `polishMax` steps), which is the machine-precision MLE.
 */
export function fitIrls(d: Design, opts: IrlsOptions, start?: Float64Array): IrlsResult {
  const { n, p, y } = d;
  const work: Work = { xtwx: new Float64Array(p * p), rhs: new Float64Array(p), u: new Float64Array(n), w: new Float64Array(n), wx: new Float64Array(p * BLOCK) };
  const out = { decrement: 0 };
  let cur: FitState;
  let hasBeta: boolean;
  if (start === undefined) {
    const eta = new Float64Array(n);
    const mu = new Float64Array(n);
    const pw = d.weights ?? null;
    for (let i = 0; i < n; i++) {
      // binomial()$initialize: mustart = (weights * y + 0.5) / (weights + 1).
      const a = pw === null ? 1 : pw[i]!;
      const m0 = (a * y[i]! + 0.5) / (a + 1);
      eta[i] = Math.log(m0 / (1 - m0));
      mu[i] = invLogit(eta[i]!);
    }
    cur = { beta: new Float64Array(p), eta, mu, deviance: totalDeviance(y, mu, pw) };
    hasBeta = false;
  } else {
    cur = stateFrom(d, new Float64Array(start));
    hasBeta = true;
  }
  let converged = false;
  let iterations = 0;
  let lastDecrement = Infinity;
  let singular = false;
  let spare: FitState | undefined;
  for (let iter = 1; iter <= opts.maxit; iter++) {
    iterations = iter;
    let beta: Float64Array;
    try {
      beta = irlsStep(d, hasBeta ? cur.beta : null, cur.eta, cur.mu, work, out);
    } catch (e) {
      if (!(e instanceof SingularError)) throw e;
      // At the first step all weights are equal (glm's start), so a singular X'WX means X itself is.
      if (iter === 1 && start === undefined) throw e;
      singular = true;
      break;
    }
    const wasBeta = hasBeta;
    hasBeta = true;
    lastDecrement = out.decrement;
    let next = stateFrom(d, beta, spare);
    spare = undefined;
    if (opts.safeguard === true && wasBeta) next = halveUntilBetter(d, cur, next);
    const devold = cur.deviance;
    if (opts.safeguard !== true) spare = cur; // superseded: recycle its arrays
    cur = next;
    if (Math.abs(next.deviance - devold) / (Math.abs(next.deviance) + 0.1) < opts.epsilon) {
      converged = true;
      break;
    }
  }
  const rState = cur;
  let polished = lastDecrement < 1e-20;
  let diverging = singular;
  let growth = 0;
  let prevDecrement = lastDecrement;
  for (let k = 0; k < opts.polishMax && !polished && !singular; k++) {
    let beta: Float64Array;
    try {
      beta = irlsStep(d, cur.beta, cur.eta, cur.mu, work, out);
    } catch (e) {
      if (e instanceof SingularError) {
        diverging = true;
        break;
      }
      throw e;
    }
    let normOld = 0;
    let normNew = 0;
    for (let j = 0; j < p; j++) {
      normOld += cur.beta[j]! * cur.beta[j]!;
      normNew += beta[j]! * beta[j]!;
    }
    let next = stateFrom(d, beta);
    // Converged: the Newton decrement is negligible, or it stagnates at the rounding floor.
    if (out.decrement < 1e-20 || (out.decrement < 1e-10 && out.decrement >= 0.9 * prevDecrement)) {
      // Step at rounding level: accept it unless it made things (measurably) worse.
      if (next.deviance <= cur.deviance + 1e-12 * (Math.abs(cur.deviance) + 0.1)) cur = next;
      polished = true;
      break;
    }
    if (opts.safeguard === true) next = halveUntilBetter(d, cur, next);
    cur = next;
    if (out.decrement < 1e-14) {
      // Newton converges quadratically: after a step this small the error is at rounding level.
      polished = true;
      break;
    }
    prevDecrement = out.decrement;
    if (normNew > normOld * (1 + 1e-9)) growth++;
    else growth = 0;
    if (growth >= 10) {
      diverging = true;
      break;
    }
  }
  // Newton converges quadratically from R's stopping point when the MLE exists; failing to
  // converge within polishMax steps means the likelihood has no maximum.
  if (!polished && opts.polishMax > 0) diverging = true;
  return { rState, state: diverging ? rState : cur, iterations, converged: converged && !singular, polished, diverging, singular };
}

/**
 * Householder QR of the n x p column-major matrix `a` (overwritten). Returns the p x p upper
 * triangle R (row-major) and the smallest |R_jj| / column-norm ratio seen, for rank checks.
 */
export function qrR(a: Float64Array, n: number, p: number): { r: Float64Array; minRatio: number; worstColumn: number } {
  const r = new Float64Array(p * p);
  let minRatio = Infinity;
  let worstColumn = -1;
  const colNorm0 = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    let s = 0;
    const o = j * n;
    for (let i = 0; i < n; i++) s += a[o + i]! * a[o + i]!;
    colNorm0[j] = Math.sqrt(s);
  }
  for (let k = 0; k < p; k++) {
    const ok = k * n;
    let s = 0;
    for (let i = k; i < n; i++) s += a[ok + i]! * a[ok + i]!;
    const norm = Math.sqrt(s);
    const ratio = colNorm0[k]! > 0 ? norm / colNorm0[k]! : 0;
    if (ratio < minRatio) {
      minRatio = ratio;
      worstColumn = k;
    }
    if (norm === 0) {
      r[k * p + k] = 0;
      continue;
    }
    const akk = a[ok + k]!;
    const alpha = akk > 0 ? -norm : norm;
    // v = a_k - alpha e_k stored in place; beta = 1 / (alpha * (alpha - akk))... use v'v.
    a[ok + k] = akk - alpha;
    const vtv = s - akk * akk + (akk - alpha) * (akk - alpha);
    r[k * p + k] = alpha;
    for (let j = k + 1; j < p; j++) {
      const oj = j * n;
      let dot = 0;
      for (let i = k; i < n; i++) dot += a[ok + i]! * a[oj + i]!;
      const f = (2 * dot) / vtv;
      for (let i = k; i < n; i++) a[oj + i] = a[oj + i]! - f * a[ok + i]!;
      r[k * p + j] = a[oj + k]!;
    }
  }
  return { r, minRatio, worstColumn };
}

/**
 * (X'WX)^{-1} at the fitted state. X'WX is formed with W at that state, scaled to unit diagonal
 * (so badly scaled predictors cost no accuracy) and Cholesky-factored; when that reveals strong
 * collinearity (a squared pivot below 1e-4 of its diagonal, where squaring the condition number would
 * cost digits), the inverse comes from a Householder QR of W^{1/2} X instead.
 */
export function covariance(d: Design, state: FitState): { cov: Float64Array } {
  const { x, n, p } = d;
  const pw = d.weights ?? null;
  const w = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const m = state.mu[i]!;
    const me = dmuDeta(state.eta[i]!);
    w[i] = ((pw === null ? 1 : pw[i]!) * me * me) / (m * (1 - m));
  }
  const a = new Float64Array(p * p);
  weightedCrossprod(x, n, p, w, new Float64Array(n), a, new Float64Array(p), new Float64Array(p * BLOCK), d.ones0 === true);
  const sc = new Float64Array(p);
  for (let j = 0; j < p; j++) sc[j] = 1 / Math.sqrt(a[j * p + j]!);
  for (let j = 0; j < p; j++) for (let k = 0; k <= j; k++) a[j * p + k] = a[j * p + k]! * sc[j]! * sc[k]!;
  cholesky(a, p);
  let minPivot = Infinity;
  for (let j = 0; j < p; j++) minPivot = Math.min(minPivot, a[j * p + j]! * a[j * p + j]!);
  if (minPivot < 1e-4) return { cov: covarianceQr(d, w) };
  // Inverse of L (lower), then cov = D L^{-T} L^{-1} D.
  const li = new Float64Array(p * p);
  for (let j = 0; j < p; j++) {
    li[j * p + j] = 1 / a[j * p + j]!;
    for (let i = j + 1; i < p; i++) {
      let s = 0;
      for (let k = j; k < i; k++) s += a[i * p + k]! * li[k * p + j]!;
      li[i * p + j] = -s / a[i * p + i]!;
    }
  }
  const cov = new Float64Array(p * p);
  for (let i = 0; i < p; i++) {
    for (let j = i; j < p; j++) {
      let s = 0;
      for (let k = j; k < p; k++) s += li[k * p + i]! * li[k * p + j]!;
      const v = s * sc[i]! * sc[j]!;
      cov[i * p + j] = v;
      cov[j * p + i] = v;
    }
  }
  return { cov };
}

/** (X'WX)^{-1} from a Householder QR of W^{1/2} X: R^{-1} R^{-T}. */
function covarianceQr(d: Design, w: Float64Array): Float64Array {
  const { x, n, p } = d;
  const a = new Float64Array(n * p);
  for (let j = 0; j < p; j++) {
    const o = j * n;
    for (let i = 0; i < n; i++) a[o + i] = x[o + i]! * Math.sqrt(w[i]!);
  }
  const { r } = qrR(a, n, p);
  const ri = new Float64Array(p * p);
  for (let j = p - 1; j >= 0; j--) {
    ri[j * p + j] = 1 / r[j * p + j]!;
    for (let i = j - 1; i >= 0; i--) {
      let s = 0;
      for (let k = i + 1; k <= j; k++) s += r[i * p + k]! * ri[k * p + j]!;
      ri[i * p + j] = -s / r[i * p + i]!;
    }
  }
  const cov = new Float64Array(p * p);
  for (let i = 0; i < p; i++) {
    for (let j = i; j < p; j++) {
      let s = 0;
      for (let k = j; k < p; k++) s += ri[i * p + k]! * ri[j * p + k]!;
      cov[i * p + j] = s;
      cov[j * p + i] = s;
    }
  }
  return cov;
}

/**
 * Profile of one coefficient: the model refitted with coefficient `j` fixed at `b` (its column
 * moved into the offset). Keeps a warm start between calls.
 */
export class Profiler {
  private readonly sub: { x: Float64Array; n: number; p: number; y: Float64Array; ones0: boolean };
  private readonly xj: Float64Array;
  private warm: Float64Array;
  private warmB: number;
  private readonly slopeOf: Float64Array;
  /** `cov` (p x p) predicts how the other coefficients move with coefficient j. */
  constructor(d: Design, j: number, start: Float64Array, cov: Float64Array) {
    const { x, n, p, y } = d;
    const sx = new Float64Array(n * (p - 1));
    let c = 0;
    for (let k = 0; k < p; k++) {
      if (k === j) continue;
      sx.set(x.subarray(k * n, (k + 1) * n), c * n);
      c++;
    }
    this.sub = { x: sx, n, p: p - 1, y, ones0: d.ones0 === true && j !== 0 };
    this.xj = x.subarray(j * n, (j + 1) * n);
    this.warm = new Float64Array(p - 1);
    let c2 = 0;
    this.slopeOf = new Float64Array(p - 1);
    for (let k = 0; k < p; k++) {
      if (k === j) continue;
      this.slopeOf[c2] = cov[k * p + j]! / cov[j * p + j]!;
      this.warm[c2++] = start[k]!;
    }
    this.warmB = start[j]!;
  }

  /** Profile deviance D(b) and its derivative dD/db = -2 sum x_j (y - mu) at the constrained MLE. */
  at(b: number): { deviance: number; slope: number; ok: boolean } {
    const { n, y } = this.sub;
    const offset = new Float64Array(n);
    for (let i = 0; i < n; i++) offset[i] = b * this.xj[i]!;
    const d: Design = { ...this.sub, offset };
    let state: FitState;
    let ok = true;
    if (this.sub.p === 0) {
      const mu = new Float64Array(n);
      let dv = 0;
      let dc = 0;
      for (let i = 0; i < n; i++) {
        mu[i] = invLogit(offset[i]!);
        const v = unitDevianceEta(y[i]!, offset[i]!);
        const t = dv + v;
        dc += Math.abs(dv) >= Math.abs(v) ? dv - t + v : v - t + dv;
        dv = t;
      }
      state = { beta: new Float64Array(0), eta: offset, mu, deviance: dv + dc };
    } else {
      const start = new Float64Array(this.warm);
      for (let k = 0; k < start.length; k++) start[k] = start[k]! + this.slopeOf[k]! * (b - this.warmB);
      let fit = fitIrls(d, { epsilon: 1e-10, maxit: 0, polishMax: 100, safeguard: true }, start);
      if (!fit.polished) {
        // Newton from the warm start failed (then fit.state is the start itself, whose deviance is
        // too high and would fake a bound): refit from glm's own start with safeguarded IRLS.
        const again = fitIrls(d, { epsilon: 1e-10, maxit: 100, polishMax: 100, safeguard: true });
        if (again.polished || again.state.deviance < fit.state.deviance) fit = again;
      }
      state = fit.state;
      ok = fit.polished;
      if (ok) {
        this.warm = new Float64Array(state.beta);
        this.warmB = b;
      }
    }
    let score = 0;
    for (let i = 0; i < n; i++) score += this.xj[i]! * (y[i]! - state.mu[i]!);
    return { deviance: state.deviance, slope: -2 * score, ok };
  }
}
