/**
 * Private: the WebAssembly SIMD kernels of kernels.wat (built into kernels.ts by build.mjs) behind a
 * small arena API used by the binomial elastic-net path. The JavaScript loops in
 * src/stats/elasticNet/_path.ts stay the reference: where WebAssembly, its SIMD proposal or the
 * memory is not available the path runs them instead, and the tests compare the two.
 *
 * The module (about 1.5 kB) is compiled synchronously on first use from the base64 in kernels.ts, so
 * nothing is fetched or read from disk: it works the same in Node, Deno, browsers and bundles.
 */
import { KERNELS_BASE64 } from "./kernels.js";

/** The exports of kernels.wat (pointers are byte offsets into `memory`). */
interface KernelExports {
  readonly memory: { readonly buffer: ArrayBuffer; grow(pages: number): number };
  dot(x: number, n: number, cols: number, m: number, b: number, out: number): void;
  linear(x: number, n: number, cols: number, m: number, coef: number, eta: number, a0: number): void;
  scale(x: number, n: number, col: number, v: number, dst: number): number;
  logistic(eta: number, y: number, n: number, pr: number, q: number, v: number, r: number): number;
}

/** The part of the WebAssembly global used here (typed locally: the project's lib has no DOM types). */
interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
}

let kernels: KernelExports | null | undefined;
let enabled = true;

/**
 * Switches the kernels on or off (default on; off = the JavaScript loops). For the tests that compare
 * the two paths; not part of the public API.
 */
export function setWasmKernels(on: boolean): void {
  enabled = on;
}

/**
 * The JavaScript reference of the logistic kernel over observations [from, to): p = 1/(1 + e^-eta) and
 * q = 1 − p (each computed without cancellation), v = p q / n and r = (y − p) / n written in place;
 * returns the sum of r over the range. Used by the binomial path where the kernels are off, and for the
 * odd last observation the paired kernel leaves.
 */
export function logisticRange(
  eta: Float64Array,
  y: Float64Array,
  pr: Float64Array,
  q: Float64Array,
  v: Float64Array,
  r: Float64Array,
  from: number,
  to: number,
  invN: number,
): number {
  let sr = 0;
  for (let i = from; i < to; i++) {
    const e = eta[i]!;
    const t = Math.exp(-Math.abs(e));
    const u = 1 / (1 + t);
    const pi = e >= 0 ? u : t * u;
    const qi = e >= 0 ? t * u : u;
    pr[i] = pi;
    q[i] = qi;
    v[i] = pi * qi * invN;
    const ri = (y[i]! === 1 ? qi : -pi) * invN;
    r[i] = ri;
    sr += ri;
  }
  return sr;
}

