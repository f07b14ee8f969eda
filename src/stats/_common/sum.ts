/**
 * Private: compensated (Kahan-Neumaier) summation.
 * @see Neumaier A. Rundungsfehleranalyse einiger Verfahren zur Summation endlicher Summen.
 *   ZAMM 1974;54(1):39-51. doi:10.1002/zamm.19740540106
 * @packageDocumentation
 */

/** Sum of `x` with Neumaier's compensation. */
export function neumaierSum(x: ArrayLike<number>): number {
  let s = 0;
  let c = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i]!;
    const t = s + v;
    if (Math.abs(s) >= Math.abs(v)) c += s - t + v;
    else c += v - t + s;
    s = t;
  }
  return s + c;
}

/** Mean with a compensated sum and one refinement pass (as R's mean). */
export function accurateMean(x: ArrayLike<number>): number {
  const n = x.length;
  const m = neumaierSum(x) / n;
  if (!Number.isFinite(m)) return m;
  let s = 0;
  let c = 0;
  for (let i = 0; i < n; i++) {
    const v = x[i]! - m;
    const t = s + v;
    if (Math.abs(s) >= Math.abs(v)) c += s - t + v;
    else c += v - t + s;
    s = t;
  }
  return m + (s + c) / n;
}

/** Sum of squared deviations from `m`, compensated. */
export function sumSquaredDeviations(x: ArrayLike<number>, m: number): number {
  let s = 0;
  let c = 0;
  for (let i = 0; i < x.length; i++) {
    const d = x[i]! - m;
    const v = d * d;
    const t = s + v;
    if (Math.abs(s) >= Math.abs(v)) c += s - t + v;
    else c += v - t + s;
    s = t;
  }
  return s + c;
}

/**
 * Power-of-two exponent k that brings max |x| to at most 1 when it is 2^500 or more (sums and squares
 * of such values can overflow) or below 2^-500 (squares underflow), else 0. Scaling by 2^-k is exact for normal numbers.
 */
export function overflowExponent(x: ArrayLike<number>): number {
  let max = 0;
  for (let i = 0; i < x.length; i++) max = Math.max(max, Math.abs(x[i]!));
  // Tiny values too (below 2^-500): their squares underflow.
  if (!(max >= 2 ** 500) && !(max > 0 && max < 2 ** -500)) return 0;
  return Math.ceil(Math.log2(max));
}

/** v 2^e, exact unless the result over- or underflows (2^e itself may not be representable). */
export function ldexp(v: number, e: number): number {
  let r = v;
  let k = e;
  while (k > 1000) {
    r *= 2 ** 1000;
    k -= 1000;
  }
  while (k < -1000) {
    r *= 2 ** -1000;
    k += 1000;
  }
  return r * 2 ** k;
}

function scaled(x: ArrayLike<number>, k: number): Float64Array {
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) out[i] = ldexp(x[i]!, -k);
  return out;
}

/**
 * Mean and sum of squared deviations of x, safe from intermediate overflow: for huge values both are
 * computed on x 2^-k (k from {@link overflowExponent}); `ss` is that scaled sum and `k` the exponent,
 * so the sum of squared deviations is ss 4^k and the sd is sqrt(ss / (n - 1)) 2^k (use {@link ldexp}). For other data
 * k = 0 and the numbers are those of {@link accurateMean} and {@link sumSquaredDeviations}.
 */
export function meanAndSpread(x: ArrayLike<number>): { mean: number; ss: number; k: number } {
  const k = overflowExponent(x);
  if (k === 0) {
    const m = accurateMean(x);
    return { mean: m, ss: sumSquaredDeviations(x, m), k };
  }
  const xs = scaled(x, k);
  const ms = accurateMean(xs);
  return { mean: ldexp(ms, k), ss: sumSquaredDeviations(xs, ms), k };
}

/** Mean of x, safe from intermediate overflow (see {@link meanAndSpread}). */
export function safeMean(x: ArrayLike<number>): number {
  const k = overflowExponent(x);
  return k === 0 ? accurateMean(x) : ldexp(accurateMean(scaled(x, k)), k);
}
