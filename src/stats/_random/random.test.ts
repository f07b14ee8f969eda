import { describe, expect, it } from "vitest";
import { checkSeed, createRandom, shuffleInPlace } from "./index.js";

describe("_random (xoshiro128** seeded by splitmix32)", () => {
  it("gives a pinned, engine-independent stream (integer arithmetic only)", () => {
    // Checked against a separate Python transcription of Blackman & Vigna's xoshiro128starstar.c, seeded
    // by splitmix32 as documented in index.ts (arbitrary-precision ints masked to 32 bits): same 5 values.
    const r = createRandom(2026);
    expect(Array.from({ length: 5 }, () => r.nextUint32())).toEqual([1436751614, 742089593, 1736781944, 1312845263, 2711517162]);
  });
  it("is reproducible per seed and differs between seeds, including large and negative seeds", () => {
    const draw = (s: number): number[] => {
      const r = createRandom(s);
      return Array.from({ length: 8 }, () => r.nextUint32());
    };
    expect(draw(5)).toEqual(draw(5));
    expect(draw(5)).not.toEqual(draw(6));
    expect(draw(2 ** 40 + 5)).not.toEqual(draw(5));
    expect(draw(-5)).not.toEqual(draw(5));
  });
  it("nextFloat is in [0, 1) and nextInt is uniform-looking on 0..n-1", () => {
    const r = createRandom(1);
    const counts = new Array<number>(7).fill(0);
    for (let i = 0; i < 70000; i++) {
      const f = r.nextFloat();
      expect(f >= 0 && f < 1).toBe(true);
      counts[r.nextInt(7)]! += 1;
    }
    for (const c of counts) expect(Math.abs(c - 10000)).toBeLessThan(500);
    expect(r.nextInt(1)).toBe(0);
  });
  it("shuffles into a permutation", () => {
    const a = Array.from({ length: 50 }, (_, i) => i);
    shuffleInPlace(a, createRandom(3));
    expect([...a].sort((x, y) => x - y)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(a).not.toEqual(Array.from({ length: 50 }, (_, i) => i));
  });
  it("checkSeed names the argument", () => {
    expect(() => checkSeed("f", "options.seed", 1.5)).toThrow(/f: options\.seed must be a safe integer; got 1\.5\./);
    expect(() => checkSeed("f", "options.seed", "1")).toThrow(TypeError);
  });
});
