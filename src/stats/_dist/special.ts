/**
 * Private special functions: log-gamma, Stirling remainder, the saddle-point deviance `bd0`, and the
 * regularized incomplete gamma and beta functions with both tails computed directly (never `1 - cdf`
 * where the wanted tail is small), in linear or log scale.
 *
 * Methods: Stirling series with upward recurrence for log-gamma; Loader's saddle-point expansion
 * (stirlerr + bd0) for the densities that prefix the incomplete functions (Loader C. 2000, "Fast and
 * accurate computation of binomial probabilities"); the power series / Legendre continued fraction for
 * the incomplete gamma and the Abramowitz & Stegun 26.5.8 continued fraction for the incomplete beta,
 * both evaluated with the modified Lentz algorithm.
 * @packageDocumentation
 */

const LN_SQRT_2PI = 0.91893853320467274178032973640562; // log(sqrt(2 pi))
const LN_2PI = 1.8378770664093454835606594728112;
const EPS = 1e-16;
const TINY = 1e-300;

/** Stirling correction series sum_k B_2k / (2k (2k-1) x^(2k-1)), valid for x >= 10. */
function stirlingSeries(x: number): number {
  const x2 = 1 / (x * x);
  return (
    (1 / x) *
    (1 / 12 +
      x2 *
        (-1 / 360 +
          x2 * (1 / 1260 + x2 * (-1 / 1680 + x2 * (1 / 1188 + x2 * (-691 / 360360 + x2 * (1 / 156 + x2 * (-3617 / 122400))))))))
  );
}

/** log |Gamma(x)| for x > 0. */
export function lgamma(x: number): number {
  if (!(x > 0)) return x === 0 ? Infinity : NaN;
  if (x === 1 || x === 2) return 0;
  if (x >= 10) return (x - 0.5) * Math.log(x) - x + LN_SQRT_2PI + stirlingSeries(x);
  // Upward recurrence: Gamma(x) = Gamma(x + k) / (x (x+1) ... (x+k-1)).
  let prod = 1;
  let y = x;
  while (y < 10) {
    prod *= y;
    y += 1;
  }
  return (y - 0.5) * Math.log(y) - y + LN_SQRT_2PI + stirlingSeries(y) - Math.log(prod);
}

/** log(Beta(a, b)). */
export function lbeta(a: number, b: number): number {
  const lo = Math.min(a, b);
  const hi = Math.max(a, b);
  if (lo >= 10) {
    // Stirling on all three terms, combined to avoid cancellation of the large (x - 1/2) log x parts.
    const corr = stirlingSeries(lo) + stirlingSeries(hi) - stirlingSeries(lo + hi);
    return -0.5 * Math.log(hi) + LN_SQRT_2PI + corr + (lo - 0.5) * Math.log(lo / (lo + hi)) + hi * Math.log1p(-lo / (lo + hi));
  }
  if (hi >= 10) {
    // lgamma(hi) - lgamma(hi + lo) by Stirling, without forming the two large terms.
    const corr = stirlingSeries(hi) - stirlingSeries(hi + lo);
    return lgamma(lo) - lo * Math.log(hi) - (hi + lo - 0.5) * Math.log1p(lo / hi) + lo + corr;
  }
  return lgamma(lo) + lgamma(hi) - lgamma(lo + hi);
}

/** Stirling remainder: log Gamma(n + 1) - (n + 1/2) log n + n - log sqrt(2 pi), n > 0. */
export function stirlerr(n: number): number {
  if (n > 15) return stirlingSeries(n);
  return lgamma(n + 1) - (n + 0.5) * Math.log(n) + n - LN_SQRT_2PI;
}

/** Deviance term x log(x / m) + m - x, accurate when x is close to m. */
export function bd0(x: number, m: number): number {
  if (Math.abs(x - m) < 0.1 * (x + m)) {
    const v = (x - m) / (x + m);
    let s = (x - m) * v;
    let ej = 2 * x * v;
    const v2 = v * v;
    for (let j = 1; j < 1000; j++) {
      ej *= v2;
      const s1 = s + ej / (2 * j + 1);
      if (s1 === s) return s1;
      s = s1;
    }
    return s;
  }
  return x * Math.log(x / m) + m - x;
}

/**
 * log of the binomial "density" Gamma(n+1)/(Gamma(x+1)Gamma(n-x+1)) p^x q^(n-x) for real
 * 0 <= x <= n, with q = 1 - p supplied separately to keep its precision.
 */
