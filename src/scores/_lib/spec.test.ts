import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { roundHalfUp, snap } from "./spec.js";

/** What snap computed before it was made branch-free: the definition it must keep, bit for bit. */
const snapByMathRound = (x: number): number => {
  const r = Math.round(x * 1e9) / 1e9;
  return r === 0 ? 0 : r;
};

// Where floor(y + 0.5) alone differs from Math.round(y): the addition rounds up to the next integer.
const EDGES = [
  0.5 - 2 ** -54, // 0.49999999999999994: y + 0.5 rounds to 1
  2 ** 52 + 1, // odd integer in [2^52, 2^53): y + 0.5 is a tie, rounded to the even y + 1
  -(2 ** 52 + 1),
  2 ** 52 + 3,
  2 ** 53 - 1,
  2 ** 52 - 0.5,
  2 ** 52,
  2 ** 53,
  2 ** 53 + 2,
  -0.5,
  0.5,
  1.5,
  -1.5,
  2.5,
  -2.5,
  -0.49999999999999994,
  -0,
  0,
  Number.MIN_VALUE,
  -Number.MIN_VALUE,
  Number.MAX_VALUE,
  -Number.MAX_VALUE,
  Infinity,
  -Infinity,
  NaN,
];

describe("snap and roundHalfUp", () => {
  it("roundHalfUp(y) is Math.round(y) up to the sign of zero, on the edge cases and any double (fast-check)", () => {
    for (const y of EDGES) expect([y, roundHalfUp(y) + 0]).toEqual([y, Math.round(y) + 0]);
    // The correction is needed: without it the first edge comes out 1, not 0.
    expect(Math.floor(EDGES[0]! + 0.5)).toBe(1);
    expect(roundHalfUp(EDGES[0]!)).toBe(0);
    fc.assert(
      fc.property(fc.double(), (y) => Object.is(roundHalfUp(y) + 0, Math.round(y) + 0)),
      { numRuns: 20000 },
    );
  });

  it("snap(x) is bit for bit Math.round(x * 1e9) / 1e9 with -0 read as 0, for any double (fast-check)", () => {
    for (const y of EDGES) expect(Object.is(snap(y / 1e9), snapByMathRound(y / 1e9))).toBe(true);
    for (const x of EDGES) expect(Object.is(snap(x), snapByMathRound(x))).toBe(true);
    const decimals = fc.tuple(fc.integer({ min: -1e7, max: 1e7 }), fc.integer({ min: 0, max: 9 })).map(([m, e]) => m / 10 ** e);
    const sums = fc.array(decimals, { minLength: 1, maxLength: 6 }).map((xs) => xs.reduce((a, b) => a + b, 0) / xs.length);
    fc.assert(
      fc.property(fc.oneof(fc.double(), decimals, sums), (x) => Object.is(snap(x), snapByMathRound(x))),
      { numRuns: 20000 },
    );
    expect(Object.is(snap(-1e-12), 0)).toBe(true);
  });
});
