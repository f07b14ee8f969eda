/**
 * Private seeded pseudo-random numbers for the randomised statistics (cross-validation folds,
 * random forests, Boruta shadows).
 *
 * The generator is xoshiro128** (Blackman & Vigna, "Scrambled linear pseudorandom number
 * generators", ACM TOMS 2021, doi:10.1145/3460772), seeded by splitmix32 (a 32-bit variant of
 * Steele, Lea & Flood's SplitMix, OOPSLA 2014, doi:10.1145/2660193.2660195). Only 32-bit integer
 * operations are used (`Math.imul`, shifts, `>>> 0`), and floats are formed as `k / 2^32` from
 * integers, so every JavaScript engine (Node, Deno, browsers) produces identical streams.
 * Never exported from a barrel.
 */
import { describeValue } from "../../_lib/errors.js";

/** A seeded generator. All methods advance the same state. */
export interface Random {
  /** The next unsigned 32-bit integer. */
  nextUint32(): number;
  /** A float in [0, 1): a multiple of 2^-32 (exact in binary64). */
  nextFloat(): number;
  /** An integer uniform on 0..n-1 (unbiased, by rejection); `n` in 1..2^32. */
  nextInt(n: number): number;
}

function splitmix32(state: number): { state: number; value: number } {
  const s = (state + 0x9e3779b9) >>> 0;
  let z = s;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
  z = (z ^ (z >>> 16)) >>> 0;
  return { state: s, value: z };
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

/**
 * A xoshiro128** generator seeded from `seed`, a safe integer (negative allowed): its low and
 * high 32-bit words both feed the splitmix32 seeding.
 */
export function createRandom(seed: number): Random {
  const lo = seed >>> 0;
  const hi = Math.floor(seed / 4294967296) >>> 0;
  let sm = (lo ^ Math.imul(hi, 0x27d4eb2d)) >>> 0;
  const s = new Uint32Array(4);
  for (let i = 0; i < 4; i++) {
    const r = splitmix32(sm);
    sm = r.state;
    s[i] = r.value;
  }
  if ((s[0]! | s[1]! | s[2]! | s[3]!) === 0) s[0] = 1;
  const nextUint32 = (): number => {
    const s0 = s[0]!;
    const s1 = s[1]!;
    const s2 = s[2]!;
    const s3 = s[3]!;
    const result = Math.imul(rotl(Math.imul(s1, 5) >>> 0, 7), 9) >>> 0;
    const t = (s1 << 9) >>> 0;
    const n2 = (s2 ^ s0) >>> 0;
    const n3 = (s3 ^ s1) >>> 0;
    const n1 = (s1 ^ n2) >>> 0;
    const n0 = (s0 ^ n3) >>> 0;
    s[0] = n0;
    s[1] = n1;
    s[2] = (n2 ^ t) >>> 0;
    s[3] = rotl(n3, 11);
    return result;
  };
  const nextInt = (n: number): number => {
    if (n <= 1) return 0;
    // Rejection sampling on the top of the 2^32 range keeps the draw exactly uniform.
    const limit = 4294967296 - (4294967296 % n);
    for (;;) {
      const v = nextUint32();
      if (v < limit) return v % n;
    }
  };
  return { nextUint32, nextFloat: () => nextUint32() / 4294967296, nextInt };
}

/** In-place Fisher-Yates shuffle of `a` (the caller owns `a`). */
export function shuffleInPlace<T>(a: T[] | Int32Array | Float64Array, rng: Random): void {
  for (let i = a.length - 1; i > 0; i--) {
    const j = rng.nextInt(i + 1);
    const t = a[i]!;
    a[i] = a[j]!;
    a[j] = t as never;
  }
}

/** Throws unless `seed` is a safe integer; returns it. */
export function checkSeed(fn: string, name: string, seed: unknown): number {
  if (typeof seed !== "number") throw new TypeError(`${fn}: ${name} must be a number; got ${describeValue(seed)}.`);
  if (!Number.isSafeInteger(seed)) throw new RangeError(`${fn}: ${name} must be a safe integer; got ${seed}.`);
  return seed;
}