function decodeBase64(s: string): Uint8Array {
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** The instantiated kernels, or null where WebAssembly with SIMD is unavailable. */
function load(): KernelExports | null {
  if (kernels !== undefined) return kernels;
  kernels = null;
  try {
    const wa = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
    if (wa === undefined || typeof atob !== "function") return null;
    const bytes = decodeBase64(KERNELS_BASE64);
    // validate() is false where the engine lacks SIMD: the JavaScript loops run then.
    if (!wa.validate(bytes)) return null;
    kernels = new wa.Instance(new wa.Module(bytes), {}).exports as KernelExports;
  } catch {
    kernels = null;
  }
  return kernels;
}

/**
 * Views into the kernels' memory for one fit: the column-major design `x` (n x p), `nVectors`
 * vectors of length n, and the kernel calls on them. Valid until the next {@link linalgArena}
 * call (which may grow the memory and so detach these views); fits run one at a time.
 */
export interface LinalgArena {
  /** Column-major n x p design, element (i, j) at `j * n + i`. */
  readonly x: Float64Array;
  /** Work vectors of length n. */
  readonly vectors: readonly Float64Array[];
  /** out[outOffset + k] = sum_i x[cols[k] * n + i] * b[i] for k < m; `b` one of `vectors`. */
  dot(cols: ArrayLike<number>, m: number, b: Float64Array, out: Float64Array, outOffset: number): void;
  /** eta[i] = a0 + sum_k coef[cols[k]] * x[cols[k] * n + i] for k < m; `eta` one of `vectors`. */
  linear(cols: ArrayLike<number>, m: number, coef: ArrayLike<number>, eta: Float64Array, a0: number): void;
  /** dst[i] = v[i] * x[col * n + i]; returns the sum of dst. `v`, `dst` among `vectors`. */
  scale(col: number, v: Float64Array, dst: Float64Array): number;
  /**
   * From eta and y (0/1): p = 1 / (1 + exp(-eta)) and q = 1 - p, each to full relative precision,
   * v = p q / n and r = (y - p) / n; returns the sum of r. All among `vectors`. The exponential is
   * the kernel's own (Cody-Waite reduction and a degree-13 Taylor polynomial, within a few units in
   * the last place of Math.exp); an odd last row uses Math.exp.
   */
  logistic(eta: Float64Array, y: Float64Array, pr: Float64Array, q: Float64Array, v: Float64Array, r: Float64Array): number;
}

const PAGE = 65536;
const align16 = (b: number): number => Math.ceil(b / 16) * 16;

/**
 * An arena for an n x p design and `nVectors` work vectors, or null (kernels off or unavailable,
 * or the memory cannot grow to the size needed).
 */
export function linalgArena(n: number, p: number, nVectors: number): LinalgArena | null {
  if (!enabled) return null;
  const k = load();
  if (k === null) return null;
  const colsAt = 0;
  const coefAt = align16(p * 4);
  const outAt = coefAt + align16(p * 8);
  const xAt = outAt + align16(p * 8);
  const vecBytes = align16(n * 8);
  const vecAt = xAt + align16(n * p * 8);
  const total = vecAt + nVectors * vecBytes;
  if (!(total < 2 ** 31)) return null;
  const have = k.memory.buffer.byteLength;
  if (total > have) {
    try {
      k.memory.grow(Math.ceil((total - have) / PAGE));
    } catch {
      return null;
    }
  }
  const buf = k.memory.buffer;
  const cols = new Int32Array(buf, colsAt, p);
  const coef = new Float64Array(buf, coefAt, p);
  const out = new Float64Array(buf, outAt, p);
  const x = new Float64Array(buf, xAt, n * p);
  const vectors: Float64Array[] = [];
  for (let v = 0; v < nVectors; v++) vectors.push(new Float64Array(buf, vecAt + v * vecBytes, n));
  const at = (a: Float64Array): number => {
    if (a.buffer !== buf) throw new Error("linalgArena: a vector outside the arena (internal error)");
    return a.byteOffset;
  };
  return {
    x,
    vectors,
    dot(c, m, b, o, offset) {
      if (m <= 0) return;
      for (let t = 0; t < m; t++) cols[t] = c[t]!;
      k.dot(xAt, n, colsAt, m, at(b), outAt);
      for (let t = 0; t < m; t++) o[offset + t] = out[t]!;
    },
    linear(c, m, cf, eta, a0) {
      for (let t = 0; t < m; t++) {
        const j = c[t]!;
        cols[t] = j;
        coef[t] = cf[j]!;
      }
      k.linear(xAt, n, colsAt, m, coefAt, at(eta), a0);
    },
    scale(col, v, dst) {
      return k.scale(xAt, n, col, at(v), at(dst));
    },
    logistic(eta, y, pr, q, v, r) {
      const sum = k.logistic(at(eta), at(y), n, at(pr), at(q), at(v), at(r));
      // the kernel works on pairs: an odd last observation by the JavaScript reference
      return n % 2 === 1 ? sum + logisticRange(eta, y, pr, q, v, r, n - 1, n, 1 / n) : sum;
    },
  };
}
