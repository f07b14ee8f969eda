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