export function logDbinomRaw(x: number, n: number, p: number, q: number): number {
  if (p === 0) return x === 0 ? 0 : -Infinity;
  if (q === 0) return x === n ? 0 : -Infinity;
  if (x === 0) {
    if (n === 0) return 0;
    return p < 0.1 ? -bd0(n, n * q) - n * p : n * Math.log(q);
  }
  if (x === n) return q < 0.1 ? -bd0(n, n * p) - n * q : n * Math.log(p);
  if (x < 0 || x > n) return -Infinity;
  const lc = stirlerr(n) - stirlerr(x) - stirlerr(n - x) - bd0(x, n * p) - bd0(n - x, n * q);
  const lf = LN_2PI + Math.log(x) + Math.log1p(-x / n);
  return lc - 0.5 * lf;
}

/** log of the Poisson "density" x^a e^-x / Gamma(a + 1) for real a > 0, x > 0. */
export function logDpoisRaw(a: number, x: number): number {
  if (a < 10) return a * Math.log(x) - x - lgamma(a + 1);
  return -stirlerr(a) - bd0(a, x) - 0.5 * (LN_2PI + Math.log(a));
}

/** log(1 - exp(a)) for a <= 0, accurate everywhere. */
export function log1mExp(a: number): number {
  return a > -Math.LN2 ? Math.log(-Math.expm1(a)) : Math.log1p(-Math.exp(a));
}

const MAX_ITER = 10_000_000;

/**
 * Regularized incomplete gamma function. Returns log of P(a, x) (lowerTail) or Q(a, x).
 * a > 0, x >= 0.
 */
export function logIncGamma(a: number, x: number, lowerTail: boolean): number {
  if (x <= 0) return lowerTail ? -Infinity : 0;
  if (x === Infinity) return lowerTail ? 0 : -Infinity;
  const lp = logDpoisRaw(a, x); // log(x^a e^-x / Gamma(a+1))
  if (x < a + 1) {
    // Series: P = x^a e^-x / Gamma(a+1) * sum_n x^n / ((a+1)...(a+n)).
    let term = 1;
    let sum = 1;
    for (let n = 1; n < MAX_ITER; n++) {
      term *= x / (a + n);
      sum += term;
      if (term < sum * EPS) break;
    }
    const logP = lp + Math.log(sum);
    return lowerTail ? logP : log1mExp(Math.min(logP, 0));
  }
  // Legendre continued fraction for Q, modified Lentz.
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < MAX_ITER; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < EPS) break;
  }
  const logQ = Math.log(a) + lp + Math.log(h);
  return lowerTail ? log1mExp(Math.min(logQ, 0)) : logQ;
}

/** Continued fraction (A&S 26.5.8) for I_x(a, b) without its prefactor; converges for x < (a+1)/(a+b+2). */
function betaCf(a: number, b: number, x: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m < MAX_ITER; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < EPS) break;
  }
  return h;
}

/** log of x^a y^b / (a B(a, b)), y = 1 - x. */
function logBetaPrefix(a: number, b: number, x: number, y: number): number {
  if (a + b < 20 || Math.min(a, b) < 1) {
    const lx = x > 0.5 ? Math.log1p(-y) : Math.log(x);
    const ly = y > 0.5 ? Math.log1p(-x) : Math.log(y);
    return a * lx + b * ly - lbeta(a, b) - Math.log(a);
  }
  // x^a y^b Gamma(a+b) / (Gamma(a) Gamma(b)) / a = dbinomRaw(a; a+b, x) * b / (a+b).
  return logDbinomRaw(a, a + b, x, y) + Math.log(b / (a + b));
}

/**
 * log of the regularized incomplete beta I_x(a, b) (lowerTail) or 1 - I_x(a, b), with y = 1 - x
 * supplied separately so that x close to 1 keeps its precision.
 */
export function logIncBeta(x: number, y: number, a: number, b: number, lowerTail: boolean): number {
  if (x <= 0) return lowerTail ? -Infinity : 0;
  if (y <= 0) return lowerTail ? 0 : -Infinity;
  if (x < (a + 1) / (a + b + 2)) {
    const lw = logBetaPrefix(a, b, x, y) + Math.log(betaCf(a, b, x));
    return lowerTail ? lw : log1mExp(Math.min(lw, 0));
  }
  const up = logBetaPrefix(b, a, y, x) + Math.log(betaCf(b, a, y));
  return lowerTail ? log1mExp(Math.min(up, 0)) : up;
}
