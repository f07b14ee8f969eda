/**
 * Private small dense linear algebra for the survival models (row-major Float64Array, p x p).
 * @packageDocumentation
 */

/**
 * Cholesky decomposition in place of a symmetric positive semi-definite matrix (lower triangle),
 * returning the rank; pivots below `tol` times the largest diagonal are zeroed (as a generalized
 * inverse does), and their indices are returned in `singular`.
 */
export function cholesky(a: Float64Array, p: number, tol = 1e-9): { rank: number; singular: boolean[] } {
  let maxDiag = 0;
  for (let i = 0; i < p; i++) maxDiag = Math.max(maxDiag, Math.abs(a[i * p + i]!));
  const eps = tol * (maxDiag > 0 ? maxDiag : 1);
  const singular = new Array<boolean>(p).fill(false);
  let rank = 0;
  for (let j = 0; j < p; j++) {
    let d = a[j * p + j]!;
    for (let k = 0; k < j; k++) if (!singular[k]) d -= a[j * p + k]! * a[j * p + k]! * a[k * p + k]!;
    if (!(d > eps)) {
      singular[j] = true;
      a[j * p + j] = 0;
      for (let i = j + 1; i < p; i++) a[i * p + j] = 0;
      continue;
    }
    a[j * p + j] = d;
    rank++;
    for (let i = j + 1; i < p; i++) {
      let s = a[i * p + j]!;
      for (let k = 0; k < j; k++) if (!singular[k]) s -= a[i * p + k]! * a[j * p + k]! * a[k * p + k]!;
      a[i * p + j] = s / d;
    }
  }
  return { rank, singular };
}

/** Solves (L D L') x = b with the factor from {@link cholesky} (singular directions get 0). */
export function cholSolve(a: Float64Array, p: number, singular: readonly boolean[], b: ArrayLike<number>): Float64Array {
  const x = Float64Array.from(b);
  for (let i = 0; i < p; i++) {
    let s = x[i]!;
    for (let k = 0; k < i; k++) s -= a[i * p + k]! * x[k]!;
    x[i] = s;
  }
  for (let i = 0; i < p; i++) x[i] = singular[i] ? 0 : x[i]! / a[i * p + i]!;
  for (let i = p - 1; i >= 0; i--) {
    let s = x[i]!;
    for (let k = i + 1; k < p; k++) s -= a[k * p + i]! * x[k]!;
    x[i] = singular[i] ? 0 : s;
  }
  return x;
}

/** The (generalized) inverse of a symmetric PSD matrix via {@link cholesky}. */
export function symInverse(m: Float64Array, p: number, tol = 1e-9): { inv: Float64Array; rank: number; singular: boolean[] } {
  const a = Float64Array.from(m);
  const { rank, singular } = cholesky(a, p, tol);
  const inv = new Float64Array(p * p);
  const e = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    e.fill(0);
    e[j] = 1;
    const col = cholSolve(a, p, singular, e);
    for (let i = 0; i < p; i++) inv[i * p + j] = col[i]!;
  }
  return { inv, rank, singular };
}

/** x' A^- x for a symmetric PSD A (generalized inverse), with the rank. */
export function quadFormInverse(m: Float64Array, p: number, x: ArrayLike<number>, tol = 1e-9): { value: number; rank: number } {
  const a = Float64Array.from(m);
  const { rank, singular } = cholesky(a, p, tol);
  const y = cholSolve(a, p, singular, x);
  let v = 0;
  for (let i = 0; i < p; i++) v += x[i]! * y[i]!;
  return { value: v, rank };
}

/**
 * x' M⁻¹ x for any nonsingular M (not only positive definite ones, unlike {@link quadFormInverse}) by
 * Gaussian elimination with partial pivoting, or null when M is singular (a pivot below 1e-9 times the
 * largest absolute entry).
 */
export function quadFormSolve(m: Float64Array, p: number, x: ArrayLike<number>): number | null {
  const a = Float64Array.from(m);
  const b = Float64Array.from(x);
  let scale = 0;
  for (let i = 0; i < p * p; i++) scale = Math.max(scale, Math.abs(a[i]!));
  if (!(scale > 0)) return null;
  const tol = 1e-9 * scale;
  for (let c = 0; c < p; c++) {
    let piv = c;
    for (let r = c + 1; r < p; r++) if (Math.abs(a[r * p + c]!) > Math.abs(a[piv * p + c]!)) piv = r;
    if (!(Math.abs(a[piv * p + c]!) > tol)) return null;
    if (piv !== c) {
      for (let k = 0; k < p; k++) {
        const t = a[c * p + k]!;
        a[c * p + k] = a[piv * p + k]!;
        a[piv * p + k] = t;
      }
      const t = b[c]!;
      b[c] = b[piv]!;
      b[piv] = t;
    }
    for (let r = c + 1; r < p; r++) {
      const f = a[r * p + c]! / a[c * p + c]!;
      if (f === 0) continue;
      for (let k = c; k < p; k++) a[r * p + k]! -= f * a[c * p + k]!;
      b[r]! -= f * b[c]!;
    }
  }
  const y = new Float64Array(p);
  for (let i = p - 1; i >= 0; i--) {
    let s = b[i]!;
    for (let k = i + 1; k < p; k++) s -= a[i * p + k]! * y[k]!;
    y[i] = s / a[i * p + i]!;
  }
  let v = 0;
  for (let i = 0; i < p; i++) v += x[i]! * y[i]!;
  return v;
}
